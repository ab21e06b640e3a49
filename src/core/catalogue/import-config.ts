// importConfig: pasted ~/.aws/config text → the catalogue the popup and the banner use.
//
// Data flows one way, each stage taking only what the stage before it made:
// 1. secrets removed (maskSecrets, once): the lines stripSecrets removes become comment lines
//    (same line numbers; configparser reads a comment line as if it were not there), so no
//    secret value exists in anything below, the parser's diagnostics included;
// 2. parsed (readConfig): the parser's public result, botocore-exact sections and problems;
// 3. profiles resolved: the sections that are, or look meant as, profiles, each one record
//    (import-profile.ts), who names whom as source_profile, and then each classified: a role
//    (`role_arn`, or AWS Extend Switch Roles' `aws_account_id` + `role_name`), an IAM Identity
//    Center account (legacy `sso_*` keys, `sso_session`, Granted's `granted_sso_*`), or
//    nothing, with a plain reason (classify-profile.ts);
// 4. entries: grouped, coloured and linked (import-entries.ts).
// Every profile ends up in exactly one of `entries` or `skipped`; nothing is dropped silently.
import { maskSecrets, SECRET_KEYS } from '../config/strip-secrets';
import { readConfig, sectionTarget, type ConfigSection, type ReadConfig } from '../config/parse-aws-config';
import { replaceLoneSurrogates } from '../config/well-formed-text';
import type { Catalogue, Diagnostic, RemovedSecrets, SkippedProfile } from '../types';
import { classify } from './classify-profile';
import { baseOf, type BasesBySource } from './base-account';
import { finishEntries } from './import-entries';
import { Profile, sourceOf, type Profiles } from './import-profile';

