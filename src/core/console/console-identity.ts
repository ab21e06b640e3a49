// Who is signed in on a console page, judged from several undocumented sources (docs/aws-facts.md
// §3, §3.1). Pure: the content script gathers the raw readings (src/content/console-internals.ts)
// and this module judges them.
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
// Two entries: `judgeIdentity`, the verdict the banner needs (the content script, which has a
// size budget, imports only that), and `combineIdentity`, the same verdict with what each source
// said (`sources`, the "Why?" report), which the popup and the background build from the readings
// a content script sends. Both run the one `judge` below, so they cannot disagree.
//
// Imported by the content script: no zod, no browser API, type-only imports of schemas.
import { formatAccountId, isAccountAlias, isAccountId, permissionSetOf, SHOWN_ACCOUNT_ID } from '../aws-names';
import { isPartition, splitArn } from '../aws-arn';
import { consolePartition, isSignInHostOf, REGION } from './console-hosts';
import type { ConsoleIdentity, SourceReport } from '../protocol/messages';
import type { Partition } from '../types';

export type IdentitySource = 'session-data' | 'host-label' | 'nav-button' | 'navigation' | 'cookie';

/** How a report and a reason name each source; strongest first (see IDENTITY_SOURCES). */
export const SOURCE_LABELS: Readonly<Record<IdentitySource, string>> = {
  'session-data': 'awsc-session-data meta',
  'host-label': 'host name',
  'nav-button': 'account button title',
  navigation: 'account menu',
  cookie: 'aws-userInfo cookie',
};

/** Strongest first: the order a report lists them in, and the order that picks the decider. */
export const IDENTITY_SOURCES = Object.keys(SOURCE_LABELS) as readonly IdentitySource[];

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
  /** Old navigation after a switch: the exit-role button's title, `<user> @ <account>` (who signed in; never this tab's account). */
  signedIn?: unknown;
  /** The reader found the source but will not vouch for it (outside the head, not read here): why. */
  unusable?: string;
}

/** The reason when no source names an account (the banner's note for a page without one, too). */
export const NO_ACCOUNT_SAID = 'this page does not say which account it is signed in to';

const SESSION_ID = /^\d{12}-[0-9a-z]{8}$/;
const IAM_NAME = /^[\w+=,.@-]{1,64}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

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
  const a = splitArn(arn);
  if (!a || !isPartition(a.partition) || a.region !== '' || !isAccountId(a.account)) return null;
  const { partition, account: accountId, resource } = a;
  const base = { partition, accountId, resource };
  if (a.service === 'sts') {
    const role = /^assumed-role\/([^/]+)\/([^/]+)$/.exec(resource);
    return role && IAM_NAME.test(role[1]!) && SESSION_NAME.test(role[2]!) ? { ...base, kind: 'assumed-role', name: role[1]! } : null;
  }
  if (a.service !== 'iam') return null;
  if (resource === 'root') return { ...base, kind: 'root' };
  const user = /^user\/(?:[\x21-\x7e]*\/)?([^/]+)$/.exec(resource);
  return user && IAM_NAME.test(user[1]!) ? { ...base, kind: 'user', name: user[1]! } : null;
}

export type Principal = { kind: ConsoleIdentity['principalKind']; name?: string };

export interface Checked {
  source: IdentitySource;
  reading: IdentityReading;
  /** Every account it names by ID (more than one is a contradiction). */
  ids: string[];
  alias?: string;
  principal?: Principal;
  region?: string;
  sessionId?: string;
  /** Why nothing of it is used. */
  problem?: string;
  /** Its accounts still count when looking for disagreement (it contradicts itself, or it is one of several copies). */
  counts?: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);
const match = (re: RegExp, v: unknown): string | undefined => re.exec(str(v) ?? '')?.[1];

