// Which single lines of pasted text carry a secret, whatever the syntax, and what it is.
//
// People paste more than ~/.aws/config (docs/aws-facts.md §6): the access portal's "Get credentials"
// dialog (shell, PowerShell and cmd variables, a credentials-file profile, the bare values),
// `aws sts` and SSO-cache JSON, commented-out, misspelt or delimiter-less keys, a tool's
// `--secret` flag. This module looks at one scanned line and says what secret it carries, in
// words that never quote it, or nothing.
//
// The answer depends on the line alone (no state), so stripSecrets (and maskSecrets, the
// importer's first stage) removes exactly from there. What follows a removed line (its
// continuation lines, a token wrapped onto the next lines) is strip-secrets' business.
//
// What is NOT a secret, on purpose: a word that only contains a secret word (web_identity_
// token_file, mfa_token_provider, AWS_SESSION_TOKEN_TTL, GetSessionToken in prose), a name
// with no value given to it, and long runs of base64 characters inside a line (role paths are
// such runs). Only a whole line can be a bare value. Section headers are never secrets here:
// removing one would move its keys into the section above.
import { isPyLineBoundary, isPySpace, lineText, optionKey, pyStrip, type ScannedLine } from './config-scanner';

export const SECRET_KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token'] as const;

/** The keys the AWS CLI reads as credentials, lower-cased: their values are never stored or quoted in a message. */
export const SECRET_KEY_NAMES: ReadonlySet<string> = new Set(SECRET_KEYS);

/** The lower-cased key of `key = value` / `key: value` text, or null. */
function keyOf(text: string): string | null {
  let d = 0;
  while (d < text.length) {
    const c = text.charCodeAt(d);
    if (c === 0x3d || c === 0x3a) break;
    d++;
  }
  if (d === text.length) return null;
  let k = d;
  while (k > 0 && isPySpace(text.charCodeAt(k - 1))) k--;
  return text.slice(0, k).toLowerCase();
}

/**
 * The first secret key on a continuation line, read as botocore reads a nested block: split
 * with Python's str.splitlines(), which also breaks at \v, \f, \x1c-\x1e, U+0085, U+2028 and
 * U+2029, so `a = b<U+2028>aws_session_token = x` holds one. Null when there is none.
 */
export function nestedSecretKey(line: string): string | null {
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && !isPyLineBoundary(line.charCodeAt(i))) continue;
    const key = keyOf(pyStrip(line.slice(start, i)));
    if (key !== null && SECRET_KEY_NAMES.has(key)) return key;
    start = i + 1;
  }
  return null;
}

/** What one line carries. */
export interface SecretLine {
  /** In words, never quoting the value: "shell export of AWS_SECRET_ACCESS_KEY". */
  what: string;
  /** The credential key the AWS CLI itself would read from this line (lower-cased), if any. */
  key: string | null;
}

// A name that names a secret: it ends in token, secret, password, secret (access) key or access
// key (id), in any case, with `_`, `-` or nothing between the words (AWS_SECRET_ACCESS_KEY,
// SecretAccessKey, aws_secret_key, clientSecret, refreshToken, --secret). Whole names only.
const WORD = '[A-Za-z0-9_-]';
const SECRET_WORD = 'token|secret|passw(?:or)?d|secret[_-]?(?:access[_-]?)?key|access[_-]?key(?:[_-]?id)?';
/** Where such a name can end: found first, so a line that only mentions `token_file` costs one scan. */
const NAME_END = new RegExp(`(?:token|secret|passw(?:or)?d|key|id)(?!${WORD})`, 'gi');
/** The whole name (from its first character): group 1 a flag's dashes, group 2 the name, group 3 its secret word. */
const SECRET_NAME = new RegExp(`^(-{0,2})(${WORD}*?(${SECRET_WORD}))$`, 'i');

/**
 * Names shown as written (compared lower-cased, without `_` and `-`). Any other name is shown by
 * its secret word alone: what comes before it may be a secret pasted against it
 * (`ASIA…token`), and the preview never quotes one.
 */
const KNOWN_NAMES = new Set(
  [
    'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token', 'aws_secret_key', 'aws_access_key', 'aws_secret',
    'aws_token', 'access_key_id', 'secret_access_key', 'session_token', 'security_token', 'access_token', 'refresh_token', 'id_token',
    'client_secret', 'secret_key', 'access_key', 'secret', 'token', 'password', 'passwd', 'aws_password',
  ].map((n) => n.replace(/_/g, '')),
);

const isWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x5f || c === 0x2d;

