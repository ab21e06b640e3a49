// Popup entry: wires the app into the page; everything else lives in popup-app.tsx.
import { render } from 'preact';
import { PopupApp } from './popup-app';

render(<PopupApp />, document.getElementById('root')!);
