// A frozen copy of the parser before issue 12's rewrite, for the old-against-new fuzz run only
// (test/fuzz/parser-differential-fuzz.ts). Nothing else may import it.
// parseAwsConfig: read ~/.aws/config text exactly as the AWS CLI does.
//
// The reference is botocore: `raw_config_parse(path)` (Python's RawConfigParser, then
// `_parse_nested` for values that start with a newline) followed by `build_profile_map`.
// `profiles`, `ssoSessions`, `services` and `otherSections` are what those produce for the
// same text; parser-differential.test.ts checks that against the real botocore.
//
// Where botocore rejects the whole file, this parser still returns everything that is
// valid (so the UI can import it) and adds an `error` diagnostic per problem. The
// best-effort rules where the CLI would have given up:
// - a key before any section header is ignored;
// - a header that repeats an earlier section continues that earlier section (which keeps
//   its position and line); keys the earlier block already has are ignored;
// - a key repeated within one block of a section: the first one is kept;
// - a line without '=' or ':' (or with nothing before it) is ignored; as in configparser,
//   lines indented below it still continue the key before it;
// - a nested (`s3 =`) line without '=' is left out of the nested map;
// - a leading byte-order mark is ignored.
// Warnings mark what the CLI accepts silently but a person rarely means.
//
// Output maps are plain objects; a section or key named `__proto__` is stored as an own
// property. Look names up with Object.hasOwn (a profile may be called `constructor`).
//
// Two stages, because importConfig reads configs of 10,000 profiles and must be fast:
// readAwsConfig reads the text into compact tables (sections; every key in a few parallel
// arrays; hash indexes by name) with all diagnostics, and parseAwsConfig builds botocore's
// maps from them. importConfig reads the tables directly and never builds the maps.

import type { ConfigValue, Diagnostic, ParsedConfig, Severity } from '../../../src/core/types';
import { afterHeader, countLines, isPyLineBoundary, isPySpace, keyInSlot, keyTag, lineText, optionKey, optionKeySlot, pyStrip, rawKey, scanConfigLines, setKeyTag, startsWithBom } from './config-scanner';
import type { ScannedLine } from './config-scanner';
import { SECRET_KEY_NAMES, SecretLineFinder, nestedSecretKey } from './secret-lines';

/** Keys that make a bare `[name]` section look like it was meant as a CLI profile. */
const PROFILE_KEYS = new Set([
  'role_arn',
  'source_profile',
  'credential_source',
  'credential_process',
  'mfa_serial',
  'external_id',
  'sso_session',
  'sso_start_url',
  'sso_account_id',
  'sso_role_name',
]);

/** Keys the AWS CLI reads from a profile or sso-session (for "did you mean" warnings on near-misses). */
const KNOWN_KEYS = new Set([
  'region',
  'output',
  'role_arn',
  'source_profile',
  'credential_source',
  'credential_process',
  'mfa_serial',
  'external_id',
  'role_session_name',
  'duration_seconds',
  'web_identity_token_file',
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'ca_bundle',
  'cli_pager',
  'cli_binary_format',
  'endpoint_url',
  'max_attempts',
  'retry_mode',
  'services',
  'include_profile',
]);

/** The most [DEFAULT] values readAwsConfig copies into sections (keys × sections). */
export const MAX_INHERITED_VALUES = 1_000_000;

/** At most this many diagnostics of one kind are listed; the rest are summarised in one line. */
const MAX_PER_KIND = 25;

/** What the parser needs to know about one lower-cased key; computed once per distinct key. */
interface KeyFacts {
  /** The AWS CLI reads this key (no typo warning). */
  known: boolean;
  /** The known key this one is one edit away from, for the typo warning. */
  typo: string | null;
  /** Makes a bare section look like it was meant as a CLI profile. */
  profileKey: boolean;
  secret: boolean;
}

// Keys come from config-scanner's table, one shared string per distinct key, so this Map
// hits a cached hash; bounded like that table.
const keyFactsCache = new Map<string, KeyFacts>();

function factsOf(key: string): KeyFacts {
  let facts = keyFactsCache.get(key);
  if (facts === undefined) {
    const known = KNOWN_KEYS.has(key);
    facts = { known, typo: known ? null : nearKnownKey(key), profileKey: PROFILE_KEYS.has(key), secret: SECRET_KEY_NAMES.has(key) };
    if (keyFactsCache.size >= 4096) keyFactsCache.clear();
    keyFactsCache.set(key, facts);
  }
  return facts;
}

type Kind = 'profiles' | 'ssoSessions' | 'services' | 'otherSections';

/**
 * One section of the text (all blocks of a repeated header together), as the parser keeps it
 * before building the output objects. Its keys are a chain through {@link ConfigKeys}.
 */
export class ConfigSection {
  /** Index in ConfigRead.sections. */
  readonly ordinal: number;
  /** The raw header name. */
  readonly name: string;
  /** Line of the first header. */
  readonly line: number;
  /** Line of the header block being read now (differs from `line` when the header repeats). */
  blockLine: number;
  /** Not a profile, SSO session or services section by name (a bare `[name]`). */
  bare = false;
  /** The first key of a bare section that is a CLI profile key (for the bare-section warning). */
  profileKey: string | null = null;
  /** build_profile_map's output map for this section, or null when botocore drops it. */
  kind: Kind | null = null;
  /** Name inside that map (profile name, session name, raw name). */
  outName: string;
  /** hashName(outName) (0 for a section botocore drops). */
  hash = 0;
  /** outName is the text's characters [outFrom, outTo) (-1 when shlex made it of other characters). */
  outFrom = -1;
  outTo = -1;
  /** outName has only characters encodeURIComponent leaves as they are (links need no encoding). */
  outNameKept = false;
  /** The `profile`/`sso-session`/`services` prefix the raw name starts with, if any. */
  readonly prefix: string | null;
  /** shlex tokens of a prefixed name read the slow way; null when shlex fails, or not needed. */
  tokens: string[] | null = null;
  /** A prefixed name of the plain form `prefix name` (no quotes or escapes): nothing to warn about. */
  readonly plainName: boolean;
  /** The section of the same kind and outName before this one (build_profile_map keeps only the later). */
  sameName: ConfigSection | null = null;
  /** First and last key (indices into ConfigKeys), -1 when none; keys in the order written. */
  first = -1;
  last = -1;
  count = 0;
  /** Key → index, built once a section has many keys (duplicate checks stay linear). */
  index: Map<string, number> | null = null;
  /** Repeated keys the section ignores (an error: the CLI rejects the file), as key, value pairs. */
  dropped: string[] | null = null;

