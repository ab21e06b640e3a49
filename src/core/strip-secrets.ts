// stripSecrets: remove credentials from pasted config text before anything stores it.
//
// People paste their credentials file, or a config with keys in it. Every line that
// holds one of the secret keys (found with the parser's own line scanner, so "what is a
// key" means exactly what it means to the AWS CLI: lower-cased, '=' or ':', in any
// section including [DEFAULT]) is removed together with its continuation lines. So is a
// continuation line that itself holds `aws_secret_access_key = ...` (inside a nested block,
// also after a line break only Python sees, such as U+2028). Every other byte, line endings included, is kept as it was.
//
// Removing those lines never changes how the remaining lines are read: a key line's
// successors are, by construction, not more indented than it, and continuation lines do
// not move configparser's indentation reference.

import type { RemovedSecrets } from './types';
import { headerName, isPyLineBoundary, isPySpace, lineText, optionKey, pyStrip, scanConfigLines } from './config-scanner';

export const SECRET_KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token'] as const;

const SECRETS: ReadonlySet<string> = new Set(SECRET_KEYS);

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
    if (key !== null && SECRETS.has(key)) return key;
    start = i + 1;
  }
  return null;
}

export function stripSecrets(text: string): { text: string; removed: RemovedSecrets[] } {
  const kept: string[] = [];
  let keepFrom = 0;
  const bySection = new Map<string, RemovedSecrets>();
  let section = '';
  /** The current key (the one continuation lines extend) is a secret. */
  let inSecret = false;

  scanConfigLines(text, (line) => {
    let key: string | null = null;
    switch (line.kind) {
      case 'header':
        section = headerName(text, line);
        inSecret = false;
        return;
      case 'option': {
        const optKey = optionKey(text, line);
        inSecret = SECRETS.has(optKey);
        if (!inSecret) return;
        key = optKey;
        break;
      }
      case 'empty-key':
        inSecret = false;
        return;
      case 'continuation': {
        const inner = nestedSecretKey(lineText(text, line));
        if (inner !== null) key = inner;
        else if (inSecret) key = null;
        else return;
        break;
      }
      default:
        // blank, comment, no-delimiter: configparser keeps the current key, and so do we.
        return;
    }
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
