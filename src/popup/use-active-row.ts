// The keyboard's active row. It resets to the first match whenever the rows change (derived,
// no extra render).
import { useState } from 'preact/hooks';
import type { CatalogueEntry } from '../core';
import { firstEntryRow, moveActive, type Row } from '../ui/rows';

export interface ActiveRow {
  index: number;
  entry?: CatalogueEntry;
  /** Moves by `step` entries (±1, ±page), skipping headers. */
  move(step: number): void;
}

export function useActiveRow(rows: readonly Row[]): ActiveRow {
  const [active, setActive] = useState<{ rows: readonly Row[] | null; index: number }>({ rows: null, index: -1 });
  const index = active.rows === rows ? active.index : firstEntryRow(rows);
  const row = index >= 0 ? rows[index] : undefined;
  return {
    index,
    entry: row?.kind === 'entry' ? row.entry : undefined,
    move: (step) => setActive({ rows, index: moveActive(rows, index < 0 ? -1 : index, step) }),
  };
}
