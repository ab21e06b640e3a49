// Secrets that secret-lines.ts finds by the shape of a value inside a line, not by a name
// given to it (found in review: docs/aws-facts.md §6 shapes pasted some other way), and the
// reading of a line that undoes what copying does to text (invisible characters, full-width
// forms, percent-encoding), so a name or value hidden that way is still recognised.
//
// Only descriptions come out of here, never offsets: what a line is read as decides whether
// the whole line goes, and the line itself is removed as it was written.

const isRunChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;

/** A session token, an ECR password: far longer than any role path or file path run (those stop at `-`, `_` or `.`). */
const TOKEN_RUN_MIN = 100;

/**
 * A run of base64 characters inside `s` that is a secret: exactly 40 of them with both cases
 * and a digit or `+` (a secret access key) when the line mentions a secret (`<SecretAccessKey>…`,
 * `Secret access key: …`, `aws_secret_access_key_old = …`, `-Value "…"` after a variable's name),
 * or 100 and more with both cases and a digit anywhere (a session token: `docker login -p …`,
 * `<SessionToken>…`). A role or file path of 40 (`role_name = Abcdefghij/Klmnopqrst/…`) has no
 * secret word on its line; the digit or `+` keeps `/Users/alice/Library/Application/Support` out.
 */
export function secretRunIn(s: string, mentions: boolean): string | null {
  for (let i = 0; i < s.length; i++) {
    if (!isRunChar(s.charCodeAt(i))) continue;
    const from = i;
    while (i < s.length && isRunChar(s.charCodeAt(i))) i++;
    const length = i - from;
    if (length !== 40 && length < TOKEN_RUN_MIN) continue;
    const run = s.slice(from, i);
    if (!/[a-z]/.test(run) || !/[A-Z]/.test(run)) continue;
    if (length >= TOKEN_RUN_MIN && /[0-9]/.test(run)) return 'a value shaped like a session token inside the line';
    if (length === 40 && mentions && /[0-9+]/.test(run)) return 'a value shaped like a secret access key inside the line';
  }
  return null;
}

/**
 * A PEM private key with its content on the same line: a JSON string with `\n` escapes (a
 * service account's `private_key`, the `aws login` cache's `dpopKey`). A PEM block over
 * several lines loses its base64 lines as bare values; its BEGIN line holds nothing.
 */
export const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:\\[rn]|\s)*[A-Za-z0-9+/]{16}/;

/** curl's `-u user:password` and its long forms (not `-U`, its rare short proxy form: one more search of the text), from where the flag starts; not a numeric `uid:gid` (`docker run -u 1000:1000`). */
const USER_PASSWORD_FLAG = /(?:-u|--user|--proxy-user)(?:\s+|=)["']?(?!\d+:\d+(?:["'\s]|$))[^\s:"'@]+:[^\s"']+/y;

const isFlagWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x5f || c === 0x2d;

/**
 * Does `s` hold curl's `-u user:password` (`--user`, `--proxy-user`), whose password has no
 * name? Found from each `-u` (the long forms end in `-user`): a regex searching for the flag's
 * start costs three times as much on a 10,000-profile config, where this runs for the fast path.
 */
export function hasUserPasswordFlag(s: string): boolean {
  for (let i = s.indexOf('-u'); i !== -1; i = s.indexOf('-u', i + 2)) {
    // Cheap first: a value or `=` follows, or `-user` goes on (`-uat` environments are everywhere).
    const next = s.charCodeAt(i + 2);
    if (next !== 0x20 && next !== 0x09 && next !== 0x3d && next !== 0x73) continue;
    const start = s.startsWith('--proxy-user', i - 7) ? i - 7 : s.charCodeAt(i - 1) === 0x2d ? i - 1 : i;
    // Not inside a word (`ci-user`).
    if (start > 0 && isFlagWordChar(s.charCodeAt(start - 1))) continue;
    USER_PASSWORD_FLAG.lastIndex = start;
    if (USER_PASSWORD_FLAG.test(s)) return true;
  }
  return false;
}

/**
 * Characters that show as nothing: zero-width spaces and joiners, bidi marks, the soft hyphen,
 * a byte-order mark. Chat tools and wikis put them into text they let people copy (inside long
 * words, to let them wrap), and `aws_secret_acc<U+200B>ess_key` is no longer the name it shows.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
/**
 * INVISIBLE but the soft hyphen (looked for with indexOf: then a text of Latin-1 characters
 * only is ruled out at once), or what NFKC turns into ASCII: full-width forms (`ｓｅｃｒｅｔ ＝`,
 * typed with an East Asian input method).
 */
const HIDING = /[\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\uff01-\uff5e]/g;
const PERCENT = /%[0-9A-Fa-f]{2}/;

/**
 * Does `text` (from offset `from`) hold a character readableLine would change the meaning of
 * a line by (a BOM at offset 0 is the file's, and stays outside every line)? `%` is left out:
 * percent-encoding hides values, not the hint words that make a text worth reading.
 */
export function hasHidingCharacters(text: string, from = 0): boolean {
  HIDING.lastIndex = from;
  return text.indexOf('\u00ad', from) !== -1 || HIDING.test(text);
}

/**
 * `s` as a person reads it: invisible characters dropped, full-width forms made ASCII (NFKC),
 * and percent-encoding decoded (the console federation URL carries the session's keys as
 * `Session=%7B%22sessionId%22%3A…`). The same string when there is nothing to undo.
 */
export function readableLine(s: string, hiding: boolean): string {
  let out = s;
  if (hiding) out = out.replace(INVISIBLE, '').normalize('NFKC');
  if (PERCENT.test(out)) out = out.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}
