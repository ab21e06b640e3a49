// Stage 3 of the parser: each option's lines become its value, as configparser joins them
// ('\n'.join(lines).rstrip()) and botocore's raw_config_parse then reads them: a value that
// starts with a newline (`s3 =` followed by indented lines) is a nested map (_parse_nested),
// and every section gets [DEFAULT]'s options it does not have itself.
import type { ConfigValue } from '../types';
import { isPyLineBoundary, pyStrip } from './config-scanner';
import { DiagnosticList, quote, setOwn } from './diagnostic-list';
import { hasKey, type ConfigSection } from './config-section';
import type { RawConfig, RawOption } from './read-sections';
import { SECRET_KEY_NAMES } from './secret-lines';

/** The most [DEFAULT] values stage 3 copies into sections (keys × sections). */
export const MAX_INHERITED_VALUES = 1_000_000;

/**
 * Stage 3: every section's values complete (in section order), with the problems of nested
 * blocks. Stage 2 stored each option's first line: the options with continuation lines get
 * their joined value, in the same place, and each section gets [DEFAULT]'s keys it lacks.
 */
export function completeValues(raw: RawConfig, diags: DiagnosticList): void {
  // Joined in the order the options were written, so their problems are counted in that order.
  for (const option of raw.multiLine) setOwn((option.section as ConfigSection).values, option.key, joinValue(option, diags));
  const inherit = inheritedDefaults(raw, diags);
  if (inherit !== null) for (const section of raw.sections) inherit(section);
}

/**
 * What each section takes from [DEFAULT], or null when nothing. botocore copies every [DEFAULT]
 * key into every section: K keys × M sections values, which a text of a few hundred KB can make
 * billions of. Past a bound (far beyond real configs) the copies are not made and the file gets
 * an error instead, so a paste can never hang the page.
 */
function inheritedDefaults(raw: RawConfig, diags: DiagnosticList): ((section: ConfigSection) => void) | null {
  const defaults = [...raw.defaults.values()];
  if (defaults.length === 0) return null;
  if (raw.sections.length * defaults.length > MAX_INHERITED_VALUES) {
    diags.add('default-too-large', raw.defaultsLine, 'error', () =>
      `Line ${raw.defaultsLine}: [DEFAULT] has ${defaults.length} keys, which the AWS CLI copies into each of the ${raw.sections.length} sections: too many values to read here, so they were not copied. Remove [DEFAULT], or move its keys into the profiles that need them.`,
    );
    return null;
  }
  // Joined (and its nested problems reported) only once some section inherits it, like botocore.
  const joined = new Map<RawOption, ConfigValue>();
  const valueOf = (option: RawOption): ConfigValue => {
    let value = joined.get(option);
    if (value === undefined) {
      value = option.more === null ? option.first : joinValue(option, diags);
      joined.set(option, value);
    }
    // Each section gets its own nested map, as botocore parses it per section.
    return typeof value === 'string' ? value : { ...value };
  };
  // Inherited keys come after the section's own, with the [DEFAULT] line.
  return (section) => {
    for (const option of defaults) {
      if (hasKey(section, option.key)) continue;
      setOwn(section.values, option.key, valueOf(option));
      setOwn(section.keyLines, option.key, option.line);
    }
  };
}

/** configparser's join of an option's lines, and botocore's nested map when the first line is empty. */
function joinValue(option: RawOption, diags: DiagnosticList): ConfigValue {
  const more = option.more ?? [];
  let count = more.length;
  while (count > 0 && more[count - 1] === '') count--; // rstrip() drops trailing blank lines
  if (count === 0) return option.first;
  if (option.first !== '') return [option.first, ...more.slice(0, count)].join('\n');
  const nested: Record<string, string> = {};
  for (let i = 0; i < count; i++) parseNestedLine(more[i] as string, (option.moreLines as number[])[i] as number, option.key, nested, diags);
  return nested;
}

/** botocore's _parse_nested for one continuation line: str.splitlines(), strip, split at the first '='. */
function parseNestedLine(part: string, lineNo: number, key: string, into: Record<string, string>, diags: DiagnosticList): void {
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
      // Not quoted when it may be the rest of a secret (a wrapped key under a secret or beside one).
      const secret = SECRET_KEY_NAMES.has(key) || Object.keys(into).some((k) => SECRET_KEY_NAMES.has(k.toLowerCase()));
      diags.add('nested-line', lineNo, 'error', () =>
        `Line ${lineNo}: ${secret ? 'a line' : quote(piece)} inside the nested ${quote(key)} block has no "="; the AWS CLI rejects the whole file. Write it as name = value, or remove the indentation.`,
      );
      continue;
    }
    setOwn(into, pyStrip(piece.slice(0, eq)), pyStrip(piece.slice(eq + 1)));
  }
}
