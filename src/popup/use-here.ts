// "You are here": the profile the active console tab is in. The tab's banner says which
// profile it matched; the popup also matches the tab's identity against the whole catalogue
// itself (core/console/identity-match.ts: Identity Center permission sets, accounts known by
// alias, roles with a path), so the mark does not depend on the banner's compact index being
// current. Only an exact account-and-role match counts: never a guess.
import { useMemo } from 'preact/hooks';
import { matchIdentity, type CatalogueEntry } from '../core';
import type { Row } from '../ui/rows';
import type { HereAnswer } from './where-am-i';

export function useHereProfile(here: HereAnswer, entries: readonly CatalogueEntry[]): string | null {
  return useMemo(() => {
    if (!here.identity) return here.profile;
    const match = matchIdentity(here.identity, entries);
    return match.kind === 'profile' ? match.entry.profile : here.profile;
  }, [here, entries]);
}

/** The row of the here profile, in its app group when it is there (its neighbours give the context), else any. */
export function hereRow(rows: readonly Row[], profile: string | null): number {
  if (!profile) return -1;
  let any = -1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.kind !== 'entry' || row.entry.profile !== profile) continue;
    if (row.section === 'app') return i;
    if (any < 0) any = i;
  }
  return any;
}
