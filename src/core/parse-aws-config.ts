// parseAwsConfig: read ~/.aws/config text exactly as the AWS CLI does.
//
// The reference is botocore: `raw_config_parse(path)` (Python's RawConfigParser, then
// `_parse_nested` for values that start with a newline) followed by `build_profile_map`.
// `profiles`, `ssoSessions`, `services` and `otherSections` are what those produce for the
// same text; test/unit/parser-differential.test.ts checks that against the real botocore.
//
// Where botocore rejects the whole file, this parser still returns everything that is
// valid (so the UI can import it) and adds an `error` diagnostic per problem. The
// best-effort rules where the CLI would have given up:
// - a key before any section header is ignored;
// - a header that repeats an earlier section continues that earlier section (which keeps
//   its position and line); keys the earlier block already has are ignored;
// - a key repeated within one block of a section: the first one is kept;
// - a line without '=' or ':' (or with nothing before it) is ignored; as in configparser,
//   lines indented below it still continue the key before it;
// - a nested (`s3 =`) line without '=' is left out of the nested map;
// - a leading byte-order mark is ignored.
// Warnings mark what the CLI accepts silently but a person rarely means.
//
// Output maps are plain objects; a section or key named `__proto__` is stored as an own
// property. Look names up with Object.hasOwn (a profile may be called `constructor`).

import type { ConfigValue, Diagnostic, ParsedConfig, SectionLocation, Severity } from './types';
import { countLines, isPyLineBoundary, isPySpace, pyStrip, scanConfigLines, startsWithBom } from './config-scanner';
import type { ScannedLine } from './config-scanner';

/** Keys that make a bare `[name]` section look like it was meant as a CLI profile. */
const PROFILE_KEYS = new Set([
  'role_arn',
  'source_profile',
  'credential_source',
  'credential_process',
  'mfa_serial',
  'external_id',
  'sso_session',
  'sso_start_url',
  'sso_account_id',
  'sso_role_name',
]);

/** Keys the AWS CLI reads from a profile or sso-session (for "did you mean" warnings on near-misses). */
const KNOWN_KEYS = new Set([
  'region',
  'output',
  'role_arn',
  'source_profile',
  'credential_source',
  'credential_process',
  'mfa_serial',
  'external_id',
  'role_session_name',
  'duration_seconds',
  'web_identity_token_file',
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'ca_bundle',
  'cli_pager',
  'cli_binary_format',
  'endpoint_url',
  'max_attempts',
  'retry_mode',
  'services',
  'include_profile',
]);

/** Keys whose values must never be quoted in a message. */
const SECRET_KEY_NAMES = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token']);

/** At most this many diagnostics of one kind are listed; the rest are summarised in one line. */
const MAX_PER_KIND = 25;

type Kind = 'profiles' | 'ssoSessions' | 'services' | 'otherSections';

interface RawSection {
  name: string;
  /** Line of the first header. */
  line: number;
  /** Line of the header block being read now (differs from `line` when the header repeats). */
  blockLine: number;
  /** Own keys → values, in file order; becomes the output object. */
  values: Record<string, ConfigValue>;
  /** Own keys → line. */
  keys: Record<string, number>;
  /** Not a profile, SSO session or services section by name (a bare `[name]`). */
  bare: boolean;
  /** The first key of a bare section that is a CLI profile key (for the bare-section warning). */
  profileKey: string | null;
}

/** A key of [DEFAULT], kept raw because botocore parses it once per section that inherits it. */
interface DefaultOption {
  key: string;
  line: number;
  first: string;
  more: string[] | null;
  moreLines: number[] | null;
}

/** Collects diagnostics, at most MAX_PER_KIND per kind, so a pasted binary cannot flood the UI. */
class DiagnosticList {
  private readonly items: Diagnostic[] = [];
  private readonly counts = new Map<string, { count: number; severity: Severity; firstHidden: number }>();

  add(kind: string, line: number, severity: Severity, message: () => string): void {
    const seen = this.counts.get(kind);
    if (!seen) {
      this.counts.set(kind, { count: 1, severity, firstHidden: 0 });
    } else {
      seen.count++;
      if (seen.count > MAX_PER_KIND) {
        if (seen.firstHidden === 0) seen.firstHidden = line;
        return;
      }
    }
    this.items.push({ line, severity, message: message() });
  }

