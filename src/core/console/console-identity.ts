// Who is signed in on a console page, judged from several undocumented sources (aws-facts §3,
// §3.1), and which catalogue entry that is. Pure: the content script gathers the raw readings
// (src/content/console-internals.ts) and this module judges them.
//
// Rules, in order of importance:
// - Fail closed. The tab's sources (session data, host label, navigation) must all name the same
//   account, or the answer is "unknown account" with the reason; so is a source that contradicts
//   itself (two accounts, an ARN of another partition than the host). A value of the wrong shape
//   makes its source unusable, never a guess.
// - On a multi-session host the host label decides; elsewhere the strongest source that names an
//   account does. Names (alias, role) come only from sources that agree with it.
// - The `aws-userInfo` cookie never decides the account (see COOKIE below). It is not a source
//   of the tab's account at all, so when it names another account that is no disagreement.
//
// This module is imported by the content script: no zod, no browser API, type-only imports.
import { formatAccountId, isAccountAlias, isAccountId, permissionSetOf } from '../aws-names';
import type { ConsoleIdentity, SourceReport } from '../protocol/messages';
import type { CatalogueEntry, Partition } from '../types';

export type IdentitySource = 'session-data' | 'host-label' | 'nav-button' | 'navigation' | 'cookie';

/** Strongest first: the order a report lists them in, and the order that picks the decider. */
export const IDENTITY_SOURCES: readonly IdentitySource[] = ['session-data', 'host-label', 'nav-button', 'navigation', 'cookie'];

/**
 * COOKIE: may `aws-userInfo` decide the account alone on a classic (single-session) host? No.
 * The sign-in host writes it when someone signs in and it describes that sign-in: after a switch
 * role the tab is in another account while the cookie still names the first one. The console's
 * own old navigation shows the two side by side (`awsc-login-display-name-*`, who signed in, next
 * to `awsc-role-display-name-*`, the active role: capture 003), AWS Extend Switch Roles reads this
 * cookie precisely to find the *base* account a user switches from, and none of its fields (arn,
 * alias, username, keybase, issuer, signinType) says whether a switch happened. So on its own it
 * cannot tell which account this tab is in; it may only add names to an account the tab's own
 * sources gave. On a multi-session tab it may even describe another session: not read there.
 */
const TAB_SOURCE = (s: IdentitySource) => s !== 'cookie';

/** One source's raw claims, as read from the page. Every field is untrusted until checked here. */
export interface IdentityReading {
  source: IdentitySource;
  /** Exactly 12 digits (session data's `accountId`). */
  accountId?: unknown;
  /** An account as the page writes it: `123456789012`, `1234-5678-9012` or an alias (navigation, the cookie's `alias`). */
  account?: unknown;
  accountAlias?: unknown;
  /** Principal ARN: `arn:<p>:sts::<acct>:assumed-role/<Role>/<session>`, `...:iam::<acct>:user/<name>`, `...:root`. */
  arn?: unknown;
  /** `<role>/<session>` as the navigation writes it; a bare name (a user, or root's account name) says no kind. */
  principal?: unknown;
  /** The active role's name, shown alone (old navigation). */
  role?: unknown;
  /** The account button's short label and aria-label (`PermissionSet/user`, `Role/session`): must agree with `principal`. */
  labels?: unknown;
  /** Cookie `username` (URL-decoded twice) and `issuer`: cross-checked against its ARN. */
  username?: unknown;
  issuer?: unknown;
  region?: unknown;
  /** Multi-session console: the first host label `<account>-<8 chars>`. */
  sessionId?: unknown;
  multiSession?: unknown;
  signInEndpoint?: unknown;
  /** The reader found the source but will not vouch for it (outside the head, not read here): why. */
  unusable?: string;
}

