// What the popup says about each profile's console session (issue 13 §1): a mark on every
// profile with a session the extension knows of, and "3 of 5 sessions" in multi-session mode.
// Pure: built from the background's overview (protocol/messages.ts) and its clock.
import type { SessionsOverview, SessionSummary } from '../protocol/messages';
import { countdownPhase, seenText, timeLeftText } from './session-time';

export interface SessionMark {
  text: string;
  /** live: signed in; warning: in its last five minutes; expired: ran out; unknown: no tab shows it now. */
  tone: 'live' | 'warning' | 'expired' | 'unknown';
  /** The longer sentence (tooltip). */
  title: string;
}

const RANK: Record<SessionSummary['status'], number> = { live: 0, unknown: 1, expired: 2 };
const tabsText = (n: number): string => `${n} tab${n === 1 ? '' : 's'}`;

function markOf(s: SessionSummary, now: number): SessionMark {
  const seen = seenText(s.firstSeen, now);
  if (s.status === 'expired') return { text: 'Session expired', tone: 'expired', title: 'The session Role Switchboard started has run out.' };
  if (s.status === 'unknown') {
    return { text: 'Maybe signed in', tone: 'unknown', title: `A session was ${seen}; no tab shows it now.` };
  }
  const where = s.tabs > 0 ? `open in ${tabsText(s.tabs)}: Enter goes there` : 'no tab shows it: Enter opens it in a new tab';
  if (s.endsAt === undefined) return { text: 'Signed in', tone: 'live', title: `Signed in (${seen}), ${where}. Shift+Enter signs in again.` };
  return {
    text: timeLeftText(s.endsAt, now),
    tone: countdownPhase(s.endsAt, now) === 'warning' ? 'warning' : 'live',
    title: `Signed in by Role Switchboard, ${where}. Shift+Enter signs in again.`,
  };
}

/** Each profile's mark: its best session (live, then unknown, then expired). */
export function sessionMarks(overview: SessionsOverview | null, now: number): Map<string, SessionMark> {
  const best = new Map<string, SessionSummary>();
  for (const s of overview?.sessions ?? []) {
    if (s.profile === null) continue;
    const had = best.get(s.profile);
    if (!had || RANK[s.status] < RANK[had.status]) best.set(s.profile, s);
  }
  return new Map([...best].map(([profile, s]) => [profile, markOf(s, now)]));
}

/** `3 of 5 sessions` for each partition in multi-session mode ('' when none is). */
export function sessionCountText(overview: SessionsOverview | null): string {
  const counts = overview?.multiSession ?? [];
  if (counts.length === 0) return '';
  const one = (c: { partition: string; count: number }) => `${c.count} of ${overview!.limit} sessions${counts.length > 1 ? ` (${c.partition})` : ''}`;
  return counts.map(one).join(', ');
}
