// The popup's paste box (used only while nothing is stored) imports here, in the background,
// which bundles the importer anyway: the popup then never loads it, nor the code that loads
// scripts on demand (~1.1 KB of each store zip's 120 KB). The import page does the same work in
// its worker; both run the core pipeline (prepareImport) and say what happened with
// import-messages.ts. The text may hold secrets: it stays in memory, and only what
// prepareImport leaves of it is saved.
import { diffCatalogues, importConfig, needsConfirmation, prepareImport, problemSkips, type PasteImportReply } from '../core';
import { loadCatalogue, prepareSave, saveConfig } from '../platform/storage';
import { plural } from '../ui/format';
import { importMessage } from '../ui/import-messages';

/**
 * Imports pasted text from a page without the import page's preview (the popup's paste box).
 * It never replaces roles: when something is stored that the text would remove, nothing is
 * saved and the message sends the user to the import page, which shows the change and asks.
 */
export async function importWithoutPreview(text: string): Promise<PasteImportReply> {
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
