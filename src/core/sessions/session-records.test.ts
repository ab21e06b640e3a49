import type { ConsoleIdentity } from '../protocol/messages';
import {
  EMPTY_SESSION_STATE,
  expectStart,
  forgetTab,
  isMultiSessionMode,
  lastReportStands,
  multiSessionsIn,
  observeTab,
  openSessionsOf,
  parseSessionState,
  reSignInQuestion,
  sessionBannerOf,
  sessionKey,
  sessionViews,
  sixthSessionQuestion,
  type SessionState,
} from './session-records';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);

function multi(accountId: string, label: string, roleName: string): ConsoleIdentity {
  return { accountId, roleName, principalKind: 'assumed-role', partition: 'aws', multiSession: true, sessionId: `${accountId}-${label}`, source: 'session-data' };
}
const classic = (accountId: string, roleName: string): ConsoleIdentity => ({ accountId, roleName, principalKind: 'assumed-role', partition: 'aws', source: 'session-data' });
const entry = (profile: string, accountId: string, roleName: string) => ({ profile, kind: 'role' as const, accountId, roleName, partition: 'aws' as const });
const url = 'https://us-east-1.console.aws.amazon.com/s3/home';

const DEV = multi('345678901234', 'abcd1234', 'AlfieFullAccess');
const QA = multi('234567890123', 'qrst5678', 'AlfieDeployment');

function seen(state: SessionState, tabId: number, identity: ConsoleIdentity, profile: string | null, now: number): SessionState {
  return observeTab(state, { tabId, identity, profile, url }, now);
}

test('a session is its host label in multi-session mode, the partition\'s one session otherwise, nothing without an account', () => {
  expect(sessionKey(DEV)).toBe('aws/345678901234-abcd1234');
  expect(sessionKey(classic('123456789012', 'Admin'))).toBe('aws/classic');
  expect(sessionKey({ ...classic('123456789012', 'Admin'), partition: 'aws-cn' })).toBe('aws-cn/classic');
  expect(sessionKey({ ...DEV, sessionId: undefined })).toBeNull();
  expect(sessionKey({ ...classic('123456789012', 'Admin'), accountId: null })).toBeNull();
});

test('two multi-session tabs: two live sessions, counted against the limit, first seen when first reported', () => {
  let state = seen(EMPTY_SESSION_STATE, 1, DEV, 'alfie-development', T0);
  state = seen(state, 2, QA, 'alfie-qa', T0 + MIN);
  // Seen again later: first seen stays.
  state = seen(state, 1, DEV, 'alfie-development', T0 + 10 * MIN);
  const views = sessionViews(state, new Map([[1, 'aws/345678901234-abcd1234'], [2, 'aws/234567890123-qrst5678']]), T0 + 20 * MIN);
  expect(views.map((v) => [v.record.profile, v.status, v.tabIds, v.record.firstSeen])).toEqual([
    ['alfie-qa', 'live', [2], T0 + MIN],
    ['alfie-development', 'live', [1], T0],
  ]);
  expect(multiSessionsIn(views, 'aws')).toHaveLength(2);
  expect(isMultiSessionMode(views, 'aws')).toBe(true);
  expect(isMultiSessionMode(views, 'aws-cn')).toBe(false);
});

test('a session no tab shows any more is unknown, never "not signed in"', () => {
  const state = forgetTab(seen(EMPTY_SESSION_STATE, 1, DEV, 'alfie-development', T0), 1);
  const [view] = sessionViews(state, new Map(), T0 + MIN);
  expect(view!.status).toBe('unknown');
  expect(openSessionsOf([view!], entry('alfie-development', '345678901234', 'AlfieFullAccess'))).toEqual([view]);
  expect(sessionBannerOf(state, 1)).toEqual({ kind: 'none' });
});

