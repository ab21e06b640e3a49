// The importer's record of one profile: what its section says (read once from the parser's
// result), then the catalogue entry taking shape as the stages fill it in. Also the small
// helpers every importer stage uses to read a value and word a note.
import type { ConfigSection } from '../config/parse-aws-config';
import type { ConfigValue, Diagnostic, EntryBase, Environment, Partition } from '../types';
import { OTHER_APP } from './environments';

export class Profile {
  // --- the section ---
  /** The profile name (`dev` for `[profile dev]`, `default`, or a bare section's name). */
  readonly name: string;
  readonly section: ConfigSection;
  /** Line of the section header. */
  readonly line: number;
  /** A bare `[name]` section: the AWS CLI ignores it, AWS Extend Switch Roles reads it. */
  readonly bare: boolean;
  /** Access keys were removed from this section (or from [DEFAULT], which every section inherits). */
  hadKeys: boolean;
  /** classify() found no role, SSO account or account ID: nothing to open, by design. */
  noRole = false;
  // The keys most profiles are checked for (a nested map where a string belongs reads as '').
  readonly role_arn: string | undefined;
  readonly source_profile: string | undefined;
  readonly aws_account_id: string | undefined;
  readonly role_name: string | undefined;
  readonly region: string | undefined;
  readonly color: string | undefined;
  /** Cleaned source_profile ('' when written empty). */
  readonly source: string | undefined;
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
  /** Role entries: the account at the root of the chain (base-account.ts). */
  base: EntryBase | undefined = undefined;
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

  constructor(section: ConfigSection, hadKeys: boolean) {
    this.name = section.name;
    this.section = section;
    this.line = section.line;
    this.bare = section.kind === 'otherSections';
    this.hadKeys = hadKeys;
    const values = section.values;
    this.role_arn = stringOrEmpty(values, 'role_arn');
    this.source_profile = stringOrEmpty(values, 'source_profile');
    this.aws_account_id = stringOrEmpty(values, 'aws_account_id');
    this.role_name = stringOrEmpty(values, 'role_name');
    this.region = stringOrEmpty(values, 'region');
    this.color = stringOrEmpty(values, 'color');
    this.source = clean(this.source_profile);
  }
}

/** A value of `key` as a string ('' for a nested map), undefined when absent. */
function stringOrEmpty(values: Record<string, ConfigValue>, key: string): string | undefined {
  // Read first: most keys asked for are absent, and an absent key reads undefined (a value is
  // never undefined), so only a key found needs the own-property check (`constructor` is found
  // on the prototype of every section's values).
  const v = values[key];
  if (v === undefined || !Object.hasOwn(values, key)) return undefined;
  return typeof v === 'string' ? v : '';
}

/** A key of the profile's section: its string value, '' for a nested map, undefined when absent. */
export function raw(p: Profile, key: string): string | undefined {
  return stringOrEmpty(p.section.values, key);
}

/** A string value of `key` in a section (a nested map counts as absent), or undefined. */
export function stringIn(section: ConfigSection, key: string): string | undefined {
  const v = Object.hasOwn(section.values, key) ? section.values[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/**
 * A value without a trailing `# note` / `; note`. The AWS CLI keeps such comments in the value
 * (the parser warns about it), but AWS Extend Switch Roles strips them and its users write them
 * (`role_name = Manager ; overrides target role name`), and what the user meant is clear.
 */
export function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Most values carry no comment, quote or second line (the parser already stripped them).
  const n = value.length;
  if (n === 0) return value;
  const first = value.charCodeAt(0);
  if (first === 0x22 || first === 0x27) return cleanSlow(value);
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x23 || c === 0x3b || c === 0x0a) return cleanSlow(value);
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
export function shown(value: string): string {
  let v = value;
  const nl = v.indexOf('\n');
  if (nl >= 0) v = `${v.slice(0, nl)}…`;
  if (v.length > 80) v = `${v.slice(0, 77)}…`;
  return `"${v}"`;
}

export function addNote(d: { notes: string[] | undefined }, note: string): void {
  if (d.notes) d.notes.push(note);
  else d.notes = [note];
}

export const BARE_NOTE = (name: string) => `The AWS CLI ignores bare [${name}] sections; use [profile ${name}] for the CLI.`;

/** The profiles of one import, and how a name finds one. */
export interface Profiles {
  /** The profiles by name (what the CLI sees: the later of two sections of one name). */
  byName: Map<string, Profile>;
  /** The bare sections that look like profiles, by name. */
  bareByName: Map<string, Profile>;
  /** [sso-session NAME] sections by name (the later of two). */
  ssoSessions: Map<string, ConfigSection>;
  /** Both kinds, in file order. */
  inOrder: Profile[];
  /** Profiles other than `default`. */
  configProfiles: number;
}

/** The profile p.source names, looked up once per profile. */
export function sourceOf(p: Profile, profiles: Profiles): Profile | null {
  if (p.sourceProfileRecord === undefined) p.sourceProfileRecord = p.source ? lookup(p.source, profiles) : null;
  return p.sourceProfileRecord;
}

/**
 * The profile a source_profile name means: the profile of that name (what the CLI sees), else
 * a bare section of that name (AWS Extend Switch Roles' base accounts, credentials-file
 * sections) that is one of ours; null when there is none.
 */
function lookup(name: string, profiles: Profiles): Profile | null {
  return profiles.byName.get(name) ?? profiles.bareByName.get(name) ?? null;
}