export function importConfig(text: string): Catalogue {
  const wellFormed = replaceLoneSurrogates(typeof text === 'string' ? text : '');
  try {
    const catalogue = importText(wellFormed.text);
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

/** What stage 1 hands on: the text without secrets, and what was removed (by section). */
interface Masked {
  text: string;
  removed: RemovedSecrets[];
}

/** What stage 2 hands on. */
interface Parsed {
  masked: Masked;
  read: ReadConfig;
}

function importText(text: string): Catalogue {
  return catalogueOf(parse(maskSecrets(text)));
}

function parse(masked: Masked): Parsed {
  return { masked, read: readConfig(masked.text) };
}

/** Stages 3 and 4: profiles resolved and classified, then the entries. */
function catalogueOf({ masked, read }: Parsed): Catalogue {
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const keyed = keyedSections(masked.removed);
  const profiles = collectProfiles(read, keyed);
  addSecretDiagnostics(masked.removed, profiles, diagnostics);
  linkSources(profiles);

  const made: Profile[] = [];
  const skipped: SkippedProfile[] = [];
  const bases = new Set<string>();
  // Skipped profiles that name an account still say whether that account is production.
  const skippedWithAccount: Profile[] = [];
  const warnedLines = new Set<number>();
  const basesBySource: BasesBySource = new Map();
  for (const p of profiles.inOrder) {
    let reason: string | undefined;
    if (p.bare && profiles.byName.has(p.name)) {
      // Profiles come first (what the CLI sees): this bare section is shadowed by a profile.
      reason = `Bare [${p.name}] has the same name as [profile ${p.name}], which is imported instead; rename one of them.`;
    } else {
      reason = classify(p, profiles);
      if (p.isBase) bases.add(p.name);
    }
    if (reason !== undefined) {
      // [default] without a role holds the CLI's defaults (region, output, keys): not a problem.
      skipped.push(p.name === 'default' && p.noRole && !p.bare ? { profile: p.name, reason, line: p.line, expected: true } : { profile: p.name, reason, line: p.line });
      if (p.accountId !== undefined || p.accountAlias !== undefined) skippedWithAccount.push(p);
      continue;
    }
    if (p.kind === 'role') p.base = baseOf(p, profiles, basesBySource);
    made.push(p);
    addWarningOnce(p.missingSource, warnedLines, diagnostics);
    addWarningOnce(p.portalWarning, warnedLines, diagnostics);
  }

  const entries = finishEntries(made, bases, skippedWithAccount);
  return { entries, skipped, diagnostics: diagnostics.sort((a, b) => a.line - b.line), removedSecrets: masked.removed };
}

/** An entry's warning, unless one was added for its line already. */
function addWarningOnce(warning: Diagnostic | undefined, warnedLines: Set<number>, diagnostics: Diagnostic[]): void {
  if (warning === undefined || warnedLines.has(warning.line)) return;
  warnedLines.add(warning.line);
  diagnostics.push(warning);
}

/** Sections whose access keys were removed: only keys the AWS CLI reads as credentials count. */
interface KeyedSections {
  profiles: Set<string>;
  bare: Set<string>;
  /** [DEFAULT] had keys: every section inherits them. */
  defaults: boolean;
}

/**
 * Which profiles and bare sections had access keys (a commented-out key or a pasted `export`
 * line does not make a profile one with static keys, which ends a source_profile chain).
 */
function keyedSections(removed: readonly RemovedSecrets[]): KeyedSections {
  const keyed: KeyedSections = { profiles: new Set(), bare: new Set(), defaults: false };
  for (const r of removed) {
    if (r.keys.length === 0) continue;
    if (r.section === 'DEFAULT') keyed.defaults = true;
    else {
      const target = targetOfRemoved(r.section);
      if (target.kind === 'profile') keyed.profiles.add(target.name);
      else if (target.kind === 'bare') keyed.bare.add(target.name);
    }
  }
  return keyed;
}

/**
 * Which profile (or bare section) a removed line's section makes, as build_profile_map reads
 * its name; a name the CLI drops that has no prefix (`sso_sessions`) still counts as bare here.
 */
function targetOfRemoved(rawName: string): { kind: 'profile' | 'bare' | 'none'; name: string } {
  const target = sectionTarget(rawName);
  if (target.kind === 'profiles') return { kind: 'profile', name: target.name };
  return { kind: target.prefix === null ? 'bare' : 'none', name: rawName };
}

/** Keys that make a bare section one of ours to list, although it has no role to open. */
const PROFILE_LIKE_KEYS = [
  'role_arn', 'aws_account_id', 'role_name', 'source_profile', 'credential_source', 'credential_process', 'sso_session', 'sso_start_url',
  'sso_account_id', 'sso_role_name', 'external_id', 'mfa_serial', 'granted_sso_account_id', 'granted_sso_start_url',
];

function profileLike(section: ConfigSection): boolean {
  for (const key of PROFILE_LIKE_KEYS) if (Object.hasOwn(section.values, key)) return true;
  return false;
}

/**
 * The profiles (what the CLI sees: the later of two sections of one name) and the bare
 * sections that look like profiles, in file order.
 */
function collectProfiles(read: ReadConfig, keyed: KeyedSections): Profiles {
  const bareSections: ConfigSection[] = [];
  const profiles: Profiles = { byName: new Map(), bareByName: new Map(), ssoSessions: new Map(), inOrder: [], configProfiles: 0 };
  for (const section of read.sections) {
    // A later section of a name replaces an earlier one (keeping its position), as in botocore's
    // maps. Straight into byName: a second map of sections costs more than the rare repeated
    // name's one extra Profile.
    if (section.kind === 'profiles') profiles.byName.set(section.name, new Profile(section, keyed.defaults || keyed.profiles.has(section.name)));
    else if (section.kind === 'ssoSessions') profiles.ssoSessions.set(section.name, section);
    else if (section.kind === 'otherSections') bareSections.push(section);
  }
  profiles.configProfiles = profiles.byName.size - (profiles.byName.has('default') ? 1 : 0);
  for (const section of bareSections) {
    const keys = keyed.bare.has(section.name);
    const like = profileLike(section);
    // A credentials-file section with the name of a config profile is that profile's keys
    // (botocore merges the two files): mark the profile instead of listing the section.
    const profile = profiles.byName.get(section.name);
    if (keys && !like && profile !== undefined) {
      profile.hadKeys = true;
      continue;
    }
    if (like || keys) profiles.bareByName.set(section.name, new Profile(section, keys || keyed.defaults));
  }
  // Header lines are distinct, so this order is the file's.
  profiles.inOrder = [...profiles.byName.values(), ...profiles.bareByName.values()].sort((a, b) => a.line - b.line);
  return profiles;
}

/** Who names whom as source (AWS Extend Switch Roles' base accounts list their targets). */
function linkSources(profiles: Profiles): void {
  for (const p of profiles.inOrder) {
    const source = p.source;
    if (!source || source === p.name) continue;
    const target = sourceOf(p, profiles);
    if (target) (target.targets ??= []).push(p.name);
  }
}

/**
 * One warning for a pasted credentials file (bare `[name]` sections, or a `[default]` with no
 * config profiles around it, holding keys) and one for keys inside config profiles.
 */
function addSecretDiagnostics(removed: readonly RemovedSecrets[], profiles: Profiles, diagnostics: Diagnostic[]): void {
  if (removed.length === 0) return;
  // A credentials-file section holds the keys themselves (lines before any section are not one).
  const isBare = (r: RemovedSecrets) => r.keys.length > 0 && r.section !== '' && targetOfRemoved(r.section).kind === 'bare';
  const credentialsContext = removed.some(isBare) || profiles.configProfiles === 0;
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

/**
 * importConfig's stages, in order, each run on what the one before it made (npm run bench
 * times each alone): secrets removed, parsed, then profiles resolved into entries.
 */
export const IMPORT_STAGES: readonly { name: string; run(input: unknown): unknown }[] = [
  { name: 'secrets removed', run: (text) => maskSecrets(text as string) },
  { name: 'parsed', run: (masked) => parse(masked as Masked) },
  { name: 'profiles and entries', run: (parsed) => catalogueOf(parsed as Parsed) },
];
