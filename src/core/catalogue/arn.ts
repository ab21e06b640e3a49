// ARNs and the names inside them (docs/aws-facts.md §3 and §5). Every failure says what is wrong with
// the value the user wrote, because a config with a placeholder (`ACCOUNT02`,
// `{AdminAccountId}`) or a lost colon should be fixable from the message alone.
import { PARTITIONS, isPartition } from '../aws-arn';
import { isAccountId } from '../aws-names';
import { BoundedCache } from '../bounded-cache';
import type { Partition } from '../types';

export { PARTITIONS, isPartition };

const ROLE_NAME = /^[A-Za-z0-9_+=,.@-]{1,64}$/;
/** Path segments: printable ASCII except `/` (IAM allows `\u0021`–`\u007E`). */
const PATH_SEGMENT = /^[\u0021-\u002E\u0030-\u007E]+$/;

/** Console limit on role path + name (docs/aws-facts.md §1.1). */
export const MAX_CONSOLE_ROLE_LENGTH = 64;

export interface RoleArn {
  partition: Partition;
  accountId: string;
  /** `/team/ops/` or `/` */
  path: string;
  /** The role's own name, without the path. */
  name: string;
  /** Path + name without the leading slash, as the console wants it (`team/ops/Admin`). */
  roleName: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function fail<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/** Why an account-ID field is not 12 digits, in words a user can act on. */
export function describeBadAccountId(account: string): string {
  if (account === '') return 'the account ID is empty';
  if (/^\d+$/.test(account)) return `the account ID "${account}" has ${account.length} digits, not 12`;
  if (/[{}<>$_A-Z]/.test(account) || /x{4,}|n{6,}|account|your/i.test(account)) {
    return `the account ID "${account}" is a placeholder, not a 12-digit account ID`;
  }
  return `the account ID "${account}" is not 12 digits`;
}

/**
 * Checks a role name the way IAM does: the name 1–64 of `[A-Za-z0-9_+=,.@-]`, an optional path
 * of `/`-separated printable segments (≤ 512), and path + name ≤ 64 for the console.
 * Accepts `team/ops/Admin`, `/team/ops/Admin` and `Admin`.
 */
export function parseRoleName(value: string): Parsed<{ path: string; name: string; roleName: string }> {
  // Many profiles share a role (`Admin`, `ReadOnly`): the checks run once per distinct value.
  return roleNames.get(value);
}

const roleNames = new BoundedCache<string, Parsed<{ path: string; name: string; roleName: string }>>(10000, (value) => checkRoleName(value));

function checkRoleName(value: string): Parsed<{ path: string; name: string; roleName: string }> {
  const trimmed = value.startsWith('/') ? value.slice(1) : value;
  if (trimmed === '') return fail('the role name is empty');
  const slash = trimmed.lastIndexOf('/');
  const name = trimmed.slice(slash + 1);
  const path = slash >= 0 ? `/${trimmed.slice(0, slash + 1)}` : '/';
  if (name === '') return fail(`the role "${value}" ends with "/" and has no name`);
  if (!ROLE_NAME.test(name)) {
    if (name.length > 64) return fail(`the role name "${name}" is ${name.length} characters; IAM allows 64`);
    const bad = [...name].find((c) => !/[A-Za-z0-9_+=,.@-]/.test(c)) ?? '';
    return fail(`the role name "${name}" contains "${bad}"; role names use only letters, digits and _+=,.@-`);
  }
  if (slash >= 0) {
    if (path.length > 512) return fail(`the role path is ${path.length} characters; IAM allows 512`);
    const segments = trimmed.slice(0, slash).split('/');
    const badSegment = segments.find((s) => !PATH_SEGMENT.test(s));
    if (badSegment !== undefined) {
      return fail(badSegment === '' ? `the role path of "${value}" has an empty segment ("//")` : `the role path segment "${badSegment}" contains characters IAM does not allow`);
    }
  }
  const roleName = trimmed;
  if (roleName.length > MAX_CONSOLE_ROLE_LENGTH) {
    return fail(`the role path + name "${roleName}" is ${roleName.length} characters; the console's switch-role page refuses more than ${MAX_CONSOLE_ROLE_LENGTH}`);
  }
  return { ok: true, value: { path, name, roleName } };
}

/**
 * `arn:<partition>:iam::<12-digit account>:role/<path/><name>`. The reasons name the bad part:
 * `arn:aws:iam:008451517057:role/x` → "a colon is missing", `arn:aws:iam::ACCOUNT02:role/x` →
 * placeholder account, `arn:aws-iso:…` → partition with no public console.
 */
export function parseRoleArn(value: string): Parsed<RoleArn> {
  const arn = value.trim();
  if (arn === '') return fail('role_arn is empty');
  if (!arn.startsWith('arn:')) return fail('it is not an ARN (it must start with "arn:")');
  const fast = fastRoleArn(arn);
  if (fast) return fast;
  // arn : partition : service : region : account : resource — the resource may contain colons.
  const parts = arn.split(':');
  if (parts.length < 6) {
    const missing = parts.length === 5 && parts[2] === 'iam' ? ` (a colon is missing: IAM ARNs read "arn:${parts[1]}:iam::<account>:role/<name>", with "::" after iam)` : '';
    return fail(`it has ${parts.length - 1} colons, a role ARN has 5${missing}`);
  }
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (service !== 'iam') return fail(`it is ${service ? `an "${service}"` : 'not an IAM'} ARN, not an IAM role ARN`);
  if (region !== '') return fail(`it has a region ("${region}"); IAM ARNs have none ("iam::")`);
  if (!isPartition(partition)) {
    return fail(/^aws-iso/.test(partition)
      ? `partition "${partition}" has no public console`
      : `unknown partition "${partition}" (known: ${PARTITIONS.join(', ')})`);
  }
  if (!isAccountId(account)) return fail(describeBadAccountId(account));
  if (!resource.startsWith('role/')) {
    const kind = resource.split('/')[0] || resource;
    return fail(`it names a ${kind}, not a role (expected ":role/<name>")`);
  }
  const role = parseRoleName(resource.slice(5));
  if (!role.ok) return role;
  return { ok: true, value: { partition, accountId: account, ...role.value } };
}

/**
 * parseRoleArn for importConfig, which reads thousands of ARNs: the partition, account ID and
 * role name go straight into `out`; returns why the ARN is not a role ARN, or undefined.
 */
export function parseRoleArnInto(value: string, out: { partition: Partition; accountId: string | undefined; roleName: string }): string | undefined {
  const arn = value.trim();
  if (arn.startsWith('arn:')) {
    const p = arn.indexOf(':', 4);
    const partition =
      p === 7 && arn.startsWith('aws', 4) ? 'aws'
      : p === 14 && arn.startsWith('aws-us-gov', 4) ? 'aws-us-gov'
      : p === 10 && arn.startsWith('aws-cn', 4) ? 'aws-cn'
      : p === 12 && arn.startsWith('aws-eusc', 4) ? 'aws-eusc'
      : undefined;
    if (partition !== undefined && arn.startsWith(':iam::', p) && arn.startsWith(':role/', p + 18) && isAccountIdAt(arn, p + 6)) {
      const role = parseRoleName(arn.slice(p + 24));
      if (role.ok) {
        out.partition = partition;
        out.accountId = arn.slice(p + 6, p + 18);
        out.roleName = role.value.roleName;
        return undefined;
      }
    }
  }
  const parsed = parseRoleArn(value);
  if (!parsed.ok) return parsed.reason;
  out.partition = parsed.value.partition;
  out.accountId = parsed.value.accountId;
  out.roleName = parsed.value.roleName;
  return undefined;
}

/** Twelve ASCII digits at value[at, at + 12). */
function isAccountIdAt(value: string, at: number): boolean {
  if (value.length < at + 12) return false;
  for (let i = at; i < at + 12; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The common well-formed case without splitting or regular expressions (a config can hold
 * thousands of role ARNs). Anything unusual returns undefined and takes the careful path,
 * which explains what is wrong.
 */
function fastRoleArn(arn: string): Parsed<RoleArn> | undefined {
  const p = arn.indexOf(':', 4);
  if (p < 0) return undefined;
  const partition = arn.slice(4, p);
  if (!isPartition(partition) || !arn.startsWith(':iam::', p)) return undefined;
  const accountStart = p + 6;
  const account = arn.slice(accountStart, accountStart + 12);
  if (!isAccountId(account) || !arn.startsWith(':role/', accountStart + 12)) return undefined;
  const role = parseRoleName(arn.slice(accountStart + 18));
  if (!role.ok) return undefined;
  return { ok: true, value: { partition, accountId: account, ...role.value } };
}

/** What an identity ARN of a console session says (docs/aws-facts.md §3). */
export type IdentityArn =
  | { kind: 'assumed-role'; partition: Partition; accountId: string; roleName: string; sessionName: string }
  | { kind: 'user'; partition: Partition; accountId: string; userName: string; path: string }
  | { kind: 'root'; partition: Partition; accountId: string }
  | { kind: 'role'; partition: Partition; accountId: string; roleName: string; path: string };

/**
 * Reads `arn:<p>:sts::<acct>:assumed-role/<RoleName>/<session>` (no path in STS ARNs),
 * `arn:<p>:iam::<acct>:user/<path/name>`, `arn:<p>:iam::<acct>:root` and IAM role ARNs.
 * Undefined for anything else: the caller must then say "unknown", never guess.
 */
export function parseIdentityArn(value: string): IdentityArn | undefined {
  const parts = value.trim().split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service, region, accountId = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!isPartition(partition) || region !== '' || !isAccountId(accountId)) return undefined;
  if (service === 'sts') {
    const m = /^assumed-role\/([^/]+)\/(.+)$/.exec(resource);
    if (!m) return undefined;
    return { kind: 'assumed-role', partition, accountId, roleName: m[1]!, sessionName: m[2]! };
  }
  if (service !== 'iam') return undefined;
  if (resource === 'root') return { kind: 'root', partition, accountId };
  const m = /^(user|role)(\/(?:[^/]+\/)*)([^/]+)$/.exec(resource);
  if (!m) return undefined;
  if (m[1] === 'user') return { kind: 'user', partition, accountId, userName: m[3]!, path: m[2]! };
  return { kind: 'role', partition, accountId, roleName: m[3]!, path: m[2]! };
}

/** The SSO reserved-role path (docs/aws-facts.md §2). */
export const SSO_ROLE_PATH = '/aws-reserved/sso.amazonaws.com/';

