// "Where am I?": asks the active tab's content script which profile this console tab is in, and
// why it thinks so (the banner's "Why?" report). Never guesses: no answer, an invalid answer or a
// slow tab means "not marked" and no report.
import { whereAmIResponseSchema, type ConsoleIdentity, type WhereAmIRequest } from '../core';
import { getActiveTab, sendToTab } from '../platform/tabs';

const TIMEOUT_MS = 400;

export interface HereAnswer {
  /** The profile the tab's banner matched, or null. */
  profile: string | null;
  /** Who the tab is, judged from its readings (the popup matches it against the whole catalogue too). */
  identity?: ConsoleIdentity | null;
  /** The verdict in one line and the whole report, when the tab is a console page that answered. */
  why?: { verdict: string; report: string };
}

export async function askWhereAmI(): Promise<HereAnswer> {
  try {
    const tab = await getActiveTab();
    if (!tab) return { profile: null };
    const request: WhereAmIRequest = { type: 'where-am-i' };
    const answer = await Promise.race([sendToTab(tab.id, request), new Promise<undefined>((resolve) => setTimeout(resolve, TIMEOUT_MS))]);
    const parsed = whereAmIResponseSchema.safeParse(answer);
    if (!parsed.success) return { profile: null };
    const { profile, identity, verdict, report } = parsed.data;
    return verdict && report ? { profile, identity, why: { verdict, report } } : { profile, identity };
  } catch {
    return { profile: null };
  }
}