const DASHED_ID = /^(\d{4})-?(\d{4})-?(\d{4})$/;
const REGION = /^(?:[a-z]{2}|eusc)(?:-[a-z]+)+-\d{1,2}$/;
const SESSION_ID = /^\d{12}-[0-9a-z]{8}$/;
const IAM_NAME = /^[\w+=,.@-]{1,64}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** The domain of each partition (aws-facts §1.4): consoles at `*.console.<domain>`, sign-in at `signin.<domain>`. */
const DOMAINS: Readonly<Record<Partition, string>> = {
  aws: 'aws.amazon.com',
  'aws-us-gov': 'amazonaws-us-gov.com',
  'aws-cn': 'amazonaws.cn',
  'aws-eusc': 'amazonaws-eusc.eu',
};
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

/**
 * The partition's sign-in host for switching (`signin.aws.amazon.com`, ...). The European
 * Sovereign Cloud has only regional ones (`eusc-de-east-1.signin.amazonaws-eusc.eu`, see
 * SIGN_IN_HOSTS in links.ts for the evidence): there the region is part of the host.
 */
export function signInHost(partition: Partition, region?: string): string {
  if (partition !== 'aws-eusc') return `signin.${DOMAINS[partition]}`;
  return `${region && region.startsWith('eusc-') && REGION.test(region) ? region : 'eusc-de-east-1'}.signin.${DOMAINS[partition]}`;
}

/** A sign-in endpoint a page claims is only used when it is the partition's sign-in host or a regional one. */
export function isSignInHostOf(host: string, partition: Partition): boolean {
  const base = `signin.${DOMAINS[partition]}`;
  // No bare host in the European Sovereign Cloud: switching there fails.
  if (host === base) return partition !== 'aws-eusc';
  return host.endsWith(`.${base}`) && REGION.test(host.slice(0, -base.length - 1));
}

const lastSegment = (roleName: string): string => roleName.slice(roleName.lastIndexOf('/') + 1);


export interface PrincipalArn {
  partition: Partition;
  accountId: string;
  kind: 'assumed-role' | 'user' | 'root' | 'unknown';
  /** Role name for assumed roles (no path in sts ARNs), user name (last segment) for users. */
  name?: string;
  /** The ARN's resource part (`assumed-role/<Role>/<session>`, `user/<path/name>`, `root`). */
  resource: string;
}

/** Parses the principal ARNs a console page shows (sts assumed-role, iam user, iam root); null for others. */
export function parsePrincipalArn(arn: string): PrincipalArn | null {
  const m = /^arn:(aws|aws-us-gov|aws-cn|aws-eusc):(sts|iam)::(\d{12}):(.+)$/.exec(arn);
  if (!m) return null;
  const partition = m[1] as Partition;
  const accountId = m[3]!;
  const resource = m[4]!;
  if (m[2] === 'sts') {
    const role = /^assumed-role\/([^/]+)\/([^/]+)$/.exec(resource);
    if (!role || !IAM_NAME.test(role[1]!) || !SESSION_NAME.test(role[2]!)) return null;
    return { partition, accountId, kind: 'assumed-role', name: role[1]!, resource };
  }
  if (resource === 'root') return { partition, accountId, kind: 'root', resource };
  const user = /^user\/(?:[\x21-\x7e]*\/)?([^/]+)$/.exec(resource);
  return user && IAM_NAME.test(user[1]!) ? { partition, accountId, kind: 'user', name: user[1]!, resource } : null;
}

type Principal = { kind: ConsoleIdentity['principalKind']; name?: string };

interface Checked {
  source: IdentitySource;
  /** Every account it names by ID (more than one is a contradiction). */
  ids: string[];
  alias?: string;
  principal?: Principal;
  region?: string;
  sessionId?: string;
  signInEndpoint?: string;
  /** Why nothing of it is used. */
  problem?: string;
  /** Its accounts still count when looking for disagreement (it contradicts itself, or it is one of several copies). */
  counts?: boolean;
  verdict?: SourceReport['verdict'];
  note?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);
const match = (re: RegExp, v: unknown): string | undefined => re.exec(str(v) ?? '')?.[1];

