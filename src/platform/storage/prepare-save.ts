// A save prepared in this page (the popup's paste box, a restore): the records a save writes,
// built from the text and its catalogue. The import page builds the same in its worker
// (core/save-records.ts does the work in both).
import { prepareSaveRecords, type Catalogue } from '../../core';
import { extensionVersion } from './build-info';
import { pinnedAndRecentProfiles } from './catalogue-store';
import type { PreparedSave } from './config-store';

export async function prepareSave(text: string, catalogue: Catalogue, how: PreparedSave['how']): Promise<PreparedSave> {
  const records = await prepareSaveRecords(text, catalogue, extensionVersion(), await pinnedAndRecentProfiles());
  return { text, ...records, how };
}
