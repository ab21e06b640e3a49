// Which console sessions are signed in, from what the extension can see (issue 13): the tabs
// its content script runs in (each reports its identity) and the switches it made itself. Pure:
// the background keeps the state in storage.session and feeds it reports and switches.
//
// A session is one signed-in identity: in multi-session mode (docs/aws-facts.md §1.3) each has
// its host label; a classic console has one per partition. A session the extension can no
// longer see (no tab shows it, and it did not start it or cannot know its end) is "unknown",
// never "not signed in".
import * as z from '../zod';
import { entryHasRole } from '../console/identity-match';
import type { ConsoleIdentity } from '../protocol/messages';
import type { CatalogueEntry, Partition } from '../types';
import { SESSION_LIMIT } from './session-time';

const partitionSchema = z.enum(['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc']);

export const sessionRecordSchema = z.object({
  /** `aws/345678901234-abcd1234` (multi-session label) or `aws/classic`. */
  key: z.string(),
  partition: partitionSchema,
  multiSession: z.boolean(),
  accountId: z.string(),
  principalKind: z.enum(['assumed-role', 'user', 'root', 'unknown']),
  roleName: z.optional(z.string()),
  permissionSet: z.optional(z.string()),
  /** The profile the banner matched, or null. */
  profile: z.nullable(z.string()),
  /** When a tab of this session was first seen (ms since the epoch). */
  firstSeen: z.number(),
  /** Set when this extension made the switch that started the session: when, for how long, and where it landed. */
  started: z.optional(z.object({ at: z.number(), minutes: z.number(), landing: z.string() })),
  /**
   * Multi-session: the key of the session this one was switched to from (followed to its own
   * basis), when this extension made the switch: "Switch back" goes there (issue 15 §2).
   */
  basis: z.optional(z.string()),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/** A switch the extension made in a tab, waiting for the tab to report the profile it switched to. */
export const pendingStartSchema = z.object({
  tabId: z.number(),
  profile: z.string(),
  at: z.number(),
  minutes: z.number(),
  /** The session key of the tab the switch was made from (multi-session). */
  from: z.optional(z.string()),
});
export type PendingStart = z.infer<typeof pendingStartSchema>;

export const sessionStateSchema = z.object({
  records: z.array(sessionRecordSchema),
  /** Tab ID → the session key it last reported. */
  tabs: z.record(z.string(), z.string()),
  pending: z.array(pendingStartSchema),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const EMPTY_SESSION_STATE: SessionState = { records: [], tabs: {}, pending: [] };
/** A switch that has not landed within this long did not happen. */
const PENDING_MS = 2 * 60_000;
/** Records kept at most (the oldest first seen go first): a browser holds a few sessions, not hundreds. */
const MAX_RECORDS = 40;

/** State read back from storage: what does not parse is dropped (it is only a cache of what tabs said). */
export function parseSessionState(raw: unknown): SessionState {
  const parsed = sessionStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY_SESSION_STATE;
}

/** The session a tab's identity belongs to; null when the page did not say which account it is. */
export function sessionKey(identity: ConsoleIdentity): string | null {
  if (identity.accountId === null) return null;
  if (!identity.multiSession) return `${identity.partition}/classic`;
  return identity.sessionId ? `${identity.partition}/${identity.sessionId}` : null;
}

/** What a console tab says about itself. */
export interface TabReport {
  tabId: number;
  identity: ConsoleIdentity;
  /** The profile its banner matched. */
  profile: string | null;
  url: string;
}

const sameIdentity = (r: SessionRecord, i: ConsoleIdentity): boolean =>
  r.accountId === i.accountId && r.principalKind === i.principalKind && r.roleName === i.roleName;

/** The state after a tab reported who it is at `now`. */
export function observeTab(state: SessionState, report: TabReport, now: number): SessionState {
  const { tabId, identity, profile } = report;
  const key = sessionKey(identity);
  const tabs = { ...state.tabs };
  const pending = state.pending.filter((p) => now - p.at < PENDING_MS);
  if (key === null) {
    delete tabs[tabId];
    return { ...state, tabs, pending };
  }
  tabs[tabId] = key;
  const existing = state.records.find((r) => r.key === key);
  const same = existing !== undefined && sameIdentity(existing, identity);
  const start = pending.find((p) => p.tabId === tabId && p.profile === profile);
  if (same && !start && (existing.profile === profile || profile === null)) return { ...state, tabs, pending };
  const record: SessionRecord = {
    key,
    partition: identity.partition as Partition,
    multiSession: identity.multiSession === true,
    accountId: identity.accountId!,
    principalKind: identity.principalKind,
    roleName: identity.roleName,
    permissionSet: identity.permissionSet,
    profile: profile ?? (same ? existing.profile : null),
    firstSeen: same ? existing.firstSeen : now,
    started: start ? { at: start.at, minutes: start.minutes, landing: report.url } : same ? existing.started : undefined,
    basis: start?.from !== undefined ? basisKey(state, start.from, key) : same ? existing.basis : undefined,
  };
  if (record.basis === undefined) delete record.basis;
  if (record.roleName === undefined) delete record.roleName;
  if (record.permissionSet === undefined) delete record.permissionSet;
  if (record.started === undefined) delete record.started;
  const records = [record, ...state.records.filter((r) => r.key !== key)].slice(0, MAX_RECORDS);
  return { records, tabs, pending: pending.filter((p) => p !== start) };
}

/** The sign-in a switch from session `from` came from: `from`'s own basis when it has one; never the new session itself. */
function basisKey(state: SessionState, from: string, key: string): string | undefined {
  const basis = state.records.find((r) => r.key === from)?.basis ?? from;
  return basis === key ? undefined : basis;
}

/** The state after the extension made a switch to `profile` in `tabId` (it lands when the tab reports it). */
export function expectStart(state: SessionState, start: PendingStart): SessionState {
  return { ...state, pending: [...state.pending.filter((p) => p.tabId !== start.tabId), start] };
}

/** The state after a tab closed. */
export function forgetTab(state: SessionState, tabId: number): SessionState {
  const tabs = { ...state.tabs };
  delete tabs[tabId];
  return { ...state, tabs, pending: state.pending.filter((p) => p.tabId !== tabId) };
}

/**
 * The session a tab that did not answer in time (busy, or loading) still counts for: the one it
 * last reported, only where that cannot have changed under it. A multi-session tab's session is
 * its host, so it stays until the tab reports another. A classic session is the browser's one
 * session, which any switch replaces, and a tab the extension is switching is becoming another:
 * for those, none (the tab is then unknown, as if it were not open).
 */
export function lastReportStands(state: SessionState, tabId: number): string | undefined {
  const key = state.tabs[tabId];
  const record = key === undefined ? undefined : state.records.find((r) => r.key === key);
  if (!record?.multiSession || state.pending.some((p) => p.tabId === tabId)) return undefined;
  return key;
}

/** When a session the extension started runs out; undefined for sessions it did not start. */
export const endsAt = (record: SessionRecord): number | undefined => (record.started ? record.started.at + record.started.minutes * 60_000 : undefined);

export type SessionStatus = 'live' | 'expired' | 'unknown';

/** One session as the popup and the switch see it. */
export interface SessionView {
  record: SessionRecord;
  status: SessionStatus;
  /** Open tabs that show it now. */
  tabIds: number[];
  endsAt?: number;
}

/**
 * Every recorded session at `now`, given the tabs that answered just now (`liveTabs`: tab ID →
 * session key). Live: a tab shows it, or the extension started it and its time has not run out;
 * expired: the extension started it and its time ran out; unknown: nothing shows it now.
 */
export function sessionViews(state: SessionState, liveTabs: ReadonlyMap<number, string>, now: number): SessionView[] {
  return state.records.map((record) => {
    const tabIds = [...liveTabs].filter(([, key]) => key === record.key).map(([tabId]) => tabId);
    const end = endsAt(record);
    const status: SessionStatus = end !== undefined && end <= now ? 'expired' : tabIds.length > 0 || end !== undefined ? 'live' : 'unknown';
    return end === undefined ? { record, status, tabIds } : { record, status, tabIds, endsAt: end };
  });
}

/** Is this session the entry's: same partition and account, the entry's role (or permission set)? */
export function isSessionOf(record: SessionRecord, entry: Pick<CatalogueEntry, 'profile' | 'kind' | 'accountId' | 'roleName' | 'partition'>): boolean {
  if (record.partition !== entry.partition) return false;
  if (entry.accountId === undefined) return record.profile === entry.profile;
  const identity: ConsoleIdentity = { ...record, source: 'session-data' };
  return record.accountId === entry.accountId && entryHasRole(entry, identity);
}

/** The entry's sessions that may still be signed in (live or unknown), live ones first. */
export function openSessionsOf(views: readonly SessionView[], entry: Pick<CatalogueEntry, 'profile' | 'kind' | 'accountId' | 'roleName' | 'partition'>): SessionView[] {
  const rank = (v: SessionView) => (v.status === 'live' ? 0 : 1);
  return views.filter((v) => v.status !== 'expired' && isSessionOf(v.record, entry)).sort((a, b) => rank(a) - rank(b));
}

/** Multi-session sessions of a partition that may still be signed in: what counts against the console's limit of five. */
export const multiSessionsIn = (views: readonly SessionView[], partition: Partition): SessionView[] =>
  views.filter((v) => v.record.multiSession && v.record.partition === partition && v.status !== 'expired');

/** The partition is in multi-session mode: a session of it was seen with a host label. */
export const isMultiSessionMode = (views: readonly SessionView[], partition: Partition): boolean =>
  views.some((v) => v.record.multiSession && v.record.partition === partition);

const name = (v: SessionView): string => v.record.profile ?? `account ${v.record.accountId}${v.record.roleName ? ` (${v.record.roleName})` : ''}`;
const tabsText = (n: number): string => `${n} tab${n === 1 ? '' : 's'}`;

/** The question before signing in again to a profile that has a session. */
export function reSignInQuestion(profile: string, session: SessionView, exceptTabId?: number): string {
  const others = session.tabIds.filter((t) => t !== exceptTabId).length;
  const where = others > 0 ? `, open in ${others} other ${others === 1 ? 'tab' : 'tabs'}` : session.status === 'live' ? ' (no tab shows it now)' : ' that may still be signed in (no tab shows it now)';
  const tabs = others > 0 ? ', and those tabs with it' : ', and any tab of it';
  return `${profile} already has a session${where}. Switching into it again signs that session out${tabs}. Switch anyway?`;
}

/** The question before a sign-in that would be the console's sixth session, or null below the limit. */
export function sixthSessionQuestion(open: readonly SessionView[]): string | null {
  if (open.length < SESSION_LIMIT) return null;
  const names = open.map((v) => `${name(v)}${v.tabIds.length > 0 ? ` (${tabsText(v.tabIds.length)})` : ''}`).join(', ');
  return `This browser already has ${open.length} of ${SESSION_LIMIT} console sessions: ${names}. The console allows ${SESSION_LIMIT}, so another sign-in fails until one of them signs out. Try anyway?`;
}

/** What a console tab's banner says about its session: a countdown to `endsAt`, or since when it is known. */
export type SessionBanner = { kind: 'countdown'; endsAt: number; profile: string | null } | { kind: 'seen'; since: number } | { kind: 'none' };

/** The banner's session line for a tab, from the session it last reported. */
export function sessionBannerOf(state: SessionState, tabId: number): SessionBanner {
  const key = state.tabs[tabId];
  const record = key === undefined ? undefined : state.records.find((r) => r.key === key);
  if (!record) return { kind: 'none' };
  const end = endsAt(record);
  return end !== undefined ? { kind: 'countdown', endsAt: end, profile: record.profile } : { kind: 'seen', since: record.firstSeen };
}
