// Popup entry: wires the app into the page; everything else lives in popup-app.tsx.
import { render } from 'preact';
// (Marks: `npm run bench` splits the first render into script start, data loaded, rendered.)
performance.mark('rsb:start');
import { PopupApp } from './popup-app';

render(<PopupApp />, document.getElementById('root')!);
