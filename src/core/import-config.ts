// importConfig: pasted ~/.aws/config text → the catalogue the popup and the banner use.
//
// Reading the text is parseAwsConfig's job (botocore-exact). This module decides, for every
// profile, whether it can open a console and how: a role (`role_arn`, or AWS Extend Switch
// Roles' `aws_account_id` + `role_name`), an IAM Identity Center account (legacy `sso_*` keys,
// `sso_session`, Granted's `granted_sso_*`), or nothing, with a plain reason. Every profile
// ends up in exactly one of `entries` or `skipped`; nothing is dropped silently.
//
// Secrets: lines with access keys are turned into comment lines *before* parsing (same line
// numbers, and configparser treats a comment line as if it were not there), so no secret
// value ever exists in anything this module produces, including the parser's diagnostics.
import { describeBadAccountId, isAccountAlias, isAccountId, parseRoleArn, parseRoleName } from './arn';
import { ENV_COLORS, PRODUCTION_COLOR, parseColor } from './colors';
import { OTHER_APP, envFromText, hasProductionWord, inferAppEnv, matchKnownApp, sharedPrefixApps } from './environments';
import { consoleHomeUrl, isRegion, normaliseStartUrl, partitionOfRegion, ssoConsoleUrl, switchRoleUrl, truncateDisplayName } from './links';
import { parseAwsConfig, shlexSplit } from './parse-aws-config';
import { SECRET_KEYS, stripSecrets } from './strip-secrets';
import type { Catalogue, CatalogueEntry, ConfigValue, Diagnostic, Environment, ParsedConfig, Partition, RemovedSecrets, SkippedProfile } from './types';

type Section = Record<string, ConfigValue>;

/** One section that is, or looks meant as, a profile. */
interface Candidate {
  /** The profile name (`dev` for `[profile dev]`, `default`, or a bare section's name). */
  name: string;
  values: Section;
  line: number;
  /** A bare `[name]` section: the AWS CLI ignores it, AWS Extend Switch Roles reads it. */
  bare: boolean;
  /** Access keys were removed from this section (or from [DEFAULT], which every section inherits). */
  hadKeys: boolean;
}

const SECRET_HINT = /aws_(?:access_key_id|secret_access_key|session_token|security_token)/i;

const BARE_NOTE = (name: string) => `The AWS CLI ignores bare [${name}] sections; use [profile ${name}] for the CLI.`;

/** Keys that make a bare section one of ours to list, although it has no role to open. */
const BARE_PROFILE_KEYS = [
  'role_arn', 'aws_account_id', 'role_name', 'source_profile', 'credential_source', 'credential_process',
  'sso_session', 'sso_start_url', 'sso_account_id', 'sso_role_name', 'external_id', 'mfa_serial',
];

/** A string value (nested `s3 =` maps are not values we read). */
function str(values: Section, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * A value without a trailing `# note` / `; note`. The AWS CLI keeps such comments in the value
 * (the parser warns about it), but AWS Extend Switch Roles strips them and its users write them
 * (`role_name = Manager ; overrides target role name`), and what the user meant is clear.
 */
function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let v = value;
  const nl = v.indexOf('\n');
  if (nl >= 0) v = v.slice(0, nl);
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c !== 0x23 && c !== 0x3b) continue;
    const before = i === 0 ? 32 : v.charCodeAt(i - 1);
    const after = i + 1 < v.length ? v.charCodeAt(i + 1) : 32;
    if (before === 32 || before === 9 || (i === 0 && (after === 32 || after === 9))) {
      v = v.slice(0, i);
      break;
    }
  }
  v = v.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) v = v.slice(1, -1).trim();
  return v;
}

/** User text quoted in a reason: one line, at most 80 characters. */
function shown(value: string): string {
  let v = value;
  const nl = v.indexOf('\n');
  if (nl >= 0) v = `${v.slice(0, nl)}…`;
  if (v.length > 80) v = `${v.slice(0, 77)}…`;
  return `"${v}"`;
}

/**
 * Which profile (or bare section) a raw header name makes, the way botocore's
 * build_profile_map reads it: `profile X` (shell-split into exactly two words) and `default`
 * are profiles; `sso-session …` and `services …` are not; anything else is a bare section.
 */
