// Console sessions as the background knows them (issue 13): every console tab reports its
// session when its banner is painted (session-seen), and the switches this extension makes are
// recorded as they start. The state (src/core/sessions) lives in storage.session: in memory,
// never on disk, gone when the browser closes (as the console's own session cookies mostly
// are), and it survives the service worker being stopped between two events. Updates are
// serialised: several tabs report at once when a window is restored.
//
// A tab whose session is known gets the banner's session chip (session.js, injected into the
// content scripts' world, like the "Why?" panel): it asks for its line here and ticks by itself,
// so expiry never needs the popup open.
import {
  EMPTY_SESSION_STATE,
  MESSAGE,
  SESSION_LIMIT,
  expectStart,
  forgetTab,
  isMultiSessionMode,
  lastReportStands,
  multiSessionsIn,
  observeTab,
  parseSessionState,
  sessionBannerOf,
  sessionKey,
  sessionViews,
  whereAmIResponseSchema,
  type CatalogueEntry,
  type ConsoleIdentity,
  type SessionBanner,
  type SessionRecord,
  type SessionState,
  type SessionView,
  type SessionsOverview,
  type WhereAmIRequest,
} from '../core';
import { askTab, consoleTabs, NO_ANSWER_IN_TIME, onTabClosed, runInContentWorld } from '../platform/console-tabs';
import { sessionGet, sessionSet } from '../platform/session-store';
import { settingsInForce } from './organisation';

const KEY = 'sessions.state';
/** The banner's session chip: its own script, injected only into tabs whose session is known. */
const CHIP_SCRIPT = 'session.js';

let queue: Promise<unknown> = Promise.resolve();

/** Runs `change` on the stored state, one change at a time; resolves with the new state. */
function update(change: (state: SessionState) => SessionState | Promise<SessionState>): Promise<SessionState> {
  const next = queue.then(async () => {
    const state = parseSessionState((await sessionGet(KEY)) ?? EMPTY_SESSION_STATE);
    const changed = await change(state);
    if (changed !== state) await sessionSet(KEY, changed);
    return changed;
  });
  queue = next.catch(() => undefined);
  return next;
}

const read = (): Promise<SessionState> => update((state) => state);

/** A console tab said who it is: record its session, and give its banner the session chip. */
export async function tabSeen(tabId: number, identity: ConsoleIdentity, profile: string | null, url: string): Promise<void> {
  const state = await update((s) => observeTab(s, { tabId, identity, profile, url }, Date.now()));
  if (sessionBannerOf(state, tabId).kind !== 'none') await runInContentWorld(tabId, 0, CHIP_SCRIPT);
}

/** The session chip's line for a tab. */
export async function sessionBannerFor(tabId: number): Promise<SessionBanner> {
  return sessionBannerOf(await read(), tabId);
}

/** The lifetime a session switched into from `entry` gets: its profile's, else the setting (one hour unless set). */
async function lifetimeOf(entry: CatalogueEntry): Promise<number> {
  return entry.sessionMinutes ?? (await settingsInForce()).sessionMinutes;
}

/** The extension is switching `tabId` to `entry`: when the tab reports that profile, its countdown starts from now. */
export async function switchStarted(tabId: number, entry: CatalogueEntry, from?: string): Promise<void> {
  const minutes = await lifetimeOf(entry);
  await update((s) => expectStart(s, from === undefined ? { tabId, profile: entry.profile, at: Date.now(), minutes } : { tabId, profile: entry.profile, at: Date.now(), minutes, from }));
}

/**
 * Multi-session: the session the tab's session was switched to from (this extension's switches
 * only), with the tabs that show it now; null when it is not known.
 */
export async function basisSessionOf(identity: ConsoleIdentity): Promise<{ record: SessionRecord; view?: SessionView } | null> {
  const key = sessionKey(identity);
  const state = await read();
  const basisKey = key ? state.records.find((r) => r.key === key)?.basis : undefined;
  const record = basisKey ? state.records.find((r) => r.key === basisKey) : undefined;
  if (!record) return null;
  const { views } = await currentSessions();
  return { record, view: views.find((v) => v.record.key === record.key) };
}