  finish(): Diagnostic[] {
    for (const seen of this.counts.values()) {
      if (seen.count > MAX_PER_KIND) {
        const hidden = seen.count - MAX_PER_KIND;
        this.items.push({
          line: seen.firstHidden,
          severity: seen.severity,
          message: `Line ${seen.firstHidden}: ${hidden} more problem${hidden === 1 ? '' : 's'} like the ones above, from here on, are not listed; fix those first.`,
        });
      }
    }
    // Stable sort: by line, keeping the order problems were found within a line.
    return this.items.sort((a, b) => a.line - b.line);
  }
}

/** Sets an own property even for the key `__proto__` (section names and keys are user text). */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}

/** A short, quoted excerpt of user text for a message; long token-like runs (possible secrets) are elided. */
function quote(text: string): string {
  let t = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  t = t.replace(/[A-Za-z0-9/+=]{20,}/g, '…');
  return `"${t}"`;
}

/**
 * Python's `shlex.split(s)` (POSIX mode, whitespace split, no comments): whitespace is only
 * space, tab, CR and LF; quotes are removed and may glue onto words (`a"b c"` is `ab c`);
 * a backslash escapes the next character outside quotes, and only `"` or `\` inside double
 * quotes (elsewhere it stays); single quotes escape nothing; `""` is an empty token.
 * Returns null where shlex raises ValueError (unclosed quote, trailing backslash).
 */
export function shlexSplit(s: string): string[] | null {
  const tokens: string[] = [];
  const n = s.length;
  let i = 0;
  let token = '';
  let inToken = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) {
      i++;
      if (inToken) {
        tokens.push(token);
        token = '';
        inToken = false;
      }
      continue;
    }
    inToken = true;
    if (c === 0x5c /* \ */) {
      if (i + 1 >= n) return null; // "No escaped character"
      token += s[i + 1];
      i += 2;
    } else if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      i++;
      for (;;) {
        if (i >= n) return null; // "No closing quotation"
        const q = s.charCodeAt(i);
        if (q === c) {
          i++;
          break;
        }
        if (q === 0x5c && c === 0x22) {
          if (i + 1 >= n) return null; // "No escaped character"
          const e = s.charCodeAt(i + 1);
          token += e === 0x22 || e === 0x5c ? s[i + 1] : s.slice(i, i + 2);
          i += 2;
        } else {
          // Copy the run of ordinary characters in one slice.
          let j = i + 1;
          while (j < n) {
            const d = s.charCodeAt(j);
            if (d === c || (d === 0x5c && c === 0x22)) break;
            j++;
          }
          token += s.slice(i, j);
          i = j;
        }
      }
    } else {
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 0x20 || d === 0x09 || d === 0x0d || d === 0x0a || d === 0x5c || d === 0x22 || d === 0x27) break;
        j++;
      }
      token += s.slice(i, j);
      i = j;
    }
  }
  if (inToken) tokens.push(token);
  return tokens;
}

const PREFIXES: ReadonlyArray<readonly [string, Kind, string]> = [
  ['profile', 'profiles', 'profile'],
  ['sso-session', 'ssoSessions', 'SSO session'],
  ['services', 'services', 'services section'],
];

interface Classified {
  /** Output map, or null when botocore drops the section. */
  kind: Kind | null;
  /** Name inside that map (profile name, session name, raw name). */
  name: string;
  /** The `profile`/`sso-session`/`services` prefix the raw name starts with, if any. */
  prefix: string | null;
  /** shlex tokens of a prefixed name; null when shlex fails (or no prefix). */
  tokens: string[] | null;
}

/** build_profile_map's decision for one raw section name. */
function classify(name: string): Classified {
  for (const [prefix, kind] of PREFIXES) {
    if (name.startsWith(prefix)) {
      const tokens = shlexSplit(name);
      if (tokens !== null && tokens.length === 2) return { kind, name: tokens[1] as string, prefix, tokens };
      return { kind: null, name, prefix, tokens };
    }
  }
  if (name === 'default') return { kind: 'profiles', name, prefix: null, tokens: null };
  // build_profile_map stores its own 'sso_sessions' key last, overwriting a section of that name.
  if (name === 'sso_sessions') return { kind: null, name, prefix: null, tokens: null };
  return { kind: 'otherSections', name, prefix: null, tokens: null };
}