function sectionTarget(rawName: string): { kind: 'profile' | 'bare' | 'none'; name: string } {
  if (rawName.startsWith('profile')) {
    const parts = shlexSplit(rawName);
    return parts && parts.length === 2 ? { kind: 'profile', name: parts[1]! } : { kind: 'none', name: rawName };
  }
  if (rawName.startsWith('sso-session') || rawName.startsWith('services')) return { kind: 'none', name: rawName };
  if (rawName === 'default') return { kind: 'profile', name: 'default' };
  return { kind: 'bare', name: rawName };
}

/** The text with every removed line replaced by `#` (a comment), so line numbers stay true. */
function commentOutLines(text: string, lines: ReadonlySet<number>): string {
  const out: string[] = [];
  let lineNo = 1;
  let start = 0;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    const c = pos < n ? text.charCodeAt(pos) : -1;
    if (c === 0x0a || c === 0x0d || c === -1) {
      const end = pos;
      let next = pos + 1;
      if (c === 0x0d && text.charCodeAt(pos + 1) === 0x0a) next++;
      if (lines.has(lineNo)) out.push('#', text.slice(end, Math.min(next, n)));
      else out.push(text.slice(start, Math.min(next, n)));
      lineNo++;
      start = next;
      pos = next;
      continue;
    }
    pos++;
  }
  return out.join('');
}

interface SecretScan {
  text: string;
  removed: RemovedSecrets[];
  /** Profiles and bare sections that had keys, by target kind + name. */
  keyedProfiles: Set<string>;
  keyedBare: Set<string>;
  /** [DEFAULT] had keys: every section inherits them. */
  defaultKeyed: boolean;
}

function removeSecrets(text: string): SecretScan {
  const scan: SecretScan = { text, removed: [], keyedProfiles: new Set(), keyedBare: new Set(), defaultKeyed: false };
  // Fast path: most configs have no key at all, and one regex pass is far cheaper than a scan.
  if (!SECRET_HINT.test(text)) return scan;
  const { removed } = stripSecrets(text);
  if (removed.length === 0) return scan;
  const lines = new Set<number>();
  for (const r of removed) for (const l of r.lines) lines.add(l);
  scan.text = commentOutLines(text, lines);
  scan.removed = removed;
  for (const r of removed) {
    if (r.section === 'DEFAULT') {
      scan.defaultKeyed = true;
      continue;
    }
    const target = sectionTarget(r.section);
    if (target.kind === 'profile') scan.keyedProfiles.add(target.name);
    else if (target.kind === 'bare') scan.keyedBare.add(target.name);
  }
  return scan;
}

function hasAny(values: Section, keys: readonly string[]): boolean {
  for (const k of keys) if (values[k] !== undefined) return true;
  return false;
}

/** A skipped profile or an entry-in-progress. */
type Outcome = { ok: true; entry: Draft } | { ok: false; reason: string; base?: boolean };

/** An entry before app/env/colour/url are decided (they depend on the whole catalogue). */
interface Draft {
  candidate: Candidate;
  kind: 'role' | 'sso';
  accountId?: string;
  accountAlias?: string;
  roleName: string;
  partition: Partition;
  region?: string;
  sourceProfile?: string[];
  ssoStartUrl?: string;
  ssoRegion?: string;
  notes: string[];
}

function skip(reason: string): Outcome {
  return { ok: false, reason };
}

export function importConfig(text: string): Catalogue {
  try {
    return importUnchecked(typeof text === 'string' ? text : '');
  } catch (error) {
    // Defensive: every path above is meant to be total. If one is not, say so instead of
    // breaking the import page; nothing of the text is echoed (it may hold secrets).
    return {
      entries: [],
      skipped: [],
      diagnostics: [{ line: 1, severity: 'error', message: `The config could not be read (internal error: ${error instanceof Error ? error.name : 'unknown'}). Please report this.` }],
      removedSecrets: [],
    };
  }
}

