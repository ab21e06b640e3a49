// stripSecrets: remove credentials from pasted text before anything stores it. The one place
// where lines are removed: the import stores its result, and importConfig reads the same
// removal (as comment lines, to keep line numbers) for the preview.
//
// A line goes when it carries a secret in any syntax (secret-lines.ts says which, and what it
// is), and so do the lines that belong to it:
// - the continuation lines of a removed key (the AWS CLI reads them as its value), and the lines
//   indented deeper than a removed nested line (its value);
// - a piece of a value wrapped onto the next lines when it was copied: right under a removed
//   line, a single word with no delimiter (the AWS CLI rejects such a line anyway), or nothing
//   but token characters (`EXAMPLEREST==`, which reads as a key). A blank line ends the wrapping.
// - the next line of a removed command that ends in a line continuation (`\` in a shell, `` ` ``
//   in PowerShell, `^` in cmd): `aws configure set aws_secret_access_key \` puts the secret on
//   the indented line below. Not a `key = value` line at the left margin (the AWS CLI reads that
//   as a key of its own), nor a header, comment or blank line.
// And a line goes when the line above it names a secret whose value it is: a `value:` field
// under `- name: AWS_SECRET_ACCESS_KEY`, the rows under a CSV header with a Password column
// (the naming line holds no secret and stays).
// A section header never goes; what follows its `]` on the same line does when it carries a
// secret (configparser ignores that text, so the header reads the same without it).
// Every other byte, line endings included, is kept as it was.
//
// Removing those lines never changes how the remaining lines are read: a removed key line's
// successors are, by construction, not more indented than it, continuation lines do not move
// configparser's indentation reference, and a comment is invisible to it. (A removed line that
// is not a key, such as a bare value, sits where the AWS CLI rejects the file anyway.)

import type { RemovedSecrets } from '../types';
import { headerName, lineText, scanConfigLines, type ScannedLine } from './config-scanner';
import { SecretLineFinder, cannotHoldSecrets, isNamedValue, type SecretNaming } from './secret-lines';

export { SECRET_KEYS, SECRET_KEY_NAMES, nestedSecretKey } from './secret-lines';

/**
 * A line that is only token characters (base64, maybe the closing quote): a wrapped piece of a
 * secret. With an upper-case letter, `+` or `/` (config keys are lower case), and either at
 * least 16 of them or `=` padding (the end of a token; `key=` with an empty value has neither).
 */
