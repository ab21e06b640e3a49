// The popup's first-screen reads: one per storage area (each is a round trip to the browser
// process; four separate reads cost ~5 ms more). Raw records only: validating them needs the
// schemas (storage.ts, firstScreenFrom), and this module stays free of them so that the popup
// can start the reads before those are even built.
import { POINTER_KEY, RECORD_KEYS } from '../core/storage/storage-keys';
import { browser } from './browser';

export interface FirstScreenItems {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  /** storage.sync could not be read (its records are then empty). */
  syncError?: unknown;
}

/** Never rejects: a failed area reads as empty. */
export async function readFirstScreenItems(): Promise<FirstScreenItems> {
  let syncError: unknown;
  const [sync, local] = await Promise.all([
    browser.storage.sync.get([POINTER_KEY, RECORD_KEYS.settings]).catch((error: unknown) => {
      syncError = error ?? new Error('unknown error');
      return {} as Record<string, unknown>;
    }),
    browser.storage.local.get([RECORD_KEYS.head, RECORD_KEYS.current, RECORD_KEYS.recent]).catch(() => ({}) as Record<string, unknown>),
  ]);
  return syncError === undefined ? { sync, local } : { sync, local, syncError };
}