function importUnchecked(text: string): Catalogue {
  const secrets = removeSecrets(text);
  const parsed = parseAwsConfig(secrets.text);
  const diagnostics: Diagnostic[] = parsed.diagnostics.slice();
  const candidates = collectCandidates(parsed, secrets, diagnostics);

  // Lookups for source_profile: profiles first (what the CLI sees), then bare sections
  // (AWS Extend Switch Roles' base accounts), then credentials-file sections.
  const byName = new Map<string, Candidate>();
  for (const c of candidates) if (!c.bare) byName.set(c.name, c);
  const bareByName = new Map<string, Candidate>();
  for (const c of candidates) if (c.bare && !bareByName.has(c.name)) bareByName.set(c.name, c);
  const lookup = (name: string): Candidate | undefined => byName.get(name) ?? bareByName.get(name);

  // AESR base accounts: sections with aws_account_id (no role_arn) that others name as source_profile.
  const targetsOf = new Map<string, string[]>();
  for (const c of candidates) {
    const source = clean(str(c.values, 'source_profile'));
    if (!source || source === c.name) continue;
    const list = targetsOf.get(source);
    if (list) list.push(c.name);
    else targetsOf.set(source, [c.name]);
  }

  const drafts: Draft[] = [];
  const skipped: SkippedProfile[] = [];
  const seenNames = new Set<string>();
  const bases = new Set<string>();
  for (const c of candidates) {
    let outcome: Outcome;
    if (c.bare && byName.has(c.name)) {
      outcome = skip(`Bare [${c.name}] has the same name as [profile ${c.name}], which is imported instead; rename one of them.`);
    } else if (seenNames.has(c.name)) {
      outcome = skip(`Another section is also named "${c.name}"; only the first is imported. Rename one of them.`);
    } else {
      outcome = classify(c, lookup, targetsOf, parsed);
      if (!outcome.ok && outcome.base) bases.add(c.name);
    }
    seenNames.add(c.name);
    if (outcome.ok) drafts.push(outcome.entry);
    else skipped.push({ profile: c.name, reason: outcome.reason, line: c.line });
  }

  const entries = finishEntries(drafts, bases);
  return { entries, skipped, diagnostics: diagnostics.sort((a, b) => a.line - b.line), removedSecrets: secrets.removed };
}

/** Profiles and the bare sections that look like profiles, in file order. */
function collectCandidates(parsed: ParsedConfig, secrets: SecretScan, diagnostics: Diagnostic[]): Candidate[] {
  const out: Candidate[] = [];
  for (const name of Object.keys(parsed.profiles)) {
    out.push({
      name,
      values: parsed.profiles[name]!,
      line: parsed.locations.profiles[name]?.line ?? 1,
      bare: false,
      hadKeys: secrets.defaultKeyed || secrets.keyedProfiles.has(name),
    });
  }
  const profileByName = new Map<string, Candidate>();
  for (const c of out) profileByName.set(c.name, c);
  for (const name of Object.keys(parsed.otherSections)) {
    const values = parsed.otherSections[name]!;
    const keyed = secrets.keyedBare.has(name);
    const profileLike = hasAny(values, BARE_PROFILE_KEYS) || hasGrantedSso(values);
    // A credentials-file section with the name of a config profile is that profile's keys
    // (botocore merges the two files): mark the profile instead of listing the section.
    const profile = profileByName.get(name);
    if (keyed && !profileLike && profile) {
      profile.hadKeys = true;
      continue;
    }
    if (!profileLike && !keyed) continue;
    out.push({ name, values, line: parsed.locations.otherSections[name]?.line ?? 1, bare: true, hadKeys: keyed || secrets.defaultKeyed });
  }
  out.sort((a, b) => a.line - b.line);
  addSecretDiagnostics(secrets, parsed, diagnostics);
  return out;
}

/**
 * One warning for a pasted credentials file (bare `[name]` sections, or a `[default]` with no
 * config profiles around it, holding keys) and one for keys inside config profiles.
 */
function addSecretDiagnostics(secrets: SecretScan, parsed: ParsedConfig, diagnostics: Diagnostic[]): void {
  const removed = secrets.removed;
  if (removed.length === 0) return;
  const isBare = (r: RemovedSecrets) => sectionTarget(r.section).kind === 'bare';
  const configProfiles = Object.keys(parsed.profiles).filter((n) => n !== 'default').length;
  const credentialsContext = removed.some(isBare) || configProfiles === 0;
  const credentials = credentialsContext ? removed.filter((r) => isBare(r) || r.section === 'default') : [];
  const others = removed.filter((r) => !credentials.includes(r));
  const names = (list: RemovedSecrets[]) => list.map((r) => `[${r.section}]`).join(', ');
  const firstLine = (list: RemovedSecrets[]) => Math.min(...list.map((r) => r.lines[0] ?? 1));
  if (credentials.length > 0) {
    diagnostics.push({
      line: firstLine(credentials),
      severity: 'warning',
      message: `This looks like a credentials file (~/.aws/credentials): ${names(credentials)} ${credentials.length === 1 ? 'holds' : 'hold'} access keys; secrets were dropped and never stored. Only ~/.aws/config is needed here.`,
    });
  }
  if (others.length > 0) {
    const keys = SECRET_KEYS.filter((k) => others.some((r) => r.keys.includes(k)));
    diagnostics.push({
      line: firstLine(others),
      severity: 'warning',
      message: `Access keys in ${names(others)} (${keys.join(', ')}) were dropped and never stored. Keep keys in ~/.aws/credentials, not in the config you paste here.`,
    });
  }
}