/** Validates one reading. A reading with a `problem` is unusable; with `counts`, it still makes a disagreement. */
function check(r: IdentityReading, partition: Partition): Checked {
  const c: Checked = { source: r.source, ids: [] };
  const fail = (problem: string, counts?: boolean): Checked => Object.assign(c, { problem, counts });
  const id = (v: string) => c.ids.includes(v) || c.ids.push(v);
  if (r.unusable) return fail(r.unusable);
  if (r.accountId != null && r.accountId !== '') {
    const v = str(r.accountId);
    if (!v || !isAccountId(v)) return fail('its account ID is not 12 digits');
    id(v);
  }
  // An account as shown, or an alias field: an alias is never an account ID, so one written like
  // an ID (the cookie's `alias` when the account has none) is the ID. A malformed alias field is
  // dropped; a malformed account shown makes the source unusable.
  const account = str(r.account);
  for (const v of [account, str(r.accountAlias)]) {
    const digits = DASHED_ID.exec(v ?? '');
    if (digits) id(digits[1]! + digits[2]! + digits[3]!);
    else if (v && isAccountAlias(v)) c.alias ??= v;
    else if (v && v === account) return fail('it shows no account ID or alias');
  }
  const arnText = str(r.arn);
  const arn = arnText ? parsePrincipalArn(arnText) : null;
  if (arnText) {
    if (!arn) return fail('its ARN is not a principal ARN');
    id(arn.accountId);
    if (arn.partition !== partition) return fail(`its ARN is of partition ${arn.partition}, the console of ${partition}`, true);
    c.principal = { kind: arn.kind, name: arn.name };
  }
  // The navigation writes `<role>/<session>`; the old menu's active-role section, the role alone.
  const text = str(r.principal) ?? '';
  const slash = text.indexOf('/');
  const role = str(r.role) || text.slice(0, Math.max(slash, 0));
  if (IAM_NAME.test(role) && (slash < 0 || SESSION_NAME.test(text.slice(slash + 1)))) {
    c.principal = { kind: 'assumed-role', name: role };
    // Its short label reads `PermissionSet/user` or `Role/session` (or a display name, without
    // `/`); the old navigation's label went on with ` @ <account>`.
    const short = (permissionSetOf(role) ?? role) + (slash < 0 ? '' : text.slice(slash));
    const labels = (Array.isArray(r.labels) ? r.labels : []).map((l) => str(l)?.replace(/ @ .*/, ''));
    if (labels.some((l) => l?.includes('/') && l !== text && l !== short)) return fail('its label names another role than its title');
  }
  // The cookie's other fields must tell the same story as its ARN.
  const username = str(r.username);
  if (arn && username && arn.kind !== 'root' && username !== (arn.kind === 'user' ? arn.name : arn.resource)) return fail('its username is not its ARN\'s');
  const portalAccount = match(/[?&]account_id=([^&]*)/, r.issuer);
  const portalRole = match(/[?&]role_name=([^&]*)/, r.issuer);
  if (portalAccount !== undefined) id(portalAccount);
  if (portalRole !== undefined && portalRole !== permissionSetOf(arn?.name ?? '')) return fail('its issuer names another permission set');
  const sessionId = str(r.sessionId);
  if (sessionId) {
    if (!SESSION_ID.test(sessionId)) return fail('its session label is malformed');
    id(sessionId.slice(0, 12));
    c.sessionId = sessionId;
  }
  if (c.ids.length > 1 || c.ids.some((v) => !isAccountId(v))) return fail(`it names two accounts: ${c.ids.join(', ')}`, true);
  const region = str(r.region);
  if (region && REGION.test(region)) c.region = region;
  const endpoint = str(r.signInEndpoint)?.toLowerCase();
  if (endpoint && isSignInHostOf(endpoint, partition)) c.signInEndpoint = endpoint;
  return c;
}

/** How a report and a reason name each source. */
export const SOURCE_LABELS: Readonly<Record<IdentitySource, string>> = {
  'session-data': 'awsc-session-data meta',
  'host-label': 'host name',
  'nav-button': 'account button title',
  navigation: 'account menu',
  cookie: 'aws-userInfo cookie',
};

const accountOf = (c: Checked): string | undefined => (c.ids[0] ? formatAccountId(c.ids[0]) + (c.alias ? ` (${c.alias})` : '') : c.alias);

