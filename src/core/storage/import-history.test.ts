import { EMPTY_HISTORY, HISTORY_BUDGET_BYTES, HISTORY_LIMIT, itemBeforeCurrent, markCurrent, readHistory, recordCurrent, trimHistory, type HistoryItem } from './import-history';

const sum = (n: number) => n.toString(16).padStart(16, '0');
const item = (n: number, data = 'x'): HistoryItem => ({ sum: sum(n), data, textBytes: 10, compressedBytes: 5, savedAt: n, how: 'import', roles: n, skipped: 0 });

describe('import history', () => {
  test('imports go on top, newest first, and the newest is current', () => {
    let h = EMPTY_HISTORY;
    for (const n of [1, 2, 3]) h = recordCurrent(h, item(n));
    expect(h.items.map((i) => i.roles)).toEqual([3, 2, 1]);
    expect(h.current).toBe(sum(3));
  });

  test('Undo walks back one step at a time instead of swapping the last two', () => {
    let h = EMPTY_HISTORY;
    for (const n of [1, 2, 3]) h = recordCurrent(h, item(n));
    const seen: (number | null)[] = [];
    for (let step = 0; step < 3; step++) {
      const before = itemBeforeCurrent(h);
      seen.push(before?.roles ?? null);
      if (before) h = markCurrent(h, before.sum);
    }
    expect(seen).toEqual([2, 1, null]);
    // A restore keeps the order: the later imports are still there to go back to.
    expect(h.items.map((i) => i.roles)).toEqual([3, 2, 1]);
    expect(h.current).toBe(sum(1));
  });

  test('a text imported again moves to the top once; restoring something not in the list changes nothing', () => {
    let h = EMPTY_HISTORY;
    for (const n of [1, 2, 1]) h = recordCurrent(h, item(n));
    expect(h.items.map((i) => i.roles)).toEqual([1, 2]);
    expect(markCurrent(h, sum(99))).toBe(h);
  });

  test(`at most ${HISTORY_LIMIT} items and ${HISTORY_BUDGET_BYTES} bytes, oldest dropped first, never the current one`, () => {
    let h = EMPTY_HISTORY;
    for (let n = 1; n <= HISTORY_LIMIT + 3; n++) h = recordCurrent(h, item(n));
    expect(h.items).toHaveLength(HISTORY_LIMIT);
    expect(h.items.at(-1)!.roles).toBe(4);
    // Two of these are over the budget together: only one stays, the current one.
    const big = 'y'.repeat(HISTORY_BUDGET_BYTES / 2 + 1);
    const items = [item(1, big), item(2, big), item(3, big)];
    expect(trimHistory(items, sum(3)).map((i) => i.roles)).toEqual([3]);
    expect(trimHistory(items, sum(1)).map((i) => i.roles)).toEqual([1]);
    expect(trimHistory([item(1, big + big + big)], sum(1))).toHaveLength(1);
  });

  test('a damaged record reads as an empty history, never a throw', () => {
    for (const raw of [undefined, null, 'x', { v: 2, items: [] }, { v: 1, current: null, items: [{ sum: 'nope' }] }]) expect(readHistory(raw)).toEqual(EMPTY_HISTORY);
  });
});