test('a switch the extension made lands when its tab reports the profile: a countdown from the switch, with the lifetime it had then', () => {
  let state = expectStart(EMPTY_SESSION_STATE, { tabId: 7, profile: 'alfie-qa', at: T0, minutes: 60 });
  // The old page of the tab reports first: not the switch yet.
  state = seen(state, 7, DEV, 'alfie-development', T0 + 1000);
  expect(sessionBannerOf(state, 7)).toEqual({ kind: 'seen', since: T0 + 1000 });
  state = observeTab(state, { tabId: 7, identity: QA, profile: 'alfie-qa', url: 'https://234567890123-qrst5678.us-east-1.console.aws.amazon.com/s3' }, T0 + 3000);
  expect(state.pending).toEqual([]);
  expect(sessionBannerOf(state, 7)).toEqual({ kind: 'countdown', endsAt: T0 + 60 * MIN, profile: 'alfie-qa' });
  expect(state.records[0]!.started).toEqual({ at: T0, minutes: 60, landing: 'https://234567890123-qrst5678.us-east-1.console.aws.amazon.com/s3' });
  // Live while its time runs (even with no tab), expired after.
  expect(sessionViews(state, new Map(), T0 + 59 * MIN)[0]!.status).toBe('live');
  expect(sessionViews(state, new Map([[7, 'aws/234567890123-qrst5678']]), T0 + 60 * MIN)[0]!.status).toBe('expired');
  expect(openSessionsOf(sessionViews(state, new Map(), T0 + 61 * MIN), entry('alfie-qa', '234567890123', 'AlfieDeployment'))).toEqual([]);
});

test('a switch that never landed is forgotten after two minutes', () => {
  let state = expectStart(EMPTY_SESSION_STATE, { tabId: 7, profile: 'alfie-qa', at: T0, minutes: 60 });
  state = seen(state, 7, QA, 'alfie-qa', T0 + 3 * MIN);
  expect(sessionBannerOf(state, 7)).toEqual({ kind: 'seen', since: T0 + 3 * MIN });
});

test('a classic console switched elsewhere is a new session: the countdown of the old one does not carry over', () => {
  let state = expectStart(EMPTY_SESSION_STATE, { tabId: 1, profile: 'alfie-production', at: T0, minutes: 60 });
  state = seen(state, 1, classic('123456789012', 'AlfieReadOnly'), 'alfie-production', T0 + 1000);
  expect(sessionBannerOf(state, 1).kind).toBe('countdown');
  state = seen(state, 2, classic('234567890123', 'AlfieDeployment'), 'alfie-qa', T0 + 5 * MIN);
  expect(state.records).toHaveLength(1);
  expect(sessionBannerOf(state, 1)).toEqual({ kind: 'seen', since: T0 + 5 * MIN });
  // Renewing (the same switch again) restarts the countdown of the same session.
  state = expectStart(state, { tabId: 2, profile: 'alfie-qa', at: T0 + 50 * MIN, minutes: 30 });
  state = seen(state, 2, classic('234567890123', 'AlfieDeployment'), 'alfie-qa', T0 + 50 * MIN + 1000);
  expect(sessionBannerOf(state, 2)).toEqual({ kind: 'countdown', endsAt: T0 + 80 * MIN, profile: 'alfie-qa' });
  expect(state.records[0]!.firstSeen).toBe(T0 + 5 * MIN);
});

test('sessions match entries by account and role, Identity Center ones by permission set', () => {
  const sso: ConsoleIdentity = { ...classic('456789012345', 'AWSReservedSSO_DataEngineer_0123456789abcdef'), permissionSet: 'DataEngineer' };
  const state = seen(seen(EMPTY_SESSION_STATE, 1, sso, null, T0), 2, DEV, null, T0);
  const views = sessionViews(state, new Map([[1, 'aws/classic']]), T0);
  expect(openSessionsOf(views, { profile: 'data-lake-staging', kind: 'sso', accountId: '456789012345', roleName: 'DataEngineer', partition: 'aws' })).toHaveLength(1);
  expect(openSessionsOf(views, entry('alfie-development', '345678901234', 'alfiefullaccess'))).toHaveLength(1);
  expect(openSessionsOf(views, entry('other', '345678901234', 'ReadOnly'))).toHaveLength(0);
  expect(openSessionsOf(views, { ...entry('gov', '345678901234', 'AlfieFullAccess'), partition: 'aws-us-gov' })).toHaveLength(0);
});

