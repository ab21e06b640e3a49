// Who is signed in on a console page, decided from several undocumented sources (aws-facts §3),
// and which catalogue entry that is. Pure: the content script gathers the raw readings
// (src/content/console-internals.ts) and this module judges them.
//
// Rules, in order of importance:
// - Fail closed. A reading that contradicts itself (ARN account ≠ its own account field, ARN
//   partition ≠ the host's partition) is dropped whole; with no trustworthy account the answer is
//   "unknown account" (accountId null), never a guess.
// - When sources disagree, the strongest wins (session data > host label > navigation > cookie),
//   and names (role, alias) are only taken from readings that agree with the chosen account.
// - The `aws-userInfo` cookie can still describe the original sign-in after a switch, so it never
//   decides the account on its own; it may only add a name to an account a stronger source gave.
//
// This module is imported by the content script: no zod, no browser API, type-only imports.
import type { ConsoleIdentity } from './messages';
import type { CatalogueEntry, Partition } from './types';

export type IdentitySource = 'session-data' | 'host-label' | 'navigation' | 'cookie';

/** One source's raw claims, as read from the page. Every field is untrusted until validated here. */
export interface IdentityReading {
  source: IdentitySource;
  accountId?: unknown;
  accountAlias?: unknown;
  /** Principal ARN: `arn:<p>:sts::<acct>:assumed-role/<Role>/<session>`, `...:iam::<acct>:user/<name>`, `...:root`. */
  arn?: unknown;
  region?: unknown;
  /** Multi-session console: the first host label `<account>-<8 chars>`. */
  sessionId?: unknown;
  multiSession?: unknown;
  signInEndpoint?: unknown;
}

const STRENGTH: readonly IdentitySource[] = ['session-data', 'host-label', 'navigation', 'cookie'];

const ACCOUNT_ID = /^\d{12}$/;
// aws-facts §5: 3–63 of [a-z0-9-], no leading, trailing or double hyphen.
const ACCOUNT_ALIAS = /^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const SESSION_ID = /^\d{12}-[0-9a-z]{8}$/;
const IAM_NAME = /^[\w+=,.@-]{1,64}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const SSO_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;

/** The domain of each partition (aws-facts §1.4): consoles at `*.console.<domain>`, sign-in at `signin.<domain>`. */
const DOMAINS: Readonly<Record<Partition, string>> = { aws: 'aws.amazon.com', 'aws-us-gov': 'amazonaws-us-gov.com', 'aws-cn': 'amazonaws.cn' };
/** Console hosts outside `*.console.<domain>`. */
const OTHER_CONSOLE_HOSTS = ['health.aws.amazon.com', 'phd.aws.amazon.com', 'phd.amazonaws-us-gov.com', 'health.amazonaws.cn'];

/** The partition of an AWS console host, or null when the host is not a console host. */
export function consolePartition(hostname: string): Partition | null {
  const host = hostname.toLowerCase();
  for (const partition of Object.keys(DOMAINS) as Partition[]) {
    const domain = DOMAINS[partition];
    if (host === `console.${domain}` || host.endsWith(`.console.${domain}`)) return partition;
    if (OTHER_CONSOLE_HOSTS.includes(host) && host.endsWith(`.${domain}`)) return partition;
  }
  return null;
}

/** The partition's global sign-in host (`signin.aws.amazon.com`, ...). */
export function signInHost(partition: Partition): string {
  return `signin.${DOMAINS[partition]}`;
}

/** A sign-in endpoint a page claims is only used when it is the partition's sign-in host or a regional one. */
export function isSignInHostOf(host: string, partition: Partition): boolean {
  const base = signInHost(partition);
  return host === base || (host.endsWith(`.${base}`) && REGION.test(host.slice(0, -base.length - 1)));
}

/** `123456789012` → `1234-5678-9012` (the console's own spelling). Anything else is returned unchanged. */
export function formatAccountId(accountId: string): string {
  return ACCOUNT_ID.test(accountId) ? `${accountId.slice(0, 4)}-${accountId.slice(4, 8)}-${accountId.slice(8)}` : accountId;
}

