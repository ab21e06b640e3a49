import { render } from 'preact';

function Popup() {
  return <main><h1>Role Switchboard</h1></main>;
}

render(<Popup />, document.getElementById('root')!);