const samePrincipal = (a: Principal, b: Principal) => a.kind === b.kind && (a.name ?? '').toLowerCase() === (b.name ?? '').toLowerCase();

/** `role Admin`, `IAM user alice`, `root user`, as a report says it. */
export const principalText = (kind: ConsoleIdentity['principalKind'], name?: string): string | undefined =>
  kind === 'root' ? 'root user' : name && `${kind === 'user' ? 'IAM user' : 'role'} ${name}`;

/**
 * Combines the readings of one page into the identity the banner and popup show, with what each
 * source said (`sources`) and, for an unknown account, why (`reason`). `hostname` is the page's host.
 */
export function combineIdentity(readings: readonly IdentityReading[], hostname: string): ConsoleIdentity {
  const partition = consolePartition(hostname) ?? 'aws';
  const multi = readings.some((r) => r.multiSession === true || (r.source === 'host-label' && !!r.sessionId));
  const all = readings.map((r) => check(r, partition)).sort((a, b) => IDENTITY_SOURCES.indexOf(a.source) - IDENTITY_SOURCES.indexOf(b.source));
  // The console serves one awsc-session-data meta: several are not the console's.
  const metas = all.filter((c) => c.source === 'session-data' && !c.problem);
  if (metas.length > 1) for (const c of metas) Object.assign(c, { problem: `${metas.length} of them in the head, where the console serves one`, counts: true });
  const cookie = all.find((c) => c.source === 'cookie' && !c.problem);
  if (cookie && multi) cookie.problem = 'not used on a multi-session tab';

  const tab = all.filter((c) => TAB_SOURCE(c.source));
  const claiming = tab.filter((c) => (!c.problem || c.counts) && (c.ids[0] || c.alias));
  const usable = tab.filter((c) => !c.problem);
  const ids = [...new Set(claiming.flatMap((c) => c.ids))];
  const aliases = new Set(claiming.map((c) => c.alias).filter((a) => a));
  const first = <K extends 'region' | 'sessionId' | 'signInEndpoint'>(key: K) => usable.find((c) => c[key])?.[key];
  const contradiction = claiming.find((c) => c.counts);
  const disagree = ids.length > 1 || aliases.size > 1;
  const decider =
    disagree || contradiction ? undefined : (multi && usable.find((c) => c.source === 'host-label' && c.ids[0])) || usable.find((c) => c.ids[0]) || usable.find((c) => c.alias);
  const broken = tab.find((c) => c.problem);

  const identity: ConsoleIdentity = {
    accountId: null,
    principalKind: 'unknown',
    partition,
    source: decider?.source ?? 'none',
    region: first('region'),
    multiSession: multi || undefined,
    reason: contradiction
      ? `the ${SOURCE_LABELS[contradiction.source]}: ${contradiction.problem}`
      : disagree
        ? `the sources disagree: ${claiming.map((c) => `${SOURCE_LABELS[c.source]} ${accountOf(c)}`).join(', ')}`
        : decider
          ? undefined
          : cookie?.ids[0] && !cookie.problem
            ? 'only the aws-userInfo cookie names an account, and it says who signed in, not which account this tab is in'
            : broken
              ? `the ${SOURCE_LABELS[broken.source]} cannot be used: ${broken.problem}`
              : 'this page does not say which account it is signed in to',
  };
  for (const c of claiming) c.verdict = decider ? (c === decider ? 'decided' : 'agrees') : 'disagrees';
  if (cookie && !cookie.problem) cookie.verdict = 'who-signed-in';
  if (!decider) {
    if (ids[0] && (disagree || contradiction)) identity.candidates = ids;
    if (cookie) cookie.note = 'says who signed in; never decides alone';
  } else {
    identity.accountId = ids[0] ?? null;
    identity.sessionId = first('sessionId');
    identity.signInEndpoint = first('signInEndpoint');
    const alias = [...aliases][0];
    const cookieAgrees = !!cookie && !cookie.problem && (identity.accountId ? cookie.ids[0] === identity.accountId : !!alias && cookie.alias === alias);
    identity.accountAlias = alias ?? (cookieAgrees ? cookie!.alias : undefined);
    if (cookieAgrees) cookie!.verdict = 'agrees';
    else if (cookie && !cookie.problem) cookie.note = 'names another account: who signed in before a switch role; not used';
    // The role: from the tab's sources when they agree on it; else from an agreeing cookie (weak:
    // after a switch within the same account the cookie still names the old role).
    const named = usable.filter((c) => c.principal && c.principal.kind !== 'unknown');
    let principal = named[0]?.principal;
    if (named.some((c) => !samePrincipal(c.principal!, principal!))) {
      principal = undefined;
      for (const c of named) c.note = 'the sources name different roles: none is shown';
    } else if (!principal && cookieAgrees && cookie!.principal) {
      principal = cookie!.principal;
      identity.weakPrincipal = true;
    }
    for (const c of named) c.verdict ??= 'agrees';
    if (principal) {
      identity.principalKind = principal.kind;
      identity.roleName = principal.name;
      identity.permissionSet = (principal.kind === 'assumed-role' && permissionSetOf(principal.name ?? '')) || undefined;
    }
  }
  identity.sources = all.map((c) => ({
    source: c.source,
    verdict: c.verdict ?? (c.problem ? 'unusable' : 'no-account'),
    account: accountOf(c),
    principal: c.principal && principalText(c.principal.kind, c.principal.name),
    note: c.problem ?? c.note,
  }));
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
  /** The sources disagree and one of the accounts they name is production: `entry` is that production profile. */
  | { kind: 'disputed'; entry: E }
  | { kind: 'none' };

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Does this entry describe the identity's role? Account and partition are checked by the caller. */
export function entryHasRole(entry: BannerEntry, identity: ConsoleIdentity): boolean {
  if (identity.principalKind !== 'assumed-role' || !identity.roleName) return false;
  // Identity Center roles match by permission set, whichever way the profile names it: an SSO
  // profile by the set itself, a role profile by its `AWSReservedSSO_<set>_<hash>` role (with path).
  const set = entry.kind === 'sso' ? entry.roleName : permissionSetOf(entry.roleName);
  if (set !== null) return identity.permissionSet !== undefined && same(set, identity.permissionSet);
  // IAM role names are unique case-insensitively; the sts ARN carries no path, so the last segment decides.
  return same(lastSegment(entry.roleName), identity.roleName);
}

/**
 * Finds the catalogue entry for an identity: same partition, same account (by ID, or by alias when
 * the profile or the page has only an alias), then the role's last name segment, or the SSO permission set.
 * Among several matches a production one wins (never show a production role as non-production),
 * then one in the page's region, then catalogue order. An unknown account whose sources name a
 * production account among others is `disputed`: production is never downgraded to "unknown".
 */
export function matchIdentity<E extends BannerEntry>(identity: ConsoleIdentity | null, entries: readonly E[]): IdentityMatch<E> {
  if (!identity) return { kind: 'none' };
  const candidates = identity.candidates;
  if (identity.accountId === null && candidates) {
    const production = entries.find((e) => e.isProduction && e.partition === identity.partition && e.accountId !== undefined && candidates.includes(e.accountId));
    return production ? { kind: 'disputed', entry: production } : { kind: 'none' };
  }
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
  const production = inAccount.find((e) => e.isProduction);
  const withRole = inAccount.filter((e) => entryHasRole(e, identity));
  if (withRole.length > 0) {
    const rank = (e: E) => (e.isProduction ? 0 : 2) + (identity.region && e.region === identity.region ? 0 : 1);
    const best = withRole.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    // A role only the cookie gave may be stale: it never turns a production account into another profile.
    if (identity.weakPrincipal && production && !best.isProduction) return { kind: 'account', entry: production };
    return { kind: 'profile', entry: best, alternatives: withRole.length - 1 };
  }
  if (production) return { kind: 'account', entry: production };
  const env = inAccount[0]!.env;
  return inAccount.every((e) => e.env === env) ? { kind: 'account', entry: inAccount[0]! } : { kind: 'account' };
}