/** Validates one reading. A reading with a `problem` is unusable; with `counts`, it still makes a disagreement. */
export function check(r: IdentityReading, partition: Partition): Checked {
  const c: Checked = { source: r.source, reading: r, ids: [] };
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
    const digits = SHOWN_ACCOUNT_ID.exec(v ?? '');
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
  return c;
}

const accountOf = (c: Checked): string | undefined => (c.ids[0] ? formatAccountId(c.ids[0]) + (c.alias ? ` (${c.alias})` : '') : c.alias);

const samePrincipal = (a: Principal, b: Principal) => a.kind === b.kind && (a.name ?? '').toLowerCase() === (b.name ?? '').toLowerCase();

/** What the judge found, for the identity and for the per-source report. */
interface Judgement {
  identity: ConsoleIdentity;
  /** Every reading checked, strongest source first. */
  all: Checked[];
  /** The tab's sources that name an account (their verdict: decided, agrees or disagrees), and those without a problem. */
  claiming: Checked[];
  usable: Checked[];
  decider?: Checked;
  /** The first usable cookie reading, and (with a decider) whether it names the decided account. */
  cookie?: Checked;
  cookieAgrees?: boolean;
  /** With a decider: the usable tab sources that name a principal, and whether they name different ones. */
  named?: Checked[];
  rolesDiffer?: boolean;
}

function judge(readings: readonly IdentityReading[], hostname: string): Judgement {
  const partition = consolePartition(hostname) ?? 'aws';
  const multi = readings.some((r) => r.multiSession === true || (r.source === 'host-label' && !!r.sessionId));
  const all = readings.map((r) => check(r, partition)).sort((a, b) => IDENTITY_SOURCES.indexOf(a.source) - IDENTITY_SOURCES.indexOf(b.source));
  // The console serves one awsc-session-data meta: several are not the console's.
  const metas = all.filter((c) => c.source === 'session-data' && !c.problem);
  if (metas.length > 1) for (const c of metas) Object.assign(c, { problem: `${metas.length} of them in the head, where the console serves one`, counts: true });
  const cookie = all.find((c) => c.source === 'cookie' && !c.problem);
  if (cookie && multi) cookie.problem = 'not used on a multi-session tab';

  const tab = all.filter((c) => TAB_SOURCE(c.source));
  // Every account a tab source names is compared, also when something else about the source
  // makes it unusable (an ARN of another shape, a label that names another role): what it names
  // is still evidence, and a production account named there must not be outvoted by a weaker
  // source. Only what the readers set aside names nothing (a decoy outside the header).
  const claiming = tab.filter((c) => !c.reading.unusable && (c.ids[0] || c.alias));
  const usable = tab.filter((c) => !c.problem);
  const ids = [...new Set(claiming.flatMap((c) => c.ids))];
  const aliases = new Set(claiming.map((c) => c.alias).filter((a) => a));
  const first = <K extends 'region' | 'sessionId'>(key: K) => usable.find((c) => c[key])?.[key];
  const contradiction = claiming.find((c) => c.counts);
  const disagree = ids.length > 1 || aliases.size > 1;
  const decider =
    disagree || contradiction ? undefined : (multi && usable.find((c) => c.source === 'host-label' && c.ids[0])) || usable.find((c) => c.ids[0]) || usable.find((c) => c.alias);
  const broken = tab.find((c) => c.problem);
  const usableCookie = cookie && !cookie.problem ? cookie : undefined;

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
          : usableCookie?.ids[0]
            ? 'only the aws-userInfo cookie names an account, and it says who signed in, not which account this tab is in'
            : broken
              ? `the ${SOURCE_LABELS[broken.source]} cannot be used: ${broken.problem}`
              : NO_ACCOUNT_SAID,
  };
  const judgement: Judgement = { identity, all, claiming, usable, decider, cookie };
  if (!decider) {
    // The accounts the page names, by ID and by alias: one of them may be production, which
    // the banner never shows as anything less (identity-match.ts).
    if (ids[0]) identity.candidates = ids;
    if (aliases.size > 0) identity.candidateAliases = [...aliases] as string[];
    return judgement;
  }
  identity.accountId = ids[0] ?? null;
  identity.sessionId = first('sessionId');
  const alias = [...aliases][0];
  const cookieAgrees = !!usableCookie && (identity.accountId ? usableCookie.ids[0] === identity.accountId : !!alias && usableCookie.alias === alias);
  identity.accountAlias = alias ?? (cookieAgrees ? usableCookie!.alias : undefined);
  // The role: from the tab's sources when they agree on it; else from an agreeing cookie (weak:
  // after a switch within the same account the cookie still names the old role).
  const named = usable.filter((c) => c.principal && c.principal.kind !== 'unknown');
  let principal = named[0]?.principal;
  const rolesDiffer = named.some((c) => !samePrincipal(c.principal!, principal!));
  if (rolesDiffer) principal = undefined;
  else if (!principal && cookieAgrees && usableCookie!.principal) {
    principal = usableCookie!.principal;
    identity.weakPrincipal = true;
  }
  if (principal) {
    identity.principalKind = principal.kind;
    identity.roleName = principal.name;
    identity.permissionSet = (principal.kind === 'assumed-role' && permissionSetOf(principal.name ?? '')) || undefined;
  }
  return { ...judgement, cookieAgrees, named, rolesDiffer };
}

