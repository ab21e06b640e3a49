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

/**
 * The keys every profile is checked for, taken from a section in one pass (one fixed shape,
 * instead of a dozen lookups into thousands of differently shaped section objects). Rarer
 * keys are read with `raw()` where needed. A nested map where a string belongs reads as ''.
 */
interface Fields {
  role_arn: string | undefined;
  source_profile: string | undefined;
  credential_source: string | undefined;
  aws_account_id: string | undefined;
  role_name: string | undefined;
  sso_session: string | undefined;
  sso_start_url: string | undefined;
  sso_region: string | undefined;
  sso_account_id: string | undefined;
  sso_role_name: string | undefined;
  region: string | undefined;
  color: string | undefined;
}

function readFields(values: Section): Fields {
  const f: Fields = {
    role_arn: undefined,
    source_profile: undefined,
    credential_source: undefined,
    aws_account_id: undefined,
    role_name: undefined,
    sso_session: undefined,
    sso_start_url: undefined,
    sso_region: undefined,
    sso_account_id: undefined,
    sso_role_name: undefined,
    region: undefined,
    color: undefined,
  };
  for (const key in values) {
    if (!Object.prototype.hasOwnProperty.call(f, key)) continue;
    const v = values[key];
    f[key as keyof Fields] = typeof v === 'string' ? v : '';
  }
  return f;
}

/** A key outside Fields: its string value, '' for a nested map, undefined when absent. */
function raw(c: Candidate, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(c.values, key)) return undefined;
  const v = c.values[key];
  return typeof v === 'string' ? v : '';
}

/** One section that is, or looks meant as, a profile. */
interface Candidate {
  /** The profile name (`dev` for `[profile dev]`, `default`, or a bare section's name). */
  name: string;
  values: Section;
  f: Fields;
  line: number;
  /** A bare `[name]` section: the AWS CLI ignores it, AWS Extend Switch Roles reads it. */
  bare: boolean;
  /** Access keys were removed from this section (or from [DEFAULT], which every section inherits). */
  hadKeys: boolean;
  /** Cleaned source_profile ('' when written empty), computed once. */
  source: string | undefined;
}

const SECRET_HINT = /aws_(?:access_key_id|secret_access_key|session_token|security_token)/i;

const BARE_NOTE = (name: string) => `The AWS CLI ignores bare [${name}] sections; use [profile ${name}] for the CLI.`;

/** Keys that make a bare section one of ours to list, although it has no role to open. */
function profileLike(c: Candidate): boolean {
  const f = c.f;
  return (
    f.role_arn !== undefined || f.aws_account_id !== undefined || f.role_name !== undefined || f.source_profile !== undefined ||
    f.credential_source !== undefined || raw(c, 'credential_process') !== undefined || f.sso_session !== undefined ||
    f.sso_start_url !== undefined || f.sso_account_id !== undefined || f.sso_role_name !== undefined ||
    raw(c, 'external_id') !== undefined || raw(c, 'mfa_serial') !== undefined || raw(c, 'granted_sso_account_id') !== undefined || raw(c, 'granted_sso_start_url') !== undefined
  );
}

/**
 * A value without a trailing `# note` / `; note`. The AWS CLI keeps such comments in the value
 * (the parser warns about it), but AWS Extend Switch Roles strips them and its users write them
 * (`role_name = Manager ; overrides target role name`), and what the user meant is clear.
 */
