// Importing pasted text, shared by the import page and the popup's paste box: secrets (keys and
// tokens in any syntax, see strip-secrets.ts) are removed first, so what reaches storage never
// contains them; the catalogue is rebuilt from the stored (secret-free) text so its line
// numbers match what was stored.
import { importConfig, stripSecrets, type Catalogue, type RemovedSecrets } from '../core';
import { saveConfig, undoImport, type SaveResult } from '../platform/storage';
import { plural } from './format';

export interface ImportOutcome {
  save: SaveResult;
  catalogue: Catalogue;
  removed: RemovedSecrets[];
  /** The text that was stored. */
  storedText: string;
  summary: string;
}

export const buildCatalogue = (text: string): Catalogue => importConfig(text);

export async function importText(text: string): Promise<ImportOutcome> {
  const stripped = stripSecrets(text);
  const catalogue = buildCatalogue(stripped.text);
  // The importer strips what it reads too: if it still found a secret in the stripped text, the
  // text is not safe to store, and the message "removed before saving" would be false.
  if (catalogue.removedSecrets.length > 0) throw new Error('a secret could not be removed from the config, so it was not saved. Please report this.');
  // The catalogue is built once: saveConfig caches it for the popup.
  const save = await saveConfig(stripped.text, (t) => (t === stripped.text ? catalogue : buildCatalogue(t)));
  const removedLines = stripped.removed.reduce((n, r) => n + r.lines.length, 0);
  const parts = [`Imported ${plural(catalogue.entries.length, 'role')}.`];
  if (catalogue.skipped.length > 0) parts.push(`${plural(catalogue.skipped.length, 'profile')} skipped.`);
  // An empty or all-commented text: say what was expected rather than a bare "0 roles".
  else if (catalogue.entries.length === 0) parts.push('The text has no profiles: paste the whole of ~/.aws/config, with its [profile name] sections.');
  if (removedLines > 0) parts.push(`${plural(removedLines, 'secret line')} removed before saving.`);
  if (save.where === 'sync') parts.push(`Saved in sync storage (${kb(save.syncBytes)} of 100 KB).`);
  return { save, catalogue, removed: stripped.removed, storedText: stripped.text, summary: parts.join(' ') };
}

/** How to tell the user what an import did: a warning when nothing usable came of it or the save had a problem. */
export function importMessage(outcome: ImportOutcome): { tone: 'success' | 'warning'; text: string } {
  const tone = outcome.save.problem || outcome.catalogue.entries.length === 0 ? 'warning' : 'success';
  return { tone, text: [outcome.summary, outcome.save.problem].filter(Boolean).join(' ') };
}

export async function undoLastImport(): Promise<SaveResult | null> {
  return undoImport(buildCatalogue);
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
}
