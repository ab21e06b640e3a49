// Which profiles have a console session (issue 13 §1): the background's overview, which it
// builds from the console tabs' reports and the switches it made. No answer is no marks, never
// "not signed in".
import { SESSIONS_REQUEST, sessionsOverviewSchema, type SessionsOverview } from '../core';
import { browser } from '../platform/browser';

export async function loadSessions(): Promise<SessionsOverview | null> {
  try {
    const parsed = sessionsOverviewSchema.safeParse(await browser.runtime.sendMessage(SESSIONS_REQUEST));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
