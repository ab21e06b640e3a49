// Tabs glue: the active tab, opening links, and asking a console tab's content script.
import { browser } from './browser';

export interface ActiveTab {
  id: number;
  /** Only visible for hosts we have permission for (the AWS console); undefined elsewhere. */
  url?: string;
}

export async function getActiveTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  return { id: tab.id, url: tab.url };
}

export async function openUrl(url: string, options: { newTab: boolean; tabId?: number }): Promise<void> {
  if (!options.newTab && options.tabId !== undefined) {
    await browser.tabs.update(options.tabId, { url });
  } else {
    await browser.tabs.create({ url });
  }
}

/** Sends a message to a tab's content script; resolves undefined when no script answers. */
export async function sendToTab(tabId: number, message: unknown): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch {
    return undefined;
  }
}
