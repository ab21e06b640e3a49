// Who signed in on a console tab (the "basis" the console switches from and back to, issue 15 §2),
// and which roles are reachable from there. Pure.
//
// On a classic console the page names the sign-in in two places (docs/aws-facts.md §1.5, §3.1): the
// `aws-userInfo` cookie (who signed in, whatever role is active now) and, on the navigation
// until 2020, the exit-role button's title (`<user> @ <account>`), shown only while a role is
// active. Page content is evidence, never authority: when the two disagree, or neither is
// there, the basis is unknown and says why. A tab signed in as an IAM user (or root) is its own
// basis: a user cannot be switched into. On a multi-session console each session signs in by
// itself and the cookie may describe another session, so the page alone never names a basis:
// the background adds what it recorded of its own switches (background/basis.ts).
import { formatAccountId, isAccountAlias, permissionSetOf, SHOWN_ACCOUNT_ID } from '../aws-names';
import { consolePartition } from './console-hosts';
import { check, type IdentityReading, type Principal } from './console-identity';
import type { ConsoleIdentity } from '../protocol/messages';
import type { CatalogueEntry, Partition } from '../types';

export interface BasisKnown {
  known: true;
  partition: Partition;
  accountId?: string;
  accountAlias?: string;
  /** The IAM user, or the role (permission set for Identity Center) the sign-in is. */
  name: string;
  /** `alice @ 1111-2222-3333`, as the console's own exit-role button writes it. */
  text: string;
  /** Which page sources (or records) said so. */
  from: string;
  /** The tab is in a role switched to from the basis (true), is the basis itself (false), or cannot tell (null). */
  switched: boolean | null;
  /** The basis is another multi-session session: its key (`aws/<label>`). */
  sessionKey?: string;
}
export type Basis = BasisKnown | { known: false; reason: string };

interface Claim {
  accountId?: string;
  accountAlias?: string;
  principal?: Principal;
  from: string;
}

/** The exit-role button's `<user> @ <account or alias>`; null when it is not of that shape. */
function exitRoleClaim(value: unknown): Claim | null {
  if (typeof value !== 'string') return null;
  const at = value.lastIndexOf(' @ ');
  const name = value.slice(0, at).trim();
  const account = value.slice(at + 3).trim();
  if (at <= 0 || !/^[\w+=,.@/-]{1,128}$/.test(name)) return null;
  const id = SHOWN_ACCOUNT_ID.exec(account);
  const from = 'exit-role button';
  if (id) return { accountId: id[1]! + id[2]! + id[3]!, principal: { kind: 'unknown', name }, from };
  return isAccountAlias(account) ? { accountAlias: account, principal: { kind: 'unknown', name }, from } : null;
}

/** The cookie's claim, checked as the judge checks it; null when it is absent or unusable. */
function cookieClaim(readings: readonly IdentityReading[], partition: Partition): Claim | null {
  const reading = readings.find((r) => r.source === 'cookie' && !r.unusable);
  if (!reading) return null;
  const c = check(reading, partition);
  if (c.problem || !c.principal || !c.ids[0]) return null;
  return { accountId: c.ids[0], accountAlias: c.alias, principal: c.principal, from: 'aws-userInfo cookie' };
}

const nameOf = (p: Principal | undefined): string => (p?.name ? (permissionSetOf(p.name) ?? p.name) : p?.kind === 'root' ? 'root user' : 'unknown');
const sameName = (a: Claim, b: Claim) => nameOf(a.principal).toLowerCase() === nameOf(b.principal).toLowerCase();
const sameAccount = (a: Claim, b: Claim) =>
  a.accountId !== undefined && b.accountId !== undefined ? a.accountId === b.accountId : a.accountAlias !== undefined && a.accountAlias === b.accountAlias;

function known(claim: Claim, partition: Partition, switched: boolean | null): BasisKnown {
  const name = nameOf(claim.principal);
  const account = claim.accountId ? formatAccountId(claim.accountId) : claim.accountAlias!;
  const basis: BasisKnown = { known: true, partition, name, text: `${name} @ ${account}`, from: claim.from, switched };
  if (claim.accountId) basis.accountId = claim.accountId;
  if (claim.accountAlias) basis.accountAlias = claim.accountAlias;
  return basis;
}

/** Whether the tab's own identity is a role switched to from `basis`: null when the tab does not say enough. */
function isSwitched(basis: Claim, identity: ConsoleIdentity): boolean | null {
  if (identity.accountId === null) return null;
  if (basis.accountId !== undefined && identity.accountId !== basis.accountId) return true;
  if (identity.principalKind === 'unknown' || !identity.roleName) return null;
  if (basis.principal?.kind === 'user' || basis.principal?.kind === 'root') return identity.principalKind === 'assumed-role';
  return nameOf({ kind: identity.principalKind, name: identity.roleName }).toLowerCase() !== nameOf(basis.principal).toLowerCase();
}

