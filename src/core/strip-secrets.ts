// stripSecrets: remove credentials from pasted config text before anything stores it.
//
// People paste their credentials file, or a config with keys in it. Every line that
// holds one of the secret keys (found with the parser's own line scanner, so "what is a
// key" means exactly what it means to the AWS CLI: lower-cased, '=' or ':', in any
// section including [DEFAULT]) is removed together with its continuation lines. So is a
// continuation line that itself holds `aws_secret_access_key = ...` (inside a nested block,
// also after a line break only Python sees, such as U+2028). Every other byte, line endings
// included, is kept as it was.
//
// A secret wrapped onto the next lines when it was copied goes too: lines right under a
// removed line that have no delimiter (the AWS CLI rejects those anyway) or are nothing but
// token characters (`EXAMPLEREST==`, which reads as a key), and the lines indented under a
// removed nested secret key (its value, to the AWS CLI).
//
// Removing those lines never changes how the remaining lines are read: a key line's
// successors are, by construction, not more indented than it, and continuation lines do
// not move configparser's indentation reference.

import type { RemovedSecrets } from './types';
import { headerName, isPyLineBoundary, isPySpace, lineText, optionKey, pyStrip, scanConfigLines } from './config-scanner';

export const SECRET_KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token'] as const;

/** The secret keys, lower-cased, as a set: their values are never stored or quoted in a message. */
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

/**
 * A line that is only token characters (base64, maybe `=` padding): a wrapped piece of a
 * secret. At least 16 of them, with an upper-case letter, `+` or `/`: config keys are lower case.
 */
const TOKEN_PIECE = /^(?=[^=]*[A-Z+/])[A-Za-z0-9+/]{16,}={0,2}$/;

export function stripSecrets(text: string): { text: string; removed: RemovedSecrets[] } {
  const kept: string[] = [];
  let keepFrom = 0;
  const bySection = new Map<string, RemovedSecrets>();
  let section = '';
  /** The current key (the one continuation lines extend) is a secret. */
  let inSecret = false;
  /** The line before was removed as a secret: a token wrapped onto this one is removed too. */
  let afterSecret = false;
  /** Indentation of the last nested secret line removed: deeper lines below it are its value. */
  let nestedIndent = -1;

  scanConfigLines(text, (line) => {
    let key: string | null = null;
    const wrapped = afterSecret;
    afterSecret = false;
    switch (line.kind) {
      case 'header':
        section = headerName(text, line);
        inSecret = false;
        return;
      case 'option': {
        const optKey = optionKey(text, line);
        nestedIndent = -1;
        inSecret = SECRET_KEY_NAMES.has(optKey);
        if (inSecret) key = optKey;
        // `EXAMPLETOKENREST==` under a session token is the token's wrapped end, not a key.
        else if (wrapped && TOKEN_PIECE.test(lineText(text, line))) inSecret = true;
        else return;
        break;
      }
      case 'empty-key':
        inSecret = false;
        nestedIndent = -1;
        return;
      case 'continuation': {
        const inner = nestedSecretKey(lineText(text, line));
        if (inner !== null) {
          key = inner;
          nestedIndent = line.indent;
        } else if (!inSecret && !(nestedIndent !== -1 && line.indent > nestedIndent)) {
          nestedIndent = -1;
          return;
        }
        break;
      }
      case 'no-delimiter':
        // The AWS CLI rejects such a line anyway; right under a secret it is the secret, wrapped.
        if (!wrapped) return;
        break;
      default:
        // blank, comment: configparser keeps the current key, and so do we.
        return;
    }
    afterSecret = true;
    if (line.start > keepFrom) kept.push(text.slice(keepFrom, line.start));
    keepFrom = line.next;
    let entry = bySection.get(section);
    if (!entry) {
      entry = { section, keys: [], lines: [] };
      bySection.set(section, entry);
    }
    if (key !== null && !entry.keys.includes(key)) entry.keys.push(key);
    entry.lines.push(line.lineNo);
  });

  if (keepFrom === 0) return { text, removed: [] };
  kept.push(text.slice(keepFrom));
  return { text: kept.join(''), removed: [...bySection.values()] };
}