/** The secret names in `s`, in order: where each starts, its dashes and the name. */
function* secretNames(s: string): Generator<Name> {
  NAME_END.lastIndex = 0;
  for (let m = NAME_END.exec(s); m !== null; m = NAME_END.exec(s)) {
    const end = m.index + m[0].length;
    let start = m.index;
    while (start > 0 && isWordChar(s.charCodeAt(start - 1))) start--;
    const whole = SECRET_NAME.exec(s.slice(start, end));
    if (whole !== null) yield { index: start, dashes: whole[1]!, name: whole[2]!, word: whole[3]!, end };
  }
}

/** Cheap first look: a line without one of these cannot name a secret or hold an access key ID. */
const HINT = /token|secret|passw|key|akia|asia/gi;

const ACCESS_KEY_ID_IN_LINE = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/;
const BARE_ACCESS_KEY_ID = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
/** A whole line of base64 characters, 40 or more: a secret key (exactly 40) or a session token. */
const BARE_BASE64 = /^[A-Za-z0-9+/]{40,}={0,2}$/;
/** BARE_BASE64's shortest run. */
const BARE_BASE64_MIN = 40;
/** Shortest bare value looked at (an access key ID). */
const MIN_BARE = 20;

/** Python's whitespace (\x1c-\x1f and U+0085 too, which JavaScript's \s lacks). */
const SP = '[\\s\\x1c-\\x1f\\x85]';
const SPACES_AT = new RegExp(`${SP}*`, 'y');
/** `NAME VALUE` to the end of the line: one word or one quoted string. */
const ONE_VALUE_TO_END = new RegExp(`${SP}+(?:"[^"]*"|'[^']*'|[^\\s"']+)${SP}*$`, 'y');
/**
 * After a flag: another flag (`--json`, `--no-cache`, `-o`), not its value. Flags are written in
 * lower case; a value may start with `-` too, and one with a capital (`--wuIuozPTVX`, what a
 * random secret can look like) is read as the value, so it is removed with its line.
 */
const NEXT_IS_FLAG = /^(?:--[a-z][a-z0-9-]*|-[A-Za-z])(?:[\s=]|$)/;
/** Commands that give a variable a value without "=": setx NAME v, setenv NAME v, fish's set -x NAME v. */
const VARIABLE_COMMAND = new RegExp(`^(?:setx|setenv|set|export|declare|typeset|env)(?:${SP}+-{1,2}[A-Za-z]+)*${SP}+["']?$`, 'i');

type Shape = 'key' | 'nested key' | 'export' | 'powershell' | 'cmd set' | 'variable' | 'json' | 'flag' | 'no delimiter' | 'assignment';

const DESCRIBE: Record<Shape, (name: string) => string> = {
  key: (n) => `the key ${n}`,
  'nested key': (n) => `the nested key ${n}`,
  export: (n) => `shell export of ${n}`,
  powershell: (n) => `PowerShell variable ${n}`,
  'cmd set': (n) => `Windows SET of ${n}`,
  variable: (n) => `shell variable ${n}`,
  json: (n) => `JSON field ${n}`,
  flag: (n) => `command-line flag ${n}`,
  'no delimiter': (n) => `${n} without "=" or ":"`,
  assignment: (n) => `a value given to ${n}`,
};

/** A name as the preview shows it: as written when it is a known one, else by its secret word. */
function shownName(name: Name): string {
  return KNOWN_NAMES.has(name.name.toLowerCase().replace(/[_-]/g, '')) ? name.dashes + name.name : `a name ending in "${name.word}"`;
}

