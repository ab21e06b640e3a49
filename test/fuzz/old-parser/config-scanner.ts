// The one line tokenizer for AWS config text, shared by parseAwsConfig and stripSecrets.
//
// It reproduces, line by line, how Python's configparser.RawConfigParser (as botocore
// creates it: delimiters '=' and ':', whole-line comments '#'/';', no inline comments,
// empty lines kept inside values, strict) classifies each line when the file is read in
// text mode. Deciding what is a continuation needs a little state (is there a current
// key, how deep was it indented), so that state lives here too; what the lines *mean*
// (sections, duplicates, DEFAULT, profiles) is the parser's business.
//
// Python facts this file depends on (checked against CPython 3.11's configparser/io):
// - Text-mode reading splits lines ONLY on '\n', '\r' and '\r\n' (universal newlines);
//   U+2028, U+0085, '\v', '\f', '\x1c'... are not line ends there (but are whitespace).
// - str.strip() and the regex '\s' use str.isspace(), which differs from JS trim():
//   it includes '\x1c'-'\x1f' and U+0085 and excludes U+FEFF (a BOM is not whitespace).
// - Indentation is counted in characters (a tab is one), measured on the raw line.

/** Python's str.isspace() for one UTF-16 code unit (every Python space is in the BMP). */
export function isPySpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Python's str.strip() (no arguments). */
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isPySpace(s.charCodeAt(a))) a++;
  while (b > a && isPySpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Python's str.splitlines() boundaries: \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029 (\r\n is one). */
export function isPyLineBoundary(c: number): boolean {
  return (c >= 0x0a && c <= 0x0d) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

export type LineKind =
  /** Only whitespace. */
  | 'blank'
  /** First non-blank character is '#' or ';'. */
  | 'comment'
  /** `[name]`: configparser's greedy `\[(?P<header>.+)\]` on the stripped line. */
  | 'header'
  /** `key = value` / `key: value` (the first '=' or ':' wins). */
  | 'option'
  /** Indented deeper than the current key: one more line of its value. */
  | 'continuation'
  /** No '=' or ':' (configparser ParsingError). */
  | 'no-delimiter'
  /** Delimiter with nothing before it (`= x`, also a ParsingError). */
  | 'empty-key';

/**
 * One scanned line, as offsets into the text: the scanner allocates no strings, because most
 * of them would be thrown away (a header's raw text, a comment, a key the parser already
 * knows). Visitors take the strings they need with the helpers below. The scanner reuses a
 * single object for every line (the parser visits 100k-line files), so a visitor must copy
 * what it wants to keep.
 */
export interface ScannedLine {
  kind: LineKind;
  /** 1-based line number, as Python's enumerate(file, start=1) counts. */
  lineNo: number;
  /** Offset of the line's first character in the text. */
  start: number;
  /** Offset just past the line's content (before its line terminator). */
  end: number;
  /** Offset of the next line (past the terminator); equals `end` on the last line. */
  next: number;
  /** Leading whitespace, in characters. */
  indent: number;
  /** The stripped content (Python str.strip()) is text[from, to); empty for blank lines. */
  from: number;
  to: number;
  /** header: offset of the ']' that closes the name; the name is text[from + 1, close). */
  close: number;
  /** option, empty-key: the key as written (rstripped) is text[from, keyEnd). */
  keyEnd: number;
  /** option, empty-key: the value (stripped) is text[valueFrom, to). */
  valueFrom: number;
  /** option: every character of the key is ASCII (so lower-casing it is ASCII lower-casing). */
  asciiKey: boolean;
  /** option, ASCII key: no upper-case letter in it (the text already holds the lower-cased key). */
  lowerKey: boolean;
  /** option, ASCII key: FNV-1a of the lower-cased key, for the key table. */
  keyHash: number;
  /**
   * True while no section header has been seen yet: configparser would have raised
   * MissingSectionHeaderError at the first such content line. The scanner still treats
   * `key = value` there as an option, so its continuation lines stay attached to it.
   */
  beforeSection: boolean;
  /** blank: configparser appends an empty line to the current key's value here. */
  inValue: boolean;
}

/** Called once per line; returning false stops the scan. */
export type LineVisitor = (line: ScannedLine) => boolean | void;

/** U+FEFF at the very start: Python reads it as a character (not whitespace), so the CLI rejects the file. */
export function startsWithBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

/** The stripped line (header, continuation, no-delimiter and empty-key lines). */
export function lineText(text: string, line: ScannedLine): string {
  return text.slice(line.from, line.to);
}

/** header: the section name, exactly as configparser takes it (case and inner spaces kept). */
export function headerName(text: string, line: ScannedLine): string {
  return text.slice(line.from + 1, line.close);
}

/** header: whatever follows the closing ']' on the line (configparser ignores it), stripped. */
export function afterHeader(text: string, line: ScannedLine): string {
  return line.close + 1 < line.to ? pyStrip(text.slice(line.close + 1, line.to)) : '';
}

/** option, empty-key: the key as written (rstripped, case kept). */
export function rawKey(text: string, line: ScannedLine): string {
  return text.slice(line.from, line.keyEnd);
}

/** option: the key lower-cased (configparser's optionxform), as one shared string per distinct key. */
export function optionKey(text: string, line: ScannedLine): string {
  return line.asciiKey ? (keyTable[optionKeySlot(text, line)] as string) : text.slice(line.from, line.keyEnd).toLowerCase();
}

/**
 * option with an ASCII key: the key's slot in the key table (valid until the next call);
 * keyInSlot gives the lower-cased key, and a caller may keep its own facts about that key
 * with keyTag/setKeyTag (the table forgets them when it is full and starts over).
 */
export function optionKeySlot(text: string, line: ScannedLine): number {
  return tableSlot(text, line.from, line.keyEnd, line.keyHash, line.lowerKey);
}

export function keyInSlot(slot: number): string {
  return keyTable[slot] as string;
}

export function keyTag(slot: number): unknown {
  return keyTags[slot];
}

export function setKeyTag(slot: number, tag: unknown): void {
  keyTags[slot] = tag;
}

// Configs repeat a handful of keys (`region`, `role_arn`) thousands of times. Keys are
// looked up straight from the text's characters in an open-addressing table: one string per
// distinct key instead of one slice plus one lower-cased copy per line, and the parser's
// per-key facts (Map lookups by that shared string) hit a cached hash.
const KEY_TABLE_SIZE = 1 << 12;
const KEY_TABLE_MAX = KEY_TABLE_SIZE >> 1;
let keyTable: (string | undefined)[] = new Array<string | undefined>(KEY_TABLE_SIZE);
let keyTags: unknown[] = new Array<unknown>(KEY_TABLE_SIZE);
let keyTableCount = 0;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/**
 * The slot of text[a, b) (ASCII) lower-cased in the key table, added if new. `hash` is FNV-1a
 * of the lower-cased characters (the scanner computes it while it looks for the delimiter);
 * `lower` says the text has no upper-case letter there, so a native compare checks a slot.
 */
function tableSlot(text: string, a: number, b: number, hash: number, lower: boolean): number {
  const length = b - a;
  let slot = hash & (KEY_TABLE_SIZE - 1);
  for (;;) {
    const key = keyTable[slot];
    if (key === undefined) break;
    if (key.length === length && (lower ? text.startsWith(key, a) : sameFolded(text, a, key))) return slot;
    slot = (slot + 1) & (KEY_TABLE_SIZE - 1);
  }
  if (keyTableCount >= KEY_TABLE_MAX) {
    // Bounded, so a paste with a million distinct keys cannot grow it without end.
    keyTable = new Array<string | undefined>(KEY_TABLE_SIZE);
    keyTags = new Array<unknown>(KEY_TABLE_SIZE);
    keyTableCount = 0;
    return tableSlot(text, a, b, hash, lower);
  }
  keyTable[slot] = internalized(text.slice(a, b).toLowerCase());
  keyTableCount++;
  return slot;
}

/**
 * The engine's one shared copy of `s` (a property name is stored that way): comparing it
 * with a string literal, or looking it up in a Map, then needs no character comparison or
 * hashing. Done once per distinct key.
 */
function internalized(s: string): string {
  const holder: Record<string, true> = {};
  holder[s] = true;
  for (const key in holder) return key;
  return s;
}

/** text at `a` equals the lower-case ASCII `key` after ASCII lower-casing. */
function sameFolded(text: string, a: number, key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    let c = text.charCodeAt(a + i);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (key.charCodeAt(i) !== c) return false;
  }
  return true;
}

/**
 * Calls `visit` once per line of `text`, in order, with configparser's classification
 * (until it returns false).
 * A leading BOM is skipped (so the rest can still be read); callers that care report it.
 * Linear time: line ends are found with cached indexOf, everything else looks only at
 * the characters of the current line.
 */
export function scanConfigLines(text: string, visit: LineVisitor): void {
  const n = text.length;
  const line: ScannedLine = {
    kind: 'blank',
    lineNo: 0,
    start: 0,
    end: 0,
    next: 0,
    indent: 0,
    from: 0,
    to: 0,
    close: -1,
    keyEnd: 0,
    valueFrom: 0,
    asciiKey: true,
    lowerKey: true,
    keyHash: 0,
    beforeSection: true,
    inValue: false,
  };
  // configparser state: is there a current key (optname truthy) and its indentation.
  let sawHeader = false;
  let hasKey = false;
  let indentLevel = 0;

  let pos = startsWithBom(text) ? 1 : 0;
  let nextLf = -2; // cached text.indexOf('\n', ...); -2 = not searched yet, -1 = none left
  let nextCr = -2;
  let lineNo = 0;

  while (pos < n) {
    if (nextLf !== -1 && nextLf < pos) nextLf = text.indexOf('\n', pos);
    if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf('\r', pos);
    let end: number;
    let next: number;
    if (nextCr !== -1 && (nextLf === -1 || nextCr < nextLf)) {
      end = nextCr;
      next = nextLf === nextCr + 1 ? nextCr + 2 : nextCr + 1;
    } else if (nextLf !== -1) {
      end = nextLf;
      next = nextLf + 1;
    } else {
      end = n;
      next = n;
    }
    lineNo++;

    let a = pos;
    while (a < end && isPySpace(text.charCodeAt(a))) a++;
    let b = end;
    while (b > a && isPySpace(text.charCodeAt(b - 1))) b--;

    line.lineNo = lineNo;
    line.start = pos;
    line.end = end;
    line.next = next;
    line.indent = a - pos;
    line.from = a;
    line.to = b;
    line.beforeSection = !sawHeader;
    line.inValue = false;

    if (a === b) {
      line.kind = 'blank';
      // empty_lines_in_values=True: the blank line becomes part of the current value.
      line.inValue = hasKey;
    } else {
      const first = text.charCodeAt(a);
      if (first === 0x23 /* # */ || first === 0x3b /* ; */) {
        // A whole-line comment is invisible: it neither ends nor extends a value.
        line.kind = 'comment';
      } else if (hasKey && a - pos > indentLevel) {
        line.kind = 'continuation';
      } else {
        indentLevel = a - pos;
        const close = first === 0x5b /* [ */ ? lastCloseBracket(text, a, b) : -1;
        if (close !== -1) {
          line.kind = 'header';
          line.close = close;
          sawHeader = true;
          hasKey = false;
        } else {
          // Find the delimiter; on the way, hash the key as lower-cased ASCII (up to its last
          // non-space character) for the key table.
          let d = a;
          let ascii = true;
          let lower = true;
          let h = FNV_OFFSET;
          let keyHash = FNV_OFFSET;
          while (d < b) {
            let c = text.charCodeAt(d);
            if (c === 0x3d /* = */ || c === 0x3a /* : */) break;
            if (c > 0x7f) ascii = false;
            else if (c >= 0x41 && c <= 0x5a) {
              c += 32;
              lower = false;
            }
            h = Math.imul(h ^ c, FNV_PRIME);
            if (!(c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f))) keyHash = h;
            d++;
          }
          if (d === b) {
            // ParsingError; configparser keeps the previous key as the current one.
            line.kind = 'no-delimiter';
          } else {
            let k = d;
            while (k > a && isPySpace(text.charCodeAt(k - 1))) k--;
            let v = d + 1;
            while (v < b && isPySpace(text.charCodeAt(v))) v++;
            line.keyEnd = k;
            line.valueFrom = v;
            line.asciiKey = ascii;
            line.lowerKey = lower;
            line.keyHash = keyHash;
            if (k === a) {
              // ParsingError; the key becomes '' (falsy), so nothing continues it.
              line.kind = 'empty-key';
              hasKey = false;
            } else {
              line.kind = 'option';
              hasKey = true;
            }
          }
        }
      }
    }
    if (visit(line) === false) return;
    pos = next;
  }
}

/** Index of the ']' that ends configparser's greedy header match, or -1 (needs 1+ name characters). */
function lastCloseBracket(text: string, a: number, b: number): number {
  for (let i = b - 1; i >= a + 2; i--) {
    if (text.charCodeAt(i) === 0x5d /* ] */) return i;
  }
  return -1;
}

/** Number of lines Python would enumerate in `text` (a final line without terminator counts). */
export function countLines(text: string): number {
  let count = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) count++;
    else if (c === 0x0d) {
      count++;
      if (text.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  const last = text.charCodeAt(n - 1);
  return n > 0 && last !== 0x0a && last !== 0x0d ? count + 1 : count;
}