function hasGrantedSso(values: Section): boolean {
  return values.granted_sso_account_id !== undefined || values.granted_sso_start_url !== undefined;
}

function classify(c: Candidate, lookup: (name: string) => Candidate | undefined, targetsOf: Map<string, string[]>, parsed: ParsedConfig): Outcome {
  const v = c.values;
  const notes: string[] = [];
  if (c.bare) notes.push(BARE_NOTE(c.name));
  const bareSuffix = c.bare ? ` ${BARE_NOTE(c.name)}` : '';

  const roleArn = str(v, 'role_arn');
  if (roleArn !== undefined) {
    const arn = parseRoleArn(clean(roleArn) ?? '');
    if (!arn.ok) return skip(`Invalid role_arn ${shown(roleArn)}: ${arn.reason}.`);
    if (v.external_id !== undefined) {
      return skip('The role needs an external ID (external_id), which the console\'s switch-role page cannot send; use the AWS CLI for this role.');
    }
    if (v.aws_account_id !== undefined || v.role_name !== undefined) {
      notes.push('role_arn is used; aws_account_id/role_name in the same section are ignored.');
    }
    const chain = resolveSourceChain(c, lookup);
    if (!chain.ok) return skip(chain.reason);
    if (chain.notes) notes.push(...chain.notes);
    const region = regionOf(v, notes);
    return {
      ok: true,
      entry: {
        candidate: c,
        kind: 'role',
        accountId: arn.value.accountId,
        accountAlias: aliasOf(v, notes),
        roleName: arn.value.roleName,
        partition: arn.value.partition,
        region,
        sourceProfile: chain.chain.length > 0 ? chain.chain : undefined,
        notes,
      },
    };
  }

  const sso = ssoSettings(v);
  if (sso) return ssoEntry(c, sso, parsed, notes);

  if (v.aws_account_id !== undefined) {
    const targets = targetsOf.get(c.name);
    if (targets && targets.length > 0) {
      const more = targets.length > 1 ? ` and ${targets.length - 1} more` : '';
      return {
        ok: false,
        base: true,
        reason: `Base account of ${targets[0]}${more} (AWS Extend Switch Roles: you sign in here, then switch to those); not a role to switch to.`,
      };
    }
    return aesrEntry(c, lookup, notes);
  }

  // Nothing to open. Say what the profile is instead.
  if (v.credential_source !== undefined) {
    return skip(`credential_source without role_arn: it supplies credentials to the AWS CLI but names no role to open in the console.${bareSuffix}`);
  }
  if (v.credential_process !== undefined) {
    return skip(`credential_process only: it supplies credentials to the AWS CLI but names no role or SSO account to open in the console.${bareSuffix}`);
  }
  if (v.azure_default_role_arn !== undefined) {
    return skip('aws-azure-login profile: it signs in through Azure AD (azure_default_role_arn), not by switching roles, so there is nothing for the switch-role page.');
  }
  if (c.hadKeys) {
    return skip(`Static access keys only (removed, never stored): the console cannot sign in with access keys, and there is no role to switch to.${bareSuffix}`);
  }
  if (v.role_name !== undefined) {
    return skip(`role_name without aws_account_id or role_arn: the account is unknown.${bareSuffix}`);
  }
  if (v.source_profile !== undefined) {
    return skip(`source_profile without role_arn: no role to switch to.${bareSuffix}`);
  }
  if (c.bare) return skip(`${BARE_NOTE(c.name)} It has no role_arn or aws_account_id either.`);
  if (v.web_identity_token_file !== undefined) return skip('web_identity_token_file without role_arn: no role to switch to.');
  return skip('No role or SSO settings (nothing to open in the console).');
}

