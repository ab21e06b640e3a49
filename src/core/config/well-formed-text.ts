// Text pasted into a page can hold a lone UTF-16 surrogate (half of an emoji cut by a copy, or
// bytes a tool mangled). No file the AWS CLI reads can: such text is not encodable as UTF-8,
// and every later stage (storage's encoder, URL building) would fail on it. So it is the first
// thing fixed: each lone surrogate becomes U+FFFD (one code unit for one, so offsets and line
// numbers stay as they were), and each line that had one gets a diagnostic.
import type { Diagnostic } from '../types';

const LONE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const HAS_LONE_SURROGATE = new RegExp(LONE);
const LONE_SURROGATE = new RegExp(LONE, 'g');

export function replaceLoneSurrogates(text: string): { text: string; diagnostics: Diagnostic[] } {
  if (!HAS_LONE_SURROGATE.test(text)) return { text, diagnostics: [] };
  const lines = new Set<number>();
  let line = 1;
  let scanned = 0;
  const fixed = text.replace(LONE_SURROGATE, (_match, offset: number) => {
    line += countLineBreaks(text, scanned, offset);
    scanned = offset;
    lines.add(line);
    return '\uFFFD';
  });
  const diagnostics = [...lines].map((n) => ({
    line: n,
    severity: 'error' as const,
    message: `Line ${n}: a broken character (half of a UTF-16 pair, which no file can hold) was replaced with "\uFFFD"; the AWS CLI could not read this line as written.`,
  }));
  return { text: fixed, diagnostics };
}

/** Line breaks in text[from, to), counted as the parser counts lines (\n, \r, \r\n). */
function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) n++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) n++;
  }
  return n;
}