function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Fast path: the parser already stripped the value, and most values carry no comment.
  const first = value.charCodeAt(0);
  if (value.indexOf('#') < 0 && value.indexOf(';') < 0 && value.indexOf('\n') < 0 && first !== 0x22 && first !== 0x27) return value;
  let v = value;
  const nl = v.indexOf('\n');
  if (nl >= 0) v = v.slice(0, nl);
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c !== 0x23 && c !== 0x3b) continue;
    // `x # note` or a value that is only `# note`; but `#ff0000` is a value.
    const around = i === 0 ? (i + 1 < v.length ? v.charCodeAt(i + 1) : 32) : v.charCodeAt(i - 1);
    if (around === 32 || around === 9) {
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

/** A skipped profile or an entry-in-progress. */
type Outcome = { ok: true; entry: Draft } | { ok: false; reason: string; base?: boolean };

/** An entry before app/env/colour/url are decided (they depend on the whole catalogue). */
interface Draft {
  candidate: Candidate;
  kind: 'role' | 'sso';
  accountId: string | undefined;
  accountAlias: string | undefined;
  roleName: string;
  partition: Partition;
  region: string | undefined;
  sourceProfile: string[] | undefined;
  ssoStartUrl: string | undefined;
  ssoRegion: string | undefined;
  /** Allocated on the first note: most entries have none. */
  notes: string[] | undefined;
}

function skip(reason: string): Outcome {
  return { ok: false, reason };
}

function addNote(d: { notes: string[] | undefined }, note: string): void {
  if (d.notes) d.notes.push(note);
  else d.notes = [note];
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

  // source_profile lookups: profiles first (what the CLI sees), then bare sections (AWS Extend
  // Switch Roles' base accounts, credentials-file sections). Also: who names whom as source.
  const byName = new Map<string, Candidate>();
  const targetsOf = new Map<string, string[]>();
  for (const c of candidates) {
    if (!c.bare || !byName.has(c.name)) byName.set(c.name, c);
    const source = c.source;
    if (source && source !== c.name) {
      const list = targetsOf.get(source);
      if (list) list.push(c.name);
      else targetsOf.set(source, [c.name]);
    }
  }
  const ctx: Context = { byName, targetsOf, parsed };

  const drafts: Draft[] = [];
  const skipped: SkippedProfile[] = [];
  const bases = new Set<string>();
  for (const c of candidates) {
    let outcome: Outcome;
    if (byName.get(c.name) !== c) {
      // Profiles come first in byName, so this is a bare section shadowed by a profile.
      outcome = skip(`Bare [${c.name}] has the same name as [profile ${c.name}], which is imported instead; rename one of them.`);
    } else {
      outcome = classify(c, ctx);
      if (!outcome.ok && outcome.base) bases.add(c.name);
    }
    if (outcome.ok) drafts.push(outcome.entry);
    else skipped.push({ profile: c.name, reason: outcome.reason, line: c.line });
  }

  const entries = finishEntries(drafts, bases);
  return { entries, skipped, diagnostics: diagnostics.sort((a, b) => a.line - b.line), removedSecrets: secrets.removed };
}

interface Context {
  /** Profiles, and bare sections whose name no profile has. */
  byName: Map<string, Candidate>;
  /** source name → the sections naming it as source_profile. */
  targetsOf: Map<string, string[]>;
  parsed: ParsedConfig;
}

function candidate(name: string, values: Section, line: number, bare: boolean, hadKeys: boolean): Candidate {
  const f = readFields(values);
  return { name, values, f, line, bare, hadKeys, source: clean(f.source_profile) };
}

/** Profiles and the bare sections that look like profiles, in file order. */
function collectCandidates(parsed: ParsedConfig, secrets: SecretScan, diagnostics: Diagnostic[]): Candidate[] {
  const profiles: Candidate[] = [];
  const locations = parsed.locations;
  for (const name of Object.keys(parsed.profiles)) {
    const hadKeys = secrets.defaultKeyed || (secrets.keyedProfiles.size > 0 && secrets.keyedProfiles.has(name));
    profiles.push(candidate(name, parsed.profiles[name]!, locations.profiles[name]?.line ?? 1, false, hadKeys));
  }
  const bare: Candidate[] = [];
  for (const name of Object.keys(parsed.otherSections)) {
    const values = parsed.otherSections[name]!;
    const keyed = secrets.keyedBare.size > 0 && secrets.keyedBare.has(name);
    const c = candidate(name, values, locations.otherSections[name]?.line ?? 1, true, keyed || secrets.defaultKeyed);
    const like = profileLike(c);
    // A credentials-file section with the name of a config profile is that profile's keys
    // (botocore merges the two files): mark the profile instead of listing the section.
    if (keyed && !like && Object.prototype.hasOwnProperty.call(parsed.profiles, name)) {
      const profile = profiles.find((p) => p.name === name);
      if (profile) profile.hadKeys = true;
      continue;
    }
    if (like || keyed) bare.push(c);
  }
  addSecretDiagnostics(secrets, parsed, diagnostics);
  return mergeByLine(profiles, bare);
}

/** Both lists in file order (each usually is already; sorted only when not). */
function mergeByLine(a: Candidate[], b: Candidate[]): Candidate[] {
  const sorted = (list: Candidate[]) => {
    for (let i = 1; i < list.length; i++) if (list[i]!.line < list[i - 1]!.line) return list.sort((x, y) => x.line - y.line);
    return list;
  };
  if (b.length === 0) return sorted(a);
  if (a.length === 0) return sorted(b);
  const x = sorted(a);
  const y = sorted(b);
  const out: Candidate[] = new Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.length && j < y.length) out[k++] = x[i]!.line <= y[j]!.line ? x[i++]! : y[j++]!;
  while (i < x.length) out[k++] = x[i++]!;
  while (j < y.length) out[k++] = y[j++]!;
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
  const firstLine = (list: RemovedSecrets[]) => list.reduce((min, r) => Math.min(min, r.lines[0] ?? 1), Infinity);
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
      message: `Access keys in ${names(others)}${keys.length > 0 ? ` (${keys.join(', ')})` : ''} were dropped and never stored. Keep keys in ~/.aws/credentials, not in the config you paste here.`,
    });
  }
}

