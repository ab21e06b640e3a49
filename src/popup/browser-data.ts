// The popup's data interface (popup-data.ts) over the real extension: storage, tabs, the
// background's switch.
import type { FirstScreen } from '../platform/storage';
import { openImportPage } from '../platform/pages';
import { loadCatalogue, loadRecent, onStorageChanged, readSettings, saveSettings, toggleCollapsedApp, toggleFavourite } from '../platform/storage';
import { loadBasis, switchBack } from './basis';
import type { PopupData } from './popup-data';
import { switchTo } from './switch-to';
import { askWhereAmI } from './where-am-i';
import { loadSessions } from './sessions';

export function browserPopupData(firstScreen: Promise<FirstScreen>): PopupData {
  return {
    firstScreen,
    // (No importer here: a stale cache is rebuilt by the background, which has it.)
    loadCatalogue: (options) => loadCatalogue(options),
    readSettings,
    loadRecent,
    onStorageChanged,
    toggleFavourite,
    toggleCollapsedApp,
    openImportPage,
    switchTo,
    askWhereAmI,
    loadSessions,
    loadBasis,
    setOnlyReachable: (on) => saveSettings({ onlyReachable: on }),
    switchBack,
    copyText: (text) => navigator.clipboard.writeText(text),
    close: () => window.close(),
    marks: {
      mark: (name) => void performance.mark(name),
      measure: (name, start) => void performance.measure(name, { start, end: performance.now() }),
    },
  };
}
