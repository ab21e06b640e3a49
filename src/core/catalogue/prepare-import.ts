// The one path from pasted text to what is stored: broken characters repaired, then secrets
// removed, then the catalogue built from exactly the text that will be stored (so its line
// numbers are the stored text's). The preview reads the pasted text itself (importConfig does
// the same repairs and removals internally), so its line numbers match what the user sees.
import { importConfig } from './import-config';
import { stripSecrets } from '../config/strip-secrets';
import type { Catalogue, RemovedSecrets } from '../types';
import { replaceLoneSurrogates } from '../config/well-formed-text';

export interface PreparedImport {
  /** What will be stored: well-formed, every secret line removed. */
  text: string;
  catalogue: Catalogue;
  removed: RemovedSecrets[];
  /** Lines (of the pasted text) where a broken character was replaced. */
  repairedLines: number[];
}

/** `pastedCatalogue`: importConfig(pasted), when the caller has it (reused when nothing is removed). */
export function prepareImport(pasted: string, pastedCatalogue?: Catalogue): PreparedImport {
  const wellFormed = replaceLoneSurrogates(pasted);
  const stripped = stripSecrets(wellFormed.text);
  return {
    text: stripped.text,
    catalogue: pastedCatalogue && stripped.text === pasted ? pastedCatalogue : importConfig(stripped.text),
    removed: stripped.removed,
    repairedLines: wellFormed.diagnostics.map((d) => d.line),
  };
}

/** The skipped profiles worth telling about: not those skipped as expected (`[default]` with no role). */
export function problemSkips<S extends { expected?: true }>(skipped: readonly S[]): S[] {
  return skipped.filter((s) => !s.expected);
}
