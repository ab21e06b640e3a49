import { render } from 'preact';

function Options() {
  return <main><h1>Import AWS config</h1></main>;
}

render(<Options />, document.getElementById('root')!);
