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

/** The largest text the worker reads, in UTF-8 bytes (as for a file). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export type WorkerRequest =
  /** The stored config (text already verified), which previews are compared with and merged into. */
  | { id: number; type: 'current'; text: string }
  /** A pasted, picked or restored text. */
  | { id: number; type: 'preview'; text: string; mode: ImportMode }
  /** The records to save the last preview; `pinned` goes into the popup's first screen. */
  | { id: number; type: 'encode'; builtBy: string; pinned: string[] }
  /** The last encoded preview was saved: it is the stored config now. */
  | { id: number; type: 'committed' }
  /** A stored config's data, decompressed and checked against its checksum. */
  | { id: number; type: 'decode'; data: string; sum: string };

/** Lists in a preview are cut to this many items (the page says how many there are). */
export const LIST_LIMIT = 500;
/**
 * The preview lists this many rows at most: receiving every row of a 40,000-role config would
 * hold the page for hundreds of milliseconds, and its counts already say what is in it all.
 */
export const PREVIEW_ROW_LIMIT = 1500;

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
  /** Profiles skipped for a reason worth fixing (not `expected`). */
  skippedCount: number;
  errorCount: number;
  warningCount: number;
  /** Diagnostics, without those on a removed secret line (the secrets notice says those once). */
  diagnosticCount: number;
  diagnostics: Diagnostic[];
  skipped: SkippedProfile[];
  /** Skipped as expected (`[default]` with no role): said quietly, not counted as a problem. */
  expectedSkipped: SkippedProfile[];
  removedSecrets: RemovedSecrets[];
  /** Compared with the stored config; null when nothing is stored. */
  diff: DiffSummary | null;
  /** For an "add to my config": what was added and what was kept. */
  merge: Omit<MergeResult, 'text'> | null;
  /** Lines of the given text where a broken character was replaced. */
  repairedLines: number[];
  /** Whether the text to store differs from the given one (secret lines or broken characters). */
  textChanged: boolean;
  /** Rows of the whole list (the preview gets the first PREVIEW_ROW_LIMIT of them). */
  rowCount: number;
  /** The given text's size. */
  bytes: number;
  lines: number;
}

export type WorkerReply =
  | { id: number; type: 'current'; roles: number; skipped: number }
  | { id: number; type: 'preview'; summary: PreviewSummary }
  | { id: number; type: 'rows'; rows: Row[] }
  /** `text`: what will be stored, when it is not the text previewed (secrets or broken characters removed, or a merge). */
  | { id: number; type: 'encoded'; previewId: number; text: string | null; records: SaveRecords }
  | { id: number; type: 'decoded'; text: string }
  | { id: number; type: 'committed' }
  | { id: number; type: 'failed'; message: string };

export const workerReplyEnvelope = z.object({
  id: z.int(),
  type: z.enum(['current', 'preview', 'rows', 'encoded', 'committed', 'decoded', 'failed']),
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