type Chain = { ok: true; chain: string[]; notes?: string[] } | { ok: false; reason: string };

/**
 * The source_profile chain, nearest first, following botocore's AssumeRoleProvider: a source
 * that has static keys, or no role_arn, ends the chain; a profile may name itself only to use
 * its own access keys; any other revisit is a loop. A name defined nowhere is missing.
 *
 * A self-reference is accepted: the AWS CLI then uses the profile's own access keys, which live
 * in ~/.aws/credentials (never in the pasted config), exactly as every other source profile's
 * keys are assumed to.
 */
function resolveSourceChain(start: Candidate, lookup: (name: string) => Candidate | undefined): Chain {
  const chain: string[] = [];
  const visited = new Set<string>([start.name]);
  const notes: string[] = [];
  let current = start;
  for (;;) {
    const source = clean(str(current.values, 'source_profile'));
    if (source === undefined || source === '') {
      if (str(current.values, 'source_profile') === '') return { ok: false, reason: `source_profile is empty in [${current.name}]. Name the profile whose credentials assume this role, or remove the line.` };
      break;
    }
    if (current.values.credential_source !== undefined) {
      return {
        ok: false,
        reason: `[${current.name}] has both source_profile and credential_source; the AWS CLI refuses this. Keep one of them.`,
      };
    }
    if (source === current.name) {
      notes.push(`source_profile names this profile itself: the AWS CLI then uses its own access keys (kept in ~/.aws/credentials).`);
      break;
    }
    if (visited.has(source)) {
      const path = [start.name, ...chain, source].join(' → ');
      return { ok: false, reason: `source_profile loop: ${path}. The AWS CLI refuses it; point one of them at a profile that has credentials.` };
    }
    const next = lookup(source);
    if (!next) {
      const via = current === start ? '' : ` (via ${[start.name, ...chain].join(' → ')})`;
      return {
        ok: false,
        reason: `source_profile "${source}"${via} is not in this config. If its keys are in ~/.aws/credentials, add an empty [profile ${source}] section here (the keys stay there); otherwise fix the name.`,
      };
    }
    chain.push(source);
    visited.add(source);
    if (next.bare && !start.bare) notes.push(`source_profile "${source}" is a bare [${source}] section, which the AWS CLI does not see.`);
    // botocore: static keys, or no role_arn, end the chain; credential_source ends it too.
    if (next.hadKeys || str(next.values, 'role_arn') === undefined) break;
    current = next;
  }
  return notes.length > 0 ? { ok: true, chain, notes } : { ok: true, chain };
}

interface SsoSettings {
  session?: string;
  startUrl?: string;
  region?: string;
  accountId?: string;
  roleName?: string;
  granted: boolean;
}

function ssoSettings(v: Section): SsoSettings | undefined {
  if (v.sso_session !== undefined || v.sso_start_url !== undefined || v.sso_account_id !== undefined || v.sso_role_name !== undefined) {
    return {
      session: clean(str(v, 'sso_session')),
      startUrl: clean(str(v, 'sso_start_url')),
      region: clean(str(v, 'sso_region')),
      accountId: clean(str(v, 'sso_account_id')),
      roleName: clean(str(v, 'sso_role_name')),
      granted: false,
    };
  }
  if (hasGrantedSso(v)) {
    return {
      startUrl: clean(str(v, 'granted_sso_start_url')),
      region: clean(str(v, 'granted_sso_region')),
      accountId: clean(str(v, 'granted_sso_account_id')),
      roleName: clean(str(v, 'granted_sso_role_name')),
      granted: true,
    };
  }
  return undefined;
}

