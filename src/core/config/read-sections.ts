// Stage 2 of the parser, configparser's own reading (RawConfigParser._read, as botocore sets it
// up): the scanned lines (stage 1, config-scanner.ts) become sections and their options, each
// option with its first line and the continuation lines that follow it, still raw. Joining
// those lines into values, nested blocks and [DEFAULT] are stage 3 (option-values.ts).
//
// Where configparser raises, this stage keeps reading (best effort) and reports the problem:
// - a key before any section header is ignored;
// - a header that repeats an earlier section continues that earlier section (which keeps its
//   position and line); keys the earlier block already has are ignored;
// - a key repeated within one block of a section: the first one is kept;
// - a line without '=' or ':' (or with nothing before it) is ignored; as in configparser,
//   lines indented below it still continue the key before it;
// - a leading byte-order mark is ignored.
import { afterHeader, isPySpace, lineText, rawKey, scanConfigLines, startsWithBom, type ScannedLine } from './config-scanner';
import { DiagnosticList, quote } from './diagnostic-list';
import { SECRET_KEY_NAMES, nestedSecretKey } from './secret-lines';
import { keyFacts } from './known-keys';

/** One option as configparser collects it: the first line's value and the lines continuing it. */
export interface RawOption {
  /** Lower-cased (configparser's optionxform). */
  key: string;
  line: number;
  first: string;
  /** Continuation lines (stripped), blank lines inside the value as ''; null when none. */
  more: string[] | null;
  /** Line of each of `more` (0 for a blank). */
  moreLines: number[] | null;
}

/** One section: every block of a repeated header together. */
export interface RawSection {
  /** The raw header name, exactly as configparser takes it. */
  name: string;
  /** Line of the first header. */
  line: number;
  /** Not named profile/sso-session/services/default: a bare `[name]` the AWS CLI ignores. */
  bare: boolean;
  /** The first key of a bare section that is a CLI profile key (for the bare-section warning). */
  profileKey: string | null;
  /** Its options, in the order first written (one per key). */
  options: RawOption[];
  /** Repeated keys ignored (the first is read): [key, value on its line]; null when none. */
  repeated: Array<[string, string]> | null;
}

/** Sections with more options than this get a Map for finding a key; fewer are scanned. */
const SCANNED_OPTIONS = 8;
const optionIndexes = new WeakMap<RawSection, Map<string, RawOption>>();

/** The option `key` of `section`, if it has one. */
export function findOption(section: RawSection, key: string): RawOption | undefined {
  const options = section.options;
  if (options.length <= SCANNED_OPTIONS) {
    for (const option of options) if (option.key === key) return option;
    return undefined;
  }
  let index = optionIndexes.get(section);
  if (index === undefined) {
    index = new Map();
    for (const option of options) index.set(option.key, option);
    optionIndexes.set(section, index);
  }
  return index.get(key);
}

function addOption(section: RawSection, option: RawOption): void {
  section.options.push(option);
  optionIndexes.get(section)?.set(option.key, option);
}

export interface RawConfig {
  /** Every section except [DEFAULT], in order of first appearance. */
  sections: RawSection[];
  /** [DEFAULT]'s options (configparser copies them into every section). */
  defaults: Map<string, RawOption>;
  /** Line of the first [DEFAULT] header, 0 when there is none. */
  defaultsLine: number;
  /** The options of the sections with continuation lines, in the order written (stage 3 joins them in this order). */
  multiLine: RawOption[];
}

/** What the reader knows between lines. */
interface ReaderState {
  /** The section being read; null before the first header and inside [DEFAULT]. */
  section: RawSection | null;
  inDefaults: boolean;
  /** The option that blank and continuation lines extend. */
  open: RawOption | null;
  /** False for an open option the best-effort rules ignore: its lines are read, kept nowhere, not checked. */
  openKept: boolean;
  /** Blank lines seen since the open option's last line: they count only if another continuation follows. */
  blanks: number;
  /** Sections by raw header name (configparser's _sections). */
  byName: Map<string, RawSection>;
  /** Line of the header of the block being read (a repeated header starts a new block). */
  blockLine: number;
}

