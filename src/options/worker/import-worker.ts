// The import page's worker (see protocol.ts). It keeps two catalogues: the stored config's
// (`current`) and the last preview's (`pending`), so that comparing, merging and encoding need
// nothing from the page but a word.
import {
  diffCatalogues,
  importConfig,
  mergeConfigText,
  needsConfirmation,
  prepareImport,
  prepareSaveRecords,
  productionLost,
  type Catalogue,
  type MergeResult,
  type PreparedImport,
} from '../../core';
import { buildRows, orderEntries } from '../../ui/rows';
import { LIST_LIMIT, ROW_SLICE, summariseDiff, type ImportMode, type PreviewSummary, type WorkerReply, type WorkerRequest } from './protocol';

interface Pending {
  mode: ImportMode;
  /** What will be stored, and its catalogue. */
  stored: PreparedImport;
  merge: MergeResult | null;
}

let current: { text: string; catalogue: Catalogue } | null = null;
let pending: Pending | null = null;
let encodedFor: Pending | null = null;

const reply = (message: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(message);

function summarise(shown: Catalogue, pendingImport: Pending, given: PreparedImport): PreviewSummary {
  const after = pendingImport.stored.catalogue;
  const diff = current ? diffCatalogues(current.catalogue.entries, after.entries) : null;
  const errors = shown.diagnostics.filter((d) => d.severity === 'error').length;
  const { text: _merged, ...merge } = pendingImport.merge ?? { text: '' };
  return {
    roles: after.entries.length,
    apps: new Set(after.entries.map((e) => e.app.toLowerCase())).size,
    production: after.entries.filter((e) => e.isProduction).length,
    skippedCount: shown.skipped.length,
    errorCount: errors,
    warningCount: shown.diagnostics.length - errors,
    diagnosticCount: shown.diagnostics.length,
    diagnostics: shown.diagnostics.slice(0, LIST_LIMIT),
    skipped: shown.skipped.slice(0, LIST_LIMIT),
    removedSecrets: shown.removedSecrets,
    diff: diff ? summariseDiff(diff, productionLost(diff), needsConfirmation(diff)) : null,
    merge: pendingImport.merge ? (merge as PreviewSummary['merge']) : null,
    repairedLines: given.repairedLines,
    textChanged: given.text !== pendingImport.stored.text || pendingImport.mode === 'merge',
    rowCount: 0,
  };
}

function preview(id: number, text: string, mode: ImportMode): void {
  // Messages and line numbers refer to the text the user sees (importConfig removes secrets
  // and repairs characters internally, keeping lines); what is stored is prepareImport's text.
  const shown = importConfig(text);
  const given = prepareImport(text, shown);
  let stored = given;
  let merge: MergeResult | null = null;
  if (mode === 'merge' && current) {
    merge = mergeConfigText(current.text, given.text);
    stored = { ...given, text: merge.text, catalogue: importConfig(merge.text) };
  }
  pending = { mode, stored, merge };
  const summary = summarise(shown, pending, given);
  const rows = buildRows(orderEntries(stored.catalogue.entries));
  reply({ id, type: 'preview', summary: { ...summary, rowCount: rows.length } });
  let from = 0;
  do {
    reply({ id, type: 'rows', from, rows: rows.slice(from, from + ROW_SLICE), done: from + ROW_SLICE >= rows.length });
    from += ROW_SLICE;
  } while (from < rows.length);
}

async function encode(id: number, builtBy: string, pinned: string[]): Promise<void> {
  if (!pending) throw new Error('there is nothing to import: paste or choose a config first');
  const { text, catalogue } = pending.stored;
  const records = await prepareSaveRecords(text, catalogue, builtBy, pinned);
  encodedFor = pending;
  reply({ id, type: 'encoded', text, records });
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'current': {
      const catalogue = importConfig(request.text);
      // Nothing stored: there is nothing to compare with or merge into.
      current = request.text === '' ? null : { text: request.text, catalogue };
      reply({ id: request.id, type: 'current', roles: catalogue.entries.length, skipped: catalogue.skipped.length });
      return;
    }
    case 'preview':
      preview(request.id, request.text, request.mode);
      return;
    case 'encode':
      await encode(request.id, request.builtBy, request.pinned);
      return;
    case 'committed':
      if (encodedFor) current = { text: encodedFor.stored.text, catalogue: encodedFor.stored.catalogue };
      reply({ id: request.id, type: 'committed' });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => reply({ id: request.id, type: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
