// Stage 3 of the import, per profile: can it open a console, and how? A role (`role_arn`,
// following its source_profile chain as botocore does; or AWS Extend Switch Roles'
// `aws_account_id` + `role_name`), an IAM Identity Center account (legacy `sso_*` keys,
// `sso_session`, Granted's `granted_sso_*`), or nothing, with a plain reason.
import { isAccountAlias, isAccountId } from '../aws-names';
import { keyNear } from '../config/known-keys';
import { hasKey, keyLine, type ConfigSection } from '../config/parse-aws-config';
import { describeBadAccountId, parseRoleArnInto, parseRoleName } from './arn';
import { BARE_NOTE, Profile, addNote, clean, raw, shown, stringIn, type Profiles, sourceOf } from './import-profile';
import { isAccessPortalHost, isRegion, normaliseStartUrl, partitionOfRegion, startUrlHost } from './links';

/** Why `c` cannot open a console, or undefined when it can (then its entry fields are set). */
export function classify(c: Profile, profiles: Profiles): string | undefined {
  if (c.role_arn !== undefined) {
    const arn = parseRoleArnInto(clean(c.role_arn) ?? '', c);
    if (arn !== undefined) return `Invalid role_arn ${shown(c.role_arn)}: ${arn}.`;
    if (raw(c, 'external_id') !== undefined) {
      return "The role needs an external ID (external_id), which the console's switch-role page cannot send; use the AWS CLI for this role.";
    }
    const chain = resolveSourceChain(c, profiles);
    if (!chain.ok) return chain.reason;
    c.kind = 'role';
    c.sourceProfile = chain.names;
    if (c.bare) addNote(c, BARE_NOTE(c.name));
    if (c.aws_account_id !== undefined || c.role_name !== undefined) addNote(c, 'role_arn is used; aws_account_id/role_name in the same section are ignored.');
    for (const n of chain.notes) addNote(c, n);
    c.entryRegion = regionOf(c);
    c.accountAlias = aliasOf(raw(c, 'aws_account_alias'), c);
    return undefined;
  }

  const sso = ssoSettings(c);
  if (sso) return ssoEntry(c, sso, profiles);

  if (c.aws_account_id !== undefined) {
    const targets = c.targets;
    if (targets && targets.length > 0) {
      const more = targets.length > 1 ? ` and ${targets.length - 1} more` : '';
      c.isBase = true;
      return `Base account of ${targets[0]}${more} (AWS Extend Switch Roles: you sign in here, then switch to those); not a role to switch to.`;
    }
    return aesrEntry(c, profiles);
  }

  // Nothing to open. Say what the profile is instead.
  c.noRole = true;
  const bareSuffix = c.bare ? ` ${BARE_NOTE(c.name)}` : '';
  if (raw(c, 'credential_source') !== undefined) {
    return `credential_source without role_arn: it supplies credentials to the AWS CLI but names no role to open in the console.${bareSuffix}`;
  }
  if (raw(c, 'credential_process') !== undefined) {
    return `credential_process only: it supplies credentials to the AWS CLI but names no role or SSO account to open in the console.${bareSuffix}`;
  }
  if (raw(c, 'azure_default_role_arn') !== undefined) {
    return 'aws-azure-login profile: it signs in through Azure AD (azure_default_role_arn), not by switching roles, so there is nothing for the switch-role page.';
  }
  if (c.hadKeys) {
    return `Static access keys only (removed, never stored): the console cannot sign in with access keys, and there is no role to switch to.${bareSuffix}`;
  }
  if (c.role_name !== undefined) return `role_name without aws_account_id or role_arn: the account is unknown.${bareSuffix}`;
  if (c.source_profile !== undefined) return `source_profile without role_arn: no role to switch to.${bareSuffix}`;
  if (c.bare) return `${BARE_NOTE(c.name)} It has no role_arn or aws_account_id either.`;
  if (raw(c, 'web_identity_token_file') !== undefined) return 'web_identity_token_file without role_arn: no role to switch to.';
  const targets = c.targets;
  if (targets && targets.length > 0) {
    const more = targets.length > 1 ? ` and ${targets.length - 1} more` : '';
    return `Source profile of ${targets[0]}${more}: the AWS CLI uses its credentials (kept in ~/.aws/credentials) to assume those roles; it has no role of its own to open in the console.`;
  }
  return 'No role or SSO settings (nothing to open in the console).';
}