/** `AWSReservedSSO_<set>_<16 hex>` → `<set>`; null for any other role name. */
export function permissionSetOf(roleName: string): string | null {
  return SSO_ROLE.exec(roleName)?.[1] ?? null;
}

export interface PrincipalArn {
  partition: Partition;
  accountId: string;
  kind: 'assumed-role' | 'user' | 'root' | 'unknown';
  /** Role name for assumed roles (no path in sts ARNs), user name (last segment) for users. */
  name?: string;
}

/** Parses the principal ARNs a console page shows (sts assumed-role, iam user, iam root); null for others. */
export function parsePrincipalArn(arn: string): PrincipalArn | null {
  const m = /^arn:(aws|aws-us-gov|aws-cn):(sts|iam)::(\d{12}):(.+)$/.exec(arn);
  if (!m) return null;
  const partition = m[1] as Partition;
  const service = m[2];
  const accountId = m[3]!;
  const resource = m[4]!;
  if (service === 'sts') {
    const role = /^assumed-role\/([^/]+)\/([^/]+)$/.exec(resource);
    if (role) {
      if (!IAM_NAME.test(role[1]!) || !SESSION_NAME.test(role[2]!)) return null;
      return { partition, accountId, kind: 'assumed-role', name: role[1]! };
    }
    return null;
  }
  if (resource === 'root') return { partition, accountId, kind: 'root' };
  const user = /^user\/(?:[\x21-\x7e]*\/)?([^/]+)$/.exec(resource);
  if (user && IAM_NAME.test(user[1]!)) return { partition, accountId, kind: 'user', name: user[1]! };
  return null;
}

interface CheckedReading {
  source: IdentitySource;
  accountId?: string;
  accountAlias?: string;
  principal?: { kind: ConsoleIdentity['principalKind']; name?: string };
  region?: string;
  sessionId?: string;
  multiSession?: boolean;
  signInEndpoint?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);

/** Validates one reading; null when it contradicts itself or the host (then none of it is used). */
function check(reading: IdentityReading, partition: Partition): CheckedReading | null {
  const out: CheckedReading = { source: reading.source };
  const accountId = str(reading.accountId);
  if (accountId !== undefined && accountId !== '') {
    if (!ACCOUNT_ID.test(accountId)) return null;
    out.accountId = accountId;
  }
  const arnText = str(reading.arn);
  if (arnText) {
    const arn = parsePrincipalArn(arnText);
    // An ARN we cannot read, from another partition or another account than the same source's
    // account field: this source is confused, so nothing it says is used.
    if (!arn || arn.partition !== partition) return null;
    if (out.accountId && out.accountId !== arn.accountId) return null;
    out.accountId = arn.accountId;
    out.principal = { kind: arn.kind, name: arn.name };
  }
  const alias = str(reading.accountAlias);
  if (alias && ACCOUNT_ALIAS.test(alias)) out.accountAlias = alias;
  const region = str(reading.region);
  if (region && REGION.test(region)) out.region = region;
  const sessionId = str(reading.sessionId);
  if (sessionId) {
    if (!SESSION_ID.test(sessionId)) return null;
    if (out.accountId && !sessionId.startsWith(out.accountId)) return null;
    out.sessionId = sessionId;
  }
  if (reading.multiSession === true) out.multiSession = true;
  const endpoint = str(reading.signInEndpoint)?.toLowerCase();
  if (endpoint && isSignInHostOf(endpoint, partition)) out.signInEndpoint = endpoint;
  return out;
}

/**
 * Combines the readings of one page into the identity the banner and popup show.
 * `hostname` is the page's host; readings are in any order.
 */
