// The import page's worker (see protocol.ts). It keeps two catalogues: the stored config's
// (`current`) and the last preview's (`pending`), so that comparing, merging and encoding need
// nothing from the page but a word.
import {
  decodeConfig,
  diffCatalogues,
  importConfig,
  mergeConfigText,
  needsConfirmation,
  orderForDisplay,
  prepareImport,
  prepareSaveRecords,
  problemSkips,
  productionLost,
  stripSecrets,
  type Catalogue,
  type MergeResult,
  type PreparedImport,
} from '../../core';
import { buildRows } from '../../ui/rows';
import { tooBigMessage } from '../../ui/import-messages';
import { LIST_LIMIT, MAX_TEXT_BYTES, PREVIEW_ROW_LIMIT, summariseDiff, type ImportMode, type PreviewSummary, type WorkerReply, type WorkerRequest } from './protocol';

interface Pending {
  /** The preview request it answers. */
  id: number;
  mode: ImportMode;
  /** The text previewed. */
  given: string;
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
  // A secret is said once, by the secrets notice (removedSecrets): not again as a warning on its line.
  const secretLines = new Set(shown.removedSecrets.flatMap((r) => r.lines));
  const diagnostics = shown.diagnostics.filter((d) => !secretLines.has(d.line));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const skipped = problemSkips(shown.skipped);
  const { text: _merged, ...merge } = pendingImport.merge ?? { text: '' };
  return {
    roles: after.entries.length,
    apps: new Set(after.entries.map((e) => e.app.toLowerCase())).size,
    production: after.entries.filter((e) => e.isProduction).length,
    skippedCount: skipped.length,
    errorCount: errors,
    warningCount: diagnostics.length - errors,
    diagnosticCount: diagnostics.length,
    diagnostics: diagnostics.slice(0, LIST_LIMIT),
    skipped: skipped.slice(0, LIST_LIMIT),
    expectedSkipped: shown.skipped.filter((s) => s.expected),
    removedSecrets: shown.removedSecrets,
    diff: diff ? summariseDiff(diff, productionLost(diff), needsConfirmation(diff)) : null,
    merge: pendingImport.merge ? (merge as PreviewSummary['merge']) : null,
    repairedLines: given.repairedLines,
    textChanged: given.text !== pendingImport.stored.text || pendingImport.mode === 'merge',
    rowCount: 0,
    bytes: 0,
    lines: 0,
  };
}

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function preview(id: number, text: string, mode: ImportMode): void {
  // Until this preview is complete there is nothing to encode (a failed one leaves nothing).
  pending = null;
  const bytes = utf8Bytes(text);
  if (bytes > MAX_TEXT_BYTES) throw new Error(tooBigMessage('The pasted text', bytes));
  // Messages and line numbers refer to the text the user sees (importConfig removes secrets
  // and repairs characters internally, keeping lines); what is stored is prepareImport's text.
  const shown = importConfig(text);
  const given = prepareImport(text, shown);
  let stored = given;
  let merge: MergeResult | null = null;
  if (mode === 'merge' && current) {
    merge = mergeConfigText(current.text, given.text);
    // A config stored by an older version may hold secret lines that today's rules remove.
    const mergedText = stripSecrets(merge.text).text;
    stored = { ...given, text: mergedText, catalogue: importConfig(mergedText) };
  }
  pending = { id, mode, given: text, stored, merge };
  const summary = summarise(shown, pending, given);
  const rows = buildRows(orderForDisplay(stored.catalogue.entries));
  reply({ id, type: 'preview', summary: { ...summary, rowCount: rows.length, bytes, lines: countLines(text) } });
  reply({ id, type: 'rows', rows: rows.slice(0, PREVIEW_ROW_LIMIT) });
}

async function encode(id: number, builtBy: string, pinned: string[]): Promise<void> {
  if (!pending) throw new Error('there is nothing to import: paste or choose a config first');
  const { text, catalogue } = pending.stored;
  const records = await prepareSaveRecords(text, catalogue, builtBy, pinned);
  encodedFor = pending;
  // The page has the text it previewed: a 5 MB copy back is only sent when what is stored differs.
  reply({ id, type: 'encoded', previewId: pending.id, text: text === pending.given ? null : text, records });
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'current': {
      const catalogue = importConfig(request.text);
      // Nothing stored: there is nothing to compare with or merge into.
      current = request.text === '' ? null : { text: request.text, catalogue };
      reply({ id: request.id, type: 'current', roles: catalogue.entries.length, skipped: problemSkips(catalogue.skipped).length });
      return;
    }
    case 'preview':
      preview(request.id, request.text, request.mode);
      return;
    case 'encode':
      await encode(request.id, request.builtBy, request.pinned);
      return;
    case 'decode':
      reply({ id: request.id, type: 'decoded', text: await decodeConfig(request.data, request.sum) });
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