/** Stage 2: the text's sections and raw options, with every problem of these lines reported. */
export function readSections(text: string, diags: DiagnosticList): RawConfig {
  const raw: RawConfig = { sections: [], defaults: new Map(), defaultsLine: 0, multiLine: [] };
  const state: ReaderState = { section: null, inDefaults: false, open: null, openKept: false, blanks: 0, byName: new Map(), blockLine: 0 };
  if (startsWithBom(text)) {
    diags.add('bom', 1, 'error', () => 'Line 1: the text starts with a byte-order mark (U+FEFF); the AWS CLI rejects the whole file. Save it as UTF-8 without BOM.');
  }
  scanConfigLines(text, (line) => {
    switch (line.kind) {
      case 'option':
        return readOption(text, line, raw, state, diags);
      case 'header':
        return readHeader(text, line, raw, state, diags);
      case 'blank':
        if (line.inValue && state.open !== null) state.blanks++;
        return;
      case 'continuation':
        return readContinuation(text, line, raw, state, diags);
      case 'no-delimiter':
        // configparser keeps the current key: deeper lines below still continue it.
        return reportNoDelimiter(text, line, state, diags);
      case 'empty-key':
        state.open = null;
        diags.add(state.section === null && !state.inDefaults ? 'missing-section' : 'empty-key', line.lineNo, 'error', () =>
          `Line ${line.lineNo} starts with ${quote(text.charAt(line.from))} but has no key before it; the AWS CLI rejects the whole file. Add the key name or delete the line.`,
        );
        return;
      default:
      // A whole-line comment is invisible: it neither ends nor extends a value.
    }
  });
  return raw;
}

function readOption(text: string, line: ScannedLine, raw: RawConfig, state: ReaderState, diags: DiagnosticList): void {
  const facts = keyFacts(text.slice(line.from, line.keyEnd).toLowerCase());
  const key = facts.key;
  const value = text.slice(line.valueFrom, line.to);
  const option: RawOption = { key, line: line.lineNo, first: value, more: null, moreLines: null };
  const section = state.section;
  state.open = option;
  state.openKept = false;
  state.blanks = 0;
  if (state.inDefaults) {
    const existing = raw.defaults.get(key);
    if (existing) return reportDuplicateKey(diags, line.lineNo, key, 'DEFAULT', existing.line);
    raw.defaults.set(key, option);
  } else if (section === null) {
    diags.add('missing-section', line.lineNo, 'error', () =>
      `Line ${line.lineNo}: the key ${quote(rawKey(text, line))} comes before any [section] header; the AWS CLI rejects the whole file. Move it under a section such as [default], or delete it.`,
    );
    return;
  } else {
    const seen = findOption(section, key);
    if (seen !== undefined) {
      // A key from an earlier block of a repeated section is covered by that error.
      if (seen.line > state.blockLine) reportDuplicateKey(diags, line.lineNo, key, section.name, seen.line);
      // Kept aside (the first value is the one read), so a repeated `env = prod` still counts.
      (section.repeated ??= []).push([key, value]);
      return;
    }
    addOption(section, option);
    if (facts.typo !== null) {
      const meant = facts.typo;
      diags.add('typo', line.lineNo, 'warning', () => `Line ${line.lineNo}: the AWS CLI does not know the key ${quote(key)}; did you mean ${quote(meant)}?`);
    }
    if (section.bare && section.profileKey === null && facts.profileKey) section.profileKey = key;
  }
  state.openKept = true;
  warnInlineComment(text, diags, line.lineNo, line.valueFrom, line.to, key, false, section !== null && section.bare);
}

function reportDuplicateKey(diags: DiagnosticList, lineNo: number, key: string, section: string, firstLine: number): void {
  diags.add('duplicate-key', lineNo, 'error', () =>
    `Line ${lineNo}: the key ${quote(key)} appears twice in [${section}] (first on line ${firstLine}; keys ignore case); the AWS CLI rejects the whole file. Delete one of them.`,
  );
}

function readHeader(text: string, line: ScannedLine, raw: RawConfig, state: ReaderState, diags: DiagnosticList): void {
  state.open = null;
  state.blockLine = line.lineNo;
  const name = text.slice(line.from + 1, line.close);
  if (name === 'DEFAULT') {
    // configparser never flags a repeated [DEFAULT]; a repeated key inside one still is.
    if (raw.defaultsLine === 0) raw.defaultsLine = line.lineNo;
    state.inDefaults = true;
    state.section = null;
  } else {
    state.inDefaults = false;
    const existing = state.byName.get(name);
    if (existing !== undefined) {
      diags.add('duplicate-section', line.lineNo, 'error', () =>
        `Line ${line.lineNo}: ${quote(`[${existing.name}]`)} appears twice (first on line ${existing.line}); the AWS CLI rejects the whole file. Rename or merge one of them.`,
      );
      state.section = existing;
    } else {
      const section: RawSection = { name, line: line.lineNo, bare: isBareName(name), profileKey: null, options: [], repeated: null };
      state.byName.set(name, section);
      raw.sections.push(section);
      state.section = section;
    }
  }
  if (line.close + 1 < line.to) {
    const after = afterHeader(text, line);
    if (after !== '' && after[0] !== '#' && after[0] !== ';') {
      diags.add('after-header', line.lineNo, 'warning', () => `Line ${line.lineNo}: the AWS CLI ignores ${quote(after)} after the closing "]". Put it on its own line.`);
    }
  }
}

