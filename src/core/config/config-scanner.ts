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

/** option: the key lower-cased (configparser's optionxform). */
export function optionKey(text: string, line: ScannedLine): string {
  return text.slice(line.from, line.keyEnd).toLowerCase();
}

/** configparser's state between lines: is there a current key (optname truthy), and its indentation. */
interface ParserState {
  sawHeader: boolean;
  hasKey: boolean;
  indentLevel: number;
}

/** Where the next line ends: cached indexOf of '\n' and '\r' (-2: not searched yet, -1: none left). */
interface LineEnds {
  nextLf: number;
  nextCr: number;
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
  const line: ScannedLine = { kind: 'blank', lineNo: 0, start: 0, end: 0, next: 0, indent: 0, from: 0, to: 0, close: -1, keyEnd: 0, valueFrom: 0, beforeSection: true, inValue: false };
  const state: ParserState = { sawHeader: false, hasKey: false, indentLevel: 0 };
  const ends: LineEnds = { nextLf: -2, nextCr: -2 };
  let pos = startsWithBom(text) ? 1 : 0;
  let lineNo = 0;
  while (pos < n) {
    line.lineNo = ++lineNo;
    line.start = pos;
    findLineEnd(text, pos, ends, line);
    let a = pos;
    while (a < line.end && isPySpace(text.charCodeAt(a))) a++;
    let b = line.end;
    while (b > a && isPySpace(text.charCodeAt(b - 1))) b--;
    line.indent = a - pos;
    line.from = a;
    line.to = b;
    line.beforeSection = !state.sawHeader;
    line.inValue = false;
    classifyLine(text, line, state);
    if (visit(line) === false) return;
    pos = line.next;
  }
}

/** Sets line.end and line.next for the line starting at `pos` (text mode: '\n', '\r', '\r\n'). */
function findLineEnd(text: string, pos: number, ends: LineEnds, line: ScannedLine): void {
  if (ends.nextLf !== -1 && ends.nextLf < pos) ends.nextLf = text.indexOf('\n', pos);
  if (ends.nextCr !== -1 && ends.nextCr < pos) ends.nextCr = text.indexOf('\r', pos);
  const { nextLf, nextCr } = ends;
  if (nextCr !== -1 && (nextLf === -1 || nextCr < nextLf)) {
    line.end = nextCr;
    line.next = nextLf === nextCr + 1 ? nextCr + 2 : nextCr + 1;
  } else if (nextLf !== -1) {
    line.end = nextLf;
    line.next = nextLf + 1;
  } else {
    line.end = text.length;
    line.next = text.length;
  }
}

/** configparser's decision for one line (its stripped content is text[line.from, line.to)). */
function classifyLine(text: string, line: ScannedLine, state: ParserState): void {
  const a = line.from;
  const b = line.to;
  if (a === b) {
    line.kind = 'blank';
    // empty_lines_in_values=True: the blank line becomes part of the current value.
    line.inValue = state.hasKey;
    return;
  }
  const first = text.charCodeAt(a);
  if (first === 0x23 /* # */ || first === 0x3b /* ; */) {
    // A whole-line comment is invisible: it neither ends nor extends a value.
    line.kind = 'comment';
  } else if (state.hasKey && line.indent > state.indentLevel) {
    line.kind = 'continuation';
  } else {
    state.indentLevel = line.indent;
    const close = first === 0x5b /* [ */ ? lastCloseBracket(text, a, b) : -1;
    if (close !== -1) {
      line.kind = 'header';
      line.close = close;
      state.sawHeader = true;
      state.hasKey = false;
    } else classifyKeyLine(text, line, state);
  }
}

/** A line that is not a header: `key = value`, or one of configparser's ParsingErrors. */
function classifyKeyLine(text: string, line: ScannedLine, state: ParserState): void {
  const a = line.from;
  const b = line.to;
  let d = a;
  while (d < b) {
    const c = text.charCodeAt(d);
    if (c === 0x3d /* = */ || c === 0x3a /* : */) break;
    d++;
  }
  if (d === b) {
    // ParsingError; configparser keeps the previous key as the current one.
    line.kind = 'no-delimiter';
    return;
  }
  let k = d;
  while (k > a && isPySpace(text.charCodeAt(k - 1))) k--;
  let v = d + 1;
  while (v < b && isPySpace(text.charCodeAt(v))) v++;
  line.keyEnd = k;
  line.valueFrom = v;
  // An empty key is a ParsingError; the key becomes '' (falsy), so nothing continues it.
  line.kind = k === a ? 'empty-key' : 'option';
  state.hasKey = k !== a;
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