/** The tab shows the identity the session record holds. */
const shows = (record: SessionRecord, identity: ConsoleIdentity): boolean =>
  record.accountId === identity.accountId && record.principalKind === identity.principalKind && record.roleName === identity.roleName;

const whereAmI: WhereAmIRequest = { type: MESSAGE.whereAmI };

/**
 * Every known session now: the console tabs are asked who they are (what they say is recorded
 * too, so a tab that loaded before the service worker woke still counts), then the records are
 * judged against the tabs that answered.
 */
export async function currentSessions(): Promise<{ views: SessionView[]; now: number }> {
  const tabs = await consoleTabs();
  const slow: number[] = [];
  const answers = await Promise.all(
    tabs.map(async (tab) => {
      const reply = await askTab(tab.id, whereAmI);
      if (reply === NO_ANSWER_IN_TIME) slow.push(tab.id);
      const parsed = whereAmIResponseSchema.safeParse(reply);
      return parsed.success && parsed.data.identity ? { tab, identity: parsed.data.identity, profile: parsed.data.profile } : null;
    }),
  );
  const now = Date.now();
  const state = await update((s) => {
    let next = s;
    for (const answer of answers) {
      // A classic console tab that has not reloaded since the session switched still shows the
      // old role: what a page said when it loaded (session-seen) is newer than what it says now.
      const key = answer && sessionKey(answer.identity);
      const record = key ? next.records.find((r) => r.key === key) : undefined;
      if (answer && (!record || shows(record, answer.identity))) {
        next = observeTab(next, { tabId: answer.tab.id, identity: answer.identity, profile: answer.profile, url: answer.tab.url ?? '' }, now);
      }
    }
    return next;
  });
  const live = new Map<number, string>();
  for (const answer of answers) {
    const key = answer && sessionKey(answer.identity);
    const record = key ? state.records.find((r) => r.key === key) : undefined;
    if (record && shows(record, answer!.identity)) live.set(answer!.tab.id, key!);
  }
  // A tab whose script is there but busy (the e2e suite saw one take over 500 ms under load)
  // still shows what it said last where that cannot have changed (after the tabs that answered,
  // which come first): without it, Enter on its profile asked to sign in again "with no tab
  // showing it" instead of going to that tab.
  for (const tabId of slow) {
    const key = lastReportStands(state, tabId);
    if (key !== undefined) live.set(tabId, key);
  }
  return { views: sessionViews(state, live, now), now };
}

/** What the popup shows: each session, and how many of the console's five each multi-session partition uses. */
export async function sessionsOverview(): Promise<SessionsOverview> {
  const { views, now } = await currentSessions();
  const partitions = [...new Set(views.map((v) => v.record.partition))].filter((p) => isMultiSessionMode(views, p));
  return {
    sessions: views.map((v) => ({
      profile: v.record.profile,
      partition: v.record.partition,
      multiSession: v.record.multiSession,
      status: v.status,
      tabs: v.tabIds.length,
      firstSeen: v.record.firstSeen,
      ...(v.endsAt !== undefined ? { endsAt: v.endsAt } : {}),
    })),
    multiSession: partitions.map((partition) => ({ partition, count: multiSessionsIn(views, partition).length })),
    limit: SESSION_LIMIT,
    now,
  };
}

/** The session a tab last reported, with its profile (for "Renew"). */
export async function sessionOfTab(tabId: number): Promise<{ profile: string | null; landing?: string } | null> {
  const state = await read();
  const key = state.tabs[tabId];
  const record = state.records.find((r) => r.key === key);
  return record ? { profile: record.profile, landing: record.started?.landing } : null;
}

onTabClosed((tabId) => void update((s) => (s.tabs[tabId] === undefined && !s.pending.some((p) => p.tabId === tabId) ? s : forgetTab(s, tabId))).catch(() => {}));