function ssoEntry(c: Candidate, sso: SsoSettings, parsed: ParsedConfig, notes: string[]): Outcome {
  const prefix = sso.granted ? 'granted_sso_' : 'sso_';
  let startUrl = sso.startUrl;
  let ssoRegion = sso.region;
  if (sso.session !== undefined) {
    const session = parsed.ssoSessions[sso.session];
    if (!session) {
      return skip(`sso_session "${sso.session}" has no [sso-session ${sso.session}] section in this config. Add it (with sso_start_url and sso_region) or fix the name.`);
    }
    startUrl = clean(str(session, 'sso_start_url')) ?? startUrl;
    ssoRegion = clean(str(session, 'sso_region')) ?? ssoRegion;
    if (startUrl === undefined) return skip(`[sso-session ${sso.session}] has no sso_start_url; the console link needs it.`);
  }
  const missing = [
    startUrl === undefined ? `${prefix}start_url` : '',
    sso.accountId === undefined ? `${prefix}account_id` : '',
    sso.roleName === undefined ? `${prefix}role_name` : '',
  ].filter(Boolean);
  if (missing.length > 0) {
    const typos = missing.map((k) => typoOf(k, c.values)).filter(Boolean);
    const hint = typos.length > 0 ? ` Is ${typos.map((t) => `"${t}"`).join(', ')} a typo?` : '';
    return skip(`Incomplete SSO profile: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing, so there is no account to open.${hint}${c.bare ? ` ${BARE_NOTE(c.name)}` : ''}`);
  }
  if (c.bare) {
    return skip(`${BARE_NOTE(c.name)} SSO settings are only read from [profile ${c.name}].`);
  }
  const url = normaliseStartUrl(startUrl!);
  if (!url) return skip(`${prefix}start_url ${shown(startUrl!)} is not an https:// URL (e.g. https://d-1234567890.awsapps.com/start).`);
  if (!isAccountId(sso.accountId!)) return skip(`Invalid ${prefix}account_id: ${describeBadAccountId(sso.accountId!)}.`);
  const role = sso.roleName!;
  if (!/^[\w+=,.@-]{1,64}$/.test(role)) return skip(`Invalid ${prefix}role_name ${shown(role)}: a permission-set name uses only letters, digits and _+=,.@-.`);
  if (sso.granted) notes.push("Read from Granted's granted_sso_* keys.");
  if (ssoRegion === undefined && !sso.granted) notes.push('sso_region is missing: the AWS CLI needs it (the console link does not).');
  const partition = ssoRegion && isRegion(ssoRegion) ? partitionOfRegion(ssoRegion) : 'aws';
  return {
    ok: true,
    entry: {
      candidate: c,
      kind: 'sso',
      accountId: sso.accountId,
      accountAlias: aliasOf(c.values, notes),
      roleName: role,
      partition,
      region: regionOf(c.values, notes),
      ssoStartUrl: url,
      ssoRegion,
      notes,
    },
  };
}

/** AWS Extend Switch Roles: aws_account_id (ID or alias) + role_name, or the base's target_role_name. */
function aesrEntry(c: Candidate, lookup: (name: string) => Candidate | undefined, notes: string[]): Outcome {
  const v = c.values;
  const account = clean(str(v, 'aws_account_id')) ?? '';
  let accountId: string | undefined;
  let accountAlias = aliasOf(v, notes);
  if (isAccountId(account)) accountId = account;
  else if (isAccountAlias(account)) {
    accountAlias ??= account;
    notes.push(`aws_account_id "${account}" is an account alias: the banner recognises this account by its alias only.`);
  } else {
    return skip(`Invalid aws_account_id: ${describeBadAccountId(account)} (nor an account alias).`);
  }

  let roleName = clean(str(v, 'role_name'));
  let region = regionOf(v, notes);
  const chain = resolveSourceChain(c, lookup);
  if (!chain.ok) return skip(chain.reason);
  if (chain.notes) notes.push(...chain.notes);
  const base = chain.chain.length > 0 ? lookup(chain.chain[0]!) : undefined;
  if (base) {
    // AESR: a target without role_name gets its base's target_role_name, and target_region.
    if (!roleName) roleName = clean(str(base.values, 'target_role_name'));
    if (region === undefined) {
      const targetRegion = clean(str(base.values, 'target_region'));
      if (targetRegion !== undefined && isRegion(targetRegion)) region = targetRegion;
    }
  }
  if (!roleName) {
    const hint = base ? ` and its source "${base.name}" has no target_role_name` : '';
    return skip(`aws_account_id without role_name${hint}: no role to switch to.${c.bare && !base ? ` ${BARE_NOTE(c.name)}` : ''}`);
  }
  const role = parseRoleName(roleName);
  if (!role.ok) return skip(`Invalid role_name: ${role.reason}.`);
  const partition: Partition = region ? partitionOfRegion(region) : 'aws';
  return {
    ok: true,
    entry: {
      candidate: c,
      kind: 'role',
      accountId,
      accountAlias,
      roleName: role.value.roleName,
      partition,
      region,
      sourceProfile: chain.chain.length > 0 ? chain.chain : undefined,
      notes,
    },
  };
}

