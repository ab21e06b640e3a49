// Stage 4 of the parser, botocore's build_profile_map: each section's raw name says which map
// it goes to. `profile NAME` (shell-split into exactly two words; the first only has to start
// with "profile"), `sso-session NAME` and `services NAME` go to their maps under NAME,
// `default` is the profile `default`, and any other name is kept as it is (`otherSections`).
// A later section of the same map and name replaces an earlier one (the first keeps its
// position, like a Python dict). Warnings mark names the CLI reads otherwise than meant.
import type { ParsedConfig, SectionLocation, SectionMap } from '../types';
import { isPySpace, pyStrip } from './config-scanner';
import { DiagnosticList, quote, setOwn } from './diagnostic-list';
import type { ConfigSection, SectionKind } from './config-section';
import type { RawConfig } from './read-sections';

const PREFIXES: ReadonlyArray<readonly [string, SectionKind, string]> = [
  ['profile', 'profiles', 'profile'],
  ['sso-session', 'ssoSessions', 'SSO session'],
  ['services', 'services', 'services section'],
];

/** Where build_profile_map puts a raw section name. */
export interface SectionTarget {
  /** The map, or null when botocore drops the section. */
  kind: SectionKind | null;
  /** The name inside that map (the raw name when dropped). */
  name: string;
  /** The `profile`/`sso-session`/`services` prefix the raw name starts with, if any. */
  prefix: string | null;
  /** shlex tokens of a prefixed name; null when shlex fails or there is no prefix. */
  tokens: string[] | null;
}

/** build_profile_map's decision for one raw section name. */
export function sectionTarget(rawName: string): SectionTarget {
  const prefix = PREFIXES.find(([p]) => rawName.startsWith(p));
  if (prefix !== undefined) {
    const tokens = shlexSplit(rawName);
    const two = tokens !== null && tokens.length === 2;
    return { kind: two ? prefix[1] : null, name: two ? (tokens[1] as string) : rawName, prefix: prefix[0], tokens };
  }
  if (rawName === 'default') return { kind: 'profiles', name: 'default', prefix: null, tokens: null };
  // build_profile_map stores its own 'sso_sessions' key last, overwriting a section of that name.
  return { kind: rawName === 'sso_sessions' ? null : 'otherSections', name: rawName, prefix: null, tokens: null };
}

/**
 * Python's `shlex.split(s)` (POSIX mode, whitespace split, no comments): whitespace is only
 * space, tab, CR and LF; quotes are removed and may glue onto words (`a"b c"` is `ab c`);
 * a backslash escapes the next character outside quotes, and only `"` or `\` inside double
 * quotes (elsewhere it stays); single quotes escape nothing; `""` is an empty token.
 * Returns null where shlex raises ValueError (unclosed quote, trailing backslash).
 */
export function shlexSplit(s: string): string[] | null {
  const tokens: string[] = [];
  const n = s.length;
  let i = 0;
  let token = '';
  let inToken = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isShlexSpace(c)) {
      i++;
      if (inToken) tokens.push(token);
      token = '';
      inToken = false;
      continue;
    }
    inToken = true;
    const read = c === 0x22 || c === 0x27 ? quotedPart(s, i) : c === 0x5c ? escapedPart(s, i) : wordPart(s, i);
    if (read === null) return null;
    token += read.part;
    i = read.end;
  }
  if (inToken) tokens.push(token);
  return tokens;
}

/** shlex whitespace: space, tab, CR, LF. */
function isShlexSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

interface ShlexPart {
  part: string;
  end: number;
}

/** A backslash outside quotes: the next character as it is ("No escaped character" at the end). */
function escapedPart(s: string, i: number): ShlexPart | null {
  return i + 1 >= s.length ? null : { part: s.charAt(i + 1), end: i + 2 };
}

/** Ordinary characters up to the next space, quote or backslash. */
function wordPart(s: string, i: number): ShlexPart {
  let j = i + 1;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if (isShlexSpace(d) || d === 0x5c || d === 0x22 || d === 0x27) break;
    j++;
  }
  return { part: s.slice(i, j), end: j };
}

