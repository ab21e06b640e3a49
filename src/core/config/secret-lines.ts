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
// Some secrets are only recognisable with the line above them (a `value:` under `- name:
// AWS_SECRET_ACCESS_KEY`, the rows under a CSV header with a Password column): this module
// says which lines name such a secret (secretNaming) and which lines are its value
// (isNamedValue); strip-secrets pairs them.
//
// What is NOT a secret, on purpose: a word that only contains a secret word (web_identity_
// token_file, mfa_token_provider, AWS_SESSION_TOKEN_TTL, GetSessionToken in prose), a name
// with no value given to it, and runs of base64 characters inside a line (role paths are such
// runs), except a run of 40 shaped like a secret access key on a line that mentions a secret, a
// token-long run of 100 or more, and a bare value in a column of its own (secret-values.ts). A section header itself is never a secret
// (removing one would move its keys into the section above), but what follows its `]` on the
// same line is read like a line of its own: a paste that lost its line breaks puts keys there.
import { isPyLineBoundary, isPySpace, lineText, optionKey, pyStrip, type ScannedLine } from './config-scanner';
import { PRIVATE_KEY, hasHidingCharacters, hasUserPasswordFlag, readableLine, secretRunIn } from './secret-values';

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
// Also session key (the console federation's session JSON: sessionId, sessionKey,
// sessionToken), private key, API key and passphrase (s3cmd's gpg_passphrase).
const WORD = '[A-Za-z0-9_-]';
const SECRET_WORD = 'token|secret|passw(?:or)?d|passphrase|secret[_-]?(?:access[_-]?)?key|access[_-]?key(?:[_-]?id)?|(?:session|private|api)[_-]?key';
/** Where such a name can end: found first, so a line that only mentions `token_file` costs one scan. */
const NAME_END = new RegExp(`(?:token|secret|passw(?:or)?d|passphrase|key|id)(?!${WORD})`, 'gi');
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
    'client_secret', 'secret_key', 'access_key', 'secret', 'token', 'password', 'passwd', 'aws_password', 'session_key', 'private_key', 'api_key',
    'passphrase',
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

/**
 * Cheap first look: a line without one of these cannot name a secret, hold an access key ID
 * or an HTTP Authorization header. (A URL's password is looked for separately: it needs `@`.)
 */
const HINT = /token|secret|pass[wp]|key|akia|asia|authoriz|bearer/gi;
/** HINT for one string (not the finder's walk over the text). */
const HINT_ONE = new RegExp(HINT.source, 'i');

const ACCESS_KEY_ID_IN_LINE = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/;
const BARE_ACCESS_KEY_ID = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
/** A whole line of base64 characters, 40 or more: a secret key (exactly 40) or a session token. */
const BARE_BASE64 = /^[A-Za-z0-9+/]{40,}={0,2}$/;
/** BARE_BASE64's shortest run. */
const BARE_BASE64_MIN = 40;
/** Shortest bare value looked at (an access key ID). */
const MIN_BARE = 20;

/**
 * `scheme://user:password@host` (a proxy setting, a Git remote): a `:` before the `@`, looked
 * for from each `://`. A password is often pasted unescaped, so `#` and `?` do not end it.
 * `http://proxy.corp:3128` (a port) and `ssh://git@host` (no password) hold none. Nor `/`:
 * a CodeCommit Git password is base64 (`https://alice-at-123456789012:AbC/dE+f=@git-codecommit…`);
 * only a port and a path (`https://registry.example:443/@scope/pkg`) are not one.
 */
const URL_PASSWORD = /[\w+.-]:\/\/[^\s/?#@:]*:(?!\d*\/)[^\s@]+@/;
/**
 * An HTTP (Proxy-)Authorization header given a scheme and credentials (`Bearer eyJ…`, `Basic
 * YWxp…`) or a bare token, or a bearer token anywhere. `Authorization: see the wiki` gives none.
 */
const AUTHORIZATION = /(?<!\w)(?:authorization["']?\s*[:=]\s*["']?(?:[a-z][\w-]*\s+[^\s"']{8}|[\w.~+/-]{16})|bearer\s+[\w.~+/-]{16})/i;

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
/**
 * Before the name in the AWS CLI's own `aws configure set NAME VALUE` (maybe after a prompt,
 * flags such as `--profile dev`, a prefix such as `default.`): the CLI writes VALUE to NAME in
 * ~/.aws/credentials, so a secret name here is given its value.
 */
