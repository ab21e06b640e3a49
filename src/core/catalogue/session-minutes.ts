// `console_session_minutes` in a profile (issue 13): how long a console session switched into
// from this profile lasts (docs/aws-facts.md §7: one hour unless the role allows longer). Read by
// the importer with one call; the setting of the same name covers every other profile.
import { isSessionMinutes, MAX_SESSION_MINUTES, MIN_SESSION_MINUTES } from '../sessions/session-time';
import type { CatalogueEntry } from '../types';

/** Sets `entry.sessionMinutes` from the key's value, or says (through `note`) why the value is not used. */
export function setSessionMinutes(entry: CatalogueEntry, value: string | undefined, note: (text: string) => void): void {
  if (value === undefined) return;
  const text = value.trim();
  const minutes = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (isSessionMinutes(minutes)) entry.sessionMinutes = minutes;
  else note(`console_session_minutes ${JSON.stringify(value)} is not a whole number of minutes from ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES}; the session length in the settings is used.`);
}
