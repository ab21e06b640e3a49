// storage.local "catalogue.head": the popup's first screen (the first entries in display order,
// the pinned and recent entries, the app counts), so the popup draws before the whole
// catalogue is read. Written with the catalogue; pins and switches add their entry to it.
import { catalogueHeadSchema, type CatalogueEntry, type CatalogueHead } from '../../core';
import { RECORD_KEYS } from '../../core/storage/storage-keys';
import { browser } from '../browser';
import { withWriteLock } from './write-lock';

const KEY = RECORD_KEYS;
const EXTRA_LIMIT = 200;

/** Adds an entry to the head's pinned/recent entries, so the next first paint can show it. */
export async function addToHead(entry: CatalogueEntry | undefined): Promise<void> {
  if (!entry) return;
  await withWriteLock('head', async () => {
    const items = await browser.storage.local.get(KEY.head);
    const head = catalogueHeadSchema.safeParse(items[KEY.head]);
    if (!head.success || [...head.data.first, ...head.data.extra].some((e) => e.profile === entry.profile)) return;
    const extra = [...head.data.extra, JSON.parse(JSON.stringify(entry)) as CatalogueEntry].slice(-EXTRA_LIMIT);
    await browser.storage.local.set({ [KEY.head]: { ...head.data, extra } });
  });
}

export interface LoadedHead {
  head: CatalogueHead;
  source: 'sync' | 'local';
  problem?: string;
}
