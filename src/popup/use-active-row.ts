// The keyboard's active row: the row Enter switches. Until the user moves, it is `initial`
// (the popup passes the best match while a query is typed, "you are here" on a console tab,
// and -1 otherwise: opening the popup never puts a role under Enter by itself). New rows reset
// it (derived, no extra render).
import { useState } from 'preact/hooks';
import type { CatalogueEntry } from '../core';
import { moveActive, type Row } from '../ui/rows';

export interface ActiveRow {
  index: number;
  entry?: CatalogueEntry;
  /** Moves by `step` entries (±1, ±page), skipping headers; from nothing, to the first entry. */
  move(step: number): void;
  /** Moves to the first (-1) or last (+1) entry. */
  edge(end: -1 | 1): void;
  /** Makes row `index` active (a click, a focus). */
  set(index: number): void;
}

export function useActiveRow(rows: readonly Row[], initial: number): ActiveRow {
  const [active, setActive] = useState<{ rows: readonly Row[] | null; index: number }>({ rows: null, index: -1 });
  const index = active.rows === rows ? active.index : initial;
  const row = index >= 0 ? rows[index] : undefined;
  return {
    index,
    entry: row?.kind === 'entry' ? row.entry : undefined,
    move: (step) => setActive({ rows, index: index < 0 ? moveActive(rows, -1, 1) : moveActive(rows, index, step) }),
    edge: (end) => setActive({ rows, index: end < 0 ? moveActive(rows, -1, 1) : moveActive(rows, rows.length, -1) }),
    set: (i) => setActive({ rows, index: i }),
  };
}