  constructor(ordinal: number, name: string, line: number, prefix: string | null, plainName: boolean) {
    this.ordinal = ordinal;
    this.name = name;
    this.line = line;
    this.blockLine = line;
    this.outName = name;
    this.prefix = prefix;
    this.plainName = plainName;
  }
}

/**
 * Every key of every section in one set of parallel arrays (one slot per key, in the order
 * read; [DEFAULT] keys a section inherits are appended to it). Far fewer objects than a map
 * per section, and the output objects are built from it only by parseAwsConfig.
 */
export class ConfigKeys {
  count = 0;
  name: string[];
  value: ConfigValue[];
  line: Int32Array;
  /** Next key of the same section, or -1. */
  next: Int32Array;
  /**
   * VALUE_NOT_PLAIN when the value may carry more than the setting itself: a '#' or ';', a
   * leading quote, or more lines (importConfig cleans only those).
   */
  flags: Uint8Array;

  constructor(capacity: number) {
    // Allocated at the expected size (not grown one push at a time); only the first `count` are set.
    this.name = new Array<string>(capacity);
    this.value = new Array<ConfigValue>(capacity);
    this.line = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  add(name: string, value: ConfigValue, line: number, flags: number): number {
    const k = this.count;
    if (k === this.line.length) {
      const lines = new Int32Array(k * 2);
      lines.set(this.line);
      this.line = lines;
      const next = new Int32Array(k * 2);
      next.set(this.next);
      this.next = next;
      const more = new Uint8Array(k * 2);
      more.set(this.flags);
      this.flags = more;
    }
    this.flags[k] = flags;
    this.name[k] = name;
    this.value[k] = value;
    this.line[k] = line;
    this.next[k] = -1;
    this.count = k + 1;
    return k;
  }
}

/** What the text holds, before parseAwsConfig turns it into botocore's maps. */
export interface ConfigRead {
  /** The text read. */
  text: string;
  /** Every section except [DEFAULT], in order of first appearance. */
  sections: ConfigSection[];
  keys: ConfigKeys;
  /**
   * Sections by raw header name, except plain `[profile name]`-style ones (those are found
   * through their map; no other raw name can equal theirs). Bare sections are looked up here.
   */
  byRawName: ConfigSectionIndex;
  /** build_profile_map's maps: name → the section whose values win (the later one). */
  profiles: ConfigSectionIndex;
  ssoSessions: ConfigSectionIndex;
  services: ConfigSectionIndex;
  diagnostics: Diagnostic[];
}

// A random seed per run, so no pasted text can be made of colliding names on purpose.
const FNV_START = (0x811c9dc5 ^ (Math.random() * 0x7fffffff)) | 0;

/** FNV-1a over text[from, to) (equals hashName of that slice). */
function hashRange(text: string, from: number, to: number): number {
  let h = FNV_START;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

function hashName(name: string): number {
  return hashRange(name, 0, name.length);
}

/**
 * Sections by a name, in order of first insertion; setting a name again keeps its position
 * and takes the later section (a Python dict, or a JS object, does the same). An open-
 * addressing table over hashes computed from the text: V8's Map pays more per insertion
 * than this whole lookup, and a config has one name per section.
 */
export class ConfigSectionIndex {
  private slots = new Int32Array(64).fill(-1);
  private readonly hashes: number[] = [];
  private readonly names: string[] = [];
  /** The sections, in order of first insertion of their name. */
  readonly items: ConfigSection[] = [];

  get size(): number {
    return this.items.length;
  }

  /** The section stored under `name`, or undefined. */
  get(name: string): ConfigSection | undefined {
    const i = this.find(hashName(name), name);
    return i === -1 ? undefined : this.items[i];
  }

  /** Item index of `name` (whose hash is `hash`), or -1. */
  find(hash: number, name: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const i = this.slots[slot] as number;
      if (i === -1) return -1;
      if (this.hashes[i] === hash && this.names[i] === name) return i;
    }
  }

  /** Stores `section` under `name`; returns the section it replaces, if any. */
  set(hash: number, name: string, section: ConfigSection): ConfigSection | undefined {
    return this.setAt(this.find(hash, name), hash, name, section);
  }

  /** set() when find(hash, name) is known to be `i`. */
  setAt(i: number, hash: number, name: string, section: ConfigSection): ConfigSection | undefined {
    if (i !== -1) {
      const previous = this.items[i];
      this.items[i] = section;
      return previous;
    }
    this.add(hash, name, section);
    return undefined;
  }

  /** The section under `name` when its hash (hashName) is known. */
  getHashed(hash: number, name: string): ConfigSection | undefined {
    const i = this.find(hash, name);
    return i === -1 ? undefined : this.items[i];
  }

  /** Adds a name that is not in the index yet. */
  add(hash: number, name: string, section: ConfigSection): void {
    const index = this.items.length;
    this.items.push(section);
    this.hashes.push(hash);
    this.names.push(name);
    if (index * 2 >= this.slots.length) this.grow();
    else this.place(hash, index);
  }

  private place(hash: number, index: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = index;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let i = 0; i < this.items.length; i++) this.place(this.hashes[i] as number, i);
  }
}

/** Sections with more keys than this get a Map for duplicate checks; fewer are scanned. */
const LINEAR_KEYS = 8;

/** Index of `key` in `section`, or -1. */
export function findKey(keys: ConfigKeys, section: ConfigSection, key: string): number {
  if (section.index !== null) return section.index.get(key) ?? -1;
  const names = keys.name;
  const next = keys.next;
  for (let k = section.first; k !== -1; k = next[k] as number) if (names[k] === key) return k;
  return -1;
}