/** A quoted part starting at s[i] ("No closing quotation" when it does not end). */
function quotedPart(s: string, i: number): ShlexPart | null {
  const quoteChar = s.charCodeAt(i);
  const n = s.length;
  let part = '';
  for (let j = i + 1; ; ) {
    if (j >= n) return null;
    const q = s.charCodeAt(j);
    if (q === quoteChar) return { part, end: j + 1 };
    if (q === 0x5c && quoteChar === 0x22) {
      if (j + 1 >= n) return null; // "No escaped character"
      const e = s.charCodeAt(j + 1);
      part += e === 0x22 || e === 0x5c ? s[j + 1] : s.slice(j, j + 2);
      j += 2;
      continue;
    }
    let k = j + 1;
    while (k < n) {
      const d = s.charCodeAt(k);
      if (d === quoteChar || (d === 0x5c && quoteChar === 0x22)) break;
      k++;
    }
    part += s.slice(j, k);
    j = k;
  }
}

/** Stage 4: build_profile_map's decision for every section (its kind and name), with the warnings about section names. */
export function classifySections(raw: RawConfig, diags: DiagnosticList): void {
  const lastOfName = { profiles: new Map(), ssoSessions: new Map(), services: new Map() } as Record<Exclude<SectionKind, 'otherSections'>, Map<string, ConfigSection>>;
  for (const section of raw.sections) {
    const target = sectionTarget(section.header);
    warnSectionName(section, target, diags);
    const kind = target.kind;
    if (kind !== null && kind !== 'otherSections') {
      const earlier = lastOfName[kind].get(target.name);
      if (earlier !== undefined) warnSameName(section, earlier, kind, target.name, diags);
      lastOfName[kind].set(target.name, section);
    }
    section.kind = kind;
    section.name = target.name;
  }
  const defaultsLine = raw.defaultsLine;
  if (defaultsLine !== 0) {
    diags.add('upper-default', defaultsLine, 'warning', () =>
      `Line ${defaultsLine}: [DEFAULT] in upper case is not the default profile; the AWS CLI copies its keys into every section. Write [default] for the default profile.`,
    );
  }
}

/** botocore's maps of the classified sections: a later section of a map and name replaces an earlier one. */
export function profileMaps(sections: readonly ConfigSection[]): Omit<ParsedConfig, 'diagnostics'> {
  const maps = { profiles: {}, ssoSessions: {}, services: {}, otherSections: {} } as Record<SectionKind, SectionMap>;
  const locations = { profiles: {}, ssoSessions: {}, services: {}, otherSections: {} } as Record<SectionKind, Record<string, SectionLocation>>;
  for (const section of sections) {
    if (section.kind === null) continue;
    // Re-assigning keeps the first position and takes the later value, like a Python dict.
    setOwn(maps[section.kind], section.name, section.values);
    // A copy (spread defines own properties, `__proto__` too): the section's own record stays the parser's.
    setOwn(locations[section.kind], section.name, { line: section.line, keys: { ...section.keyLines } });
  }
  return { ...maps, locations };
}

function warnSameName(section: ConfigSection, earlier: ConfigSection, kind: SectionKind, name: string, diags: DiagnosticList): void {
  const kindName = kind === 'profiles' ? 'profile' : kind === 'ssoSessions' ? 'SSO session' : 'services section';
  diags.add('same-profile', section.line, 'warning', () =>
    `Line ${section.line}: [${section.header}] defines the ${kindName} ${quote(name)} again (also on line ${earlier.line}); the AWS CLI uses only this later one. Delete or rename one of them.`,
  );
}

/** A prefixed name the CLI ignores or reads otherwise than written; a bare name that looks meant as a profile. */
function warnSectionName(section: ConfigSection, target: SectionTarget, diags: DiagnosticList): void {
  if (target.prefix !== null) return warnPrefixedName(section, target, diags);
  if (target.kind !== 'otherSections') return;
  // Cheap pre-check: every near-miss below starts with profile/sso-session/services/default
  // in some case, after optional whitespace.
  const nearMiss = mayBeNearMiss(section.header);
  if (section.profileKey === null && !nearMiss) return;
  const stripped = pyStrip(section.header);
  if (nearMiss) warnNearMiss(section, stripped, diags);
  else warnBareProfile(section, stripped, diags);
}

