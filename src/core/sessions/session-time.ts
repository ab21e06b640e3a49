// How long a console session has left, or how long ago it was first seen, in words
// (docs/aws-facts.md §7). Pure and zod-free: the banner's session script (src/content/
// session-chip.ts) ticks with it in the console page, the popup and the background use it too.

/** The console allows this many signed-in identities at once in multi-session mode (docs/aws-facts.md §1.3). */
export const SESSION_LIMIT = 5;
/** A role switched to in the console lasts one hour unless the user says otherwise (docs/aws-facts.md §7). */
export const DEFAULT_SESSION_MINUTES = 60;
/** The shortest and longest lifetimes a user may set: a role session lasts 15 minutes to 12 hours. */
export const MIN_SESSION_MINUTES = 15;
export const MAX_SESSION_MINUTES = 720;
/** The banner turns to a warning this long before a session runs out. */
export const WARNING_MS = 5 * 60_000;

const MINUTE = 60_000;

/** `41 min`, `1 h`, `2 h 5 min`: whole minutes, rounded as `round` says. */
function duration(ms: number, round: (x: number) => number): string {
  const minutes = Math.max(0, round(ms / MINUTE));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export type CountdownPhase = 'running' | 'warning' | 'expired';

/** Where a countdown to `endsAt` is at `now`. */
export function countdownPhase(endsAt: number, now: number): CountdownPhase {
  const left = endsAt - now;
  return left <= 0 ? 'expired' : left <= WARNING_MS ? 'warning' : 'running';
}

/**
 * `41 min left` (rounded up: a session with 40 min 10 s left still has "41 min"), `less than a
 * minute left` in its last minute, `Session expired` after it.
 */
export function timeLeftText(endsAt: number, now: number): string {
  const left = endsAt - now;
  if (left <= 0) return 'Session expired';
  if (left < MINUTE) return 'less than a minute left';
  return `${duration(left, Math.ceil)} left`;
}

/** `first seen 12 min ago` (rounded down), `first seen just now` in the first minute. */
export function seenText(since: number, now: number): string {
  const ago = now - since;
  return ago < MINUTE ? 'first seen just now' : `first seen ${duration(ago, Math.floor)} ago`;
}

/** A lifetime in minutes a user wrote, if it is a whole number in the allowed range. */
export function isSessionMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_SESSION_MINUTES && value <= MAX_SESSION_MINUTES;
}