const selfClaim = (identity: ConsoleIdentity): Claim => ({
  accountId: identity.accountId ?? undefined,
  accountAlias: identity.accountAlias,
  principal: { kind: identity.principalKind, name: identity.roleName },
  from: 'this tab (a user is never switched into)',
});

/** Who signed in on a console page, from its readings and its judged identity (see the top of this file). */
export function basisFromPage(readings: readonly IdentityReading[], hostname: string, identity: ConsoleIdentity): Basis {
  const partition = consolePartition(hostname) ?? identity.partition;
  const signedInUser = identity.accountId !== null && (identity.principalKind === 'user' || identity.principalKind === 'root');
  if (identity.multiSession) {
    if (signedInUser) return known(selfClaim(identity), partition, false);
    return { known: false, reason: 'on a multi-session console each session signs in by itself, and this page does not say which sign-in it was opened from' };
  }
  const exit = readings.map((r) => exitRoleClaim(r.signedIn)).find((c) => c !== null) ?? null;
  const cookie = cookieClaim(readings, partition);
  const text = (c: Claim) => known(c, partition, null).text;
  if (signedInUser) {
    // A user tab is its own sign-in: a page source naming anyone else is not believed.
    const self = selfClaim(identity);
    const other = [cookie, exit].find((c) => c && !(sameAccount(c, self) && sameName(c, self)));
    if (other) return { known: false, reason: `this tab is signed in as ${text(self)}, but the ${other.from} names ${text(other)}` };
    return known(self, partition, false);
  }
  if (exit && cookie && (!sameAccount(exit, cookie) || !sameName(exit, cookie))) {
    return { known: false, reason: `the aws-userInfo cookie (${text(cookie)}) and the exit-role button (${text(exit)}) name different sign-ins` };
  }
  const claim = cookie && exit ? { ...cookie, from: `${cookie.from} and ${exit.from}` } : (cookie ?? exit);
  if (!claim) return { known: false, reason: 'this page does not say who signed in' };
  // The console shows the exit-role button only while a role is active.
  return known(claim, partition, exit ? true : isSwitched(claim, identity));
}

/** Where a catalogue entry stands with the "only roles I can reach from here" filter on. */
export type Reach = 'reachable' | 'other-base' | 'unknown-base' | 'portal';

/**
 * An entry is reachable when its base (catalogue/base-account.ts) is the account the basis
 * signed in to, compared by ID, or by alias where both only have an alias. Identity Center
 * entries are signed in through the access portal, not switched to from a base account, so
 * the filter never hides them ('portal'). An entry whose base is unknown, or cannot be compared
 * (an alias against an ID), is 'unknown-base': shown apart, never hidden.
 */
export function reachOf(entry: Pick<CatalogueEntry, 'kind' | 'partition' | 'base'>, basis: BasisKnown): Reach {
  if (entry.kind === 'sso') return 'portal';
  const base = entry.base;
  if (!base || 'unknown' in base) return 'unknown-base';
  if (entry.partition !== basis.partition) return 'other-base';
  if (base.accountId !== undefined && basis.accountId !== undefined) return base.accountId === basis.accountId ? 'reachable' : 'other-base';
  if (base.accountAlias !== undefined && basis.accountAlias !== undefined) return base.accountAlias === basis.accountAlias ? 'reachable' : 'other-base';
  return 'unknown-base';
}

export interface ReachView<E> {
  /** Every entry the filter shows, in the given order (reachable, Identity Center, unknown base). */
  shown: E[];
  /** Of them, the profiles whose base is unknown: listed apart. */
  unknownBase: Set<string>;
  /** How many roles of another base account are hidden. */
  hidden: number;
}

/** The filter over `entries` (kept in their order) for a known basis. */
export function filterReachable<E extends Pick<CatalogueEntry, 'profile' | 'kind' | 'partition' | 'base'>>(entries: readonly E[], basis: BasisKnown): ReachView<E> {
  const view: ReachView<E> = { shown: [], unknownBase: new Set(), hidden: 0 };
  for (const e of entries) {
    const reach = reachOf(e, basis);
    if (reach === 'other-base') view.hidden++;
    else {
      view.shown.push(e);
      if (reach === 'unknown-base') view.unknownBase.add(e.profile);
    }
  }
  return view;
}