/** See ConfigKeys.flags. */
export const VALUE_NOT_PLAIN = 1;

/** The flags of a value the parser did not see character by character (inherited from [DEFAULT]). */
function valueFlags(value: ConfigValue): number {
  if (typeof value !== 'string') return 0;
  const first = value.charCodeAt(0);
  if (first === 0x22 || first === 0x27) return VALUE_NOT_PLAIN;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x23 || c === 0x3b || c === 0x0a) return VALUE_NOT_PLAIN;
  }
  return 0;
}

function addKey(keys: ConfigKeys, section: ConfigSection, key: string, value: ConfigValue, line: number, flags: number): number {
  const k = keys.add(key, value, line, flags);
  if (section.last === -1) section.first = k;
  else keys.next[section.last] = k;
  section.last = k;
  section.count++;
  if (section.index !== null) section.index.set(key, k);
  else if (section.count > LINEAR_KEYS) {
    const index = new Map<string, number>();
    for (let i = section.first; i !== -1; i = keys.next[i] as number) if (!index.has(keys.name[i] as string)) index.set(keys.name[i] as string, i);
    section.index = index;
  }
  return k;
}

/** A key of [DEFAULT], kept raw because botocore parses it once per section that inherits it. */
interface DefaultOption {
  key: string;
  line: number;
  first: string;
  more: string[] | null;
  moreLines: number[] | null;
}

/** Collects diagnostics, at most MAX_PER_KIND per kind, so a pasted binary cannot flood the UI. */
class DiagnosticList {
  private readonly items: Diagnostic[] = [];
  private readonly counts = new Map<string, { count: number; severity: Severity; firstHidden: number }>();

  private lastLine = 0;
  private lastSeverity: Severity = 'error';

  /**
   * Counts one problem of `kind`; true when it is to be listed, and then the caller passes its
   * message to put(). (The message is only built for problems that are listed, and no closure
   * is made per line.)
   */
  take(kind: string, line: number, severity: Severity): boolean {
    const seen = this.counts.get(kind);
    if (!seen) {
      this.counts.set(kind, { count: 1, severity, firstHidden: 0 });
    } else {
      seen.count++;
      if (seen.count > MAX_PER_KIND) {
        if (seen.firstHidden === 0) seen.firstHidden = line;
        return false;
      }
    }
    this.lastLine = line;
    this.lastSeverity = severity;
    return true;
  }

  /** The message of the problem take() just said is listed. */
  put(message: string): void {
    this.items.push({ line: this.lastLine, severity: this.lastSeverity, message });
  }

  finish(): Diagnostic[] {
    for (const seen of this.counts.values()) {
      if (seen.count > MAX_PER_KIND) {
        const hidden = seen.count - MAX_PER_KIND;
        this.items.push({
          line: seen.firstHidden,
          severity: seen.severity,
          message: `Line ${seen.firstHidden}: ${hidden} more problem${hidden === 1 ? '' : 's'} like the ones above, from here on, are not listed; fix those first.`,
        });
      }
    }
    // Stable sort: by line, keeping the order problems were found within a line.
    return this.items.sort((a, b) => a.line - b.line);
  }
}

/** Sets an own property even for the key `__proto__` (section names and keys are user text). */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A short, quoted excerpt of user text for a message; long token-like runs (possible secrets) are elided. */
function quote(text: string): string {
  let t = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  t = t.replace(/[A-Za-z0-9/+=]{20,}/g, '…');
  return `"${t}"`;
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
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) {
      i++;
      if (inToken) {
        tokens.push(token);
        token = '';
        inToken = false;
      }
      continue;
    }
    inToken = true;
    if (c === 0x5c /* \ */) {
      if (i + 1 >= n) return null; // "No escaped character"
      token += s[i + 1];
      i += 2;
    } else if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      i++;
      for (;;) {
        if (i >= n) return null; // "No closing quotation"
        const q = s.charCodeAt(i);
        if (q === c) {
          i++;
          break;
        }
        if (q === 0x5c && c === 0x22) {
          if (i + 1 >= n) return null; // "No escaped character"
          const e = s.charCodeAt(i + 1);
          token += e === 0x22 || e === 0x5c ? s[i + 1] : s.slice(i, i + 2);
          i += 2;
        } else {
          // Copy the run of ordinary characters in one slice.
          let j = i + 1;
          while (j < n) {
            const d = s.charCodeAt(j);
            if (d === c || (d === 0x5c && c === 0x22)) break;
            j++;
          }
          token += s.slice(i, j);
          i = j;
        }
      }
    } else {
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 0x20 || d === 0x09 || d === 0x0d || d === 0x0a || d === 0x5c || d === 0x22 || d === 0x27) break;
        j++;
      }
      token += s.slice(i, j);
      i = j;
    }
  }
  if (inToken) tokens.push(token);
  return tokens;
}

const PREFIXES: ReadonlyArray<readonly [string, Kind, string]> = [
  ['profile', 'profiles', 'profile'],
  ['sso-session', 'ssoSessions', 'SSO session'],
  ['services', 'services', 'services section'],
];

/** shlex whitespace: space, tab, CR, LF. */
function isShlexSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** The `profile`/`sso-session`/`services` prefix the raw name at text[from] starts with, or null. */
function prefixAt(text: string, from: number): string | null {
  const first = text.charCodeAt(from);
  if (first === 0x70 /* p */) return text.startsWith('profile', from) ? 'profile' : null;
  if (first !== 0x73 /* s */) return null;
  if (text.startsWith('sso-session', from)) return 'sso-session';
  return text.startsWith('services', from) ? 'services' : null;
}

function kindOfPrefix(prefix: string): 'profiles' | 'ssoSessions' | 'services' {
  return prefix === 'profile' ? 'profiles' : prefix === 'sso-session' ? 'ssoSessions' : 'services';
}

