// The import history: the last configs this browser has made current (by an import, an "add to
// my config", or a config arriving from another browser through sync), newest first, each with
// its date and counts, each restorable. It replaces a single "previous config" slot, with which
// pressing Undo twice only swapped the last two configs back and forth.
//
// Restoring an item does not reorder the list: it moves the "current" mark. So Undo (restore
// the item just older than the current one) walks back through the history one step at a time,
// and a later import goes on top without dropping the configs below it.
//
// Items are kept by checksum (a text is in the list once); the list keeps at most HISTORY_LIMIT
// items and HISTORY_BUDGET_BYTES of compressed text (storage.local is 10 MB in all), dropping the
// oldest first and never the current one.
import * as z from '../zod';

export const HISTORY_LIMIT = 10;
export const HISTORY_BUDGET_BYTES = 3 * 1024 * 1024;

/** How a config became current. */
export const HISTORY_HOW = ['import', 'merge', 'synced', 'earlier'] as const;
export type HistoryHow = (typeof HISTORY_HOW)[number];

export const historyItemSchema = z.object({
  /** Checksum of the config text (config-codec's checksumText): the item's identity. */
  sum: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  /** The compressed text, as in config.current. */
  data: z.string(),
  textBytes: z.int().check(z.minimum(0)),
  compressedBytes: z.int().check(z.minimum(0)),
  /** When it was imported (or arrived). */
  savedAt: z.number(),
  how: z.enum(HISTORY_HOW),
  /** Roles and skipped profiles it gave; null when not known (a config that arrived by sync). */
  roles: z.nullable(z.int().check(z.minimum(0))),
  skipped: z.nullable(z.int().check(z.minimum(0))),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const HISTORY_VERSION = 1;
export const importHistorySchema = z.object({
  v: z.literal(HISTORY_VERSION),
  /** Checksum of the current config (one of the items), or null. */
  current: z.nullable(z.string()),
  items: z.array(historyItemSchema).check(z.maxLength(HISTORY_LIMIT)),
});
export type ImportHistory = z.infer<typeof importHistorySchema>;

export const EMPTY_HISTORY: ImportHistory = { v: HISTORY_VERSION, current: null, items: [] };

/** A stored history, or an empty one when the record is missing or damaged (never a throw). */
export function readHistory(raw: unknown): ImportHistory {
  const parsed = importHistorySchema.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY_HISTORY;
}

/** Drops the oldest items (never the current one) until the list fits its limits. */
export function trimHistory(items: readonly HistoryItem[], current: string | null): HistoryItem[] {
  const kept = [...items];
  const bytes = () => kept.reduce((n, item) => n + item.data.length, 0);
  for (let i = kept.length - 1; i >= 0 && (kept.length > HISTORY_LIMIT || bytes() > HISTORY_BUDGET_BYTES); i--) {
    if (kept[i]!.sum !== current) kept.splice(i, 1);
  }
  return kept;
}

/** A new current config on top of the list (an import, a merge, a synced config). */
export function recordCurrent(history: ImportHistory, item: HistoryItem): ImportHistory {
  const items = [item, ...history.items.filter((i) => i.sum !== item.sum)];
  return { v: HISTORY_VERSION, current: item.sum, items: trimHistory(items, item.sum) };
}

/** Marks an item that is already in the list as current (a restore): the order stays. */
export function markCurrent(history: ImportHistory, sum: string): ImportHistory {
  if (!history.items.some((i) => i.sum === sum)) return history;
  return { ...history, current: sum };
}

/** The item Undo restores: the one just older than the current one, or null. */
export function itemBeforeCurrent(history: ImportHistory): HistoryItem | null {
  const at = history.items.findIndex((i) => i.sum === history.current);
  return at === -1 ? null : (history.items[at + 1] ?? null);
}
