// A frozen copy of importConfig before issue 12's rewrite (on the frozen old parser), for the
// old-against-new fuzz run only (test/fuzz/parser-differential-fuzz.ts). Nothing else may import it.
// importConfig: pasted ~/.aws/config text → the catalogue the popup and the banner use.
//
// Reading the text is the parser's job (botocore-exact). This module decides, for every
// profile, whether it can open a console and how: a role (`role_arn`, or AWS Extend Switch
// Roles' `aws_account_id` + `role_name`), an IAM Identity Center account (legacy `sso_*` keys,
// `sso_session`, Granted's `granted_sso_*`), or nothing, with a plain reason. Every profile
// ends up in exactly one of `entries` or `skipped`; nothing is dropped silently.
//
// Secrets: the lines stripSecrets removes (keys, tokens, in any syntax) are turned into comment
// lines *before* parsing (same line numbers, and configparser treats a comment line as if it
// were not there), so no secret value ever exists in anything this module produces, including
// the parser's diagnostics.
//
// Speed: a config can hold thousands of profiles, so this reads the parser's sections
// directly (readAwsConfig: no per-section objects, maps or line tables are built for it) and
// keeps one record per profile (Profile) from the section to the finished entry.
import { isAccountAlias, isAccountId } from '../../../src/core/aws-names';
import { describeBadAccountId, parseRoleArnInto, parseRoleName } from '../../../src/core/catalogue/arn';
import { ENV_COLORS, PRODUCTION_COLOR, isRed, parseColor } from '../../../src/core/catalogue/colors';
import { OTHER_APP, envFromText, hasProductionWord, inferAppEnvInto, matchKnownApp, sharedPrefixApps } from './environments';
import { MAX_DISPLAY_NAME, consoleHomeUrl, isAccessPortalHost, isRegion, keptByEncoding, normaliseStartUrl, partitionOfRegion, ssoConsoleUrl, startUrlHost, switchRoleLinkEncoded, truncateDisplayName } from '../../../src/core/catalogue/links';
import { VALUE_NOT_PLAIN, findKey, readAwsConfig, shlexSplit } from '../old-parser/parse-aws-config';
import type { ConfigKeys, ConfigRead, ConfigSection } from '../old-parser/parse-aws-config';
import { SECRET_KEYS, stripSecrets } from '../../../src/core/config/strip-secrets';
import { replaceLoneSurrogates } from '../../../src/core/config/well-formed-text';
import type { Catalogue, CatalogueEntry, Diagnostic, Environment, Partition, RemovedSecrets, SkippedProfile } from '../../../src/core/types';

/**
 * One section that is, or looks meant as, a profile: first what the section says, then the
 * catalogue entry taking shape. One record from start to end (instead of a candidate, a
 * field set, a draft and a grouping per profile) keeps a 10,000-profile import light.
 */
class Profile {
  // --- the section ---
  /** The profile name (`dev` for `[profile dev]`, `default`, or a bare section's name). */
  readonly name: string;
  readonly section: ConfigSection;
  readonly keys: ConfigKeys;
  /** Line of the section header. */
  readonly line: number;
  /** A bare `[name]` section: the AWS CLI ignores it, AWS Extend Switch Roles reads it. */
  readonly bare: boolean;
  /** Access keys were removed from this section (or from [DEFAULT], which every section inherits). */
  hadKeys: boolean;
  // The keys most profiles are checked for, read in one pass; rarer keys are read with `raw()`.
  // A nested map where a string belongs reads as ''.
  role_arn: string | undefined = undefined;
  source_profile: string | undefined = undefined;
  aws_account_id: string | undefined = undefined;
  role_name: string | undefined = undefined;
  region: string | undefined = undefined;
  color: string | undefined = undefined;
  /** The section has keys outside those above (only then does `raw()` look). */
  other = false;
  /** Fields (bits below) whose value may need `clean()`; the others are clean as they are. */
  notPlain = 0;
  /** Cleaned source_profile ('' when written empty). */
  source: string | undefined = undefined;
  /** The profile `source` names (looked up once), null when none has that name. */
  sourceProfileRecord: Profile | null | undefined = undefined;
  /** Names of the profiles whose source_profile names this one, in file order. */
  targets: string[] | undefined = undefined;
  /** An AWS Extend Switch Roles base account (skipped: its targets are the entries). */
  isBase = false;
  /** The warning for a source_profile that is not in the text, added once the entry is made. */
  missingSource: Diagnostic | undefined = undefined;
  /** The warning for an SSO start URL that is not on an AWS access portal host, likewise. */
  portalWarning: Diagnostic | undefined = undefined;

