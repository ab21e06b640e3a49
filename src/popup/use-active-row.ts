// The keyboard's active row: the row Enter switches. Until the user moves, it is `initial`
// (the popup passes the best match while a query is typed, "you are here" on a console tab,
// and -1 otherwise: opening the popup never puts a role under Enter by itself). A new query
// resets it (derived, no extra render). New rows for the same query (the full catalogue
// arriving after the first screen, a pin, a session mark) keep the row the user moved to, by
// its key: a refresh that lands between ArrowDown and Enter must not take the role from under
// Enter (seen in the e2e suite under load).
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

interface Chosen {
  query: string;
  rows: readonly Row[];
  index: number;
}

/** Where the user's choice stands in `rows`: -1 when it is not for this query or is gone. */
function chosenIndex(chosen: Chosen | null, rows: readonly Row[], query: string): number {
  if (!chosen || chosen.query !== query) return -1;
  if (chosen.rows === rows) return chosen.index;
  const key = chosen.rows[chosen.index]?.key;
  return key === undefined ? -1 : rows.findIndex((r) => r.key === key);
}

export function useActiveRow(rows: readonly Row[], initial: number, query: string): ActiveRow {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const kept = chosenIndex(chosen, rows, query);
  const index = kept >= 0 ? kept : initial;
  const row = index >= 0 ? rows[index] : undefined;
  const choose = (i: number) => setChosen({ query, rows, index: i });
  return {
    index,
    entry: row?.kind === 'entry' ? row.entry : undefined,
    move: (step) => choose(index < 0 ? moveActive(rows, -1, 1) : moveActive(rows, index, step)),
    edge: (end) => choose(end < 0 ? moveActive(rows, -1, 1) : moveActive(rows, rows.length, -1)),
    set: choose,
  };
}
