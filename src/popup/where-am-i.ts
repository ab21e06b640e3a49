// "Where am I?": asks the active tab's content script which profile this console tab is in.
// Never guesses: no answer, an invalid answer or a slow tab means "not marked".
import { whereAmIResponseSchema, type WhereAmIRequest } from '../core';
import { getActiveTab, sendToTab } from '../platform/tabs';

const TIMEOUT_MS = 400;

export async function askWhereAmI(): Promise<string | null> {
  try {
    const tab = await getActiveTab();
    if (!tab) return null;
    const request: WhereAmIRequest = { type: 'where-am-i' };
    const answer = await Promise.race([sendToTab(tab.id, request), new Promise<undefined>((resolve) => setTimeout(resolve, TIMEOUT_MS))]);
    const parsed = whereAmIResponseSchema.safeParse(answer);
    return parsed.success ? parsed.data.profile : null;
  } catch {
    return null;
  }
}