function classify(c: Candidate, ctx: Context): Outcome {
  const f = c.f;
  const bareSuffix = c.bare ? ` ${BARE_NOTE(c.name)}` : '';

  if (f.role_arn !== undefined) {
    const arn = parseRoleArn(clean(f.role_arn) ?? '');
    if (!arn.ok) return skip(`Invalid role_arn ${shown(f.role_arn)}: ${arn.reason}.`);
    if (raw(c, 'external_id') !== undefined) {
      return skip("The role needs an external ID (external_id), which the console's switch-role page cannot send; use the AWS CLI for this role.");
    }
    const chain = resolveSourceChain(c, ctx.byName);
    if (!chain.ok) return skip(chain.reason);
    const draft: Draft = {
      candidate: c,
      kind: 'role',
      accountId: arn.value.accountId,
      accountAlias: undefined,
      roleName: arn.value.roleName,
      partition: arn.value.partition,
      region: undefined,
      sourceProfile: chain.chain,
      ssoStartUrl: undefined,
      ssoRegion: undefined,
      notes: c.bare ? [BARE_NOTE(c.name)] : undefined,
    };
    if (f.aws_account_id !== undefined || f.role_name !== undefined) addNote(draft, 'role_arn is used; aws_account_id/role_name in the same section are ignored.');
    if (chain.notes) for (const n of chain.notes) addNote(draft, n);
    draft.region = regionOf(f.region, draft);
    draft.accountAlias = aliasOf(raw(c, 'aws_account_alias'), draft);
    return { ok: true, entry: draft };
  }

  const sso = ssoSettings(c);
  if (sso) return ssoEntry(c, sso, ctx.parsed);

  if (f.aws_account_id !== undefined) {
    const targets = ctx.targetsOf.get(c.name);
    if (targets && targets.length > 0) {
      const more = targets.length > 1 ? ` and ${targets.length - 1} more` : '';
      return {
        ok: false,
        base: true,
        reason: `Base account of ${targets[0]}${more} (AWS Extend Switch Roles: you sign in here, then switch to those); not a role to switch to.`,
      };
    }
    return aesrEntry(c, ctx.byName);
  }

  // Nothing to open. Say what the profile is instead.
  if (f.credential_source !== undefined) {
    return skip(`credential_source without role_arn: it supplies credentials to the AWS CLI but names no role to open in the console.${bareSuffix}`);
  }
  if (raw(c, 'credential_process') !== undefined) {
    return skip(`credential_process only: it supplies credentials to the AWS CLI but names no role or SSO account to open in the console.${bareSuffix}`);
  }
  if (raw(c, 'azure_default_role_arn') !== undefined) {
    return skip('aws-azure-login profile: it signs in through Azure AD (azure_default_role_arn), not by switching roles, so there is nothing for the switch-role page.');
  }
  if (c.hadKeys) {
    return skip(`Static access keys only (removed, never stored): the console cannot sign in with access keys, and there is no role to switch to.${bareSuffix}`);
  }
  if (f.role_name !== undefined) return skip(`role_name without aws_account_id or role_arn: the account is unknown.${bareSuffix}`);
  if (f.source_profile !== undefined) return skip(`source_profile without role_arn: no role to switch to.${bareSuffix}`);
  if (c.bare) return skip(`${BARE_NOTE(c.name)} It has no role_arn or aws_account_id either.`);
  if (raw(c, 'web_identity_token_file') !== undefined) return skip('web_identity_token_file without role_arn: no role to switch to.');
  return skip('No role or SSO settings (nothing to open in the console).');
}

