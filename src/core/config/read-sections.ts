// Stage 2 of the parser, configparser's own reading (RawConfigParser._read, as botocore sets it
// up): the scanned lines (stage 1, config-scanner.ts) become sections (config-section.ts), each
// key stored with its first line's value and its line; an option with continuation lines also
// gets a record of those lines, still raw. Joining them into values, nested blocks and
// [DEFAULT] are stage 3 (option-values.ts).
//
// Where configparser raises, this stage keeps reading (best effort) and reports the problem:
// - a key before any section header is ignored;
// - a header that repeats an earlier section continues that earlier section (which keeps its
//   position and line); keys the earlier block already has are ignored;
// - a key repeated within one block of a section: the first one is kept;
// - a line without '=' or ':' (or with nothing before it) is ignored; as in configparser,
//   lines indented below it still continue the key before it;
// - a leading byte-order mark is ignored.
import { afterHeader, isPySpace, lineText, optionKey, rawKey, scanConfigLines, startsWithBom, type ScannedLine } from './config-scanner';
import { hasKey, newSection, NO_REPEATS, type ConfigSection } from './config-section';
import { DiagnosticList, quote, setOwn } from './diagnostic-list';
import { SECRET_KEY_NAMES, nestedSecretKey } from './secret-lines';
import { keyFacts, type KeyFacts } from './known-keys';

/**
 * An option with continuation lines, or any option of [DEFAULT] (joined when a section inherits
 * it): the first line's value and the lines continuing it. An option of one line has no record
 * of its own: stage 2 stores its value and line in its section.
 */
export interface RawOption {
  /** Lower-cased (configparser's optionxform). */
  key: string;
  line: number;
  first: string;
  /** Continuation lines (stripped), blank lines inside the value as ''; null when none. */
  more: string[] | null;
  /** Line of each of `more` (0 for a blank). */
  moreLines: number[] | null;
  /** The section whose value it is; null for [DEFAULT]'s. */
  section: ConfigSection | null;
}

export interface RawConfig {
  /** Every section except [DEFAULT], in order of first appearance. */
  sections: ConfigSection[];
  /** [DEFAULT]'s options (configparser copies them into every section). */
  defaults: Map<string, RawOption>;
  /** Line of the first [DEFAULT] header, 0 when there is none. */
  defaultsLine: number;
  /** The options of the sections with continuation lines, in the order written (stage 3 joins them in this order). */
  multiLine: RawOption[];
}

/**
 * The option that blank and continuation lines extend (configparser's current key). One object
 * for the whole text, overwritten at each key: most options have no continuation line, so
 * their own record (RawOption) is made only when one comes.
 */
interface OpenOption {
  /** False before the first key, after a header and after an empty key. */
  active: boolean;
  /** False for an option the best-effort rules ignore: its lines are read, kept nowhere, not checked. */
  kept: boolean;
  key: string;
  line: number;
  first: string;
  /** Its section; null in [DEFAULT] (and before any header). */
  section: ConfigSection | null;
  /** Its record, once it has one (at its first continuation line; [DEFAULT]'s at once). */
  record: RawOption | null;
  /** Blank lines seen since its last line: they count only if another continuation follows. */
  blanks: number;
}

/** What the reader knows between lines. */
interface ReaderState {
  /** The section being read; null before the first header and inside [DEFAULT]. */
  section: ConfigSection | null;
  inDefaults: boolean;
  open: OpenOption;
  /** Sections by raw header name (configparser's _sections). */
  byName: Map<string, ConfigSection>;
  /** Line of the header of the block being read (a repeated header starts a new block). */
  blockLine: number;
  /** The last key of each length and first character (see optionKeyFacts). */
  recentKeys: Map<number, KeyFacts>;
}