/** Not a profile, SSO session or services section by name, nor [default] (build_profile_map's last case). */
function isBareName(name: string): boolean {
  return !(name.startsWith('profile') || name.startsWith('sso-session') || name.startsWith('services') || name === 'default');
}

function readContinuation(text: string, line: ScannedLine, raw: RawConfig, state: ReaderState, diags: DiagnosticList): void {
  const option = state.open;
  if (option === null || !state.openKept) return;
  const value = lineText(text, line);
  // Section options only: [DEFAULT]'s are joined when a section inherits them.
  if (option.more === null && state.section !== null) raw.multiLine.push(option);
  const more = (option.more ??= []);
  const moreLines = (option.moreLines ??= []);
  for (; state.blanks > 0; state.blanks--) {
    more.push('');
    moreLines.push(0);
  }
  more.push(value);
  moreLines.push(line.lineNo);
  // Warnings quote the line: never one that may be part of a secret (a secret's next line, or
  // a nested secret key).
  if (SECRET_KEY_NAMES.has(option.key) || nestedSecretKey(value) !== null) return;
  if (option.first !== '') warnSwallowedLine(diags, line.lineNo, value, option);
  warnInlineComment(text, diags, line.lineNo, line.from, line.to, option.key, option.first === '', state.section !== null && state.section.bare);
}

function reportNoDelimiter(text: string, line: ScannedLine, state: ReaderState, diags: DiagnosticList): void {
  const t = lineText(text, line);
  if (state.section === null && !state.inDefaults) {
    diags.add('missing-section', line.lineNo, 'error', () =>
      `Line ${line.lineNo}: ${quote(t)} comes before any [section] header and is not a key = value line; the AWS CLI rejects the whole file. Delete it or start it with "#".`,
    );
  } else {
    diags.add('no-delimiter', line.lineNo, 'error', () =>
      `Line ${line.lineNo}: ${quote(t)} is not a [section], a comment or a key = value line; the AWS CLI rejects the whole file. Add "=" and a value, or start the line with "#".`,
    );
  }
}

/** A header or key indented under a value: the AWS CLI reads it as more of that value. */
function warnSwallowedLine(diags: DiagnosticList, lineNo: number, t: string, option: RawOption): void {
  let looksLike: string | null = null;
  if (t.charCodeAt(0) === 0x5b && t.lastIndexOf(']') > 1) looksLike = `the section header ${quote(t)}`;
  else {
    const m = /^([A-Za-z][A-Za-z0-9_.-]{0,63})[ \t]*[=:]/.exec(t);
    if (m) looksLike = `the key ${quote(m[1] as string)}`;
  }
  if (looksLike === null) return;
  const what = looksLike;
  diags.add('indented-line', lineNo, 'warning', () =>
    `Line ${lineNo}: ${what} is indented, so the AWS CLI reads it as more of the value of ${quote(option.key)} (line ${option.line}). Remove the indentation.`,
  );
}

/**
 * Warns when the value text[from, to) seems to carry a comment. `bare`: the value is in a bare
 * [name] section, which the AWS CLI ignores altogether (a warning of its own says so) and AWS
 * Extend Switch Roles reads with comments cut off, as importConfig does: no warning.
 */
function warnInlineComment(text: string, diags: DiagnosticList, lineNo: number, from: number, to: number, key: string, nested: boolean, bare: boolean): void {
  if (bare || SECRET_KEY_NAMES.has(key)) return;
  const at = inlineCommentAt(text, from, to);
  if (at < 0) return;
  diags.add('inline-comment', lineNo, 'warning', () =>
    `Line ${lineNo}: ${quote(text.slice(at, to))} is part of the ${nested ? 'nested ' : ''}value of ${quote(key)} (the AWS CLI has no comments after values). Move the comment to its own line.`,
  );
}

/**
 * Where the value text[from, to) seems to carry an inline comment (an offset into the text):
 * '#' or ';' after whitespace, or at the start when followed by whitespace (`region = # todo`).
 * A bare `#ff0000` is a value. -1 when there is none.
 */
function inlineCommentAt(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x23 && c !== 0x3b) continue;
    if (i === from ? to - from === 1 || isPySpace(text.charCodeAt(from + 1)) : isPySpace(text.charCodeAt(i - 1))) return i;
  }
  return -1;
}