function warnPrefixedName(section: ConfigSection, target: SectionTarget, diags: DiagnosticList): void {
  const { header: name, line: at } = section;
  const prefix = target.prefix as string;
  const what = prefix === 'profile' ? 'profile' : prefix === 'sso-session' ? 'SSO session' : 'services section';
  const tokens = target.tokens;
  let message: string | null = null;
  if (tokens === null) {
    message = `Line ${at}: the AWS CLI ignores ${quote(`[${name}]`)} because of an unclosed quote or a trailing backslash. Fix the quoting, e.g. [${prefix} "my name"].`;
  } else if (target.kind === null) {
    const names = tokens.length - 1;
    const hint = name.includes(']')
      ? 'remove the text after the first "]" on that line'
      : tokens[0] !== prefix
        ? `write [${prefix} NAME] with a space after "${prefix}"`
        : names === 0
          ? `add the name: [${prefix} NAME]`
          : `quote a name that has spaces: [${prefix} "${tokens.slice(1).join(' ')}"]`;
    message = `Line ${at}: the AWS CLI ignores ${quote(`[${name}]`)}: a ${what} needs exactly one name after "${prefix}" (this has ${names}). To use it, ${hint}.`;
  } else if (tokens[0] !== prefix) {
    message = `Line ${at}: the AWS CLI reads ${quote(`[${name}]`)} as the ${what} ${quote(target.name)} because the name starts with "${prefix}". Write [${prefix} ${target.name}] to make that clear.`;
  } else if (target.name === '') {
    message = `Line ${at}: ${quote(`[${name}]`)} defines a ${what} with an empty name. Give it a name.`;
  }
  if (message !== null) {
    const text = message;
    diags.add('section-name', at, 'warning', () => text);
  }
}

/** `[Profile x]`, `[ default ]` and the like; else the bare-section warning. */
function warnNearMiss(section: ConfigSection, stripped: string, diags: DiagnosticList): void {
  const { header: name, line: at } = section;
  const lower = stripped.toLowerCase();
  for (const [prefix, , what] of PREFIXES) {
    if (lower.startsWith(prefix) && (lower.length === prefix.length || isPySpace(lower.charCodeAt(prefix.length)))) {
      const reason = stripped !== name ? 'it has spaces inside the brackets' : `"${prefix}" must be lower case`;
      const fixed = `[${prefix}${stripped.slice(prefix.length)}]`;
      diags.add('section-name', at, 'warning', () => `Line ${at}: ${quote(`[${name}]`)} is not a ${what} because ${reason}; the AWS CLI ignores it. Write ${quote(fixed)}.`);
      return;
    }
  }
  if (lower === 'default') {
    const reason = stripped !== name ? 'it has spaces inside the brackets' : '"default" must be lower case';
    diags.add('section-name', at, 'warning', () => `Line ${at}: ${quote(`[${name}]`)} is not the default profile because ${reason}; the AWS CLI ignores it. Write [default].`);
    return;
  }
  warnBareProfile(section, stripped, diags);
}

/** A bare section with a CLI profile key: the CLI ignores it, although it looks meant for the CLI. */
function warnBareProfile(section: ConfigSection, stripped: string, diags: DiagnosticList): void {
  const key = section.profileKey;
  if (key === null) return;
  diags.add('bare-section', section.line, 'warning', () =>
    `Line ${section.line}: the AWS CLI ignores ${quote(`[${section.header}]`)} (only [default] and [profile NAME] are profiles), although it has ${quote(key)}. Write [profile ${stripped}] if the CLI should use it.`,
  );
}

/**
 * Could a bare name be a near-miss of a section kind (`[Profile x]`, `[ default ]`)? True when,
 * after leading spaces, it starts with one of the prefixes or `default` in any case; also when
 * a non-ASCII character gets in the way of telling (the exact check then decides).
 */
function mayBeNearMiss(name: string): boolean {
  let a = 0;
  while (a < name.length && isPySpace(name.charCodeAt(a))) a++;
  for (const word of NEAR_MISS_WORDS) if (startsWithFolded(name, a, word)) return true;
  return false;
}

const NEAR_MISS_WORDS = ['profile', 'sso-session', 'services', 'default'];

function startsWithFolded(name: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if (at + i >= name.length) return false;
    let c = name.charCodeAt(at + i);
    if (c > 0x7f) return true;
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}
