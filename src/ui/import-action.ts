// The popup's in-page import (its paste box, used only while nothing is stored). The import page
// does the same work in its worker; both run the core pipeline (prepareImport) and say what
// happened with import-messages.ts.
import { diffCatalogues, importConfig, needsConfirmation, prepareImport, problemSkips } from '../core';
import { loadCatalogue, prepareSave, saveConfig } from '../platform/storage';
import { plural } from './format';
import { importMessage } from './import-messages';

/**
 * Imports pasted text from a page without the import page's preview (the popup's paste box).
 * It never replaces roles: when something is stored that the text would remove, nothing is
 * saved and the message sends the user to the import page, which shows the change and asks.
 */
export async function importWithoutPreview(text: string): Promise<{ tone: 'success' | 'warning' | 'error'; text: string }> {
  const prepared = prepareImport(text);
  const stored = await loadCatalogue({ build: importConfig, verify: true });
  const diff = diffCatalogues(stored.catalogue.entries, prepared.catalogue.entries);
  if (needsConfirmation(diff)) {
    const change = diff.removed.length > 0 ? `remove ${plural(diff.removed.length, 'role')} you have` : 'show a production role as another environment';
    return { tone: 'error', text: `Nothing was imported: this text would ${change}. Open the import page to see the change and confirm it.` };
  }
  const save = await saveConfig(await prepareSave(prepared.text, prepared.catalogue, 'import'));
  const { catalogue } = prepared;
  return importMessage({ roles: catalogue.entries.length, skipped: problemSkips(catalogue.skipped).length, removedSecrets: prepared.removed, repairedLines: prepared.repairedLines }, save);
}
