// The popup's first screen, from the records readFirstScreenItems read at popup start.
import { catalogueHeadSchema, parseStoredSettings, POINTER_KEY, type Settings } from '../../core';
import { RECORD_KEYS } from '../../core/storage/storage-keys';
import type { FirstScreenItems } from '../first-screen-read';
import { extensionVersion } from './build-info';
import type { LoadedHead } from './catalogue-head';
import { currentCopy } from './current-copy';
import { recentFrom } from './recent-store';
import { settingsAfterReadError } from './settings-store';

const KEY = RECORD_KEYS;

/** The head in `localItems` when it is fresh (same checks as the fast path of loadCatalogue), else null. */
function freshHead(pointerRaw: unknown, localItems: Record<string, unknown>): LoadedHead | null {
  const { fromSync, expected, problem } = currentCopy(pointerRaw, localItems[KEY.current]);
  const head = catalogueHeadSchema.safeParse(localItems[KEY.head]);
  if (!head.success || !expected || head.data.sum !== expected || head.data.builtBy !== extensionVersion()) return null;
  return { head: head.data, source: fromSync ? 'sync' : 'local', problem };
}

/** What the popup's first screen shows: the catalogue head (null when stale or missing), settings, recent roles. */
export interface FirstScreen {
  head: LoadedHead | null;
  settings: Settings;
  settingsProblem?: string;
  recent: string[];
}

/** The first screen from the records readFirstScreenItems read (validated here). */
export function firstScreenFrom(items: FirstScreenItems): FirstScreen {
  const settings = items.syncError === undefined ? parseStoredSettings(items.sync[KEY.settings]) : settingsAfterReadError(items.syncError);
  // (Every record is checked with safeParse: a malformed one reads as no fresh head.)
  const head = freshHead(items.sync[POINTER_KEY], items.local);
  return { head, settings: settings.settings, settingsProblem: settings.problem, recent: recentFrom(items.local) };
}
