// Messages between the import page and its worker (import-worker.ts), which does every heavy
// step of an import off the page's main thread: reading the text, removing secrets, building
// the catalogue and the preview rows, comparing with the stored config, merging, encoding.
//
// The worker is our own code, started by the page from the extension's origin, so its answers
// are trusted like the page's own. Only the envelope is checked with zod: checking every entry
// of a 50,000-role preview would take longer than the page may block (50 ms).
import type { CatalogueDiff, ChangedEntry, Diagnostic, MergeResult, RemovedSecrets, SaveRecords, SkippedProfile } from '../../core';
import type { Row } from '../../ui/rows';
import * as z from '../../core/zod';

/** What the worker does to the pending text: replace the stored config, or add to it. */
export type ImportMode = 'replace' | 'merge';

export type WorkerRequest =
  /** The stored config (text already verified), which previews are compared with and merged into. */
  | { id: number; type: 'current'; text: string }
  /** A pasted, picked or restored text. */
  | { id: number; type: 'preview'; text: string; mode: ImportMode }
  /** The records to save the last preview; `pinned` goes into the popup's first screen. */
  | { id: number; type: 'encode'; builtBy: string; pinned: string[] }
  /** The last encoded preview was saved: it is the stored config now. */
  | { id: number; type: 'committed' };

/** Lists in a preview are cut to this many items (the page says how many there are). */
export const LIST_LIMIT = 500;
/** Rows are sent in slices of this many, so no one message takes the page long to receive. */
export const ROW_SLICE = 2000;

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** The first LIST_LIMIT of each, by profile. */
  addedProfiles: string[];
  removedProfiles: string[];
  changes: { profile: string; what: string[] }[];
  /** Production roles the change would show as another environment. */
  productionLost: string[];
  needsConfirmation: boolean;
}

export interface PreviewSummary {
  roles: number;
  apps: number;
  production: number;
  skippedCount: number;
  errorCount: number;
  warningCount: number;
  diagnosticCount: number;
  diagnostics: Diagnostic[];
  skipped: SkippedProfile[];
  removedSecrets: RemovedSecrets[];
  /** Compared with the stored config; null when nothing is stored. */
  diff: DiffSummary | null;
  /** For an "add to my config": what was added and what was kept. */
  merge: Omit<MergeResult, 'text'> | null;
  /** Lines of the given text where a broken character was replaced. */
  repairedLines: number[];
  /** Whether the text to store differs from the given one (secret lines or broken characters). */
  textChanged: boolean;
  rowCount: number;
}

export type WorkerReply =
  | { id: number; type: 'current'; roles: number; skipped: number }
  | { id: number; type: 'preview'; summary: PreviewSummary }
  | { id: number; type: 'rows'; from: number; rows: Row[]; done: boolean }
  | { id: number; type: 'encoded'; text: string; records: SaveRecords }
  | { id: number; type: 'committed' }
  | { id: number; type: 'failed'; message: string };

export const workerReplyEnvelope = z.object({
  id: z.int(),
  type: z.enum(['current', 'preview', 'rows', 'encoded', 'committed', 'failed']),
});

export function summariseDiff(diff: CatalogueDiff, productionLost: readonly ChangedEntry[], needsConfirmation: boolean): DiffSummary {
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged,
    addedProfiles: diff.added.slice(0, LIST_LIMIT).map((e) => e.profile),
    removedProfiles: diff.removed.slice(0, LIST_LIMIT).map((e) => e.profile),
    changes: diff.changed.slice(0, LIST_LIMIT).map((c) => ({ profile: c.after.profile, what: c.what })),
    productionLost: productionLost.slice(0, LIST_LIMIT).map((c) => c.after.profile),
    needsConfirmation,
  };
}