/**
 * The identity the banner shows: who this tab is, or "unknown account" and why. Without what
 * only the report and the switch use: `sources` and `signInEndpoint` (see combineIdentity).
 */
export const judgeIdentity = (readings: readonly IdentityReading[], hostname: string): ConsoleIdentity => judge(readings, hostname).identity;

/** `role Admin`, `IAM user alice`, `root user`, as a report says it. */
export const principalText = (kind: ConsoleIdentity['principalKind'], name?: string): string | undefined =>
  kind === 'root' ? 'root user' : name && `${kind === 'user' ? 'IAM user' : 'role'} ${name}`;

/** What one source said and what the judge made of it. */
function sourceReport(c: Checked, j: Judgement): SourceReport {
  const { decider, cookie } = j;
  const agreesOnRole = !!j.named?.includes(c);
  // (A source that cannot be used never decides or agrees, even when it names the account.)
  const verdict: SourceReport['verdict'] = j.claiming.includes(c) && !(c.problem && !c.counts)
    ? decider ? (c === decider ? 'decided' : 'agrees') : 'disagrees'
    : c === cookie && !c.problem
      ? j.cookieAgrees ? 'agrees' : 'who-signed-in'
      : agreesOnRole ? 'agrees' : c.problem ? 'unusable' : 'no-account';
  const note =
    c.problem ??
    (c === cookie
      ? decider
        ? j.cookieAgrees ? undefined : 'names another account: who signed in before a switch role; not used'
        : 'says who signed in; never decides alone'
      : agreesOnRole && j.rolesDiffer
        ? 'the sources name different roles: none is shown'
        : undefined);
  return { source: c.source, verdict, account: accountOf(c), principal: c.principal && principalText(c.principal.kind, c.principal.name), note };
}

/**
 * Combines the readings of one page into the identity the banner and popup show, with what each
 * source said (`sources`) and, for an unknown account, why (`reason`). `hostname` is the page's host.
 */
export function combineIdentity(readings: readonly IdentityReading[], hostname: string): ConsoleIdentity {
  const j = judge(readings, hostname);
  const identity: ConsoleIdentity = { ...j.identity, sources: j.all.map((c) => sourceReport(c, j)) };
  // The sign-in host for the switch: the first agreeing source's, when it is one of the
  // partition's sign-in hosts (a page may name any host there).
  if (j.decider) identity.signInEndpoint = j.usable.map((c) => str(c.reading.signInEndpoint)?.toLowerCase()).find((host) => !!host && isSignInHostOf(host, identity.partition));
  return identity;
}