/** A source_profile chain: the names, nearest first (undefined when none), and notes for the entry. */
type SourceChain = { ok: true; names: string[] | undefined; notes: readonly string[] } | { ok: false; reason: string };

/**
 * The chain of a profile without source_profile (most of them): one answer for all. Its notes
 * are not frozen (only typed read-only): a for-of over a frozen array makes an iterator.
 */
const NO_CHAIN: SourceChain = Object.freeze({ ok: true, names: undefined, notes: [] });

/**
 * The source_profile chain, following botocore's AssumeRoleProvider: a source that has static
 * keys, or no role_arn, ends the chain; a profile may name itself only to use its own access
 * keys; any other revisit is a loop (not ok: the reason to skip).
 *
 * A self-reference is accepted: the AWS CLI then uses the profile's own access keys, which live
 * in ~/.aws/credentials (never in the pasted config), exactly as every other source profile's
 * keys are assumed to. So is a source that is not in the text at all: most people keep the
 * profile that holds their keys in ~/.aws/credentials, and the console switch needs only the
 * account and the role. The chain then ends with that name, the entry gets a note and the
 * source_profile line a warning.
 */
function resolveSourceChain(start: Profile, profiles: Profiles): SourceChain {
  if (start.source === undefined) return NO_CHAIN;
  const notes: string[] = [];
  const chain: string[] = [];
  for (let current = start; ; ) {
    const source = current.source;
    if (source === undefined) break;
    const refused = refusedSource(start, current, source, chain);
    if (refused !== undefined) return { ok: false, reason: refused };
    if (source === current.name) {
      notes.push('source_profile names this profile itself: the AWS CLI then uses its own access keys (kept in ~/.aws/credentials).');
      break;
    }
    const next = sourceOf(current, profiles);
    chain.push(source);
    if (!next) {
      notes.push(missingSource(start, current, source, chain));
      break;
    }
    if (next.bare && !start.bare) notes.push(`source_profile "${source}" is a bare [${source}] section, which the AWS CLI does not see.`);
    // botocore: static keys, or no role_arn, end the chain.
    if (next.hadKeys || next.role_arn === undefined) break;
    current = next;
  }
  return { ok: true, names: chain.length > 0 ? chain : undefined, notes };
}

/** Why the AWS CLI refuses `current`'s source_profile `source`, or undefined. */
function refusedSource(start: Profile, current: Profile, source: string, chain: readonly string[]): string | undefined {
  if (source === '') return `source_profile is empty in [${current.name}]. Name the profile whose credentials assume this role, or remove the line.`;
  if (raw(current, 'credential_source') !== undefined) {
    return `[${current.name}] has both source_profile and credential_source; the AWS CLI refuses this. Keep one of them.`;
  }
  if (source !== current.name && (source === start.name || chain.includes(source))) {
    const path = [start.name, ...chain, source].join(' → ');
    return `source_profile loop: ${path}. The AWS CLI refuses it; point one of them at a profile that has credentials.`;
  }
  return undefined;
}

/** A source that is not in the text: the note for the entry (returned) and the warning for its line (on `start`). */
function missingSource(start: Profile, current: Profile, source: string, chain: readonly string[]): string {
  const via = current === start ? '' : ` (via ${[start.name, ...chain.slice(0, -1)].join(' → ')})`;
  const at = current.section;
  const line = keyLine(at, 'source_profile');
  start.missingSource = {
    line,
    severity: 'warning',
    message: `Line ${line}: source_profile "${source}" in [${at.header}] is not in this file — probably in ~/.aws/credentials; the console does not need it.`,
  };
  return `source profile "${source}"${via} is not in this file — probably in ~/.aws/credentials; the console does not need it.`;
}

interface SsoSettings {
  session: string | undefined;
  startUrl: string | undefined;
  region: string | undefined;
  accountId: string | undefined;
  roleName: string | undefined;
  granted: boolean;
}

