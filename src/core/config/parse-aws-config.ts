// parseAwsConfig: read ~/.aws/config text exactly as the AWS CLI does.
//
// The reference is botocore: `raw_config_parse(path)` (Python's RawConfigParser, then
// `_parse_nested` for values that start with a newline) followed by `build_profile_map`.
// `profiles`, `ssoSessions`, `services` and `otherSections` are what those produce for the
// same text; parser-differential.test.ts checks that against the real botocore.
//
// The parser is botocore's own stages, each a function of its own, data flowing one way:
// 1. lines (config-scanner.ts): configparser's classification of every line;
// 2. sections and options (read-sections.ts): configparser's reading, raw option lines;
// 3. values (option-values.ts): continuation lines joined, nested maps, [DEFAULT] copied;
// 4. the profile map (profile-map.ts): build_profile_map.
// Where botocore rejects the whole file, the parser still returns everything that is valid (so
// the UI can import it) and adds an `error` diagnostic per problem (each stage says which
// best-effort rules it follows). Warnings mark what the CLI accepts silently but a person
// rarely means.
//
// Output maps are plain objects; a section or key named `__proto__` is stored as an own
// property. Look names up with Object.hasOwn (a profile may be called `constructor`).
// readConfig is the parser's result for code that reads the sections (the importer): the
// same stages, without building botocore's maps; parseAwsConfig adds those.
import type { Diagnostic, ParsedConfig } from '../types';
import { countLines } from './config-scanner';
import { DiagnosticList } from './diagnostic-list';
import type { ConfigSection } from './config-section';
import { completeValues } from './option-values';
import { classifySections, profileMaps } from './profile-map';
import { readSections } from './read-sections';

export { MAX_INHERITED_VALUES } from './option-values';
export { hasKey, keyLine, type ConfigSection, type SectionKind } from './config-section';
export { sectionTarget, shlexSplit, type SectionTarget } from './profile-map';

/** The parser's result: every section in file order ([DEFAULT] copied into each), and every problem. */
export interface ReadConfig {
  sections: ConfigSection[];
  diagnostics: Diagnostic[];
}

/** Reads AWS config text the way the AWS CLI (botocore) does, up to botocore's maps. Never throws. */
export function readConfig(text: string): ReadConfig {
  const diags = new DiagnosticList();
  const raw = readSections(text, diags);
  completeValues(raw, diags);
  classifySections(raw, diags);
  return { sections: raw.sections, diagnostics: diags.finish() };
}

/** Parses AWS config text the way the AWS CLI (botocore) does: botocore's maps. Never throws. */
export function parseAwsConfig(text: string): ParsedConfig {
  const read = readConfig(text);
  return { ...profileMaps(read.sections), diagnostics: read.diagnostics };
}

/** Number of lines in `text` as diagnostics count them (1-based lines are within 1..this). */
export function configLineCount(text: string): number {
  return countLines(text);
}
