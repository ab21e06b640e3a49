// The one seam through which the popup switches roles. This version opens the entry's
// link (switch-role GET link or SSO console shortcut); console-tab one-click paths plug in here.
import type { CatalogueEntry } from '../core';
import { getActiveTab, openUrl } from '../platform/tabs';

export interface SwitchOutcome {
  method: 'link' | 'console-post' | 'multi-session';
  /** What happened, in words shown to the user. */
  message: string;
}

export async function switchTo(entry: CatalogueEntry, options: { newTab: boolean }): Promise<SwitchOutcome> {
  const tab = await getActiveTab();
  await openUrl(entry.url, { newTab: options.newTab, tabId: tab?.id });
  return { method: 'link', message: `Opened the switch link for ${entry.profile}.` };
}