// Result of plainSecondWord (module state, so the hot path allocates nothing).
let plainStart = 0;
let plainEnd = 0;
let plainHash = 0;
/** The name just hashed (plainSecondWord, hashHeaderName) has only characters encodeURIComponent keeps. */
let nameKeptByUriEncoding = false;

/**
 * For `prefix name` where the name has no quote or backslash (nearly every real header), the
 * name is exactly shlex.split's second token: true, with plainStart/plainEnd/plainHash set
 * (the hash as hashName computes it). False for anything else (then shlex decides): no
 * space after the prefix, quotes, escapes, more than one name. Reads text[from, to), the
 * part of the header after the prefix.
 */
function plainSecondWord(text: string, from: number, to: number): boolean {
  let i = from;
  if (i >= to || !isShlexSpace(text.charCodeAt(i))) return false;
  while (i < to && isShlexSpace(text.charCodeAt(i))) i++;
  const start = i;
  let h = FNV_START;
  let kept = true;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) break;
    if (c === 0x22 || c === 0x27 || c === 0x5c) return false;
    h = Math.imul(h ^ c, 16777619);
    if (kept && !(c < 0x80 && URI_KEPT[c] === 1)) kept = false;
    i++;
  }
  const end = i;
  if (end === start) return false;
  while (i < to && isShlexSpace(text.charCodeAt(i))) i++;
  if (i !== to) return false;
  plainStart = start;
  plainEnd = end;
  plainHash = h;
  nameKeptByUriEncoding = kept;
  return true;
}

/** Characters encodeURIComponent leaves as they are: A-Z a-z 0-9 - _ . ! ~ * ' ( ). */
const URI_KEPT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  URI_KEPT[c] = /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(c)) ? 1 : 0;
}

/** hashRange of a raw header name, also setting nameKeptByUriEncoding. */
function hashHeaderName(text: string, from: number, to: number): number {
  let h = FNV_START;
  let kept = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ c, 16777619);
    if (kept && !(c < 0x80 && URI_KEPT[c] === 1)) kept = false;
  }
  nameKeptByUriEncoding = kept;
  return h;
}

/** build_profile_map's decision for a raw name that is not of the plain `prefix name` form. */
function classifyInto(section: ConfigSection, prefix: string | null): void {
  const name = section.name;
  if (prefix !== null) {
    const tokens = shlexSplit(name);
    section.tokens = tokens;
    if (tokens !== null && tokens.length === 2) {
      section.kind = kindOfPrefix(prefix);
      section.outName = tokens[1] as string;
    }
    return;
  }
  if (name === 'default') {
    section.kind = 'profiles';
    return;
  }
  section.bare = true;
  // build_profile_map stores its own 'sso_sessions' key last, overwriting a section of that name.
  if (name !== 'sso_sessions') section.kind = 'otherSections';
}

/**
 * Could a bare name be a near-miss of a section kind (`[Profile x]`, `[ default ]`)? True when,
 * after leading spaces, it starts with one of the prefixes or `default` in any case; also when
 * a non-ASCII character gets in the way of telling (the exact check then decides).
 */
function mayBeNearMiss(name: string): boolean {
  let a = 0;
  while (a < name.length && isPySpace(name.charCodeAt(a))) a++;
  return startsWithFolded(name, a, 'profile') || startsWithFolded(name, a, 'sso-session') || startsWithFolded(name, a, 'services') || startsWithFolded(name, a, 'default');
}

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

/** Parses AWS config text the way the AWS CLI (botocore) does. Never throws. */
export function parseAwsConfig(text: string): Omit<ParsedConfig, 'sources'> {
  const read = readAwsConfig(text, false) as ConfigRead;
  const result: Omit<ParsedConfig, 'sources'> = {
    profiles: {},
    ssoSessions: {},
    services: {},
    otherSections: {},
    diagnostics: read.diagnostics,
    locations: { profiles: {}, ssoSessions: {}, services: {}, otherSections: {} },
  };
  const keys = read.keys;
  for (const section of read.sections) {
    if (section.kind === null) continue;
    const values: Record<string, ConfigValue> = {};
    const lines: Record<string, number> = {};
    for (let k = section.first; k !== -1; k = keys.next[k] as number) {
      const name = keys.name[k] as string;
      setOwn(values, name, keys.value[k] as ConfigValue);
      setOwn(lines, name, keys.line[k] as number);
    }
    // Re-assigning keeps the first position and takes the later value, like a Python dict.
    setOwn(result[section.kind], section.outName, values);
    setOwn(result.locations[section.kind], section.outName, { line: section.line, keys: lines });
  }
  return result;
}

/**
 * Reads the text into sections and keys, with every diagnostic, but without building
 * botocore's maps (parseAwsConfig does that; importConfig reads the sections directly).
 * With `stopAtSecret`, returns null as soon as a line carries a secret in any shape (the first
 * line stripSecrets removes: secret-lines.ts decides for both), before its value is copied
 * anywhere.
 */
