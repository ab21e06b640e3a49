// Storage glue: the only code that reads or writes extension storage, one file per record.
// The layout and every check live in src/core (storage-codec.ts, import-history.ts); these
// files move records, order writers (write-lock.ts) and decide what to tell the user.
//
// Where things live:
//   storage.sync   "cfg" pointer + "c.<gen>.<i>" chunks: the config text (secrets already
//                  removed), compressed (config-store.ts, sync-writer.ts); "settings"
//                  (settings-store.ts). Follows the user across browsers.
//   storage.local  "config.current": the last good config this browser has seen (local-copy.ts);
//                  "config.history": the last imports, each restorable (history-store.ts);
//                  "catalogue.cache" and "catalogue.head": the imported catalogue and the popup's
//                  first screen (catalogue-store.ts, catalogue-head.ts); "recent" (recent-store.ts).
export { extensionVersion } from './build-info';
export { addToHead, type LoadedHead } from './catalogue-head';
export { EMPTY_CATALOGUE, loadCatalogue, pinnedAndRecentProfiles, rebuildCatalogueCache, type BuildCatalogue, type LoadedCatalogue, type OrganisationPart } from './catalogue-store';
export { ConfigChangedError, loadConfig, saveConfig, type ConfigSource, type PreparedSave, type StoredConfig } from './config-store';
export { firstScreenFrom, type FirstScreen } from './first-screen';
export { loadHistory, loadHistoryText, rewriteHistoryTexts, type HistoryEntry } from './history-store';
export type { DecodeConfig } from './local-copy';
export { lockedSettings, personalConfigAllowed, PersonalConfigRefusedError, SettingLockedError } from './organisation-flags';
export { prepareSave } from './prepare-save';
export { PROBLEM } from './problems';
export { loadRecent, pushRecent } from './recent-store';
export { loadSettings, readSettings, saveSettings, toggleCollapsedApp, toggleFavourite } from './settings-store';
export { onStorageChanged, type StorageChange } from './storage-changes';
export type { SaveResult } from './sync-writer';