/** Parses AWS config text the way the AWS CLI (botocore) does. Never throws. */
export function parseAwsConfig(text: string): ParsedConfig {
  const diags = new DiagnosticList();
  const sections: RawSection[] = [];
  const byName = new Map<string, RawSection>();
  const defaultOptions = new Map<string, DefaultOption>();
  let defaultsLine = 0;

  /** The section being read; null before the first header and inside [DEFAULT]. */
  let current: RawSection | null = null;
  let inDefaults = false;
  // The key that blank and continuation lines extend. `curTarget` is where its final value
  // goes: a section, [DEFAULT] (curDefault), or nowhere (a key the best-effort rules ignore).
  let curActive = false;
  let curTarget: RawSection | null = null;
  let curDefault: DefaultOption | null = null;
  let curKey = '';
  let curLine = 0;
  let curFirst = '';
  let curMore: string[] | null = null;
  let curMoreLines: number[] | null = null;
  let pendingBlanks = 0;

  if (startsWithBom(text)) {
    diags.add(
      'bom',
      1,
      'error',
      () => 'Line 1: the text starts with a byte-order mark (U+FEFF); the AWS CLI rejects the whole file. Save it as UTF-8 without BOM.',
    );
  }

  /** Ends the current key: a multi-line value gets its final form. */
  const flush = (): void => {
    if (curActive && curMore !== null) {
      if (curDefault) {
        curDefault.more = curMore;
        curDefault.moreLines = curMoreLines;
      } else if (curTarget) {
        setOwn(curTarget.values, curKey, finalValue(curKey, curFirst, curMore, curMoreLines as number[], true));
      }
    }
    curActive = false;
    curTarget = null;
    curDefault = null;
    curMore = null;
    curMoreLines = null;
    pendingBlanks = 0;
  };

  const onLine = (line: ScannedLine): void => {
    switch (line.kind) {
      case 'blank':
        if (line.inValue && curActive) pendingBlanks++;
        return;
      case 'comment':
        return;
      case 'continuation': {
        if (!curActive) return;
        if (curMore === null) {
          curMore = [];
          curMoreLines = [];
        }
        for (; pendingBlanks > 0; pendingBlanks--) {
          curMore.push('');
          (curMoreLines as number[]).push(0);
        }
        curMore.push(line.value);
        (curMoreLines as number[]).push(line.lineNo);
        if (curTarget !== null || curDefault !== null) {
          if (curFirst !== '') warnSwallowedLine(line);
          warnInlineComment(line.lineNo, line.value, curKey, curFirst === '');
        }
        return;
      }
      case 'header': {
        flush();
        const name = line.name;
        if (name === 'DEFAULT') {
          // configparser never flags a repeated [DEFAULT]; a repeated key inside one still is.
          if (defaultsLine === 0) defaultsLine = line.lineNo;
          inDefaults = true;
          current = null;
        } else {
          inDefaults = false;
          const existing = byName.get(name);
          if (existing) {
            diags.add(
              'duplicate-section',
              line.lineNo,
              'error',
              () =>
                `Line ${line.lineNo}: ${quote(`[${name}]`)} appears twice (first on line ${existing.line}); the AWS CLI rejects the whole file. Rename or merge one of them.`,
            );
            existing.blockLine = line.lineNo;
            current = existing;
          } else {
            const bare = !name.startsWith('profile') && !name.startsWith('sso-session') && !name.startsWith('services') && name !== 'default';
            current = { name, line: line.lineNo, blockLine: line.lineNo, values: {}, keys: {}, bare, profileKey: null };
            sections.push(current);
            byName.set(name, current);
          }
        }
        const after = line.afterHeader;
        if (after !== '' && after[0] !== '#' && after[0] !== ';') {
          diags.add(
            'after-header',
            line.lineNo,
            'warning',
            () => `Line ${line.lineNo}: the AWS CLI ignores ${quote(after)} after the closing "]". Put it on its own line.`,
          );
        }
        return;
      }
      case 'option': {
        flush();
        const key = line.key;
        curActive = true;
        curKey = key;
        curLine = line.lineNo;
        curFirst = line.value;
        if (inDefaults) {
          const existing = defaultOptions.get(key);
          if (existing) {
            reportDuplicateKey(line, 'DEFAULT', existing.line);
            return;
          }
          curDefault = { key, line: line.lineNo, first: line.value, more: null, moreLines: null };
          defaultOptions.set(key, curDefault);
        } else if (current === null) {
          diags.add(
            'missing-section',
            line.lineNo,
            'error',
            () =>
              `Line ${line.lineNo}: the key ${quote(line.rawKey)} comes before any [section] header; the AWS CLI rejects the whole file. Move it under a section such as [default], or delete it.`,
          );
          return;
        } else {
          const section: RawSection = current;
          if (hasOwn(section.keys, key)) {
            const firstLine = section.keys[key] as number;
            // A key from an earlier block of a repeated section is covered by that error.
            if (firstLine > section.blockLine) reportDuplicateKey(line, section.name, firstLine);
            return;
          }
          setOwn(section.values, key, line.value);
          setOwn(section.keys, key, line.lineNo);
          if (!KNOWN_KEYS.has(key)) warnTypo(line.lineNo, key);
          if (section.bare && section.profileKey === null && PROFILE_KEYS.has(key)) section.profileKey = key;
          curTarget = section;
        }
        warnInlineComment(line.lineNo, line.value, key, false);
        return;
      }
      case 'no-delimiter':
        // configparser keeps the current key: deeper lines below still continue it.
        if (current === null && !inDefaults) {
          diags.add(
            'missing-section',
            line.lineNo,
            'error',
            () =>
              `Line ${line.lineNo}: ${quote(line.text)} comes before any [section] header and is not a key = value line; the AWS CLI rejects the whole file. Delete it or start it with "#".`,
          );
        } else {
          diags.add(
            'no-delimiter',
            line.lineNo,
            'error',
            () =>
              `Line ${line.lineNo}: ${quote(line.text)} is not a [section], a comment or a key = value line; the AWS CLI rejects the whole file. Add "=" and a value, or start the line with "#".`,
          );
        }
        return;
      case 'empty-key':
        flush();
        diags.add(
          current === null && !inDefaults ? 'missing-section' : 'empty-key',
          line.lineNo,
          'error',
          () =>
            `Line ${line.lineNo} starts with ${quote(line.text.charAt(0))} but has no key before it; the AWS CLI rejects the whole file. Add the key name or delete the line.`,
        );
        return;
    }
  };

  function reportDuplicateKey(line: ScannedLine, section: string, firstLine: number): void {
    diags.add(
      'duplicate-key',
      line.lineNo,
      'error',
      () =>
        `Line ${line.lineNo}: the key ${quote(line.key)} appears twice in [${section}] (first on line ${firstLine}; keys ignore case); the AWS CLI rejects the whole file. Delete one of them.`,
    );
  }

  function warnSwallowedLine(line: ScannedLine): void {
    const t = line.value;
    let looksLike: string | null = null;
    if (t.charCodeAt(0) === 0x5b && t.lastIndexOf(']') > 1) looksLike = `the section header ${quote(t)}`;
    else {
      const m = /^([A-Za-z][A-Za-z0-9_.-]{0,63})[ \t]*[=:]/.exec(t);
      if (m) looksLike = `the key ${quote(m[1] as string)}`;
    }
    if (looksLike === null) return;
    const what = looksLike;
    const key = curKey;
    const keyLine = curLine;
    diags.add(
      'indented-line',
      line.lineNo,
      'warning',
      () =>
        `Line ${line.lineNo}: ${what} is indented, so the AWS CLI reads it as more of the value of ${quote(key)} (line ${keyLine}). Remove the indentation.`,
    );
  }

  function warnTypo(lineNo: number, key: string): void {
    const meant = nearKnownKey(key);
    if (meant === null) return;
    diags.add(
      'typo',
      lineNo,
      'warning',
      () => `Line ${lineNo}: the AWS CLI does not know the key ${quote(key)}; did you mean ${quote(meant)}?`,
    );
  }

  function warnInlineComment(lineNo: number, value: string, key: string, nested: boolean): void {
    const at = inlineCommentAt(value);
    if (at === -1 || SECRET_KEY_NAMES.has(key)) return;
    diags.add(
      'inline-comment',
      lineNo,
      'warning',
      () =>
        `Line ${lineNo}: ${quote(value.slice(at))} is part of the ${nested ? 'nested ' : ''}value of ${quote(key)} (the AWS CLI has no comments after values). Move the comment to its own line.`,
    );
  }

  /**
   * The value configparser joins ('\n'.join(lines).rstrip()) and botocore then parses as a
   * nested map when it starts with '\n' (`s3 =` followed by indented lines).
   */
  function finalValue(key: string, first: string, more: string[], moreLines: number[], report: boolean): ConfigValue {
    let count = more.length;
    while (count > 0 && more[count - 1] === '') count--; // rstrip() drops trailing blank lines
    if (count === 0) return first;
    if (first !== '') {
      const parts = [first];
      for (let i = 0; i < count; i++) parts.push(more[i] as string);
      return parts.join('\n');
    }
    const nested: Record<string, string> = {};
    for (let i = 0; i < count; i++) parseNestedPart(more[i] as string, moreLines[i] as number, key, nested, report);
    return nested;
  }

  /** botocore's _parse_nested for one continuation line: str.splitlines(), strip, split at the first '='. */
  function parseNestedPart(part: string, lineNo: number, key: string, into: Record<string, string>, report: boolean): void {
    // splitlines() also breaks on \v \f \x1c-\x1e \x85 \u2028 \u2029 inside the line.
    let start = 0;
    const n = part.length;
    for (let i = 0; i <= n; i++) {
      if (i < n && !isPyLineBoundary(part.charCodeAt(i))) continue;
      const piece = pyStrip(part.slice(start, i));
      start = i + 1;
      if (piece === '') continue;
      const eq = piece.indexOf('=');
      if (eq === -1) {
        if (report) {
          diags.add(
            'nested-line',
            lineNo,
            'error',
            () =>
              `Line ${lineNo}: ${quote(piece)} inside the nested ${quote(key)} block has no "="; the AWS CLI rejects the whole file. Write it as name = value, or remove the indentation.`,
          );
        }
        continue;
      }
      setOwn(into, pyStrip(piece.slice(0, eq)), pyStrip(piece.slice(eq + 1)));
    }
  }

  scanConfigLines(text, onLine);
  flush();

  // --- raw_config_parse's per-section dicts ([DEFAULT] keys appended), then build_profile_map ---
  const result: ParsedConfig = {
    profiles: {},
    ssoSessions: {},
    services: {},
    otherSections: {},
    diagnostics: [],
    locations: { profiles: {}, ssoSessions: {}, services: {}, otherSections: {} },
  };

  const defaults = [...defaultOptions.values()];
  const defaultValues = new Map<string, ConfigValue>();
  const inheritedValue = (opt: DefaultOption): ConfigValue => {
    let v = defaultValues.get(opt.key);
    if (v === undefined) {
      // Parsed (and its nested errors reported) only if some section inherits it, like botocore.
      v = opt.more === null ? opt.first : finalValue(opt.key, opt.first, opt.more, opt.moreLines as number[], true);
      defaultValues.set(opt.key, v);
    }
    // Each section gets its own nested map, as botocore parses it per section.
    return typeof v === 'string' ? v : { ...v };
  };

  for (const section of sections) {
    const values = section.values;
    const keys = section.keys;
    for (const opt of defaults) {
      if (hasOwn(keys, opt.key)) continue;
      setOwn(values, opt.key, inheritedValue(opt));
      setOwn(keys, opt.key, opt.line);
    }

    const c = classify(section.name);
    warnSectionName(section, c);
    if (c.kind === null) continue;
    const locations = result.locations[c.kind];
    if (c.kind !== 'otherSections' && hasOwn(locations, c.name)) {
      const previous = (locations[c.name] as SectionLocation).line;
      const kindName = c.kind === 'profiles' ? 'profile' : c.kind === 'ssoSessions' ? 'SSO session' : 'services section';
      diags.add(
        'same-profile',
        section.line,
        'warning',
        () =>
          `Line ${section.line}: [${section.name}] defines the ${kindName} ${quote(c.name)} again (also on line ${previous}); the AWS CLI uses only this later one. Delete or rename one of them.`,
      );
    }
    // Re-assigning keeps the first position and takes the later value, like a Python dict.
    setOwn(result[c.kind], c.name, values);
    setOwn(locations, c.name, { line: section.line, keys });
  }

  if (defaultsLine !== 0) {
    diags.add(
      'upper-default',
      defaultsLine,
      'warning',
      () =>
        `Line ${defaultsLine}: [DEFAULT] in upper case is not the default profile; the AWS CLI copies its keys into every section. Write [default] for the default profile.`,
    );
  }

  function warnSectionName(section: RawSection, c: Classified): void {
    const name = section.name;
    const at = section.line;
    if (c.prefix !== null) {
      const prefix = c.prefix;
      const what = prefix === 'profile' ? 'profile' : prefix === 'sso-session' ? 'SSO session' : 'services section';
      const tokens = c.tokens;
      if (tokens === null) {
        diags.add(
          'section-name',
          at,
          'warning',
          () =>
            `Line ${at}: the AWS CLI ignores ${quote(`[${name}]`)} because of an unclosed quote or a trailing backslash. Fix the quoting, e.g. [${prefix} "my name"].`,
        );
      } else if (c.kind === null) {
        const names = tokens.length - 1;
        const hint = name.includes(']')
          ? 'remove the text after the first "]" on that line'
          : tokens[0] !== prefix
            ? `write [${prefix} NAME] with a space after "${prefix}"`
            : names === 0
              ? `add the name: [${prefix} NAME]`
              : `quote a name that has spaces: [${prefix} "${tokens.slice(1).join(' ')}"]`;
        diags.add(
          'section-name',
          at,
          'warning',
          () =>
            `Line ${at}: the AWS CLI ignores ${quote(`[${name}]`)}: a ${what} needs exactly one name after "${prefix}" (this has ${names}). To use it, ${hint}.`,
        );
      } else if (tokens[0] !== prefix) {
        diags.add(
          'section-name',
          at,
          'warning',
          () =>
            `Line ${at}: the AWS CLI reads ${quote(`[${name}]`)} as the ${what} ${quote(c.name)} because the name starts with "${prefix}". Write [${prefix} ${c.name}] to make that clear.`,
        );
      } else if (c.name === '') {
        diags.add('section-name', at, 'warning', () => `Line ${at}: ${quote(`[${name}]`)} defines a ${what} with an empty name. Give it a name.`);
      }
      return;
    }
    if (c.kind !== 'otherSections') return;
    const first = name.charCodeAt(0);
    // Cheap pre-check: every near-miss below starts with a letter of profile/sso-session/
    // services/default in either case, or with whitespace.
    if (!(isPySpace(first) || 'pPsSdD'.includes(name.charAt(0))) && section.profileKey === null) return;
    const stripped = pyStrip(name);
    const lower = stripped.toLowerCase();
    for (const [prefix, , what] of PREFIXES) {
      if (lower.startsWith(prefix) && (lower.length === prefix.length || isPySpace(lower.charCodeAt(prefix.length)))) {
        const reason = stripped !== name ? 'it has spaces inside the brackets' : `"${prefix}" must be lower case`;
        const fixed = `[${prefix}${stripped.slice(prefix.length)}]`;
        diags.add(
          'section-name',
          at,
          'warning',
          () => `Line ${at}: ${quote(`[${name}]`)} is not a ${what} because ${reason}; the AWS CLI ignores it. Write ${quote(fixed)}.`,
        );
        return;
      }
    }
    if (lower === 'default') {
      const reason = stripped !== name ? 'it has spaces inside the brackets' : '"default" must be lower case';
      diags.add(
        'section-name',
        at,
        'warning',
        () => `Line ${at}: ${quote(`[${name}]`)} is not the default profile because ${reason}; the AWS CLI ignores it. Write [default].`,
      );
      return;
    }
    const key = section.profileKey;
    if (key !== null) {
      diags.add(
        'bare-section',
        at,
        'warning',
        () =>
          `Line ${at}: the AWS CLI ignores ${quote(`[${name}]`)} (only [default] and [profile NAME] are profiles), although it has ${quote(key)}. Write [profile ${stripped}] if the CLI should use it.`,
      );
    }
  }

  result.diagnostics = diags.finish();
  return result;
}

/**
 * Where a value seems to carry an inline comment: '#' or ';' after whitespace, or at the
 * start when followed by whitespace (`region = # todo`). A bare `#ff0000` is a value.
 */
function inlineCommentAt(value: string): number {
  let i = value.indexOf('#');
  const semi = value.indexOf(';');
  if (i === -1 && semi === -1) return -1;
  const n = value.length;
  for (i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x23 && c !== 0x3b) continue;
    if (i === 0 ? n === 1 || isPySpace(value.charCodeAt(1)) : isPySpace(value.charCodeAt(i - 1))) return i;
  }
  return -1;
}

/**
 * The known key `key` is one edit away from (one character inserted, deleted, replaced,
 * or two neighbours swapped), or null. Short keys are left alone: too many false alarms.
 */
function nearKnownKey(key: string): string | null {
  if (key.length < 5) return null;
  for (const known of KNOWN_KEYS) {
    if (Math.abs(known.length - key.length) <= 1 && oneEditApart(key, known)) return known;
  }
  return null;
}

function oneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // inserted/deleted
}

/** Number of lines in `text` as diagnostics count them (1-based lines are within 1..this). */
export function configLineCount(text: string): number {
  return countLines(text);
}