const TOKEN_PIECE = /^(?=[^=]*[A-Z+/])(?:[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9+/]+={1,2})["']?,?$/;
/**
 * The last piece of a token wrapped over several lines, right under another piece: token
 * characters with a digit, `+` or `/` (a random tail may have no capital: `groo3hxunv7qcat=`;
 * a config key with an empty value, `region=`, has neither digit, `+` nor `/`).
 */
const TOKEN_TAIL = /^(?=[^=]*[0-9+/])[A-Za-z0-9+/]+={0,2}["']?,?$/;
/** A line that a shell, PowerShell or cmd continues on the next line. */
const COMMAND_GOES_ON = /[\\`^]$/;
/** One word with no delimiter, holding a letter or digit (not a lone `}`). */
const LONE_WORD = /^[^\s=:]*[A-Za-z0-9][^\s=:]*$/;

/** What the walk knows about the lines above the current one. */
interface WalkState {
  section: string;
  /** Line of the removed key whose value continuation lines are (0: none). */
  valueOf: number;
  /** A removed continuation line: lines indented deeper than `nestedIndent` are its value. */
  nestedOf: number;
  nestedIndent: number;
  /** The line just above was removed: the line a wrapped piece here belongs to (0: none). */
  wrappedOf: number;
  /** ... and it was a comment (a commented-out value wraps onto comment lines). */
  wrappedInComment: boolean;
  /** ... and it was itself a wrapped piece of a token. */
  afterPiece: boolean;
  /** ... and it ends in a line continuation: the command goes on on this line. */
  commandGoesOn: boolean;
  /** The lines above name a secret whose value the lines below hold (null: none). */
  naming: Naming | null;
}

/** A line that names a secret whose value is on the lines under it (`of`: its line). */
interface Naming extends SecretNaming {
  of: number;
}

/** Is `line` the value `naming` (the line above) names: its `value:` field, or a row of its CSV table? */
function isNamed(text: string, line: ScannedLine, naming: Naming | null): naming is Naming {
  return naming !== null && line.kind !== 'blank' && line.kind !== 'comment' && isNamedValue(lineText(text, line), naming);
}

/** What the lines below `line` need: the same naming while its values go on (`named`), else the one `line` starts. */
function nextNaming(finder: SecretLineFinder, line: ScannedLine, naming: Naming | null, named: boolean): Naming | null {
  if (named) return naming;
  const starts = finder.namingIn(line);
  return starts && { ...starts, of: line.lineNo };
}

/** A line that goes because of a removed line above it (`of`): part of its value, or its wrapped rest. */
interface Belonging {
  of: number;
  wrapped: 'piece' | 'word' | 'command' | null;
}

/** Why a line goes because of the lines above it, or null. */
function belongsToRemoved(text: string, line: ScannedLine, state: WalkState): Belonging | null {
  if (line.kind === 'continuation') {
    if (state.valueOf !== 0) return { of: state.valueOf, wrapped: null };
    if (state.nestedIndent !== -1 && line.indent > state.nestedIndent) return { of: state.nestedOf, wrapped: null };
  }
  if (state.commandGoesOn && (line.kind === 'continuation' || line.kind === 'no-delimiter')) return { of: state.wrappedOf, wrapped: 'command' };
  const wrapped = state.wrappedOf !== 0 ? wrappedPiece(text, line, state) : null;
  return wrapped !== null ? { of: state.wrappedOf, wrapped } : null;
}

function describeBelonging(b: Belonging): string {
  if (b.wrapped === 'piece') return `the wrapped rest of the value on line ${b.of}`;
  // A short word cannot be told from a label ("Windows" under a pasted variable): say what was done.
  if (b.wrapped === 'word') return `a lone word under line ${b.of}, taken as the rest of its value`;
  if (b.wrapped === 'command') return `more of the command on line ${b.of} (its line ends in a continuation)`;
  return `more of the value on line ${b.of}`;
}

/** Under a removed line: is this line a piece of its value, wrapped when it was copied? */
function wrappedPiece(text: string, line: ScannedLine, state: WalkState): 'piece' | 'word' | null {
  const isPiece = (t: string) => TOKEN_PIECE.test(t) || (state.afterPiece && TOKEN_TAIL.test(t));
  if (line.kind === 'comment') {
    // `# IQoJ…` under a commented-out token; an ordinary comment has spaces or is short.
    return state.wrappedInComment && isPiece(text.slice(line.from + 1, line.to).trim()) ? 'piece' : null;
  }
  if (line.kind === 'header' || line.kind === 'blank') return null;
  const t = lineText(text, line);
  return isPiece(t) ? 'piece' : LONE_WORD.test(t) ? 'word' : null;
}

/**
 * Updates what the lines below need to know after `line`: kept (`of` 0), or removed as part of
 * line `of`; `partOfValue`: removed as more of a removed key's value (not on its own or wrapped).
 */
function advance(state: WalkState, line: ScannedLine, of: number, partOfValue: boolean, piece = false): void {
  state.wrappedOf = of;
  state.wrappedInComment = of !== 0 && line.kind === 'comment';
  state.afterPiece = piece;
  state.commandGoesOn = false;
  switch (line.kind) {
    case 'option':
      state.valueOf = of;
      state.nestedIndent = -1;
      break;
    case 'empty-key':
      state.valueOf = 0;
      state.nestedIndent = -1;
      break;
    case 'continuation':
      if (of === 0) state.nestedIndent = -1;
      else if (!partOfValue) {
        state.nestedOf = of;
        state.nestedIndent = line.indent;
      }
      break;
    default:
    // blank, comment, no-delimiter: configparser keeps the current key, and so do we.
  }
}

/** The removed lines, by section, in the order they were found. */
class Removed {
  private readonly bySection = new Map<string, RemovedSecrets>();

  add(section: string, lineNo: number, what: string, key: string | null): void {
    let entry = this.bySection.get(section);
    if (!entry) {
      entry = { section, keys: [], lines: [], what: [] };
      this.bySection.set(section, entry);
    }
    if (key !== null && !entry.keys.includes(key)) entry.keys.push(key);
    entry.lines.push(lineNo);
    entry.what.push(what);
  }

  list(): RemovedSecrets[] {
    return [...this.bySection.values()];
  }
}

/**
 * A removed line: text[start, end) is its content, text[end, next) its line terminator. (Or
 * what follows a header's `]`: text[start, end), the header and the terminator stay.)
 */
interface RemovedLine {
  start: number;
  /** Where its comment starts: `start`, or 0 on the first line (a byte-order mark goes with it). */
  maskFrom: number;
  end: number;
  next: number;
  /** What maskSecrets puts in its place: `#` (a comment line), or nothing after a header. */
  mask: '#' | '';
}