/** A key of the section within two edits of `wanted` (`so_start_url` for `sso_start_url`). */
function typoOf(wanted: string, values: Section): string | undefined {
  for (const key of Object.keys(values)) {
    if (key !== wanted && Math.abs(key.length - wanted.length) <= 2 && editDistance(key, wanted) <= 2) return key;
  }
  return undefined;
}

/** Levenshtein distance of two short strings. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function regionOf(v: Section, notes: string[]): string | undefined {
  const raw = str(v, 'region');
  if (raw === undefined) return undefined;
  const region = clean(raw);
  if (!region) return undefined;
  if (isRegion(region)) return region;
  notes.push(`region ${shown(region)} is not an AWS region name; ignored.`);
  return undefined;
}

function aliasOf(v: Section, notes: string[]): string | undefined {
  const raw = str(v, 'aws_account_alias');
  if (raw === undefined) return undefined;
  const alias = clean(raw);
  if (alias && isAccountAlias(alias)) return alias;
  notes.push(`aws_account_alias ${shown(raw)} is not an account alias (3–63 of a-z, 0-9, -); ignored.`);
  return undefined;
}

/**
 * App, environment, production, colour and link for every entry. Production is decided
 * last, over the whole catalogue: one production profile on an account makes every
 * profile on that account production.
 */
function finishEntries(drafts: Draft[], bases: ReadonlySet<string>): CatalogueEntry[] {
  interface Grouped {
    app: string;
    env: Environment;
    envLabel: string;
    isProduction: boolean;
    explicitApp: boolean;
    explicitEnv: boolean;
    why?: string;
  }
  const grouped: Grouped[] = drafts.map((d) => groupOf(d));

  // Names without an environment word join an app other names established (`cn-cx-build-admin`).
  const knownApps = new Set<string>();
  for (const g of grouped) if (!g.explicitApp && g.app !== OTHER_APP) knownApps.add(g.app);
  const unplaced: number[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const g = grouped[i]!;
    if (g.explicitApp || g.app !== OTHER_APP) continue;
    const d = drafts[i]!;
    const match = knownApps.size > 0 ? matchKnownApp(d.candidate.name, knownApps) : undefined;
    if (match) {
      g.app = match.app;
      if (g.env === 'other' && !g.explicitEnv) g.envLabel = match.envLabel;
      continue;
    }
    // AWS Extend Switch Roles shows a base account's targets together: so do we.
    const base = d.sourceProfile?.[0];
    if (base !== undefined && bases.has(base)) {
      g.app = base.toLowerCase();
      continue;
    }
    unplaced.push(i);
  }
  // Still unplaced names that start with the same words (`cnscca-audit`, `cnscca-logs`) form an app.
  for (const shared of sharedPrefixApps(unplaced.map((i) => drafts[i]!.candidate.name))) {
    const g = grouped[unplaced[shared.index]!]!;
    g.app = shared.app;
    if (g.env === 'other' && !g.explicitEnv) g.envLabel = shared.envLabel;
  }

  // Account evidence: production anywhere on an account makes the whole account production.
  const productionAccounts = new Map<string, string>();
  for (let i = 0; i < drafts.length; i++) {
    if (!grouped[i]!.isProduction) continue;
    for (const key of accountKeys(drafts[i]!)) if (!productionAccounts.has(key)) productionAccounts.set(key, drafts[i]!.candidate.name);
  }

  const entries: CatalogueEntry[] = new Array(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const g = grouped[i]!;
    const notes = d.notes;
    if (!g.isProduction && productionAccounts.size > 0) {
      for (const key of accountKeys(d)) {
        const evidence = productionAccounts.get(key);
        if (evidence !== undefined) {
          g.isProduction = true;
          g.why = `Shown as production: account ${key} also has the production profile "${evidence}".`;
          break;
        }
      }
    }
    if (g.isProduction && g.env !== 'production') {
      if (g.why) notes.push(g.why);
      g.env = 'production';
      g.envLabel = 'production';
    }
    const color = colorOf(d, g.env, notes);
    const displayName = truncateDisplayName(d.candidate.name);
    const account = d.accountId ?? d.accountAlias ?? '';
    const url =
      d.kind === 'sso'
        ? ssoConsoleUrl({ startUrl: d.ssoStartUrl!, accountId: account, permissionSet: d.roleName, destination: d.region ? consoleHomeUrl(d.partition, d.region) : undefined })
        : switchRoleUrl({ partition: d.partition, account, roleName: d.roleName, displayName, color, redirectUri: d.region ? consoleHomeUrl(d.partition, d.region) : undefined });
    const entry: CatalogueEntry = {
      profile: d.candidate.name,
      kind: d.kind,
      roleName: d.roleName,
      partition: d.partition,
      app: g.app,
      env: g.env,
      envLabel: g.envLabel,
      isProduction: g.isProduction,
      color,
      url,
      displayName,
      line: d.candidate.line,
    };
    if (d.accountId !== undefined) entry.accountId = d.accountId;
    if (d.accountAlias !== undefined) entry.accountAlias = d.accountAlias;
    if (d.region !== undefined) entry.region = d.region;
    if (d.sourceProfile) entry.sourceProfile = d.sourceProfile;
    if (d.ssoStartUrl !== undefined) entry.ssoStartUrl = d.ssoStartUrl;
    if (d.ssoRegion !== undefined) entry.ssoRegion = d.ssoRegion;
    if (notes.length > 0) entry.notes = notes;
    entries[i] = entry;
  }
  return entries;
}