  // --- the entry ---
  kind: 'role' | 'sso' = 'role';
  accountId: string | undefined = undefined;
  accountAlias: string | undefined = undefined;
  roleName = '';
  partition: Partition = 'aws';
  /** The entry's region (checked), unlike `region`, the raw key. */
  entryRegion: string | undefined = undefined;
  sourceProfile: string[] | undefined = undefined;
  ssoStartUrl: string | undefined = undefined;
  ssoRegion: string | undefined = undefined;
  /** Allocated on the first note: most entries have none. */
  notes: string[] | undefined = undefined;
  // Grouping (inferAppEnvInto writes the first four).
  app = OTHER_APP;
  env: Environment = 'other';
  envLabel = 'other';
  isProduction = false;
  explicitApp = false;
  explicitEnv = false;

  constructor(name: string, read: ConfigRead, section: ConfigSection, bare: boolean, hadKeys: boolean) {
    this.name = name;
    this.section = section;
    this.keys = read.keys;
    this.line = section.line;
    this.bare = bare;
    this.hadKeys = hadKeys;
    const keys = read.keys;
    const names = keys.name;
    const values = keys.value;
    const next = keys.next;
    const flags = keys.flags;
    for (let k = section.first; k !== -1; k = next[k]!) {
      const v = values[k]!;
      const value = typeof v === 'string' ? v : '';
      switch (names[k]) {
        case 'role_arn':
          this.role_arn = value;
          if (flags[k] === VALUE_NOT_PLAIN) this.notPlain |= ROLE_ARN;
          break;
        case 'source_profile':
          this.source_profile = value;
          if (flags[k] === VALUE_NOT_PLAIN) this.notPlain |= SOURCE_PROFILE;
          break;
        case 'aws_account_id':
          this.aws_account_id = value;
          if (flags[k] === VALUE_NOT_PLAIN) this.notPlain |= AWS_ACCOUNT_ID;
          break;
        case 'role_name':
          this.role_name = value;
          if (flags[k] === VALUE_NOT_PLAIN) this.notPlain |= ROLE_NAME;
          break;
        case 'region':
          this.region = value;
          if (flags[k] === VALUE_NOT_PLAIN) this.notPlain |= REGION;
          break;
        case 'color':
          this.color = value;
          if (flags[k] === VALUE_NOT_PLAIN) this.notPlain |= COLOR;
          break;
        default:
          this.other = true;
      }
    }
    this.source = this.notPlain & SOURCE_PROFILE ? clean(this.source_profile) : this.source_profile;
  }
}

// Profile.notPlain bits.
const ROLE_ARN = 1;
const SOURCE_PROFILE = 2;
const AWS_ACCOUNT_ID = 4;
const ROLE_NAME = 8;
const REGION = 16;
const COLOR = 32;

/** clean(value) of a Profile field (`bit`): the value itself when the parser saw nothing to clean. */
function cleanField(p: Profile, bit: number, value: string | undefined): string | undefined {
  return p.notPlain & bit ? clean(value) : value;
}

/** A key of the section outside the fixed fields: its string value, '' for a nested map, undefined when absent. */
function raw(p: Profile, key: string): string | undefined {
  if (!p.other) return undefined;
  const keys = p.keys;
  const names = keys.name;
  for (let k = p.section.first; k !== -1; k = keys.next[k]!) {
    if (names[k] === key) {
      const v = keys.value[k]!;
      return typeof v === 'string' ? v : '';
    }
  }
  return undefined;
}

/** A string value of `key` in a section (a nested map counts as absent), or undefined. */
function stringIn(keys: ConfigKeys, section: ConfigSection, key: string): string | undefined {
  const k = findKey(keys, section, key);
  if (k === -1) return undefined;
  const v = keys.value[k]!;
  return typeof v === 'string' ? v : undefined;
}

const BARE_NOTE = (name: string) => `The AWS CLI ignores bare [${name}] sections; use [profile ${name}] for the CLI.`;

/** Keys that make a bare section one of ours to list, although it has no role to open. */
function profileLike(c: Profile): boolean {
  return (
    c.role_arn !== undefined || c.aws_account_id !== undefined || c.role_name !== undefined || c.source_profile !== undefined ||
    raw(c, 'credential_source') !== undefined || raw(c, 'credential_process') !== undefined || raw(c, 'sso_session') !== undefined ||
    raw(c, 'sso_start_url') !== undefined || raw(c, 'sso_account_id') !== undefined || raw(c, 'sso_role_name') !== undefined ||
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
  // Fast path: the parser already stripped the value, and most values carry no comment,
  // quote or second line (one look at each character; values are short).
  const n = value.length;
  if (n === 0) return value;
  const first = value.charCodeAt(0);
  if (first === 0x22 || first === 0x27) return cleanSlow(value);
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0x3b && (c === 0x23 || c === 0x3b || c === 0x0a)) return cleanSlow(value);
  }
  return value;
}

