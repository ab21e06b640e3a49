// What a console tab's content script says about the tab, as the switches act on it.
import { MESSAGE, whereAmIReplySchema, type WhereAmIReply, type WhereAmIRequest } from '../core';
import { askTab, getTab, type TabInfo } from '../platform/console-tabs';

const whereAmI: WhereAmIRequest = { type: MESSAGE.whereAmI };

/** The host name of a tab's URL; null when it has none (or none the extension may read). */
export function hostOf(url: string | undefined): string | null {
  try {
    return url === undefined ? null : new URL(url).hostname;
  } catch {
    return null;
  }
}

/**
 * The tab's whereAmI reply, and the tab as it is once the reply is in. Asking a loading or busy
 * page may take seconds, in which the user may have gone elsewhere: whoever acts on the answer
 * plans with the tab's page now, and the reply counts only if a page on that host gave it.
 */
export async function whereAmINow(tabId: number, waitMs?: number): Promise<{ tab: TabInfo | null; reply: WhereAmIReply | null }> {
  const parsed = whereAmIReplySchema.safeParse(await askTab(tabId, whereAmI, waitMs));
  const tab = await getTab(tabId);
  const reply = parsed.success && tab && hostOf(tab.url) === parsed.data.host ? parsed.data : null;
  return { tab, reply };
}