export function combineIdentity(readings: readonly IdentityReading[], hostname: string): ConsoleIdentity {
  const partition = consolePartition(hostname) ?? 'aws';
  const checked = readings
    .map((r) => check(r, partition))
    .filter((r): r is CheckedReading => r !== null)
    .sort((a, b) => STRENGTH.indexOf(a.source) - STRENGTH.indexOf(b.source));

  const first = <K extends keyof CheckedReading>(list: CheckedReading[], key: K): CheckedReading[K] | undefined =>
    list.find((r) => r[key] !== undefined)?.[key];

  // Session facts describe the tab, not the principal: any valid reading may give them.
  const identity: ConsoleIdentity = { accountId: null, principalKind: 'unknown', partition, source: 'none' };
  const region = first(checked, 'region');
  if (region) identity.region = region;
  const sessionId = first(checked, 'sessionId');
  if (sessionId) identity.sessionId = sessionId;
  if (checked.some((r) => r.multiSession) || sessionId) identity.multiSession = true;
  const endpoint = first(checked, 'signInEndpoint');
  if (endpoint) identity.signInEndpoint = endpoint;

  // The account: the strongest source that names one. The cookie alone never decides it.
  const decider = checked.find((r) => r.accountId !== undefined && r.source !== 'cookie');
  if (!decider) return identity;
  identity.accountId = decider.accountId!;
  identity.source = decider.source;

  // Names only from readings about that same account (a reading without an account ID says
  // nothing checkable about whose name it is).
  const agreeing = checked.filter((r) => r.accountId === decider.accountId);
  const alias = first(agreeing, 'accountAlias');
  if (alias) identity.accountAlias = alias;
  const principal = first(agreeing, 'principal');
  if (principal) {
    identity.principalKind = principal.kind;
    if (principal.name) {
      identity.roleName = principal.name;
      if (principal.kind === 'assumed-role') {
        const set = permissionSetOf(principal.name);
        if (set) identity.permissionSet = set;
      }
    }
  }
  return identity;
}

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
  | { kind: 'none' };

const lastSegment = (roleName: string): string => roleName.slice(roleName.lastIndexOf('/') + 1);
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Does this entry describe the identity's role? Account and partition are checked by the caller. */
export function entryHasRole(entry: BannerEntry, identity: ConsoleIdentity): boolean {
  if (identity.principalKind !== 'assumed-role' || !identity.roleName) return false;
  if (entry.kind === 'sso') return identity.permissionSet !== undefined && same(entry.roleName, identity.permissionSet);
  // IAM role names are unique case-insensitively; the sts ARN carries no path, so the last segment decides.
  return same(lastSegment(entry.roleName), identity.roleName);
}

/**
 * Finds the catalogue entry for an identity: same partition, same account (by ID, or by alias when
 * the profile or the page has only an alias), then the role's last name segment, or the SSO permission set.
 * Among several matches a production one wins (never show a production role as non-production),
 * then one in the page's region, then catalogue order.
 */
export function matchIdentity<E extends BannerEntry>(identity: ConsoleIdentity | null, entries: readonly E[]): IdentityMatch<E> {
  if (!identity) return { kind: 'none' };
  const alias = identity.accountAlias;
  const inAccount = entries.filter(
    (e) =>
      e.partition === identity.partition &&
      // By ID when both have one (an ID that differs is another account, whatever the alias);
      // by alias when the profile names its account only by alias, or the page gave only an alias.
      (e.accountId !== undefined && identity.accountId !== null
        ? e.accountId === identity.accountId
        : alias !== undefined && e.accountAlias === alias),
  );
  if (inAccount.length === 0) return { kind: 'none' };
  const withRole = inAccount.filter((e) => entryHasRole(e, identity));
  if (withRole.length > 0) {
    const rank = (e: E) => (e.isProduction ? 0 : 2) + (identity.region && e.region === identity.region ? 0 : 1);
    const best = withRole.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    return { kind: 'profile', entry: best, alternatives: withRole.length - 1 };
  }
  const production = inAccount.find((e) => e.isProduction);
  if (production) return { kind: 'account', entry: production };
  const env = inAccount[0]!.env;
  return inAccount.every((e) => e.env === env) ? { kind: 'account', entry: inAccount[0]! } : { kind: 'account' };
}