function cleanSlow(value: string): string {
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

const NO_SECRETS: SecretScan = { text: '', removed: [], keyedProfiles: new Set(), keyedBare: new Set(), defaultKeyed: false };

/** Called only when the text carries a secret (readAwsConfig stopped at one). */
function removeSecrets(text: string): SecretScan {
  const scan: SecretScan = { text, removed: [], keyedProfiles: new Set(), keyedBare: new Set(), defaultKeyed: false };
  const { removed } = stripSecrets(text);
  if (removed.length === 0) return scan;
  const lines = new Set<number>();
  for (const r of removed) for (const l of r.lines) lines.add(l);
  scan.text = commentOutLines(text, lines);
  scan.removed = removed;
  for (const r of removed) {
    // Only keys the AWS CLI reads as credentials make a profile one with static keys (which ends
    // a source_profile chain); a commented-out key or a pasted `export` line does not.
    if (r.keys.length === 0) continue;
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

function addNote(d: { notes: string[] | undefined }, note: string): void {
  if (d.notes) d.notes.push(note);
  else d.notes = [note];
}

export function importConfig(text: string): Catalogue {
  const wellFormed = replaceLoneSurrogates(typeof text === 'string' ? text : '');
  try {
    const catalogue = importUnchecked(wellFormed.text);
    if (wellFormed.diagnostics.length === 0) return catalogue;
    return { ...catalogue, diagnostics: [...wellFormed.diagnostics, ...catalogue.diagnostics].sort((a, b) => a.line - b.line) };
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
  // Most configs hold no secret: read them once. The first line that carries one stops that
  // read (before its value is copied anywhere); then the secret lines are turned into
  // comments and the cleaned text is read instead, so nothing below ever sees a secret.
  let read = readAwsConfig(text, true);
  let secrets = NO_SECRETS;
  if (read === null) {
    secrets = removeSecrets(text);
    read = readAwsConfig(secrets.text, false) as ConfigRead;
  }
  const diagnostics: Diagnostic[] = read.diagnostics;
  const ctx: Context = { read, profileOf: [], lastSource: '', lastSourceProfile: null };
  const profiles = collectProfiles(read, secrets, diagnostics, ctx);

  // Who names whom as source (AWS Extend Switch Roles' base accounts list their targets).
  for (const p of profiles) {
    const source = p.source;
    if (source && source !== p.name) {
      const target = sourceOf(p, ctx);
      if (target) (target.targets ??= []).push(p.name);
    }
  }

  const made: Profile[] = [];
  const skipped: SkippedProfile[] = [];
  const bases = new Set<string>();
  // Skipped profiles that name an account still say whether that account is production.
  const skippedWithAccount: Profile[] = [];
  let warnedLines: Set<number> | undefined;
  for (const p of profiles) {
    let reason: string | undefined;
    if (p.bare && read.profiles.getHashed(p.section.hash, p.name) !== undefined) {
      // Profiles come first (what the CLI sees): this bare section is shadowed by a profile.
      reason = `Bare [${p.name}] has the same name as [profile ${p.name}], which is imported instead; rename one of them.`;
    } else {
      reason = classify(p, ctx);
      if (p.isBase) bases.add(p.name);
    }
    if (reason !== undefined) {
      skipped.push({ profile: p.name, reason, line: p.line });
      if (p.accountId !== undefined || p.accountAlias !== undefined) skippedWithAccount.push(p);
      continue;
    }
    made.push(p);
    for (const warning of [p.missingSource, p.portalWarning]) {
      if (warning !== undefined && !(warnedLines ??= new Set()).has(warning.line)) {
        warnedLines.add(warning.line);
        diagnostics.push(warning);
      }
    }
  }

  const entries = finishEntries(made, bases, read.text, skippedWithAccount);
  return { entries, skipped, diagnostics: diagnostics.sort((a, b) => a.line - b.line), removedSecrets: secrets.removed };
}

interface Context {
  read: ConfigRead;
  /** Section ordinal (its index in read.sections) → its profile record, if it is one. */
  profileOf: (Profile | undefined)[];
  /** One-entry cache of `lookup` (consecutive profiles often share their source). */
  lastSource: string;
  lastSourceProfile: Profile | null;
}

/**
 * The profile a source_profile name means: the profile of that name (what the CLI sees),
 * else a bare section of that name (AWS Extend Switch Roles' base accounts, credentials-file
 * sections) that is one of ours; null when there is none.
 */
function lookup(name: string, ctx: Context): Profile | null {
  if (name === ctx.lastSource && name !== '') return ctx.lastSourceProfile;
  const read = ctx.read;
  let found: Profile | null = null;
  const profile = read.profiles.get(name);
  if (profile !== undefined) found = ctx.profileOf[profile.ordinal] ?? null;
  else {
    const section = read.byRawName.get(name);
    if (section !== undefined && section.kind === 'otherSections') found = ctx.profileOf[section.ordinal] ?? null;
  }
  ctx.lastSource = name;
  ctx.lastSourceProfile = found;
  return found;
}

/** lookup(p.source), once per profile. */
function sourceOf(p: Profile, ctx: Context): Profile | null {
  if (p.sourceProfileRecord === undefined) p.sourceProfileRecord = p.source ? lookup(p.source, ctx) : null;
  return p.sourceProfileRecord;
}

/** Profiles and the bare sections that look like profiles, in file order. */
function collectProfiles(read: ConfigRead, secrets: SecretScan, diagnostics: Diagnostic[], ctx: Context): Profile[] {
  const profiles: Profile[] = [];
  for (const section of read.profiles.items) {
    const name = section.outName;
    const hadKeys = secrets.defaultKeyed || (secrets.keyedProfiles.size > 0 && secrets.keyedProfiles.has(name));
    const p = new Profile(name, read, section, false, hadKeys);
    ctx.profileOf[section.ordinal] = p;
    profiles.push(p);
  }
  const bare: Profile[] = [];
  for (const section of read.sections) {
    if (section.kind !== 'otherSections') continue;
    const name = section.outName;
    const keyed = secrets.keyedBare.size > 0 && secrets.keyedBare.has(name);
    const p = new Profile(name, read, section, true, keyed || secrets.defaultKeyed);
    const like = profileLike(p);
    // A credentials-file section with the name of a config profile is that profile's keys
    // (botocore merges the two files): mark the profile instead of listing the section.
    if (keyed && !like && read.profiles.get(name) !== undefined) {
      markKeyed(profiles, name);
      continue;
    }
    if (like || keyed) {
      ctx.profileOf[section.ordinal] = p;
      bare.push(p);
    }
  }
  addSecretDiagnostics(secrets, read, diagnostics);
  return mergeByLine(profiles, bare);
}

/** The profile `name` had access keys in a pasted credentials section. (Its own function: no closure in the loop above.) */
function markKeyed(profiles: Profile[], name: string): void {
  const profile = profiles.find((q) => q.name === name);
  if (profile) profile.hadKeys = true;
}

/** Both lists in file order (each usually is already; sorted only when not). */
function mergeByLine(a: Profile[], b: Profile[]): Profile[] {
  const sorted = (list: Profile[]) => {
    for (let i = 1; i < list.length; i++) if (list[i]!.line < list[i - 1]!.line) return list.sort((x, y) => x.line - y.line);
    return list;
  };
  if (b.length === 0) return sorted(a);
  if (a.length === 0) return sorted(b);
  const x = sorted(a);
  const y = sorted(b);
  const out: Profile[] = new Array(x.length + y.length);
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
function addSecretDiagnostics(secrets: SecretScan, read: ConfigRead, diagnostics: Diagnostic[]): void {
  const removed = secrets.removed;
  if (removed.length === 0) return;
  // A credentials-file section holds the keys themselves (lines before any section are not one).
  const isBare = (r: RemovedSecrets) => r.keys.length > 0 && r.section !== '' && sectionTarget(r.section).kind === 'bare';
  const configProfiles = read.profiles.items.filter((s) => s.outName !== 'default').length;
  const credentialsContext = removed.some(isBare) || configProfiles === 0;
  const credentials = credentialsContext ? removed.filter((r) => isBare(r) || (r.section === 'default' && r.keys.length > 0)) : [];
  const others = removed.filter((r) => !credentials.includes(r));
  const names = (list: RemovedSecrets[]) => list.map((r) => (r.section === '' ? 'the lines before any [section]' : `[${r.section}]`)).join(', ');
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

/** Why `c` cannot open a console, or undefined when it can (then its entry fields are set). */
function classify(c: Profile, ctx: Context): string | undefined {
  if (c.role_arn !== undefined) {
    const arn = parseRoleArnInto(cleanField(c, ROLE_ARN, c.role_arn) ?? '', c);
    if (arn !== undefined) return `Invalid role_arn ${shown(c.role_arn)}: ${arn}.`;
    if (raw(c, 'external_id') !== undefined) {
      return "The role needs an external ID (external_id), which the console's switch-role page cannot send; use the AWS CLI for this role.";
    }
    const chain = resolveSourceChain(c, ctx);
    if (typeof chain === 'string') return chain;
    const chainNotes = pendingChainNotes;
    c.kind = 'role';
    c.sourceProfile = chain;
    if (c.bare) addNote(c, BARE_NOTE(c.name));
    if (c.aws_account_id !== undefined || c.role_name !== undefined) addNote(c, 'role_arn is used; aws_account_id/role_name in the same section are ignored.');
    if (chainNotes) for (const n of chainNotes) addNote(c, n);
    c.entryRegion = regionOf(c);
    c.accountAlias = aliasOf(raw(c, 'aws_account_alias'), c);
    return undefined;
  }

  const sso = ssoSettings(c);
  if (sso) return ssoEntry(c, sso, ctx.read);

  if (c.aws_account_id !== undefined) {
    const targets = c.targets;
    if (targets && targets.length > 0) {
      const more = targets.length > 1 ? ` and ${targets.length - 1} more` : '';
      c.isBase = true;
      return `Base account of ${targets[0]}${more} (AWS Extend Switch Roles: you sign in here, then switch to those); not a role to switch to.`;
    }
    return aesrEntry(c, ctx);
  }

  // Nothing to open. Say what the profile is instead.
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

/** Notes of the last successful resolveSourceChain, for its caller to add (undefined when none). */
let pendingChainNotes: string[] | undefined;

/**
 * The source_profile chain, nearest first, following botocore's AssumeRoleProvider: a source
 * that has static keys, or no role_arn, ends the chain; a profile may name itself only to use
 * its own access keys; any other revisit is a loop (a string: the reason to skip). Notes go
 * to `pendingChainNotes`.
 *
 * A self-reference is accepted: the AWS CLI then uses the profile's own access keys, which live
 * in ~/.aws/credentials (never in the pasted config), exactly as every other source profile's
 * keys are assumed to. So is a source that is not in the text at all: most people keep the
 * profile that holds their keys in ~/.aws/credentials, and the console switch needs only the
 * account and the role. The chain then ends with that name, the entry gets a note and the
 * source_profile line a warning.
 */
function resolveSourceChain(start: Profile, ctx: Context): string[] | undefined | string {
  pendingChainNotes = undefined;
  if (start.source === undefined) return undefined;
  const chain: string[] = [];
  let notes: string[] | undefined;
  let current = start;
  for (;;) {
    const source = current.source;
    if (source === undefined) break;
    if (source === '') return `source_profile is empty in [${current.name}]. Name the profile whose credentials assume this role, or remove the line.`;
    if (raw(current, 'credential_source') !== undefined) {
      return `[${current.name}] has both source_profile and credential_source; the AWS CLI refuses this. Keep one of them.`;
    }
    if (source === current.name) {
      (notes ??= []).push('source_profile names this profile itself: the AWS CLI then uses its own access keys (kept in ~/.aws/credentials).');
      break;
    }
    if (source === start.name || chain.includes(source)) {
      const path = [start.name, ...chain, source].join(' → ');
      return `source_profile loop: ${path}. The AWS CLI refuses it; point one of them at a profile that has credentials.`;
    }
    const next = sourceOf(current, ctx);
    if (!next) {
      const via = current === start ? '' : ` (via ${[start.name, ...chain].join(' → ')})`;
      chain.push(source);
      (notes ??= []).push(`source profile "${source}"${via} is not in this file — probably in ~/.aws/credentials; the console does not need it.`);
      const at = current.section;
      const k = findKey(current.keys, at, 'source_profile');
      const line = k === -1 ? at.line : current.keys.line[k]!;
      start.missingSource = {
        line,
        severity: 'warning',
        message: `Line ${line}: source_profile "${source}" in [${at.name}] is not in this file — probably in ~/.aws/credentials; the console does not need it.`,
      };
      break;
    }
    chain.push(source);
    if (next.bare && !start.bare) (notes ??= []).push(`source_profile "${source}" is a bare [${source}] section, which the AWS CLI does not see.`);
    // botocore: static keys, or no role_arn, end the chain.
    if (next.hadKeys || next.role_arn === undefined) break;
    current = next;
  }
  pendingChainNotes = notes;
  return chain.length > 0 ? chain : undefined;
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

function ssoEntry(c: Profile, sso: SsoSettings, read: ConfigRead): string | undefined {
  const prefix = sso.granted ? 'granted_sso_' : 'sso_';
  let startUrl = sso.startUrl;
  let ssoRegion = sso.region;
  /** Where the start URL was written, for a warning about its host. */
  let urlAt: { section: ConfigSection; key: string } = { section: c.section, key: `${prefix}start_url` };
  if (sso.session !== undefined) {
    const session = read.ssoSessions.get(sso.session);
    if (!session) {
      return `sso_session "${sso.session}" has no [sso-session ${sso.session}] section in this config. Add it (with sso_start_url and sso_region) or fix the name.`;
    }
    const sessionUrl = stringIn(read.keys, session, 'sso_start_url');
    const sessionRegion = stringIn(read.keys, session, 'sso_region');
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
      const typo = typoOf(k, c);
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
    const k = findKey(read.keys, urlAt.section, urlAt.key);
    const line = k === -1 ? c.line : read.keys.line[k]!;
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
function aesrEntry(c: Profile, ctx: Context): string | undefined {
  const account = cleanField(c, AWS_ACCOUNT_ID, c.aws_account_id) ?? '';
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

  let roleName = cleanField(c, ROLE_NAME, c.role_name);
  c.entryRegion = regionOf(c);
  const chain = resolveSourceChain(c, ctx);
  if (typeof chain === 'string') return chain;
  if (pendingChainNotes) for (const n of pendingChainNotes) addNote(c, n);
  c.sourceProfile = chain;
  const base = chain ? (sourceOf(c, ctx) ?? undefined) : undefined;
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

/** A key of the section within two edits of `wanted` (`so_start_url` for `sso_start_url`). */
function typoOf(wanted: string, c: Profile): string | undefined {
  const keys = c.keys;
  for (let k = c.section.first; k !== -1; k = keys.next[k]!) {
    const key = keys.name[k]!;
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

/** The profile's region key, checked (a note when it is not a region). */
function regionOf(d: Profile): string | undefined {
  const raw = d.region;
  if (raw === undefined) return undefined;
  const region = cleanField(d, REGION, raw);
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

/**
 * App, environment, production, colour and link for every entry. Production is decided
 * last, over the whole catalogue: one production profile on an account makes every
 * profile on that account production.
 */
function finishEntries(made: Profile[], bases: ReadonlySet<string>, text: string, skippedWithAccount: readonly Profile[]): CatalogueEntry[] {
  let unplacedCount = 0;
  let productions = 0;
  let unknownEnvs = 0;
  for (const p of made) {
    groupOf(p, text);
    if (!p.explicitApp && p.app === OTHER_APP) unplacedCount++;
    if (p.isProduction) productions++;
    else if (p.env === 'other' && !p.explicitEnv) unknownEnvs++;
  }

  // Names without an environment word join an app other names established (`cn-cx-build-admin`).
  if (unplacedCount > 0) {
    const knownApps = new Set<string>();
    for (const p of made) if (!p.explicitApp && p.app !== OTHER_APP) knownApps.add(p.app);
    placeOthers(made, knownApps, bases);
  }

  // Account evidence: production anywhere on an account makes the whole account production.
  // (Only built when some entry is production and some is not: otherwise it changes nothing.)
  const productionAccounts = new Map<string, string>();
  if (productions < made.length) {
    const add = (p: Profile, label: string) => {
      if (p.accountId !== undefined && !productionAccounts.has(p.accountId)) productionAccounts.set(p.accountId, label);
      if (p.accountAlias !== undefined && !productionAccounts.has(p.accountAlias)) productionAccounts.set(p.accountAlias, label);
    };
    if (productions > 0) for (const p of made) if (p.isProduction) add(p, `the production profile "${p.name}"`);
    // A production role that could not be imported (it needs an external ID, say) still marks its account.
    for (const p of skippedWithAccount) if (saysProduction(p)) add(p, `the production profile "${p.name}" (skipped)`);
  }

  // Names with no environment word (`301882015541`, `infra`) take the environment every other
  // profile on their account agrees on. (Only built when some entry has no environment.)
  const accountEnvs = new Map<string, { env: Environment; envLabel: string; from: string } | null>();
  if (unknownEnvs > 0) {
    for (const p of made) {
      const key = p.accountId ?? p.accountAlias;
      if (p.env === 'other' || p.isProduction || key === undefined) continue;
      const seen = accountEnvs.get(key);
      if (seen === undefined) accountEnvs.set(key, { env: p.env, envLabel: p.envLabel, from: p.name });
      else if (seen !== null && (seen.env !== p.env || seen.envLabel !== p.envLabel)) accountEnvs.set(key, null);
    }
  }

  const entries: CatalogueEntry[] = new Array(made.length);
  // Profiles of one account usually stand together: remember the last account looked up.
  let lastAccount: string | undefined;
  let lastKey: string | undefined;
  for (let i = 0; i < made.length; i++) {
    const p = made[i]!;
    if (p.env === 'other' && !p.explicitEnv && !p.isProduction && accountEnvs.size > 0) {
      const key = p.accountId ?? p.accountAlias;
      const agreed = key !== undefined ? accountEnvs.get(key) : undefined;
      if (agreed) {
        p.env = agreed.env;
        p.envLabel = agreed.envLabel;
        addNote(p, `Environment "${agreed.envLabel}" taken from "${agreed.from}", on the same account ${key}.`);
      }
    }
    if (!p.isProduction && productionAccounts.size > 0) {
      let key: string | undefined;
      if (p.accountId !== undefined && p.accountAlias === undefined && p.accountId === lastAccount) key = lastKey;
      else {
        key = p.accountId !== undefined && productionAccounts.has(p.accountId) ? p.accountId : p.accountAlias !== undefined && productionAccounts.has(p.accountAlias) ? p.accountAlias : undefined;
        if (p.accountId !== undefined && p.accountAlias === undefined) {
          lastAccount = p.accountId;
          lastKey = key;
        }
      }
      if (key !== undefined) {
        p.isProduction = true;
        p.env = 'production';
        p.envLabel = 'production';
        addNote(p, `Shown as production: account ${key} also has ${productionAccounts.get(key)}.`);
      }
    }
    entries[i] = buildEntry(p);
  }
  return entries;
}

/** A skipped profile's own words say production: its name, env, app or group key, role name or alias. */
function saysProduction(p: Profile): boolean {
  for (const text of [p.name, raw(p, 'env'), raw(p, 'environment'), raw(p, 'app'), raw(p, 'group'), p.roleName, p.accountAlias]) {
    if (text !== undefined && hasProductionWord(clean(text) ?? '')) return true;
  }
  return repeatedProductionKey(p) !== undefined;
}

const GROUPING_KEYS: ReadonlySet<string> = new Set(['env', 'environment', 'app', 'group']);

/** `key = value` of a repeated grouping key (ignored: the first one is read) that says production. */
function repeatedProductionKey(p: Profile): string | undefined {
  const dropped = p.section.dropped;
  if (dropped === null) return undefined;
  for (let i = 0; i + 1 < dropped.length; i += 2) {
    const value = clean(dropped[i + 1]);
    if (GROUPING_KEYS.has(dropped[i]!) && value && hasProductionWord(value)) return `${dropped[i]} = ${value}`;
  }
  return undefined;
}

/** App for names that gave none: a known app they start with, their AESR base, or shared first words. */
function placeOthers(made: Profile[], knownApps: Set<string>, bases: ReadonlySet<string>): void {
  const unplaced: Profile[] = [];
  for (const p of made) {
    if (p.explicitApp || p.app !== OTHER_APP) continue;
    const match = knownApps.size > 0 ? matchKnownApp(p.name, knownApps) : undefined;
    if (match) {
      p.app = match.app;
      if (p.env === 'other' && !p.explicitEnv) p.envLabel = match.envLabel;
      continue;
    }
    // AWS Extend Switch Roles shows a base account's targets together: so do we.
    const base = p.sourceProfile?.[0];
    if (base !== undefined && bases.has(base)) {
      p.app = base.toLowerCase();
      continue;
    }
    unplaced.push(p);
  }
  // Still unplaced names that start with the same words (`cnscca-audit`, `cnscca-logs`) form an app.
  for (const shared of sharedPrefixApps(unplaced.map((p) => p.name))) {
    const p = unplaced[shared.index]!;
    p.app = shared.app;
    if (p.env === 'other' && !p.explicitEnv) p.envLabel = shared.envLabel;
  }
}

/**
 * encodeURIComponent of the account. Every entry's account is a checked 12-digit ID or IAM
 * alias (a-z, 0-9, -), which encoding leaves as it is; anything else is encoded.
 */
function encodedAccount(account: string): string {
  return keptByEncoding(account, 0, account.length) ? account : encodeURIComponent(account);
}

/** encodeURIComponent of the display name; most names need none (the parser saw their characters). */
function encodedDisplayName(p: Profile, displayName: string): string {
  return displayName.length <= MAX_DISPLAY_NAME && p.section.outNameKept ? displayName : encodeURIComponent(displayName);
}

function buildEntry(p: Profile): CatalogueEntry {
  const color = colorOf(p, p.env);
  const name = p.name;
  const displayName = truncateDisplayName(name);
  const account = p.accountId ?? p.accountAlias ?? '';
  const home = p.entryRegion ? consoleHomeUrl(p.partition, p.entryRegion) : undefined;
  const url =
    p.kind === 'sso'
      ? ssoConsoleUrl({ startUrl: p.ssoStartUrl!, accountId: account, permissionSet: p.roleName, destination: home })
      : switchRoleLinkEncoded(p.partition, encodedAccount(account), p.roleName, encodedDisplayName(p, displayName), color, p.isProduction, home);
  const entry: CatalogueEntry = {
    profile: name,
    kind: p.kind,
    roleName: p.roleName,
    partition: p.partition,
    app: p.app,
    env: p.env,
    envLabel: p.envLabel,
    isProduction: p.isProduction,
    color,
    url,
    displayName,
    line: p.line,
  };
  if (p.accountId !== undefined) entry.accountId = p.accountId;
  if (p.accountAlias !== undefined) entry.accountAlias = p.accountAlias;
  if (p.entryRegion !== undefined) entry.region = p.entryRegion;
  if (p.sourceProfile) entry.sourceProfile = p.sourceProfile;
  if (p.ssoStartUrl !== undefined) entry.ssoStartUrl = p.ssoStartUrl;
  if (p.ssoRegion !== undefined) entry.ssoRegion = p.ssoRegion;
  if (p.notes) entry.notes = p.notes;
  return entry;
}

function groupOf(p: Profile, text: string): void {
  // Straight from the config text when the name is a piece of it (a flat string: faster to read).
  const section = p.section;
  if (section.outFrom >= 0) inferAppEnvInto(text, p, section.outFrom, section.outTo);
  else inferAppEnvInto(p.name, p);
  const inferredProduction = p.isProduction;
  const group = clean(raw(p, 'group'));
  const explicitApp = clean(raw(p, 'app')) || group;
  if (explicitApp) {
    p.app = explicitApp.length > 64 ? explicitApp.slice(0, 64) : explicitApp;
    // `group` counts for production even when `app` names the app (`app = shop`, `group = prod`).
    if (hasProductionWord(explicitApp) || (group !== undefined && hasProductionWord(group))) p.isProduction = true;
  }
  // `environment = production` is what people write when they do not know our short key.
  const explicitEnv = clean(raw(p, 'env')) || clean(raw(p, 'environment'));
  if (explicitEnv) {
    const named = envFromText(explicitEnv);
    if (named) {
      p.env = named.env;
      p.envLabel = named.label;
    } else {
      p.env = 'other';
      p.envLabel = explicitEnv.toLowerCase().slice(0, 32);
    }
    if (p.env === 'production') p.isProduction = true;
    else if (inferredProduction) addNote(p, `env = ${explicitEnv} is overridden: the profile name says production.`);
  }
  // A repeated `env = prod` under `env = dev` (an error the user is told about) still counts.
  const repeated = repeatedProductionKey(p);
  if (repeated !== undefined && !p.isProduction) {
    p.isProduction = true;
    addNote(p, `Shown as production: the repeated ${repeated} says production.`);
    p.env = 'production';
    p.envLabel = 'production';
  }
  // Eager: a production role name (`ProdAdmin`) or account alias (`shop-prod`) counts too.
  if (!p.isProduction) {
    const why = hasProductionWord(p.roleName)
      ? `the role name "${p.roleName}"`
      : p.accountAlias !== undefined && hasProductionWord(p.accountAlias)
        ? `the account alias "${p.accountAlias}"`
        : undefined;
    if (why) {
      p.isProduction = true;
      addNote(p, `Shown as production: ${why} says production.`);
      p.env = 'production';
      p.envLabel = 'production';
    }
  }
  if (p.isProduction && p.env !== 'production') {
    // An explicit env or app said otherwise; production wins (the safety rule).
    if (!explicitEnv || !inferredProduction) addNote(p, 'Shown as production: a production word appears in it.');
    p.env = 'production';
    p.envLabel = 'production';
  }
  p.explicitApp = Boolean(explicitApp);
  p.explicitEnv = Boolean(explicitEnv);
}

// Colours repeat (`color = ff0000` on hundreds of profiles): parse each written value once.
const parsedColors = new Map<string, string | null>();
function cachedParseColor(value: string): string | undefined {
  let parsed = parsedColors.get(value);
  if (parsed === undefined) {
    parsed = parseColor(value) ?? null;
    if (parsedColors.size >= 1000) parsedColors.clear();
    parsedColors.set(value, parsed);
  }
  return parsed ?? undefined;
}

function colorOf(p: Profile, env: Environment): string {
  const raw = p.color;
  if (raw === undefined) return ENV_COLORS[env];
  const explicit = cachedParseColor(cleanField(p, COLOR, raw) ?? '');
  if (explicit === undefined) addNote(p, `color ${shown(raw)} is not a colour (use rrggbb, #rrggbb or a CSS colour name); the environment colour is used.`);
  if (env === 'production') {
    // Nothing to say when the user asked for a red already (`color = red` on a prod profile).
    if (explicit !== undefined && !isRed(explicit)) addNote(p, `color ${shown(clean(raw) ?? '')} is not used: production is always red.`);
    return PRODUCTION_COLOR;
  }
  return explicit ?? ENV_COLORS[env];
}
