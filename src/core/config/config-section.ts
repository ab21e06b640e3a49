// The parser's one record per section. Stage 2 (read-sections.ts) makes it at the section's first
// header and stores what each option's line says; stage 3 (option-values.ts) replaces the values
// of options that have continuation lines and adds [DEFAULT]'s; stage 4 (profile-map.ts) says
// where botocore puts it. A record of its own per stage would double the objects an import
// keeps alive (and the garbage collector copies) for 10,000 profiles.
import type { ConfigValue } from '../types';

export type SectionKind = 'profiles' | 'ssoSessions' | 'services' | 'otherSections';

/** One section (every block of a repeated header together), as the parser's result gives it. */
export interface ConfigSection {
  /** build_profile_map's map for it, or null when botocore drops it (stage 4). */
  kind: SectionKind | null;
  /** The name inside that map (the raw header name when dropped; stage 4). */
  name: string;
  /** The raw header name (`profile "my dev"`, `default`), exactly as configparser takes it. */
  readonly header: string;
  /** Line of its first header. */
  readonly line: number;
  /** Not named profile/sso-session/services/default: a bare `[name]` the AWS CLI ignores. */
  readonly bare: boolean;
  /** Its values in botocore's key order: its own as first written, then [DEFAULT]'s. */
  readonly values: Record<string, ConfigValue>;
  /** The line each key of `values` was written on (the [DEFAULT] line for an inherited one). */
  readonly keyLines: Record<string, number>;
  /** Repeated keys the parser ignored (the first one is read), in order: [key, value as on its line]. */
  repeated: ReadonlyArray<readonly [string, string]>;
  /** The first key of a bare section that is a CLI profile key (for the bare-section warning). */
  profileKey: string | null;
}

/** Shared by the sections that repeat no key (nearly all). */
export const NO_REPEATS: ConfigSection['repeated'] = Object.freeze([]);

/** A new section, at its first header: no keys yet, not yet placed by stage 4. */
export function newSection(header: string, line: number, bare: boolean): ConfigSection {
  return { kind: null, name: header, header, line, bare, values: {}, keyLines: {}, repeated: NO_REPEATS, profileKey: null };
}

/** Does the section have `key` (its own, or inherited from [DEFAULT] once stage 3 ran)? */
export function hasKey(section: ConfigSection, key: string): boolean {
  return Object.hasOwn(section.keyLines, key);
}

/** The line `key` was written on in `section`, or its header line when it has no such key. */
export function keyLine(section: ConfigSection, key: string): number {
  return hasKey(section, key) ? (section.keyLines[key] as number) : section.line;
}