export function readAwsConfig(text: string, stopAtSecret: boolean): ConfigRead | null {
  const diags = new DiagnosticList();
  const sections: ConfigSection[] = [];
  // About one key per 32 characters in real configs; the arrays double when that is short.
  const keys = new ConfigKeys(Math.min(1 << 16, Math.max(64, text.length >> 5)));
  const byRawName = new ConfigSectionIndex();
  // build_profile_map's maps, filled as headers are read.
  const maps: Record<'profiles' | 'ssoSessions' | 'services', ConfigSectionIndex> = {
    profiles: new ConfigSectionIndex(),
    ssoSessions: new ConfigSectionIndex(),
    services: new ConfigSectionIndex(),
  };
  const defaultOptions = new Map<string, DefaultOption>();
  let defaultsLine = 0;
  let sawSecret = false;
  const secrets = stopAtSecret ? new SecretLineFinder(text) : null;
  /** The line carries a secret (`known`: what the caller already knows, see SecretLineFinder.find): stop reading. */
  const stopsAt = (line: ScannedLine, known?: string | null): boolean => {
    if (secrets === null || secrets.find(line, known) === null) return false;
    sawSecret = true;
    return true;
  };

  /** The section being read; null before the first header and inside [DEFAULT]. */
  let current: ConfigSection | null = null;
  let inDefaults = false;
  // The key that blank and continuation lines extend. `curIndex` is where its final value
  // goes: a key slot, [DEFAULT] (curDefault), or nowhere (-1: a key the best-effort rules ignore).
  let curActive = false;
  let curIndex = -1;
  let curDefault: DefaultOption | null = null;
  let curKey = '';
  let curLine = 0;
  let curFirst = '';
  let curMore: string[] | null = null;
  let curMoreLines: number[] | null = null;
  let pendingBlanks = 0;

  if (startsWithBom(text)) {
    if (diags.take('bom', 1, 'error')) {
      diags.put(
        'Line 1: the text starts with a byte-order mark (U+FEFF); the AWS CLI rejects the whole file. Save it as UTF-8 without BOM.',
      );
    }
  }

  /** Ends the current key: a multi-line value gets its final form. */
  const flush = (): void => {
    if (curActive && curMore !== null) {
      if (curDefault) {
        curDefault.more = curMore;
        curDefault.moreLines = curMoreLines;
      } else if (curIndex !== -1) {
        const value = finalValue(curKey, curFirst, curMore, curMoreLines as number[], true);
        keys.value[curIndex] = value;
        if (typeof value === 'string' && value !== curFirst) keys.flags[curIndex] = VALUE_NOT_PLAIN;
      }
    }
    curActive = false;
    curIndex = -1;
    curDefault = null;
    curMore = null;
    curMoreLines = null;
    pendingBlanks = 0;
  };

  const onLine = (line: ScannedLine): boolean => {
    switch (line.kind) {
      // The most frequent kinds first.
      case 'option': {
        flush();
        let key: string;
        let facts: KeyFacts;
        if (line.asciiKey) {
          const slot = optionKeySlot(text, line);
          key = keyInSlot(slot);
          const known = keyTag(slot) as KeyFacts | undefined;
          if (known !== undefined) facts = known;
          else {
            facts = factsOf(key);
            setKeyTag(slot, facts);
          }
        } else {
          key = optionKey(text, line);
          facts = factsOf(key);
        }
        // A secret key stops the read without asking the finder (its facts are cached per key).
        if (secrets !== null && facts.secret) {
          sawSecret = true;
          return false;
        }
        if (stopsAt(line, key)) return false;
        const value = text.slice(line.valueFrom, line.to);
        curActive = true;
        curKey = key;
        curLine = line.lineNo;
        curFirst = value;
        if (inDefaults) {
          const existing = defaultOptions.get(key);
          if (existing) {
            reportDuplicateKey(line.lineNo, key, 'DEFAULT', existing.line);
            return true;
          }
          curDefault = { key, line: line.lineNo, first: value, more: null, moreLines: null };
          defaultOptions.set(key, curDefault);
        } else if (current === null) {
          if (diags.take('missing-section', line.lineNo, 'error')) {
            diags.put(
              `Line ${line.lineNo}: the key ${quote(rawKey(text, line))} comes before any [section] header; the AWS CLI rejects the whole file. Move it under a section such as [default], or delete it.`,
            );
          }
          return true;
        } else {
          const section: ConfigSection = current;
          const seen = section.first === -1 ? -1 : findKey(keys, section, key);
          if (seen !== -1) {
            const firstLine = keys.line[seen] as number;
            // A key from an earlier block of a repeated section is covered by that error.
            if (firstLine > section.blockLine) reportDuplicateKey(line.lineNo, key, section.name, firstLine);
            // Kept aside (the first value is the one read), so a repeated `env = prod` still counts.
            (section.dropped ??= []).push(key, value);
            return true;
          }
          const first = line.valueFrom < line.to ? text.charCodeAt(line.valueFrom) : 0;
          curIndex = addKey(keys, section, key, value, line.lineNo, first === 0x22 || first === 0x27 ? VALUE_NOT_PLAIN : 0);
          if (facts.typo !== null) warnTypo(line.lineNo, key, facts.typo);
          if (section.bare && section.profileKey === null && facts.profileKey) section.profileKey = key;
        }
        if (warnInlineComment(line.lineNo, line.valueFrom, line.to, key, false, current !== null && current.bare) && curIndex !== -1) keys.flags[curIndex] = VALUE_NOT_PLAIN;
        return true;
      }
      case 'header': {
        flush();
        const nameFrom = line.from + 1;
        const nameTo = line.close;
        if (nameTo - nameFrom === 7 && text.startsWith('DEFAULT', nameFrom)) {
          // configparser never flags a repeated [DEFAULT]; a repeated key inside one still is.
          if (defaultsLine === 0) defaultsLine = line.lineNo;
          inDefaults = true;
          current = null;
        } else {
          inDefaults = false;
          const prefix = prefixAt(text, nameFrom);
          // Plain `[profile name]`: found by its name in the profile map (its raw name can only
          // equal another plain one's with the same name); everything else by raw name.
          const plain = prefix !== null && plainSecondWord(text, nameFrom + prefix.length, nameTo);
          let existing: ConfigSection | null = null;
          let hash = 0;
          let found = -1;
          let kindIndex: ConfigSectionIndex | null = null;
          let outName = '';
          if (plain) {
            kindIndex = maps[kindOfPrefix(prefix)];
            outName = text.slice(plainStart, plainEnd);
            hash = plainHash;
            found = kindIndex.find(hash, outName);
            for (let s = found === -1 ? null : (kindIndex.items[found] as ConfigSection); s !== null; s = s.sameName) {
              if (s.plainName && s.name.length === nameTo - nameFrom && text.startsWith(s.name, nameFrom)) {
                existing = s;
                break;
              }
            }
          } else {
            hash = hashHeaderName(text, nameFrom, nameTo);
            const i = byRawName.find(hash, text.slice(nameFrom, nameTo));
            if (i !== -1) existing = byRawName.items[i] as ConfigSection;
          }
          if (existing !== null) {
            if (diags.take('duplicate-section', line.lineNo, 'error')) {
              diags.put(
                `Line ${line.lineNo}: ${quote(`[${existing.name}]`)} appears twice (first on line ${existing.line}); the AWS CLI rejects the whole file. Rename or merge one of them.`,
              );
            }
            existing.blockLine = line.lineNo;
            current = existing;
          } else {
            const name = text.slice(nameFrom, nameTo);
            const section = new ConfigSection(sections.length, name, line.lineNo, prefix, plain);
            if (plain) {
              section.kind = kindOfPrefix(prefix);
              section.outName = outName;
              section.outFrom = plainStart;
              section.outTo = plainEnd;
              section.outNameKept = nameKeptByUriEncoding;
            } else {
              classifyInto(section, prefix);
              if (section.outName === name) {
                section.outFrom = nameFrom;
                section.outTo = nameTo;
                section.outNameKept = nameKeptByUriEncoding;
              }
              byRawName.add(hash, name, section);
              section.hash = hash;
              const kind = section.kind;
              if (kind !== null && kind !== 'otherSections') {
                kindIndex = maps[kind];
                hash = hashName(section.outName);
                found = kindIndex.find(hash, section.outName);
              }
            }
            // Like a Python dict (and the output objects): the first position, the later value.
            if (kindIndex !== null) {
              section.hash = hash;
              section.sameName = kindIndex.setAt(found, hash, section.outName, section) ?? null;
            }
            sections.push(section);
            current = section;
          }
        }
        if (line.close + 1 < line.to) {
          const after = afterHeader(text, line);
          if (after !== '' && after[0] !== '#' && after[0] !== ';') {
            if (diags.take('after-header', line.lineNo, 'warning')) {
              diags.put(
                `Line ${line.lineNo}: the AWS CLI ignores ${quote(after)} after the closing "]". Put it on its own line.`,
              );
            }
          }
        }
        return true;
      }
      case 'blank':
        if (line.inValue && curActive) pendingBlanks++;
        return true;
      case 'comment':
        return !stopsAt(line);
      case 'continuation': {
        const value = lineText(text, line);
        const nested = nestedSecretKey(value);
        const holdsSecret = nested !== null;
        if (stopsAt(line, nested)) return false;
        if (!curActive) return true;
        if (curMore === null) {
          curMore = [];
          curMoreLines = [];
        }
        for (; pendingBlanks > 0; pendingBlanks--) {
          curMore.push('');
          (curMoreLines as number[]).push(0);
        }
        curMore.push(value);
        (curMoreLines as number[]).push(line.lineNo);
        // Warnings quote the line: never one that may be part of a secret (a secret's next
        // line, or a nested secret key).
        if ((curIndex !== -1 || curDefault !== null) && !SECRET_KEY_NAMES.has(curKey) && !holdsSecret) {
          if (curFirst !== '') warnSwallowedLine(line.lineNo, value);
          warnInlineComment(line.lineNo, line.from, line.to, curKey, curFirst === '', current !== null && current.bare);
        }
        return true;
      }
      case 'no-delimiter':
        if (stopsAt(line)) return false;
        // configparser keeps the current key: deeper lines below still continue it.
        if (current === null && !inDefaults) {
          if (diags.take('missing-section', line.lineNo, 'error')) {
            diags.put(
              `Line ${line.lineNo}: ${quote(lineText(text, line))} comes before any [section] header and is not a key = value line; the AWS CLI rejects the whole file. Delete it or start it with "#".`,
            );
          }
        } else {
          if (diags.take('no-delimiter', line.lineNo, 'error')) {
            diags.put(
              `Line ${line.lineNo}: ${quote(lineText(text, line))} is not a [section], a comment or a key = value line; the AWS CLI rejects the whole file. Add "=" and a value, or start the line with "#".`,
            );
          }
        }
        return true;
      case 'empty-key':
        if (stopsAt(line)) return false;
        flush();
        if (diags.take(current === null && !inDefaults ? 'missing-section' : 'empty-key', line.lineNo, 'error')) {
          diags.put(
            `Line ${line.lineNo} starts with ${quote(text.charAt(line.from))} but has no key before it; the AWS CLI rejects the whole file. Add the key name or delete the line.`,
          );
        }
        return true;
    }
    return true;
  };

  function reportDuplicateKey(lineNo: number, key: string, section: string, firstLine: number): void {
    if (diags.take('duplicate-key', lineNo, 'error')) {
      diags.put(
        `Line ${lineNo}: the key ${quote(key)} appears twice in [${section}] (first on line ${firstLine}; keys ignore case); the AWS CLI rejects the whole file. Delete one of them.`,
      );
    }
  }

  function warnSwallowedLine(lineNo: number, t: string): void {
    let looksLike: string | null = null;
    if (t.charCodeAt(0) === 0x5b && t.lastIndexOf(']') > 1) looksLike = `the section header ${quote(t)}`;
    else {
      const m = /^([A-Za-z][A-Za-z0-9_.-]{0,63})[ \t]*[=:]/.exec(t);
      if (m) looksLike = `the key ${quote(m[1] as string)}`;
    }
    if (looksLike === null) return;
    const what = looksLike;
    const key = curKey;
    const keyLine = curLine;
    if (diags.take('indented-line', lineNo, 'warning')) {
      diags.put(
        `Line ${lineNo}: ${what} is indented, so the AWS CLI reads it as more of the value of ${quote(key)} (line ${keyLine}). Remove the indentation.`,
      );
    }
  }

  function warnTypo(lineNo: number, key: string, meant: string): void {
    if (diags.take('typo', lineNo, 'warning')) {
      diags.put(
        `Line ${lineNo}: the AWS CLI does not know the key ${quote(key)}; did you mean ${quote(meant)}?`,
      );
    }
  }

  /**
   * Warns when the value text[from, to) seems to carry a comment. Returns whether it has a '#'
   * or ';' at all (importConfig then looks at it more closely). `bare`: the value is in a bare
   * [name] section, which the AWS CLI ignores altogether (a warning of its own says so) and
   * AWS Extend Switch Roles reads with comments cut off, as importConfig does: no warning.
   */
  // Where the next '#' and ';' are (cached indexOf, like the scanner's line ends): most values
  // have neither, and then two comparisons tell so without looking at their characters.
  let nextHash = -2;
  let nextSemicolon = -2;

  function warnInlineComment(lineNo: number, from: number, to: number, key: string, nested: boolean, bare: boolean): boolean {
    if (nextHash !== -1 && nextHash < from) nextHash = text.indexOf('#', from);
    if (nextSemicolon !== -1 && nextSemicolon < from) nextSemicolon = text.indexOf(';', from);
    if ((nextHash === -1 || nextHash >= to) && (nextSemicolon === -1 || nextSemicolon >= to)) return false;
    const at = inlineCommentAt(text, from, to);
    if (at === -1) return false;
    if (at === -2 || bare || SECRET_KEY_NAMES.has(key)) return true;
    if (diags.take('inline-comment', lineNo, 'warning')) {
      diags.put(
        `Line ${lineNo}: ${quote(text.slice(at, to))} is part of the ${nested ? 'nested ' : ''}value of ${quote(key)} (the AWS CLI has no comments after values). Move the comment to its own line.`,
      );
    }
    return true;
  }

  /**
   * The value configparser joins ('\n'.join(lines).rstrip()) and botocore then parses as a
   * nested map when it starts with '\n' (`s3 =` followed by indented lines).
   */
  function finalValue(key: string, first: string, more: string[], moreLines: number[], report: boolean): ConfigValue {
    let count = more.length;
    while (count > 0 && more[count - 1] === '') count--; // rstrip() drops trailing blank lines
    if (count === 0) return first;
    if (first !== '') {
      const parts = [first];
      for (let i = 0; i < count; i++) parts.push(more[i] as string);
      return parts.join('\n');
    }
    const nested: Record<string, string> = {};
    for (let i = 0; i < count; i++) parseNestedPart(more[i] as string, moreLines[i] as number, key, nested, report);
    return nested;
  }

  /** botocore's _parse_nested for one continuation line: str.splitlines(), strip, split at the first '='. */
  function parseNestedPart(part: string, lineNo: number, key: string, into: Record<string, string>, report: boolean): void {
    // splitlines() also breaks on \v \f \x1c-\x1e \x85 \u2028 \u2029 inside the line.
    let start = 0;
    const n = part.length;
    for (let i = 0; i <= n; i++) {
      if (i < n && !isPyLineBoundary(part.charCodeAt(i))) continue;
      const piece = pyStrip(part.slice(start, i));
      start = i + 1;
      if (piece === '') continue;
      const eq = piece.indexOf('=');
      if (eq === -1) {
        if (report) {
          if (diags.take('nested-line', lineNo, 'error')) {
            // Not quoted when it may be the rest of a secret (a wrapped key under a secret or beside one).
            const secret = SECRET_KEY_NAMES.has(key) || Object.keys(into).some((k) => SECRET_KEY_NAMES.has(k.toLowerCase()));
            diags.put(
              `Line ${lineNo}: ${secret ? 'a line' : quote(piece)} inside the nested ${quote(key)} block has no "="; the AWS CLI rejects the whole file. Write it as name = value, or remove the indentation.`,
            );
          }
        }
        continue;
      }
      setOwn(into, pyStrip(piece.slice(0, eq)), pyStrip(piece.slice(eq + 1)));
    }
  }

  scanConfigLines(text, onLine);
  if (sawSecret) return null;
  flush();

  // --- raw_config_parse's per-section dicts ([DEFAULT] keys appended), then build_profile_map ---
  const defaults = [...defaultOptions.values()];
  const defaultValues = new Map<string, ConfigValue>();
  const inheritedValue = (opt: DefaultOption): ConfigValue => {
    let v = defaultValues.get(opt.key);
    if (v === undefined) {
      // Parsed (and its nested errors reported) only if some section inherits it, like botocore.
      v = opt.more === null ? opt.first : finalValue(opt.key, opt.first, opt.more, opt.moreLines as number[], true);
      defaultValues.set(opt.key, v);
    }
    // Each section gets its own nested map, as botocore parses it per section.
    return typeof v === 'string' ? v : { ...v };
  };

  // botocore copies every [DEFAULT] key into every section: K keys × M sections values, which
  // a text of a few hundred KB can make billions of. Past a bound (far beyond real configs) the
  // copies are not made and the file gets an error instead, so a paste can never hang the page.
  const inherit = defaults.length > 0 && sections.length * defaults.length <= MAX_INHERITED_VALUES;
  if (defaults.length > 0 && !inherit && diags.take('default-too-large', defaultsLine, 'error')) {
    diags.put(
      `Line ${defaultsLine}: [DEFAULT] has ${defaults.length} keys, which the AWS CLI copies into each of the ${sections.length} sections: too many values to read here, so they were not copied. Remove [DEFAULT], or move its keys into the profiles that need them.`,
    );
  }
  for (const section of sections) {
    for (let d = 0; inherit && d < defaults.length; d++) {
      const opt = defaults[d]!;
      if (section.first !== -1 && findKey(keys, section, opt.key) !== -1) continue;
      const value = inheritedValue(opt);
      addKey(keys, section, opt.key, value, opt.line, valueFlags(value));
    }

    const kind = section.kind;
    if (!section.plainName) warnSectionName(section);
    if (kind === null) continue;
    const earlier = section.sameName;
    if (earlier !== null) {
      const previous = earlier.line;
      const kindName = kind === 'profiles' ? 'profile' : kind === 'ssoSessions' ? 'SSO session' : 'services section';
      if (diags.take('same-profile', section.line, 'warning')) {
        diags.put(
          `Line ${section.line}: [${section.name}] defines the ${kindName} ${quote(section.outName)} again (also on line ${previous}); the AWS CLI uses only this later one. Delete or rename one of them.`,
        );
      }
    }
  }

  if (defaultsLine !== 0) {
    if (diags.take('upper-default', defaultsLine, 'warning')) {
      diags.put(
        `Line ${defaultsLine}: [DEFAULT] in upper case is not the default profile; the AWS CLI copies its keys into every section. Write [default] for the default profile.`,
      );
    }
  }

  function warnSectionName(section: ConfigSection): void {
    const name = section.name;
    const at = section.line;
    if (section.prefix !== null) {
      const prefix = section.prefix;
      const what = prefix === 'profile' ? 'profile' : prefix === 'sso-session' ? 'SSO session' : 'services section';
      const tokens = section.tokens;
      if (tokens === null) {
        if (diags.take('section-name', at, 'warning')) {
          diags.put(
            `Line ${at}: the AWS CLI ignores ${quote(`[${name}]`)} because of an unclosed quote or a trailing backslash. Fix the quoting, e.g. [${prefix} "my name"].`,
          );
        }
      } else if (section.kind === null) {
        const names = tokens.length - 1;
        const hint = name.includes(']')
          ? 'remove the text after the first "]" on that line'
          : tokens[0] !== prefix
            ? `write [${prefix} NAME] with a space after "${prefix}"`
            : names === 0
              ? `add the name: [${prefix} NAME]`
              : `quote a name that has spaces: [${prefix} "${tokens.slice(1).join(' ')}"]`;
        if (diags.take('section-name', at, 'warning')) {
          diags.put(
            `Line ${at}: the AWS CLI ignores ${quote(`[${name}]`)}: a ${what} needs exactly one name after "${prefix}" (this has ${names}). To use it, ${hint}.`,
          );
        }
      } else if (tokens[0] !== prefix) {
        if (diags.take('section-name', at, 'warning')) {
          diags.put(
            `Line ${at}: the AWS CLI reads ${quote(`[${name}]`)} as the ${what} ${quote(section.outName)} because the name starts with "${prefix}". Write [${prefix} ${section.outName}] to make that clear.`,
          );
        }
      } else if (section.outName === '') {
        if (diags.take('section-name', at, 'warning')) {
          diags.put(
            `Line ${at}: ${quote(`[${name}]`)} defines a ${what} with an empty name. Give it a name.`,
          );
        }
      }
      return;
    }
    if (section.kind !== 'otherSections') return;
    // Cheap pre-check: every near-miss below starts with profile/sso-session/services/default
    // in some case, after optional whitespace.
    const nearMiss = mayBeNearMiss(name);
    if (section.profileKey === null && !nearMiss) return;
    const stripped = pyStrip(name);
    if (nearMiss) warnNearMiss(section, stripped);
    else warnBareProfile(section, stripped);
  }

  /** `[Profile x]`, `[ default ]` and the like; else the bare-section warning. */
  function warnNearMiss(section: ConfigSection, stripped: string): void {
    const name = section.name;
    const at = section.line;
    const lower = stripped.toLowerCase();
    for (const [prefix, , what] of PREFIXES) {
      if (lower.startsWith(prefix) && (lower.length === prefix.length || isPySpace(lower.charCodeAt(prefix.length)))) {
        const reason = stripped !== name ? 'it has spaces inside the brackets' : `"${prefix}" must be lower case`;
        const fixed = `[${prefix}${stripped.slice(prefix.length)}]`;
        if (diags.take('section-name', at, 'warning')) {
          diags.put(
            `Line ${at}: ${quote(`[${name}]`)} is not a ${what} because ${reason}; the AWS CLI ignores it. Write ${quote(fixed)}.`,
          );
        }
        return;
      }
    }
    if (lower === 'default') {
      const reason = stripped !== name ? 'it has spaces inside the brackets' : '"default" must be lower case';
      if (diags.take('section-name', at, 'warning')) {
        diags.put(
          `Line ${at}: ${quote(`[${name}]`)} is not the default profile because ${reason}; the AWS CLI ignores it. Write [default].`,
        );
      }
      return;
    }
    warnBareProfile(section, stripped);
  }

  /** A bare section with a CLI profile key: the CLI ignores it, although it looks meant for the CLI. */
  function warnBareProfile(section: ConfigSection, stripped: string): void {
    const name = section.name;
    const at = section.line;
    const key = section.profileKey;
    if (key !== null) {
      if (diags.take('bare-section', at, 'warning')) {
        diags.put(
          `Line ${at}: the AWS CLI ignores ${quote(`[${name}]`)} (only [default] and [profile NAME] are profiles), although it has ${quote(key)}. Write [profile ${stripped}] if the CLI should use it.`,
        );
      }
    }
  }

  return { text, sections, keys, byRawName, profiles: maps.profiles, ssoSessions: maps.ssoSessions, services: maps.services, diagnostics: diags.finish() };
}

