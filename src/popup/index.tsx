// Popup entry: starts the first-screen reads, then mounts the app (popup-app.tsx) once they
// are in. First import on purpose: see first-screen.ts.
import { firstScreenItems } from './first-screen';
import { render } from 'preact';
import { firstScreenFrom, type FirstScreen } from '../platform/storage';
import { browserPopupData } from './browser-data';
import { PopupApp } from './popup-app';
import { adoptPageStyles } from '../ui/page-styles';
import popupRules from '../../public/styles.css?popup';

// (Marks: `npm run bench` splits the first render into script start, data loaded, rendered.)
performance.mark('rsb:start');
adoptPageStyles(document, popupRules);
const firstScreen = firstScreenItems.then((items) => {
  const first = firstScreenFrom(items);
  performance.mark('rsb:data');
  return first;
});

/**
 * The first render waits for the first-screen data (read while the scripts were evaluated, it
 * is usually in within ~5 ms of them) so that it draws the list at once: an empty shell first
 * would cost a frame and a layout jump. A storage that is slow to answer still gets the shell
 * (with "Loading…") after this long.
 */
const SHELL_AFTER_MS = 120;

const data = browserPopupData(firstScreen);
const root = document.getElementById('root')!;
let mounted = false;
function mount(initial?: FirstScreen) {
  if (mounted) return;
  mounted = true;
  render(<PopupApp data={data} initial={initial} />, root);
}
void firstScreen.then(mount);
setTimeout(() => mount(), SHELL_AFTER_MS);