/** Stage 2: the text's sections and raw options, with every problem of these lines reported. */
export function readSections(text: string, diags: DiagnosticList): RawConfig {
  const raw: RawConfig = { sections: [], defaults: new Map(), defaultsLine: 0, multiLine: [] };
  const open: OpenOption = { active: false, kept: false, key: '', line: 0, first: '', section: null, record: null, blanks: 0 };
  const state: ReaderState = { section: null, inDefaults: false, open, byName: new Map(), blockLine: 0, recentKeys: new Map() };
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
        if (line.inValue && state.open.active) state.open.blanks++;
        return;
      case 'continuation':
        return readContinuation(text, line, raw, state, diags);
      case 'no-delimiter':
        // configparser keeps the current key: deeper lines below still continue it.
        return reportNoDelimiter(text, line, state, diags);
      case 'empty-key':
        state.open.active = false;
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
  const facts = optionKeyFacts(text, line, state.recentKeys);
  const key = facts.key;
  const value = text.slice(line.valueFrom, line.to);
  const section = state.section;
  const open = openOption(state.open, key, line.lineNo, value, section);
  if (state.inDefaults) {
    const existing = raw.defaults.get(key);
    if (existing) return reportDuplicateKey(diags, line.lineNo, key, 'DEFAULT', existing.line);
    open.record = { key, line: line.lineNo, first: value, more: null, moreLines: null, section: null };
    raw.defaults.set(key, open.record);
  } else if (section === null) {
    diags.add('missing-section', line.lineNo, 'error', () =>
      `Line ${line.lineNo}: the key ${quote(rawKey(text, line))} comes before any [section] header; the AWS CLI rejects the whole file. Move it under a section such as [default], or delete it.`,
    );
    return;
  } else {
    if (hasKey(section, key)) {
      // A key from an earlier block of a repeated section is covered by that error.
      const firstLine = section.keyLines[key] as number;
      if (firstLine > state.blockLine) reportDuplicateKey(diags, line.lineNo, key, section.header, firstLine);
      // Kept aside (the first value is the one read), so a repeated `env = prod` still counts.
      addRepeated(section, key, value);
      return;
    }
    setOwn(section.values, key, value);
    setOwn(section.keyLines, key, line.lineNo);
    if (facts.typo !== null) {
      const meant = facts.typo;
      diags.add('typo', line.lineNo, 'warning', () => `Line ${line.lineNo}: the AWS CLI does not know the key ${quote(key)}; did you mean ${quote(meant)}?`);
    }
    if (section.bare && section.profileKey === null && facts.profileKey) section.profileKey = key;
  }
  open.kept = true;
  warnInlineComment(text, diags, line.lineNo, line.valueFrom, line.to, key, false, section !== null && section.bare);
}

/** `open`, now the option `key` of line `lineNo` (not kept until the caller says so). */
function openOption(open: OpenOption, key: string, lineNo: number, first: string, section: ConfigSection | null): OpenOption {
  open.active = true;
  open.kept = false;
  open.key = key;
  open.line = lineNo;
  open.first = first;
  open.section = section;
  open.record = null;
  open.blanks = 0;
  return open;
}

/**
 * The facts of the option's key, lower-cased. A key written exactly as the last key of its
 * length and first character (every `region` after the first) is found without slicing and
 * lower-casing it again: one line in three of a config is a key the parser has seen.
 */
function optionKeyFacts(text: string, line: ScannedLine, recentKeys: Map<number, KeyFacts>): KeyFacts {
  const length = line.keyEnd - line.from;
  const slot = length * 0x10000 + text.charCodeAt(line.from);
  const recent = recentKeys.get(slot);
  if (recent !== undefined && text.startsWith(recent.key, line.from)) return recent;
  const facts = keyFacts(optionKey(text, line));
  recentKeys.set(slot, facts);
  return facts;
}

function addRepeated(section: ConfigSection, key: string, value: string): void {
  // Nearly every section repeats nothing: those share one frozen empty list.
  if (section.repeated === NO_REPEATS) section.repeated = [];
  (section.repeated as Array<readonly [string, string]>).push([key, value]);
}

function reportDuplicateKey(diags: DiagnosticList, lineNo: number, key: string, section: string, firstLine: number): void {
  diags.add('duplicate-key', lineNo, 'error', () =>
    `Line ${lineNo}: the key ${quote(key)} appears twice in [${section}] (first on line ${firstLine}; keys ignore case); the AWS CLI rejects the whole file. Delete one of them.`,
  );
}

function readHeader(text: string, line: ScannedLine, raw: RawConfig, state: ReaderState, diags: DiagnosticList): void {
  state.open.active = false;
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
        `Line ${line.lineNo}: ${quote(`[${existing.header}]`)} appears twice (first on line ${existing.line}); the AWS CLI rejects the whole file. Rename or merge one of them.`,
      );
      state.section = existing;
    } else {
      const section = newSection(name, line.lineNo, isBareName(name));
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
  const open = state.open;
  if (!open.active || !open.kept) return;
  const value = lineText(text, line);
  const option = recordOf(open, raw);
  const more = (option.more ??= []);
  const moreLines = (option.moreLines ??= []);
  for (; open.blanks > 0; open.blanks--) {
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

/** The open option's record, made at its first continuation line (a section's: stage 3 joins it). */
function recordOf(open: OpenOption, raw: RawConfig): RawOption {
  if (open.record === null) {
    open.record = { key: open.key, line: open.line, first: open.first, more: null, moreLines: null, section: open.section };
    raw.multiLine.push(open.record);
  }
  return open.record;
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
