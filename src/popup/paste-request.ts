// The popup's paste box asks the background to import the text (src/background/paste-import.ts):
// the background bundles the importer, which the popup then never loads.
import { MESSAGE, pasteImportReplySchema, type PasteImportReply } from '../core';
import { browser } from '../platform/browser';

/** What the background made of the text. Never rejects: no answer is "nothing was imported". */
export async function importInBackground(text: string): Promise<PasteImportReply> {
  try {
    const reply = pasteImportReplySchema.safeParse(await browser.runtime.sendMessage({ type: MESSAGE.pasteImport, text }));
    return reply.success ? reply.data : { tone: 'error', text: 'Nothing was imported: the extension did not answer.' };
  } catch (error) {
    return { tone: 'error', text: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}` };
  }
}
