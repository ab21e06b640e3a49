// Extension pages glue: opening the import (options) page from the popup.
import { browser } from './browser';

export async function openImportPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