/** Where an assignment `NAME=` / `NAME:` sits decides its description (before = the line up to NAME). */
function assignmentShape(before: string, quoted: boolean, kind: ScannedLine['kind']): Shape {
  if (/(?:^|[\s;&|(])export\s+$/i.test(before)) return 'export';
  if (/\$env:$/i.test(before)) return 'powershell';
  if (/(?:^|[\s&|(])set\s+"?$/i.test(before)) return 'cmd set';
  if (quoted || /["']$/.test(before)) return 'json';
  if (before === '') return kind === 'continuation' ? 'nested key' : 'key';
  return 'assignment';
}

/** After a delimiter at `at`: is there a value (not only quotes, a comma or a brace)? */
function hasValue(s: string, at: number): boolean {
  for (let i = at; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isPySpace(c) || c === 0x22 || c === 0x27) continue;
    return c !== 0x2c && c !== 0x7d && c !== 0x3b; // , } ;
  }
  return false;
}

interface Name {
  /** Where the name starts (its dashes included) and ends, in the line. */
  index: number;
  end: number;
  dashes: string;
  name: string;
  /** The secret word it ends in, as written (`TOKEN`, `Secret`, `secret_access_key`). */
  word: string;
}

/** What follows a name: a closing quote (`"Name":`), spaces, then maybe a delimiter. */
interface AfterName {
  quoted: boolean;
  /** Past the quote and the spaces. */
  at: number;
  spaced: boolean;
  delimiter: boolean;
}

function afterName(s: string, end: number): AfterName {
  const c = s.charCodeAt(end);
  const quoted = c === 0x22 || c === 0x27;
  const from = quoted ? end + 1 : end;
  SPACES_AT.lastIndex = from;
  SPACES_AT.test(s);
  const at = SPACES_AT.lastIndex;
  const d = s.charCodeAt(at);
  return { quoted, at, spaced: at > from, delimiter: d === 0x3d || d === 0x3a };
}

/** `NAME=v`, `NAME: v`, `"NAME": "v"`, `--name=v`: which kind, or null when it holds nothing. */
function assignedShape(s: string, name: Name, after: AfterName, comment: boolean, kind: ScannedLine['kind']): Shape | null {
  // `arn:aws:secretsmanager:…:secret:name` names a secret, it holds none.
  if (s.charCodeAt(after.at) === 0x3a && s.charCodeAt(name.index - 1) === 0x3a) return null;
  // In a comment only a name with a value counts (`# aws_secret_access_key =` is an empty template line).
  if (comment && !hasValue(s, after.at + 1)) return null;
  return name.dashes ? 'flag' : assignmentShape(s.slice(0, name.index), after.quoted, kind);
}

/** `--name v`, or `NAME v` as the whole line (maybe after a command such as setx), else null. */
function spacedShape(s: string, name: Name, after: AfterName): Shape | null {
  if (!after.spaced || after.at === s.length) return null;
  if (name.dashes) return NEXT_IS_FLAG.test(s.slice(after.at, after.at + 64)) ? null : 'flag';
  ONE_VALUE_TO_END.lastIndex = name.end;
  if (!ONE_VALUE_TO_END.test(s)) return null;
  const before = s.slice(0, name.index);
  if (before === '' || before === '"' || before === "'") return 'no delimiter';
  return VARIABLE_COMMAND.test(before) ? 'variable' : null;
}

/** The first secret name in `s` that is given a value, in any of the shapes above. */
function namedSecret(s: string, comment: boolean, kind: ScannedLine['kind']): SecretLine | null {
  for (const name of secretNames(s)) {
    const after = afterName(s, name.end);
    const shape = after.delimiter ? assignedShape(s, name, after, comment, kind) : spacedShape(s, name, after);
    if (shape !== null) return { what: DESCRIBE[shape](shownName(name)), key: null };
  }
  return null;
}

/** A whole line that is nothing but a credential-shaped value (maybe quoted, maybe with a trailing comma). */
function bareValue(body: string): string | null {
  let v = body;
  if (v.endsWith(',') || v.endsWith(';')) v = v.slice(0, -1);
  // Quotes around it, or one of them when a quoted value was wrapped over lines.
  if (v.startsWith('"') || v.startsWith("'")) v = v.slice(1);
  if (v.endsWith('"') || v.endsWith("'")) v = v.slice(0, -1);
  if (BARE_ACCESS_KEY_ID.test(v)) return 'a bare value shaped like an access key ID';
  if (!BARE_BASE64.test(v) || !/[a-z]/.test(v) || !/[A-Z]/.test(v)) return null;
  // Exactly 40 characters: a secret access key. Longer (or padded): a session token, which has
  // digits, `+` or `/` (a token's first wrapped line can have no digit: `FwoGZXIvYXdzE…/QCGU…`).
  if (v.length === 40) return 'a bare value shaped like a secret access key';
  return /[0-9+/]/.test(v) ? 'a bare value shaped like a session token' : null;
}

/** Offset of a comment's text: past its `#`/`;` marks and spaces. */
function commentBody(text: string, line: ScannedLine): number {
  let i = line.from;
  while (i < line.to) {
    const c = text.charCodeAt(i);
    if (c !== 0x23 && c !== 0x3b && !isPySpace(c)) break;
    i++;
  }
  return i;
}

const isBase64Char = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;

/**
 * Does `text` hold a run of 40 or more base64 characters (the shortest bare secret value)? Any
 * such run covers one of the offsets 39, 79, 119, ..., so only those are looked at, and the
 * run around one that is a base64 character is measured.
 */
function hasLongBase64Run(text: string): boolean {
  const n = text.length;
  let p = BARE_BASE64_MIN - 1;
  while (p < n) {
    if (!isBase64Char(text.charCodeAt(p))) {
      p += BARE_BASE64_MIN;
      continue;
    }
    let from = p;
    while (from > 0 && isBase64Char(text.charCodeAt(from - 1))) from--;
    let to = p + 1;
    while (to < n && isBase64Char(text.charCodeAt(to))) to++;
    if (to - from >= BARE_BASE64_MIN) return true;
    p = to + BARE_BASE64_MIN;
  }
  return false;
}

/**
 * True when no line of `text` can carry a secret, so SecretLineFinder.find would return null
 * for every line (strip-secrets then removes nothing and need not walk the lines). Conservative
 * by construction, each way find() can answer is ruled out:
 * - a secret key (option or nested): the four names contain `key` or `token`, which HINT
 *   finds in any ASCII case; the only other character that lower-cases to an ASCII letter is
 *   the Kelvin sign (U+212A → k), looked for separately;
 * - a named secret or an access key ID inside a line: only looked for where HINT matches;
 * - a bare value: an access key ID starts with AKIA/ASIA (HINT), and a bare secret key or
 *   token is a run of 40+ base64 characters.
 * The speed trick that pays (issue 12's 20% rule): on 10,000 profiles without secrets the
 * secrets stage takes 65-70% less time in Chromium (A/B alternated in one run, load 2-6:
 * 18.2 → 5.4 ms on the budget workload, 22.6 → 7.8 ms on the mixed one).
 */
export function cannotHoldSecrets(text: string): boolean {
  HINT.lastIndex = 0;
  return !HINT.test(text) && text.indexOf('\u212a') === -1 && !hasLongBase64Run(text);
}

/**
 * Finds the lines of one text that carry a secret. One finder per text: it remembers where the
 * next hint word is, so a config without secrets costs a few comparisons per line.
 */
export class SecretLineFinder {
  private hint = -2; // offset of the next HINT match; -2 not searched yet, -1 none left

  constructor(private readonly text: string) {}

  /**
   * What `line` carries, or null. `known`: for an option, its lower-cased key; for a
   * continuation, its nested secret key or null; when the caller already has it.
   */
  find(line: ScannedLine, known?: string | null): SecretLine | null {
    const { text } = this;
    switch (line.kind) {
      case 'header':
      case 'blank':
        return null;
      case 'option': {
        // The CLI's own reading of the key decides first (it lower-cases, so a Kelvin sign K counts).
        const key = known ?? optionKey(text, line);
        // (Shown as written: it is one of the four names, up to case.)
        if (SECRET_KEY_NAMES.has(key)) return { what: DESCRIBE.key(text.slice(line.from, line.keyEnd)), key };
        break;
      }
      case 'continuation': {
        const key = known === undefined ? nestedSecretKey(lineText(text, line)) : known;
        if (key !== null) return { what: DESCRIBE['nested key'](key), key };
        break;
      }
    }
    const comment = line.kind === 'comment';
    const from = comment ? commentBody(text, line) : line.from;
    if (from === line.to) return null;
    const mentions = this.mentionsSecret(from, line.to);
    // A bare value has no delimiter (an option's key is then the value, up to its `=` padding).
    const bareSized = line.kind === 'option' ? line.keyEnd - line.from >= MIN_BARE : line.to - from >= MIN_BARE;
    if (!mentions && !bareSized) return null;
    const body = text.slice(from, line.to);
    const found = (mentions ? namedSecret(body, comment, line.kind) : null) ?? this.valueShaped(body, mentions, bareSized);
    return found && comment ? { what: `${found.what}, commented out`, key: null } : found;
  }

  private valueShaped(body: string, mentions: boolean, bareSized: boolean): SecretLine | null {
    const bare = bareSized ? bareValue(body) : null;
    if (bare !== null) return { what: bare, key: null };
    if (mentions && ACCESS_KEY_ID_IN_LINE.test(body)) return { what: 'an access key ID inside the line', key: null };
    return null;
  }

  /** Is there a hint word in text[from, to)? */
  private mentionsSecret(from: number, to: number): boolean {
    if (this.hint !== -1 && this.hint < from) {
      HINT.lastIndex = from;
      const m = HINT.exec(this.text);
      this.hint = m === null ? -1 : m.index;
    }
    return this.hint !== -1 && this.hint < to;
  }
}
