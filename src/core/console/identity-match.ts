// Which catalogue entry a console tab's identity is (the banner's profile, the popup's "you are
// here", the switch's "already signed in as"). Pure and zod-free: the content script uses it.
import { formatAccountId, permissionSetOf } from '../aws-names';
import type { ConsoleIdentity } from '../protocol/messages';
import type { CatalogueEntry } from '../types';

/** The fields of a catalogue entry that matching and the banner need (the content script's compact index). */
export type BannerEntry = Pick<
  CatalogueEntry,
  'profile' | 'kind' | 'accountId' | 'accountAlias' | 'roleName' | 'partition' | 'region' | 'app' | 'env' | 'envLabel' | 'isProduction' | 'color'
>;

export type IdentityMatch<E extends BannerEntry = BannerEntry> =
  /** A profile for exactly this account and role; `alternatives` other profiles match too. */
  | { kind: 'profile'; entry: E; alternatives: number }
  /**
   * The account is in the catalogue but no profile has this role. `entry` stands for the account's
   * environment when its profiles agree on one (any production profile makes it production),
   * and is absent when they disagree.
   */
  | { kind: 'account'; entry?: E }
  /**
   * The page names more than one account (its sources disagree, or it names one account's ID and
   * another's alias): unknown. `entry` is the production profile of one of them, if any;
   * `reason` says why when the identity itself does not (the catalogue showed the conflict).
   */
  | { kind: 'disputed'; entry?: E; reason?: string }
  | { kind: 'none' };

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const lastSegment = (roleName: string): string => roleName.slice(roleName.lastIndexOf('/') + 1);

/** Does this entry describe the identity's role? Account and partition are checked by the caller. */
export function entryHasRole(entry: Pick<BannerEntry, 'kind' | 'roleName'>, identity: ConsoleIdentity): boolean {
  if (identity.principalKind !== 'assumed-role' || !identity.roleName) return false;
  // Identity Center roles match by permission set, whichever way the profile names it: an SSO
  // profile by the set itself, a role profile by its `AWSReservedSSO_<set>_<hash>` role (with path).
  const set = entry.kind === 'sso' ? entry.roleName : permissionSetOf(entry.roleName);
  if (set !== null) return identity.permissionSet !== undefined && same(set, identity.permissionSet);
  // IAM role names are unique case-insensitively; the sts ARN carries no path, so the last segment decides.
  return same(lastSegment(entry.roleName), identity.roleName);
}

/**
 * The page names several accounts (by these IDs and aliases): unknown, as its production profile
 * when one of them is production. `reason` says why when the identity does not.
 */
function disputed<E extends BannerEntry>(entries: readonly E[], identity: ConsoleIdentity, ids: readonly string[], aliases: readonly string[], reason?: string): IdentityMatch<E> {
  const entry = entries.find(
    (e) => e.isProduction && e.partition === identity.partition && ((e.accountId !== undefined && ids.includes(e.accountId)) || (e.accountAlias !== undefined && aliases.includes(e.accountAlias))),
  );
  return entry || reason ? { kind: 'disputed', entry, reason } : { kind: 'none' };
}

/** A profile that names its account by ID only: a page that shows only the account's alias could be it. */
export const namesAccountByIdOnly = (e: { accountId?: string; accountAlias?: string }): boolean => e.accountId !== undefined && e.accountAlias === undefined;

const ALIAS_ONLY = 'the page names the account only by alias, and profiles that name theirs by ID only could be it';

/**
 * Finds the catalogue entry for an identity: same partition, same account (by ID, or by alias when
 * the profile or the page has only an alias), then the role's last name segment, or the SSO permission set.
 * Among several matches a production one wins (never show a production role as non-production),
 * then one in the page's region, then catalogue order. An unknown account whose sources name a
 * production account among others is `disputed`: production is never downgraded to "unknown".
 * So is a page that gives only an alias no profile has when some profiles name their account by
 * ID only: one of them could be it, production too, so "not in your profiles" would be a guess.
 * `idOnly` says whether some do, for a caller holding only some entries (the content script has
 * the alias's record, and the index's meta); without it, `entries` are all there are.
 */
export function matchIdentity<E extends BannerEntry>(
  identity: ConsoleIdentity | null,
  entries: readonly E[],
  idOnly?: boolean,
): IdentityMatch<E> {
  if (!identity) return { kind: 'none' };
  const { accountId, accountAlias: alias } = identity;
  if (accountId === null && (identity.candidates || identity.candidateAliases)) return disputed(entries, identity, identity.candidates ?? [], identity.candidateAliases ?? []);
  // An ID paired (by another source, or the cookie) with an alias the catalogue gives to another account: two accounts.
  if (accountId !== null && alias !== undefined) {
    const other = entries.find((e) => e.partition === identity.partition && e.accountAlias === alias && e.accountId !== undefined && e.accountId !== accountId)?.accountId;
    if (other !== undefined) {
      const reason = `the page pairs ${formatAccountId(accountId)} with ${alias}, the alias of ${formatAccountId(other)} in your profiles`;
      return disputed(entries, identity, [accountId, other], [], reason);
    }
  }
  const inAccount = entries.filter(
    (e) =>
      e.partition === identity.partition &&
      // By ID when both have one (an ID that differs is another account, whatever the alias);
      // by alias when the profile names its account only by alias, or the page gave only an alias.
      (e.accountId !== undefined && identity.accountId !== null
        ? e.accountId === identity.accountId
        : alias !== undefined && e.accountAlias === alias),
  );
  if (inAccount.length === 0) {
    const couldBeIdOnly = accountId === null && alias !== undefined && (idOnly ?? entries.some(namesAccountByIdOnly));
    return couldBeIdOnly ? { kind: 'disputed', reason: ALIAS_ONLY } : { kind: 'none' };
  }
  const production = inAccount.find((e) => e.isProduction);
  const withRole = inAccount.filter((e) => entryHasRole(e, identity));
  if (withRole.length > 0) {
    const rank = (e: E) => (e.isProduction ? 0 : 2) + (identity.region && e.region === identity.region ? 0 : 1);
    const best = withRole.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    // A role only the cookie gave may be stale: it never turns a production account into another profile.
    if (identity.weakPrincipal && production && !best.isProduction) return { kind: 'account', entry: production };
    // Production anywhere on an account makes all its profiles production: the import does so
    // for profiles that share an account ID or alias. When one names the account by ID and the
    // other does not (a production profile known by alias only), only the page links them: this
    // profile is then shown as the production one is.
    const linked = production && !best.isProduction && !production.accountId !== !best.accountId;
    const entry = linked ? { ...production, profile: best.profile } : best;
    return { kind: 'profile', entry, alternatives: withRole.length - 1 };
  }
  if (production) return { kind: 'account', entry: production };
  const env = inAccount[0]!.env;
  return inAccount.every((e) => e.env === env) ? { kind: 'account', entry: inAccount[0]! } : { kind: 'account' };
}
