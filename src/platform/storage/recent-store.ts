// storage.local "recent": the roles switched to last, most recent first.
import { pushRecent as pushRecentList, recentSchema, type CatalogueEntry } from '../../core';
import { RECORD_KEYS } from '../../core/storage/storage-keys';
import { browser } from '../browser';
import { addToHead } from './catalogue-head';
import { withWriteLock } from './write-lock';

const KEY = RECORD_KEYS.recent;

export function recentFrom(localItems: Record<string, unknown>): string[] {
  const parsed = recentSchema.safeParse(localItems[KEY]);
  return parsed.success ? parsed.data : [];
}

export async function loadRecent(): Promise<string[]> {
  try {
    return recentFrom(await browser.storage.local.get(KEY));
  } catch {
    return [];
  }
}

export async function pushRecent(profile: string, entry?: CatalogueEntry): Promise<string[]> {
  const next = await withWriteLock('recent', async () => {
    const list = pushRecentList(await loadRecent(), profile);
    await browser.storage.local.set({ [KEY]: list });
    return list;
  });
  await addToHead(entry).catch(() => {});
  return next;
}