/**
 * Where the value text[from, to) seems to carry an inline comment (an offset into the text):
 * '#' or ';' after whitespace, or at the start when followed by whitespace (`region = # todo`).
 * A bare `#ff0000` is a value. -1: no '#' or ';' at all; -2: some, but no comment.
 * Reads the text itself (flat), not a slice of it.
 */
function inlineCommentAt(text: string, from: number, to: number): number {
  let i = from;
  // One look at each character (values are short): most have neither '#' nor ';'.
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x23 || c === 0x3b) break;
    i++;
  }
  if (i === to) return -1;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x23 && c !== 0x3b) continue;
    if (i === from ? to - from === 1 || isPySpace(text.charCodeAt(from + 1)) : isPySpace(text.charCodeAt(i - 1))) return i;
  }
  return -2;
}

/**
 * The known key `key` is one edit away from (one character inserted, deleted, replaced,
 * or two neighbours swapped), or null. Short keys are left alone: too many false alarms.
 */
function nearKnownKey(key: string): string | null {
  if (key.length < 5) return null;
  for (const known of KNOWN_KEYS) {
    if (Math.abs(known.length - key.length) <= 1 && oneEditApart(key, known)) return known;
  }
  return null;
}

function oneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // inserted/deleted
}

/** Number of lines in `text` as diagnostics count them (1-based lines are within 1..this). */
export function configLineCount(text: string): number {
  return countLines(text);
}
