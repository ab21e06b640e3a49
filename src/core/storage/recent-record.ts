// storage.local "recent": the roles switched to last.
import * as z from '../zod';

export const RECENT_LIMIT = 5;
export const recentSchema = z.array(z.string()).check(z.maxLength(50));

/** Most recent first, no duplicates, at most RECENT_LIMIT. */
export function pushRecent(recent: readonly string[], profile: string): string[] {
  return [profile, ...recent.filter((p) => p !== profile)].slice(0, RECENT_LIMIT);
}