type Chain = { ok: true; chain: string[] | undefined; notes?: string[] } | { ok: false; reason: string };

const NO_CHAIN: Chain = { ok: true, chain: undefined };

/**
 * The source_profile chain, nearest first, following botocore's AssumeRoleProvider: a source
 * that has static keys, or no role_arn, ends the chain; a profile may name itself only to use
 * its own access keys; any other revisit is a loop. A name defined nowhere is missing.
 *
 * A self-reference is accepted: the AWS CLI then uses the profile's own access keys, which live
 * in ~/.aws/credentials (never in the pasted config), exactly as every other source profile's
 * keys are assumed to.
 */
function resolveSourceChain(start: Candidate, byName: Map<string, Candidate>): Chain {
  if (start.source === undefined) return NO_CHAIN;
  const chain: string[] = [];
  let notes: string[] | undefined;
  let current = start;
  for (;;) {
    const source = current.source;
    if (source === undefined) break;
    if (source === '') {
      return { ok: false, reason: `source_profile is empty in [${current.name}]. Name the profile whose credentials assume this role, or remove the line.` };
    }
    if (current.f.credential_source !== undefined) {
      return { ok: false, reason: `[${current.name}] has both source_profile and credential_source; the AWS CLI refuses this. Keep one of them.` };
    }
    if (source === current.name) {
      (notes ??= []).push('source_profile names this profile itself: the AWS CLI then uses its own access keys (kept in ~/.aws/credentials).');
      break;
    }
    if (source === start.name || chain.includes(source)) {
      const path = [start.name, ...chain, source].join(' → ');
      return { ok: false, reason: `source_profile loop: ${path}. The AWS CLI refuses it; point one of them at a profile that has credentials.` };
    }
    const next = byName.get(source);
    if (!next) {
      const via = current === start ? '' : ` (via ${[start.name, ...chain].join(' → ')})`;
      return {
        ok: false,
        reason: `source_profile "${source}"${via} is not in this config. If its keys are in ~/.aws/credentials, add an empty [profile ${source}] section here (the keys stay there); otherwise fix the name.`,
      };
    }
    chain.push(source);
    if (next.bare && !start.bare) (notes ??= []).push(`source_profile "${source}" is a bare [${source}] section, which the AWS CLI does not see.`);
    // botocore: static keys, or no role_arn, end the chain.
    if (next.hadKeys || next.f.role_arn === undefined) break;
    current = next;
  }
  const resolved = chain.length > 0 ? chain : undefined;
  return notes ? { ok: true, chain: resolved, notes } : { ok: true, chain: resolved };
}

interface SsoSettings {
  session: string | undefined;
  startUrl: string | undefined;
  region: string | undefined;
  accountId: string | undefined;
  roleName: string | undefined;
  granted: boolean;
}

