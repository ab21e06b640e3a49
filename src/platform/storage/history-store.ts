// storage.local "config.history": the last imported configs, each restorable (the rules are in
// core/import-history.ts). Kept in this browser only. Version 0.1.0 kept one "config.previous"
// instead: it is read into the history once and then removed.
import { encodeConfig, HISTORY_VERSION, localCopySchema, readHistory, recordCurrent, trimHistory, type HistoryHow, type HistoryItem, type ImportHistory, type LocalCopy } from '../../core';
import { RECORD_KEYS } from '../../core/storage/storage-keys';
import { browser } from '../browser';
import { decodeLocal, localStateOf, type DecodeConfig } from './local-copy';
import { withWriteLock } from './write-lock';

const KEY = RECORD_KEYS;

export function historyItemOf(copy: LocalCopy, how: HistoryHow, counts: { roles: number; skipped: number } | null): HistoryItem {
  return {
    sum: copy.sum,
    data: copy.data,
    textBytes: copy.textBytes,
    compressedBytes: copy.compressedBytes,
    savedAt: copy.savedAt,
    how,
    roles: counts?.roles ?? null,
    skipped: counts?.skipped ?? null,
  };
}

/**
 * The stored history, with the current local copy (and a 0.1.0 "previous" copy) in it when it
 * is not yet: a browser that upgraded, or a config that arrived by sync, is in the list too.
 */
export function historyWith(raw: unknown, current: LocalCopy | null, legacyPrevious: unknown): ImportHistory {
  let history = readHistory(raw);
  const has = (sum: string) => history.items.some((i) => i.sum === sum);
  const previous = localCopySchema.safeParse(legacyPrevious);
  if (previous.success && !has(previous.data.sum)) {
    history = { ...history, items: trimHistory([...history.items, historyItemOf(previous.data, 'earlier', null)], history.current) };
  }
  if (current && !has(current.sum)) history = recordCurrent(history, historyItemOf(current, 'earlier', null));
  else if (current) history = { ...history, current: current.sum };
  return history;
}

/** What the import page lists: every item without its data, newest first. */
export type HistoryEntry = Omit<HistoryItem, 'data'> & { current: boolean };

export async function loadHistory(): Promise<HistoryEntry[]> {
  const items = await browser.storage.local.get([KEY.history, KEY.current, KEY.previous]);
  const current = localCopySchema.safeParse(items[KEY.current]);
  const history = historyWith(items[KEY.history], current.success ? current.data : null, items[KEY.previous]);
  return history.items.map(({ data: _data, ...rest }) => ({ ...rest, current: rest.sum === history.current }));
}

/** The text of a history item, or null when it is gone or damaged. */
export async function loadHistoryText(sum: string, decode?: DecodeConfig): Promise<string | null> {
  const items = await browser.storage.local.get([KEY.history, KEY.current, KEY.previous]);
  const current = localCopySchema.safeParse(items[KEY.current]);
  const history = historyWith(items[KEY.history], current.success ? current.data : null, items[KEY.previous]);
  const item = history.items.find((i) => i.sum === sum);
  if (!item) return null;
  return decodeLocal({ v: 1, sum: item.sum, data: item.data, savedAt: item.savedAt, textBytes: item.textBytes, compressedBytes: item.compressedBytes }, decode);
}

const itemCopy = (item: HistoryItem): LocalCopy => ({ v: 1, sum: item.sum, data: item.data, savedAt: item.savedAt, textBytes: item.textBytes, compressedBytes: item.compressedBytes });

/**
 * Rewrites the text of every history item with `rewrite` (the current config's item and a 0.1.0
 * "previous" copy included), keeping each item's date, kind and counts; an item whose text does
 * not decode is dropped. Returns how many items changed. For cleaning what an older version
 * stored (secrets that today's rules remove).
 */
export function rewriteHistoryTexts(rewrite: (text: string) => string): Promise<number> {
  return withWriteLock('config', async () => {
    const items = await browser.storage.local.get([KEY.history, KEY.current, KEY.previous]);
    const history = historyWith(items[KEY.history], localStateOf(items[KEY.current]).current, items[KEY.previous]);
    let changed = 0;
    let current = history.current;
    const rewritten: HistoryItem[] = [];
    for (const item of history.items) {
      const text = await decodeLocal(itemCopy(item));
      if (text === null) continue;
      const next = rewrite(text);
      if (next === text) {
        rewritten.push(item);
        continue;
      }
      const encoded = await encodeConfig(next);
      if (item.sum === current) current = encoded.sum;
      rewritten.push({ ...item, sum: encoded.sum, data: encoded.data, textBytes: encoded.textBytes, compressedBytes: encoded.compressedBytes });
      changed++;
    }
    if (changed === 0 && items[KEY.previous] === undefined) return 0;
    const unique = rewritten.filter((item, i) => rewritten.findIndex((other) => other.sum === item.sum) === i);
    await browser.storage.local.set({ [KEY.history]: { v: HISTORY_VERSION, current, items: trimHistory(unique, current) } });
    await browser.storage.local.remove(KEY.previous);
    return changed;
  });
}