function ssoSettings(c: Profile): SsoSettings | undefined {
  if (raw(c, 'sso_session') !== undefined || raw(c, 'sso_start_url') !== undefined || raw(c, 'sso_account_id') !== undefined || raw(c, 'sso_role_name') !== undefined) {
    return {
      session: clean(raw(c, 'sso_session')),
      startUrl: clean(raw(c, 'sso_start_url')),
      region: clean(raw(c, 'sso_region')),
      accountId: clean(raw(c, 'sso_account_id')),
      roleName: clean(raw(c, 'sso_role_name')),
      granted: false,
    };
  }
  if (raw(c, 'granted_sso_account_id') !== undefined || raw(c, 'granted_sso_start_url') !== undefined) {
    return {
      session: undefined,
      startUrl: clean(raw(c, 'granted_sso_start_url')),
      region: clean(raw(c, 'granted_sso_region')),
      accountId: clean(raw(c, 'granted_sso_account_id')),
      roleName: clean(raw(c, 'granted_sso_role_name')),
      granted: true,
    };
  }
  return undefined;
}

const PERMISSION_SET = /^[\w+=,.@-]{1,64}$/;

const bareSsoReason = (name: string) => `${BARE_NOTE(name)} SSO settings are only read from [profile ${name}].`;

function ssoEntry(c: Profile, sso: SsoSettings, profiles: Profiles): string | undefined {
  const prefix = sso.granted ? 'granted_sso_' : 'sso_';
  let startUrl = sso.startUrl;
  let ssoRegion = sso.region;
  /** Where the start URL was written, for a warning about its host. */
  let urlAt: { section: ConfigSection; key: string } = { section: c.section, key: `${prefix}start_url` };
  if (sso.session !== undefined) {
    const session = profiles.ssoSessions.get(sso.session);
    if (!session) {
      return `sso_session "${sso.session}" has no [sso-session ${sso.session}] section in this config. Add it (with sso_start_url and sso_region) or fix the name.`;
    }
    const sessionUrl = stringIn(session, 'sso_start_url');
    const sessionRegion = stringIn(session, 'sso_region');
    if (sessionUrl !== undefined) {
      startUrl = clean(sessionUrl);
      urlAt = { section: session, key: 'sso_start_url' };
    }
    if (sessionRegion !== undefined) ssoRegion = clean(sessionRegion);
    if (startUrl === undefined) return `[sso-session ${sso.session}] has no sso_start_url; the console link needs it.`;
  }
  const missing: string[] = [];
  if (startUrl === undefined) missing.push(`${prefix}start_url`);
  if (sso.accountId === undefined) missing.push(`${prefix}account_id`);
  if (sso.roleName === undefined) missing.push(`${prefix}role_name`);
  if (missing.length > 0) {
    const typos: string[] = [];
    for (const k of missing) {
      const typo = keyNear(k, Object.keys(c.section.values));
      if (typo !== undefined) typos.push(`"${typo}"`);
    }
    const hint = typos.length > 0 ? ` Is ${typos.join(', ')} a typo?` : '';
    const what = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`;
    // A bare section is the first thing to fix: with every key right, it still would not be read.
    if (c.bare) return `${bareSsoReason(c.name)} Also, ${what}.${hint}`;
    return `Incomplete SSO profile: ${what}, so there is nothing to open.${hint}`;
  }
  if (c.bare) return bareSsoReason(c.name);
  const url = normaliseStartUrl(startUrl!);
  if (!url) {
    // `<https://example.awsapps.com/start>`, `{{start_url}}`: a template the user has yet to fill in.
    const placeholder = /[<>{}]/.test(startUrl!) ? ' is a placeholder, not' : ' is not';
    return `${prefix}start_url ${shown(startUrl!)}${placeholder} an https:// URL (e.g. https://d-1234567890.awsapps.com/start).`;
  }
  if (!isAccountId(sso.accountId!)) return `Invalid ${prefix}account_id: ${describeBadAccountId(sso.accountId!)}.`;
  const role = sso.roleName!;
  if (!PERMISSION_SET.test(role)) return `Invalid ${prefix}role_name ${shown(role)}: a permission-set name uses only letters, digits and _+=,.@-.`;
  c.kind = 'sso';
  c.accountId = sso.accountId;
  c.roleName = role;
  c.partition = ssoRegion && isRegion(ssoRegion) ? partitionOfRegion(ssoRegion) : 'aws';
  c.ssoStartUrl = url;
  c.ssoRegion = ssoRegion;
  const host = startUrlHost(url) ?? '';
  if (!isAccessPortalHost(host)) {
    // Not AWS's sign-in page: the profile is kept (nothing is lost), and never linked to silently.
    const line = hasKey(urlAt.section, urlAt.key) ? keyLine(urlAt.section, urlAt.key) : c.line;
    addNote(c, `Its start URL's host ${host} is not an AWS access portal: check it before you open this profile.`);
    c.portalWarning = {
      line,
      severity: 'warning',
      message: `Line ${line}: the start URL host ${host} is not an AWS access portal (*.awsapps.com, *.awsapps.cn, *.portal.amazonaws.com, *.portal.<region>.app.aws): check the address before you open ${c.name}.`,
    };
  }
  if (sso.granted) addNote(c, "Read from Granted's granted_sso_* keys.");
  if (ssoRegion === undefined && !sso.granted) addNote(c, 'sso_region is missing: the AWS CLI needs it (the console link does not).');
  c.accountAlias = aliasOf(raw(c, 'aws_account_alias'), c);
  c.entryRegion = regionOf(c);
  return undefined;
}