function accountKeys(d: Draft): string[] {
  if (d.accountId !== undefined && d.accountAlias !== undefined) return [d.accountId, d.accountAlias];
  return d.accountId !== undefined ? [d.accountId] : d.accountAlias !== undefined ? [d.accountAlias] : [];
}

function groupOf(d: Draft): {
  app: string;
  env: Environment;
  envLabel: string;
  isProduction: boolean;
  explicitApp: boolean;
  explicitEnv: boolean;
} {
  const v = d.candidate.values;
  const inferred = inferAppEnv(d.candidate.name);
  let { app, env, envLabel, isProduction } = inferred;
  const explicitApp = clean(str(v, 'app')) || clean(str(v, 'group'));
  if (explicitApp) {
    app = explicitApp.length > 64 ? explicitApp.slice(0, 64) : explicitApp;
    if (hasProductionWord(explicitApp)) isProduction = true;
  }
  const explicitEnv = clean(str(v, 'env'));
  if (explicitEnv) {
    const named = envFromText(explicitEnv);
    const label = explicitEnv.toLowerCase().slice(0, 32);
    if (named) {
      env = named.env;
      envLabel = named.label;
    } else {
      env = 'other';
      envLabel = label;
    }
    if (env === 'production') isProduction = true;
    else if (inferred.isProduction) {
      d.notes.push(`env = ${explicitEnv} is overridden: the profile name says production.`);
    }
  }
  // Eager: a production role name (`ProdAdmin`) or account alias (`shop-prod`) counts too.
  if (!isProduction && (hasProductionWord(d.roleName) || (d.accountAlias !== undefined && hasProductionWord(d.accountAlias)))) {
    isProduction = true;
    const what = hasProductionWord(d.roleName) ? `the role name "${d.roleName}"` : `the account alias "${d.accountAlias}"`;
    if (env !== 'production') d.notes.push(`Shown as production: ${what} says production.`);
    env = 'production';
    envLabel = 'production';
  }
  if (isProduction && env !== 'production') {
    // An explicit env or app said otherwise; production wins (the safety rule).
    if (!d.notes.some((n) => n.startsWith('env = '))) d.notes.push('Shown as production: a production word appears in it.');
    env = 'production';
    envLabel = 'production';
  }
  return { app, env, envLabel, isProduction, explicitApp: Boolean(explicitApp), explicitEnv: Boolean(explicitEnv) };
}

function colorOf(d: Draft, env: Environment, notes: string[]): string {
  const raw = str(d.candidate.values, 'color');
  const explicit = raw !== undefined ? parseColor(clean(raw) ?? '') : undefined;
  if (raw !== undefined && explicit === undefined) notes.push(`color ${shown(raw)} is not a colour (use rrggbb, #rrggbb or a CSS colour name); the environment colour is used.`);
  if (env === 'production') {
    if (explicit !== undefined && explicit !== PRODUCTION_COLOR) notes.push(`color ${shown(clean(raw!) ?? '')} is not used: production is always red.`);
    return PRODUCTION_COLOR;
  }
  return explicit ?? ENV_COLORS[env];
}