/** A whole line that goes. */
function wholeLine(line: ScannedLine): RemovedLine {
  return { start: line.start, maskFrom: line.lineNo === 1 ? 0 : line.start, end: line.end, next: line.next, mask: '#' };
}

/** What follows a header's `]` (its spaces too): the header stays, and reads the same without it. */
function headerTail(line: ScannedLine): RemovedLine {
  return { start: line.close + 1, maskFrom: line.close + 1, end: line.end, next: line.end, mask: '' };
}

/** The walk both outputs share: every line that goes, and what it was, by section. */
function findSecretLines(text: string): { lines: RemovedLine[]; removed: RemovedSecrets[] } {
  // Nothing is removed unless some line carries a secret of its own (the lines that go with
  // it come after it), so a text where none can is not walked.
  if (cannotHoldSecrets(text)) return { lines: [], removed: [] };
  const finder = new SecretLineFinder(text);
  const removed = new Removed();
  const lines: RemovedLine[] = [];
  const state: WalkState = { section: '', valueOf: 0, nestedOf: 0, nestedIndent: -1, wrappedOf: 0, wrappedInComment: false, afterPiece: false, commandGoesOn: false, naming: null };

  scanConfigLines(text, (line) => {
    if (line.kind === 'header') {
      state.section = headerName(text, line);
      state.valueOf = 0;
      state.nestedIndent = -1;
      state.wrappedOf = 0;
      state.afterPiece = false;
      state.commandGoesOn = false;
      state.naming = null;
      const tail = finder.find(line);
      if (tail !== null) {
        lines.push(headerTail(line));
        removed.add(state.section, line.lineNo, tail.what, tail.key);
      }
      return;
    }
    const own = finder.find(line);
    const naming = state.naming;
    const named = isNamed(text, line, naming);
    state.naming = nextNaming(finder, line, naming, named);
    const below = own === null && !named ? belongsToRemoved(text, line, state) : null;
    if (own === null && !named && below === null) {
      advance(state, line, 0, false);
      return;
    }
    // A removed line that is itself a loose piece of a token (wrapped, or a bare value with no
    // delimiter): its tail may follow. (Not a key's value: an empty key below it, `v3 =`, stays.)
    const piece = below?.wrapped === 'piece' || (below === null && line.kind === 'no-delimiter' && TOKEN_PIECE.test(lineText(text, line)));
    advance(state, line, below?.of ?? line.lineNo, below !== null && (below.wrapped === null || below.wrapped === 'command'), piece);
    state.commandGoesOn = COMMAND_GOES_ON.test(lineText(text, line));
    lines.push(wholeLine(line));
    // A named value says whose it is, even when its shape gives it away too (a token's run).
    if (named && (own === null || own.key === null)) removed.add(state.section, line.lineNo, `the value of ${naming.name}, named on line ${naming.of}`, null);
    else if (own !== null) removed.add(state.section, line.lineNo, own.what, own.key);
    else removed.add(state.section, line.lineNo, describeBelonging(below!), null);
  });
  return { lines, removed: removed.list() };
}

/** The text without its secret lines (what is stored), and what was removed. */
export function stripSecrets(text: string): { text: string; removed: RemovedSecrets[] } {
  const { lines, removed } = findSecretLines(text);
  if (lines.length === 0) return { text, removed: [] };
  const kept: string[] = [];
  let keepFrom = 0;
  for (const line of lines) {
    if (line.start > keepFrom) kept.push(text.slice(keepFrom, line.start));
    keepFrom = line.next;
  }
  kept.push(text.slice(keepFrom));
  return { text: kept.join(''), removed };
}

/**
 * The text with every secret line turned into a comment line (`#`, its line ending kept), and
 * a secret after a header's `]` cut off: the importer's first stage. Line numbers stay those of
 * the text, and configparser reads a comment line as if it were not there (and ignores what
 * follows a `]`), so the parser sees exactly the lines stripSecrets keeps.
 */
export function maskSecrets(text: string): { text: string; removed: RemovedSecrets[] } {
  const { lines, removed } = findSecretLines(text);
  if (lines.length === 0) return { text, removed: [] };
  const out: string[] = [];
  let keepFrom = 0;
  for (const line of lines) {
    out.push(text.slice(keepFrom, line.maskFrom), line.mask);
    keepFrom = line.end;
  }
  out.push(text.slice(keepFrom));
  return { text: out.join(''), removed };
}