/** AWS Extend Switch Roles: aws_account_id (ID or alias) + role_name, or the base's target_role_name. */
function aesrEntry(c: Profile, profiles: Profiles): string | undefined {
  const account = clean(c.aws_account_id) ?? '';
  c.kind = 'role';
  if (c.bare) addNote(c, BARE_NOTE(c.name));
  c.accountAlias = aliasOf(raw(c, 'aws_account_alias'), c);
  if (isAccountId(account)) c.accountId = account;
  else if (/^[\d\s-]+$/.test(account)) {
    // Digits and dashes: an ID, perhaps copied as the console shows it (`1234-5678-9012`).
    const digits = account.replace(/[\s-]/g, '');
    if (!isAccountId(digits)) return `Invalid aws_account_id: ${describeBadAccountId(account)}.`;
    c.accountId = digits;
    addNote(c, `aws_account_id "${account}" read as ${digits}.`);
  } else if (isAccountAlias(account)) {
    c.accountAlias ??= account;
    addNote(c, `aws_account_id "${account}" is an account alias: the banner recognises this account by its alias only.`);
  } else {
    return `Invalid aws_account_id: ${describeBadAccountId(account)} (nor an account alias).`;
  }

  let roleName = clean(c.role_name);
  c.entryRegion = regionOf(c);
  const chain = resolveSourceChain(c, profiles);
  if (!chain.ok) return chain.reason;
  for (const n of chain.notes) addNote(c, n);
  c.sourceProfile = chain.names;
  const base = chain.names ? (sourceOf(c, profiles) ?? undefined) : undefined;
  if (base) {
    // AESR: a target without role_name gets its base's target_role_name, and target_region.
    if (!roleName) roleName = clean(raw(base, 'target_role_name'));
    if (c.entryRegion === undefined) {
      const targetRegion = clean(raw(base, 'target_region'));
      if (targetRegion !== undefined && isRegion(targetRegion)) c.entryRegion = targetRegion;
    }
  }
  if (!roleName) {
    const hint = base ? ` and its source "${base.name}" has no target_role_name` : '';
    return `aws_account_id without role_name${hint}: no role to switch to.${c.bare && !base ? ` ${BARE_NOTE(c.name)}` : ''}`;
  }
  const role = parseRoleName(roleName);
  if (!role.ok) return `Invalid role_name: ${role.reason}.`;
  c.roleName = role.value.roleName;
  if (c.entryRegion) c.partition = partitionOfRegion(c.entryRegion);
  return undefined;
}

/** The profile's region key, checked (a note when it is not a region). */
function regionOf(d: Profile): string | undefined {
  const raw = d.region;
  if (raw === undefined) return undefined;
  const region = clean(raw);
  if (!region) return undefined;
  if (isRegion(region)) return region;
  addNote(d, `region ${shown(region)} is not an AWS region name; ignored.`);
  return undefined;
}

function aliasOf(raw: string | undefined, d: Profile): string | undefined {
  if (raw === undefined) return undefined;
  const alias = clean(raw);
  if (alias && isAccountAlias(alias)) return alias;
  addNote(d, `aws_account_alias ${shown(raw)} is not an account alias (3–63 of a-z, 0-9, -); ignored.`);
  return undefined;
}