function ssoSettings(c: Candidate): SsoSettings | undefined {
  const f = c.f;
  if (f.sso_session !== undefined || f.sso_start_url !== undefined || f.sso_account_id !== undefined || f.sso_role_name !== undefined) {
    return {
      session: clean(f.sso_session),
      startUrl: clean(f.sso_start_url),
      region: clean(f.sso_region),
      accountId: clean(f.sso_account_id),
      roleName: clean(f.sso_role_name),
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

function ssoEntry(c: Candidate, sso: SsoSettings, parsed: ParsedConfig): Outcome {
  const prefix = sso.granted ? 'granted_sso_' : 'sso_';
  let startUrl = sso.startUrl;
  let ssoRegion = sso.region;
  if (sso.session !== undefined) {
    const session = Object.prototype.hasOwnProperty.call(parsed.ssoSessions, sso.session) ? parsed.ssoSessions[sso.session] : undefined;
    if (!session) {
      return skip(`sso_session "${sso.session}" has no [sso-session ${sso.session}] section in this config. Add it (with sso_start_url and sso_region) or fix the name.`);
    }
    const sessionUrl = session.sso_start_url;
    const sessionRegion = session.sso_region;
    if (typeof sessionUrl === 'string') startUrl = clean(sessionUrl);
    if (typeof sessionRegion === 'string') ssoRegion = clean(sessionRegion);
    if (startUrl === undefined) return skip(`[sso-session ${sso.session}] has no sso_start_url; the console link needs it.`);
  }
  const missing: string[] = [];
  if (startUrl === undefined) missing.push(`${prefix}start_url`);
  if (sso.accountId === undefined) missing.push(`${prefix}account_id`);
  if (sso.roleName === undefined) missing.push(`${prefix}role_name`);
  if (missing.length > 0) {
    const typos = missing.map((k) => typoOf(k, c.values)).filter((t): t is string => t !== undefined);
    const hint = typos.length > 0 ? ` Is ${typos.map((t) => `"${t}"`).join(', ')} a typo?` : '';
    return skip(`Incomplete SSO profile: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing, so there is nothing to open.${hint}${c.bare ? ` ${BARE_NOTE(c.name)}` : ''}`);
  }
  if (c.bare) return skip(`${BARE_NOTE(c.name)} SSO settings are only read from [profile ${c.name}].`);
  const url = normaliseStartUrl(startUrl!);
  if (!url) return skip(`${prefix}start_url ${shown(startUrl!)} is not an https:// URL (e.g. https://d-1234567890.awsapps.com/start).`);
  if (!isAccountId(sso.accountId!)) return skip(`Invalid ${prefix}account_id: ${describeBadAccountId(sso.accountId!)}.`);
  const role = sso.roleName!;
  if (!/^[\w+=,.@-]{1,64}$/.test(role)) return skip(`Invalid ${prefix}role_name ${shown(role)}: a permission-set name uses only letters, digits and _+=,.@-.`);
  const draft: Draft = {
    candidate: c,
    kind: 'sso',
    accountId: sso.accountId,
    accountAlias: undefined,
    roleName: role,
    partition: ssoRegion && isRegion(ssoRegion) ? partitionOfRegion(ssoRegion) : 'aws',
    region: undefined,
    sourceProfile: undefined,
    ssoStartUrl: url,
    ssoRegion,
    notes: undefined,
  };
  if (sso.granted) addNote(draft, "Read from Granted's granted_sso_* keys.");
  if (ssoRegion === undefined && !sso.granted) addNote(draft, 'sso_region is missing: the AWS CLI needs it (the console link does not).');
  draft.accountAlias = aliasOf(raw(c, 'aws_account_alias'), draft);
  draft.region = regionOf(c.f.region, draft);
  return { ok: true, entry: draft };
}

/** AWS Extend Switch Roles: aws_account_id (ID or alias) + role_name, or the base's target_role_name. */
function aesrEntry(c: Candidate, byName: Map<string, Candidate>): Outcome {
  const f = c.f;
  const account = clean(f.aws_account_id) ?? '';
  const draft: Draft = {
    candidate: c,
    kind: 'role',
    accountId: undefined,
    accountAlias: undefined,
    roleName: '',
    partition: 'aws',
    region: undefined,
    sourceProfile: undefined,
    ssoStartUrl: undefined,
    ssoRegion: undefined,
    notes: c.bare ? [BARE_NOTE(c.name)] : undefined,
  };
  draft.accountAlias = aliasOf(raw(c, 'aws_account_alias'), draft);
  if (isAccountId(account)) draft.accountId = account;
  else if (/^[\d\s-]+$/.test(account)) {
    // Digits and dashes: an ID, perhaps copied as the console shows it (`1234-5678-9012`).
    const digits = account.replace(/[\s-]/g, '');
    if (!isAccountId(digits)) return skip(`Invalid aws_account_id: ${describeBadAccountId(account)}.`);
    draft.accountId = digits;
    addNote(draft, `aws_account_id "${account}" read as ${digits}.`);
  } else if (isAccountAlias(account)) {
    draft.accountAlias ??= account;
    addNote(draft, `aws_account_id "${account}" is an account alias: the banner recognises this account by its alias only.`);
  } else {
    return skip(`Invalid aws_account_id: ${describeBadAccountId(account)} (nor an account alias).`);
  }

  let roleName = clean(f.role_name);
  draft.region = regionOf(f.region, draft);
  const chain = resolveSourceChain(c, byName);
  if (!chain.ok) return skip(chain.reason);
  if (chain.notes) for (const n of chain.notes) addNote(draft, n);
  draft.sourceProfile = chain.chain;
  const base = chain.chain ? byName.get(chain.chain[0]!) : undefined;
  if (base) {
    // AESR: a target without role_name gets its base's target_role_name, and target_region.
    if (!roleName) roleName = clean(raw(base, 'target_role_name'));
    if (draft.region === undefined) {
      const targetRegion = clean(raw(base, 'target_region'));
      if (targetRegion !== undefined && isRegion(targetRegion)) draft.region = targetRegion;
    }
  }
  if (!roleName) {
    const hint = base ? ` and its source "${base.name}" has no target_role_name` : '';
    return skip(`aws_account_id without role_name${hint}: no role to switch to.${c.bare && !base ? ` ${BARE_NOTE(c.name)}` : ''}`);
  }
  const role = parseRoleName(roleName);
  if (!role.ok) return skip(`Invalid role_name: ${role.reason}.`);
  draft.roleName = role.value.roleName;
  if (draft.region) draft.partition = partitionOfRegion(draft.region);
  return { ok: true, entry: draft };
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

function regionOf(raw: string | undefined, d: Draft): string | undefined {
  if (raw === undefined) return undefined;
  const region = clean(raw);
  if (!region) return undefined;
  if (isRegion(region)) return region;
  addNote(d, `region ${shown(region)} is not an AWS region name; ignored.`);
  return undefined;
}

function aliasOf(raw: string | undefined, d: Draft): string | undefined {
  if (raw === undefined) return undefined;
  const alias = clean(raw);
  if (alias && isAccountAlias(alias)) return alias;
  addNote(d, `aws_account_alias ${shown(raw)} is not an account alias (3–63 of a-z, 0-9, -); ignored.`);
  return undefined;
}

interface Grouped {
  app: string;
  env: Environment;
  envLabel: string;
  isProduction: boolean;
  explicitApp: boolean;
  explicitEnv: boolean;
}

/**
 * App, environment, production, colour and link for every entry. Production is decided
 * last, over the whole catalogue: one production profile on an account makes every
 * profile on that account production.
 */
function finishEntries(drafts: Draft[], bases: ReadonlySet<string>): CatalogueEntry[] {
  const grouped: Grouped[] = new Array(drafts.length);
  for (let i = 0; i < drafts.length; i++) grouped[i] = groupOf(drafts[i]!);

  // Names without an environment word join an app other names established (`cn-cx-build-admin`).
  const knownApps = new Set<string>();
  let unplacedCount = 0;
  for (const g of grouped) {
    if (g.explicitApp) continue;
    if (g.app !== OTHER_APP) knownApps.add(g.app);
    else unplacedCount++;
  }
  if (unplacedCount > 0) placeOthers(drafts, grouped, knownApps, bases);

  // Account evidence: production anywhere on an account makes the whole account production.
  const productionAccounts = new Map<string, string>();
  for (let i = 0; i < drafts.length; i++) {
    if (!grouped[i]!.isProduction) continue;
    const d = drafts[i]!;
    if (d.accountId !== undefined && !productionAccounts.has(d.accountId)) productionAccounts.set(d.accountId, d.candidate.name);
    if (d.accountAlias !== undefined && !productionAccounts.has(d.accountAlias)) productionAccounts.set(d.accountAlias, d.candidate.name);
  }

  // Names with no environment word (`301882015541`, `infra`) take the environment every other
  // profile on their account agrees on.
  const accountEnvs = new Map<string, { env: Environment; envLabel: string; from: string } | null>();
  for (let i = 0; i < drafts.length; i++) {
    const g = grouped[i]!;
    const key = drafts[i]!.accountId ?? drafts[i]!.accountAlias;
    if (g.env === 'other' || g.isProduction || key === undefined) continue;
    const seen = accountEnvs.get(key);
    if (seen === undefined) accountEnvs.set(key, { env: g.env, envLabel: g.envLabel, from: drafts[i]!.candidate.name });
    else if (seen !== null && (seen.env !== g.env || seen.envLabel !== g.envLabel)) accountEnvs.set(key, null);
  }

  const entries: CatalogueEntry[] = new Array(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const g = grouped[i]!;
    if (g.env === 'other' && !g.explicitEnv && !g.isProduction && accountEnvs.size > 0) {
      const key = d.accountId ?? d.accountAlias;
      const agreed = key !== undefined ? accountEnvs.get(key) : undefined;
      if (agreed) {
        g.env = agreed.env;
        g.envLabel = agreed.envLabel;
        addNote(d, `Environment "${agreed.envLabel}" taken from "${agreed.from}", on the same account ${key}.`);
      }
    }
    if (!g.isProduction && productionAccounts.size > 0) {
      const key = d.accountId !== undefined && productionAccounts.has(d.accountId) ? d.accountId : d.accountAlias !== undefined && productionAccounts.has(d.accountAlias) ? d.accountAlias : undefined;
      if (key !== undefined) {
        g.isProduction = true;
        g.env = 'production';
        g.envLabel = 'production';
        addNote(d, `Shown as production: account ${key} also has the production profile "${productionAccounts.get(key)}".`);
      }
    }
    entries[i] = buildEntry(d, g);
  }
  return entries;
}

/** App for names that gave none: a known app they start with, their AESR base, or shared first words. */
function placeOthers(drafts: Draft[], grouped: Grouped[], knownApps: Set<string>, bases: ReadonlySet<string>): void {
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
}

function buildEntry(d: Draft, g: Grouped): CatalogueEntry {
  const color = colorOf(d, g.env);
  const name = d.candidate.name;
  const displayName = truncateDisplayName(name);
  const account = d.accountId ?? d.accountAlias ?? '';
  const home = d.region ? consoleHomeUrl(d.partition, d.region) : undefined;
  const url =
    d.kind === 'sso'
      ? ssoConsoleUrl({ startUrl: d.ssoStartUrl!, accountId: account, permissionSet: d.roleName, destination: home })
      : switchRoleUrl({ partition: d.partition, account, roleName: d.roleName, displayName, color, redirectUri: home });
  const entry: CatalogueEntry = {
    profile: name,
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
  if (d.notes) entry.notes = d.notes;
  return entry;
}

function groupOf(d: Draft): Grouped {
  const c = d.candidate;
  const inferred = inferAppEnv(d.candidate.name);
  let { app, env, envLabel, isProduction } = inferred;
  const explicitApp = clean(raw(c, 'app')) || clean(raw(c, 'group'));
  if (explicitApp) {
    app = explicitApp.length > 64 ? explicitApp.slice(0, 64) : explicitApp;
    if (hasProductionWord(explicitApp)) isProduction = true;
  }
  const explicitEnv = clean(raw(c, 'env'));
  if (explicitEnv) {
    const named = envFromText(explicitEnv);
    if (named) {
      env = named.env;
      envLabel = named.label;
    } else {
      env = 'other';
      envLabel = explicitEnv.toLowerCase().slice(0, 32);
    }
    if (env === 'production') isProduction = true;
    else if (inferred.isProduction) addNote(d, `env = ${explicitEnv} is overridden: the profile name says production.`);
  }
  // Eager: a production role name (`ProdAdmin`) or account alias (`shop-prod`) counts too.
  if (!isProduction) {
    const why = hasProductionWord(d.roleName)
      ? `the role name "${d.roleName}"`
      : d.accountAlias !== undefined && hasProductionWord(d.accountAlias)
        ? `the account alias "${d.accountAlias}"`
        : undefined;
    if (why) {
      isProduction = true;
      addNote(d, `Shown as production: ${why} says production.`);
      env = 'production';
      envLabel = 'production';
    }
  }
  if (isProduction && env !== 'production') {
    // An explicit env or app said otherwise; production wins (the safety rule).
    if (!explicitEnv || !inferred.isProduction) addNote(d, 'Shown as production: a production word appears in it.');
    env = 'production';
    envLabel = 'production';
  }
  return { app, env, envLabel, isProduction, explicitApp: Boolean(explicitApp), explicitEnv: Boolean(explicitEnv) };
}

function colorOf(d: Draft, env: Environment): string {
  const raw = d.candidate.f.color;
  if (raw === undefined) return ENV_COLORS[env];
  const explicit = parseColor(clean(raw) ?? '');
  if (explicit === undefined) addNote(d, `color ${shown(raw)} is not a colour (use rrggbb, #rrggbb or a CSS colour name); the environment colour is used.`);
  if (env === 'production') {
    if (explicit !== undefined && explicit !== PRODUCTION_COLOR) addNote(d, `color ${shown(clean(raw) ?? '')} is not used: production is always red.`);
    return PRODUCTION_COLOR;
  }
  return explicit ?? ENV_COLORS[env];
}
