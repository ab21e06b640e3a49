// Options (import) page entry: wires the app into the page.
import { render } from 'preact';
import { OptionsApp } from './options-app';

render(<OptionsApp />, document.getElementById('root')!);