const AWS_CONFIGURE_SET = /^(?:[$>]\s*)?aws\s+configure\s+set\s(?:.*[\s.])?$/i;
/** Commands that give a variable a value without "=": setx NAME v, setenv NAME v, fish's set -x NAME v. */
const VARIABLE_COMMAND = new RegExp(`^(?:setx|setenv|set|export|declare|typeset|env)(?:${SP}+-{1,2}[A-Za-z]+)*${SP}+["']?$`, 'i');

/** Before a name in a .netrc entry written on one line: its `machine`, `login` or `default` tokens. */
const NETRC_BEFORE = /^\s*(?:machine|default)\s.*\blogin\s+\S+\s+$/i;

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
  // A subscript, `os.environ["NAME"] = v`, is no JSON field.
  if (/\[["']$/.test(before)) return 'assignment';
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
  /** A `,` follows: the value may be the next field (`"NAME", "v"`). */
  comma: boolean;
}

function afterName(s: string, end: number): AfterName {
  const c = s.charCodeAt(end);
  const quoted = c === 0x22 || c === 0x27;
  // Past a subscript's closing bracket too: `os.environ["NAME"] = v`.
  const from = quoted ? (s.charCodeAt(end + 1) === 0x5d ? end + 2 : end + 1) : end;
  SPACES_AT.lastIndex = from;
  SPACES_AT.test(s);
  const at = SPACES_AT.lastIndex;
  const d = s.charCodeAt(at);
  return { quoted, at, spaced: at > from, delimiter: d === 0x3d || d === 0x3a, comma: d === 0x2c };
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
  // `aws configure set NAME VALUE --profile x`: flags may follow the value.
  if (AWS_CONFIGURE_SET.test(s.slice(0, name.index))) return NEXT_IS_FLAG.test(s.slice(after.at, after.at + 64)) ? null : 'assignment';
  ONE_VALUE_TO_END.lastIndex = name.end;
  if (!ONE_VALUE_TO_END.test(s)) return null;
  const before = s.slice(0, name.index);
  if (before === '' || before === '"' || before === "'") return 'no delimiter';
  // A .netrc entry on one line: `machine api.example.com login alice password hunter2`.
  if (NETRC_BEFORE.test(before)) return 'no delimiter';
  return VARIABLE_COMMAND.test(before) ? 'variable' : null;
}

/** A field named `value` given something (`value: v`, `"Value": "v"`, maybe a list item), at the start of `s`. */
const VALUE_FIELD = /^(?:-\s+)?["']?value["']?\s*[=:]/i;
/** A quoted value, not a variable's name (`["AWS_SECRET_ACCESS_KEY", "AWS_REGION"]` lists names). */
const QUOTED_VALUE = /^(["'])(?![A-Z0-9]*_[A-Z0-9_]*\1)[^"']+\1/;

/**
 * A quoted name and its value as the next fields of one statement: a value field (`{"name":
 * "AWS_SECRET_ACCESS_KEY", "value": "v"}`), or a quoted value, as a call's arguments
 * (`SetEnvironmentVariable("NAME", "v", "User")`, `os.environ.setdefault("NAME", "v")`).
 */
function pairedShape(s: string, name: Name, after: AfterName): Shape | null {
  // Quoted as a whole: `"NAME"`, not `"rotate the token"`.
  if (!after.quoted || s.charCodeAt(name.index - 1) !== s.charCodeAt(name.end)) return null;
  const next = s.slice(after.at + 1, after.at + 512).trimStart();
  return isValueField(next) || QUOTED_VALUE.test(next) ? 'assignment' : null;
}

/** The shape of what follows a name, or null when it is given no value. */
function shapeAfter(s: string, name: Name, after: AfterName, comment: boolean, kind: ScannedLine['kind']): Shape | null {
  if (after.delimiter) return assignedShape(s, name, after, comment, kind);
  if (after.comma) return pairedShape(s, name, after);
  return spacedShape(s, name, after);
}

/** The first secret name in `s` that is given a value, in any of the shapes above. */
function namedSecret(s: string, comment: boolean, kind: ScannedLine['kind']): SecretLine | null {
  for (const name of secretNames(s)) {
    const after = afterName(s, name.end);
    const shape = shapeAfter(s, name, after, comment, kind);
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

/**
 * A bare value standing in a column of its own: the AWS CLI's `--output table` (`|  SecretAccessKey
 * |  wJal…  |`) and `--output text` (tab-separated, `--query` picking the secret and the token).
 */
function bareInColumn(body: string): string | null {
  if (body.indexOf('\t') === -1 && body.indexOf('|') === -1) return null;
  for (const cell of body.split(/[\t|]/)) {
    const bare = bareValue(cell.trim());
    if (bare !== null) return `${bare}, in a column`;
  }
  return null;
}

/** What of `body` can hold a value of its own shape. */
interface Looks {
  mentions: boolean;
  bareSized: boolean;
  urls: boolean;
  /** The line holds a run of 40 or more base64 characters. */
  longRun: boolean;
  userFlags: boolean;
}

/** A value of its own shape in `body`: a bare value, an access key ID, a URL's password, an Authorization header, ... */
function valueShaped(body: string, looks: Looks): SecretLine | null {
  const { mentions } = looks;
  const what =
    (looks.bareSized ? bareValue(body) : null) ??
    (mentions && ACCESS_KEY_ID_IN_LINE.test(body) ? 'an access key ID inside the line' : null) ??
    (looks.urls && URL_PASSWORD.test(body) ? 'a URL with a password' : null) ??
    (mentions && AUTHORIZATION.test(body) ? 'an Authorization header' : null) ??
    (looks.longRun ? (bareInColumn(body) ?? secretRunIn(body, mentions)) : null) ??
    (mentions && PRIVATE_KEY.test(body) ? 'a private key' : null) ??
    (looks.userFlags && hasUserPasswordFlag(body) ? 'a user:password flag' : null);
  return what === null ? null : { what, key: null };
}

/** Offset of a comment's text (from `i`): past its `#`/`;` marks and spaces. */
function commentBody(text: string, i: number, to: number): number {
  while (i < to) {
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
function hasLongBase64Run(text: string, start = 0, n = text.length): boolean {
  let p = start + BARE_BASE64_MIN - 1;
  while (p < n) {
    if (!isBase64Char(text.charCodeAt(p))) {
      p += BARE_BASE64_MIN;
      continue;
    }
    let from = p;
    while (from > start && isBase64Char(text.charCodeAt(from - 1))) from--;
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
 *   token is a run of 40+ base64 characters;
 * - a URL's password: URL_PASSWORD over the whole text (a line's match is one in the text),
 *   and curl's `-u user:password` likewise;
 * - a value paired with a name on the line above: that line names a secret (HINT);
 * - a hint word hidden by an invisible or full-width character (`passw<U+200B>ord`): no
 *   such character past a leading BOM.
 * The speed trick that pays (issue 12's 20% rule): on 10,000 profiles without secrets the
 * secrets stage takes 65-70% less time in Chromium (A/B alternated in one run, load 2-6:
 * 18.2 → 5.4 ms on the budget workload, 22.6 → 7.8 ms on the mixed one).
 */
export function cannotHoldSecrets(text: string): boolean {
  HINT.lastIndex = 0;
  return (
    !HINT.test(text) && text.indexOf('\u212a') === -1 && !hasLongBase64Run(text) && !URL_PASSWORD.test(text) && !hasUserPasswordFlag(text) && !hasHidingCharacters(text, 1)
  );
}

/**
 * Finds the lines of one text that carry a secret. One finder per text: it remembers where the
 * next hint word is, so a config without secrets costs a few comparisons per line.
 */
export class SecretLineFinder {
  private hint = -2; // offset of the next HINT match; -2 not searched yet, -1 none left
  /** Does some line hold a URL's password (else no line is looked at for one)? */
  private readonly urls: boolean;
  /** ... curl's `-u user:password`, an invisible or full-width character? */
  private readonly userFlags: boolean;
  private readonly hiding: boolean;

  constructor(private readonly text: string) {
    this.urls = URL_PASSWORD.test(text);
    this.userFlags = hasUserPasswordFlag(text);
    this.hiding = hasHidingCharacters(text, 1);
  }

  /**
   * Does `line` name a secret whose value the lines below hold (secretNaming)? Behind the same
   * hint words as a named secret on the line itself: a line without one names none.
   */
  namingIn(line: ScannedLine): SecretNaming | null {
    if (line.kind === 'blank' || line.kind === 'comment' || !this.mentionsSecret(line.from, line.to)) return null;
    return secretNaming(lineText(this.text, line));
  }

  /**
   * What `line` carries, or null. `known`: for an option, its lower-cased key; for a
   * continuation, its nested secret key or null; when the caller already has it.
   */
  find(line: ScannedLine, known?: string | null): SecretLine | null {
    const { text } = this;
    switch (line.kind) {
      case 'header':
        return this.afterHeader(line);
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
    const from = comment ? commentBody(text, line.from, line.to) : line.from;
    // A bare value has no delimiter (an option's key is then the value, up to its `=` padding).
    const bareSized = line.kind === 'option' ? line.keyEnd - line.from >= MIN_BARE : line.to - from >= MIN_BARE;
    return this.content(from, line.to, comment, line.kind, bareSized);
  }

  /**
   * What follows a header's `]`, read as the content of a line of its own (configparser
   * ignores it, so only that text goes: the header and its section stay).
   */
  private afterHeader(line: ScannedLine): SecretLine | null {
    const start = commentBody(this.text, line.close + 1, line.to);
    // `[p] # …` is a comment (its `#` skipped with the spaces), `[p] k = v` a line's content.
    const comment = /[#;]/.test(this.text.slice(line.close + 1, start));
    const found = this.content(start, line.to, comment, 'option', line.to - start >= MIN_BARE);
    return found && { what: `${found.what}, after a section header`, key: null };
  }

  /** What the content text[from, to) of a line of `kind` carries (`comment`: it is commented out). */
  private content(from: number, to: number, comment: boolean, kind: ScannedLine['kind'], bareSized: boolean): SecretLine | null {
    if (from === to) return null;
    // (Short lines cost one comparison: a run of 40 does not fit.)
    const longRun = hasLongBase64Run(this.text, from, to);
    let mentions = this.mentionsSecret(from, to);
    if (!mentions && !bareSized && !this.urls && !longRun && !this.userFlags && !this.hiding) return null;
    // Read as a person reads it (hidden characters, percent-encoding undone): the line goes as written.
    const raw = this.text.slice(from, to);
    const body = readableLine(raw, this.hiding);
    if (body !== raw) mentions = HINT_ONE.test(body);
    const looks = { mentions, bareSized, urls: this.urls, longRun: longRun || (body !== raw && hasLongBase64Run(body)), userFlags: this.userFlags };
    const found = (mentions ? namedSecret(body, comment, kind) : null) ?? valueShaped(body, looks);
    return found && comment ? { what: `${found.what}, commented out`, key: null } : found;
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

// ---- Names whose value is on the lines below (strip-secrets pairs them) ----

/**
 * A line that is only a field named `name` giving a secret's name, its value to come on the
 * next line: Kubernetes' `- name: AWS_SECRET_ACCESS_KEY` (then `value: …`), CloudFormation's
 * `- Name: …` (then `Value: …`), pretty JSON's `"name": "…",` (then `"value": "…"`).
 */
const NAME_FIELD = /^(?:-\s+)?["']?name["']?\s*[=:]\s*(["']?)([\w-]+)\1\s*,?$/i;
/** A CSV header: two or more fields of words (`User name,Password,Console sign-in URL`). */
const CSV_HEADER = /^[a-z][\w -]*(?:,[a-z][\w -]*)+$/i;

/** A line that names a secret whose value is below it: how the preview shows the name, and what a value line is. */
export interface SecretNaming {
  name: string;
  /** 0: the next `value` field; else the number of fields of a CSV header, its rows next. */
  fields: number;
}

/**
 * `line` (stripped) names a secret without its value: a `name` field of its own, or the header
 * of a CSV table with a secret column (the console's "Download .csv" of a new IAM user's
 * password, `User name,Password,Console sign-in URL`). A password has no shape of its own to
 * find it by in the rows. (An access key's CSV needs none: its rows hold an access key ID.)
 */
export function secretNaming(line: string): SecretNaming | null {
  const field = NAME_FIELD.exec(line);
  if (field !== null) return named(field[2]!, 0);
  if (!CSV_HEADER.test(line)) return null;
  const fields = line.split(',');
  for (const f of fields) {
    const found = named(f.trim(), fields.length);
    if (found !== null) return found;
  }
  return null;
}

/** `s` is, as a whole, a secret's name: the naming, else null. */
function named(s: string, fields: number): SecretNaming | null {
  for (const name of secretNames(s)) if (name.index === 0 && name.end === s.length) return { name: shownName(name), fields };
  return null;
}

/** Is `line` (stripped), right under `naming` (or under a value of it), that secret's value? */
export function isNamedValue(line: string, naming: SecretNaming): boolean {
  // A CSV row: a password with a comma only adds fields.
  return naming.fields ? line.split(',').length >= naming.fields : isValueField(line);
}

function isValueField(s: string): boolean {
  const m = VALUE_FIELD.exec(s);
  return m !== null && hasValue(s, m[0].length);
}
