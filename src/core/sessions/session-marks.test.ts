import type { SessionsOverview, SessionSummary } from '../protocol/messages';
import { sessionCountText, sessionMarks } from './session-marks';

const MIN = 60_000;
const NOW = Date.UTC(2026, 0, 1, 10, 0, 0);
const summary = (profile: string | null, over: Partial<SessionSummary>): SessionSummary => ({
  profile,
  partition: 'aws',
  multiSession: true,
  status: 'live',
  tabs: 1,
  firstSeen: NOW - 12 * MIN,
  ...over,
});
const overview = (sessions: SessionSummary[], multiSession: SessionsOverview['multiSession'] = [{ partition: 'aws', count: sessions.length }]): SessionsOverview => ({ sessions, multiSession, limit: 5, now: NOW });

test('each profile with a session is marked: signed in, time left, a warning near the end, expired, or unknown', () => {
  const marks = sessionMarks(
    overview([
      summary('dev', {}),
      summary('qa', { endsAt: NOW + 41 * MIN, tabs: 0 }),
      summary('prod', { endsAt: NOW + 4 * MIN }),
      summary('old', { status: 'expired', endsAt: NOW - MIN }),
      summary('gone', { status: 'unknown', tabs: 0 }),
      summary(null, {}),
    ]),
    NOW,
  );
  expect(Object.fromEntries([...marks].map(([p, m]) => [p, [m.text, m.tone]]))).toEqual({
    dev: ['Signed in', 'live'],
    qa: ['41 min left', 'live'],
    prod: ['4 min left', 'warning'],
    old: ['Session expired', 'expired'],
    gone: ['Maybe signed in', 'unknown'],
  });
  expect(marks.get('dev')!.title).toBe('Signed in (first seen 12 min ago), open in 1 tab: Enter goes there. Shift+Enter signs in again.');
  expect(marks.get('qa')!.title).toBe('Signed in by Role Switchboard, no tab shows it: Enter opens it in a new tab. Shift+Enter signs in again.');
  expect(marks.get('gone')!.title).toBe('A session was first seen 12 min ago; no tab shows it now.');
});

test('a profile with several sessions shows its best one', () => {
  const marks = sessionMarks(overview([summary('dev', { status: 'expired', endsAt: NOW - MIN }), summary('dev', { status: 'unknown', tabs: 0 })]), NOW);
  expect(marks.get('dev')!.tone).toBe('unknown');
});

test('"3 of 5 sessions" in multi-session mode only', () => {
  expect(sessionCountText(overview([summary('a', {}), summary('b', {}), summary('c', {})]))).toBe('3 of 5 sessions');
  expect(sessionCountText(overview([summary('a', { multiSession: false })], []))).toBe('');
  expect(sessionCountText(null)).toBe('');
  expect(sessionCountText(overview([], [{ partition: 'aws', count: 2 }, { partition: 'aws-us-gov', count: 1 }]))).toBe('2 of 5 sessions (aws), 1 of 5 sessions (aws-us-gov)');
});