test('the questions say what will happen', () => {
  const state = seen(EMPTY_SESSION_STATE, 1, DEV, 'alfie-development', T0);
  const [view] = sessionViews(state, new Map([[1, 'aws/345678901234-abcd1234']]), T0);
  expect(reSignInQuestion('alfie-development', view!, 2)).toBe(
    'alfie-development already has a session, open in 1 other tab. Switching into it again signs that session out, and those tabs with it. Switch anyway?',
  );
  const [hidden] = sessionViews(state, new Map(), T0);
  expect(reSignInQuestion('alfie-development', hidden!)).toBe(
    'alfie-development already has a session that may still be signed in (no tab shows it now). Switching into it again signs that session out, and any tab of it. Switch anyway?',
  );
  let five = EMPTY_SESSION_STATE;
  for (let i = 0; i < 5; i++) five = seen(five, i, multi(`10000000000${i}`, `label00${i}`, 'Admin'), i < 4 ? `p${i}` : null, T0);
  const views = sessionViews(five, new Map([[0, 'aws/100000000000-label000']]), T0);
  expect(sixthSessionQuestion(views.slice(1))).toBeNull();
  expect(sixthSessionQuestion(multiSessionsIn(views, 'aws'))).toBe(
    'This browser already has 5 of 5 console sessions: account 100000000004 (Admin), p3, p2, p1, p0 (1 tab). The console allows 5, so another sign-in fails until one of them signs out. Try anyway?',
  );
});

test('stored state that does not parse is dropped, not half-used', () => {
  const good = seen(EMPTY_SESSION_STATE, 1, DEV, 'alfie-development', T0);
  expect(parseSessionState(JSON.parse(JSON.stringify(good)))).toEqual(good);
  expect(parseSessionState({ records: [{ key: 1 }], tabs: {}, pending: [] })).toEqual(EMPTY_SESSION_STATE);
  expect(parseSessionState(undefined)).toEqual(EMPTY_SESSION_STATE);
});

test('a multi-session switch the extension made remembers the session it came from, followed to the first sign-in (issue 15 §2)', () => {
  const PROD = multi('123456789012', 'prodabcd', 'AlfieReadOnly');
  let state = seen(EMPTY_SESSION_STATE, 1, DEV, 'alfie-development', T0);
  state = expectStart(state, { tabId: 2, profile: 'alfie-qa', at: T0, minutes: 60, from: 'aws/345678901234-abcd1234' });
  state = seen(state, 2, QA, 'alfie-qa', T0 + MIN);
  expect(state.records.find((r) => r.key === 'aws/234567890123-qrst5678')?.basis).toBe('aws/345678901234-abcd1234');
  // A switch from the switched session goes back to the same sign-in; a later report keeps it.
  state = expectStart(state, { tabId: 3, profile: 'alfie-production', at: T0 + MIN, minutes: 60, from: 'aws/234567890123-qrst5678' });
  state = seen(state, 3, PROD, 'alfie-production', T0 + 2 * MIN);
  state = seen(state, 3, PROD, 'alfie-production', T0 + 3 * MIN);
  expect(state.records.find((r) => r.key === 'aws/123456789012-prodabcd')?.basis).toBe('aws/345678901234-abcd1234');
  // A session the extension did not switch into has none.
  expect(state.records.find((r) => r.key === 'aws/345678901234-abcd1234')?.basis).toBeUndefined();
});

test('a tab that does not answer in time counts for its last report only where that cannot have changed under it', () => {
  let state = seen(EMPTY_SESSION_STATE, 1, DEV, 'alfie-development', T0);
  state = seen(state, 2, classic('123456789012', 'Admin'), 'alfie-admin', T0);
  // Multi-session: the tab's host is its session.
  expect(lastReportStands(state, 1)).toBe('aws/345678901234-abcd1234');
  // Classic: any switch in the browser replaces the one session; not claimed.
  expect(lastReportStands(state, 2)).toBeUndefined();
  // A tab the extension is switching is becoming another session.
  const switching = expectStart(state, { tabId: 1, profile: 'alfie-qa', at: T0 + MIN, minutes: 60 });
  expect(lastReportStands(switching, 1)).toBeUndefined();
  // A tab that never reported, or whose report was forgotten.
  expect(lastReportStands(state, 3)).toBeUndefined();
  expect(lastReportStands(forgetTab(state, 1), 1)).toBeUndefined();
});
