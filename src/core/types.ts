// Shared data shapes of the core engine. Plain, JSON-serialisable objects only: they are
// stored, sent between extension contexts and compared in tests.

/** A value in a config section: a string, or a nested map (`s3 =` followed by indented `k = v`). */
export type ConfigValue = string | { [subkey: string]: string };
/** Section name → key → value, exactly as botocore builds it. */
export type SectionMap = Record<string, Record<string, ConfigValue>>;

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** 1-based line number in the pasted text. */
  line: number;
  severity: Severity;
  message: string;
}

/** Where a section and its keys were written, for diagnostics that point at a line. */
export interface SectionLocation {
  /** Line of the `[...]` header. */
  line: number;
  /** Lower-cased key → line of the key (the last definition when [DEFAULT] is inherited: the DEFAULT line). */
  keys: Record<string, number>;
}

export interface ParsedConfig {
  profiles: SectionMap;
  ssoSessions: SectionMap;
  services: SectionMap;
  /** Every other top-level section by its raw name (botocore's other keys), e.g. bare AESR `[name]` sections. */
  otherSections: SectionMap;
  diagnostics: Diagnostic[];
  locations: {
    profiles: Record<string, SectionLocation>;
    ssoSessions: Record<string, SectionLocation>;
    services: Record<string, SectionLocation>;
    otherSections: Record<string, SectionLocation>;
  };
}

/** `aws-eusc`: the AWS European Sovereign Cloud (docs/aws-facts.md §1.4). */
export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn' | 'aws-eusc';

/** Canonical environments, in the order the popup shows them. */
export const ENVIRONMENTS = ['development', 'test', 'staging', 'production', 'sandbox', 'other'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * A role entry's base (catalogue/base-account.ts): the account of the identity at the root of its
 * source_profile chain, with the keys that say so (`aws_account_id in [profile base]`), or why it
 * is unknown. Identity Center entries have none: the access portal signs them in.
 */
export type BaseKnown = { accountId?: string; accountAlias?: string; from: string };
export type EntryBase = BaseKnown | { unknown: string };

export interface CatalogueEntry {
  /** Profile (section) name as written; unique within a catalogue. */
  profile: string;
  kind: 'role' | 'sso';
  /**
   * Exactly 12 digits, kept as a string (leading zeros). Absent only for AWS Extend Switch Roles
   * profiles whose `aws_account_id` holds an account alias: then `accountAlias` is set (every
   * entry has at least one of the two) and the link uses the alias.
   */
  accountId?: string;
  /** IAM account alias (3–63 of a-z 0-9 -), from `aws_account_alias` or an alias in `aws_account_id`. */
  accountAlias?: string;
  /** Role path + name without leading slash (`team/ops/Admin`); for SSO the permission-set name. */
  roleName: string;
  partition: Partition;
  region?: string;
  /** Inferred or explicit app; `Other` when nothing could be inferred. */
  app: string;
  env: Environment;
  /** The environment word as the user wrote it, lower-cased (`qa`, `uat`, `prod`), or the canonical name. */
  envLabel: string;
  isProduction: boolean;
  /** `#rrggbb` */
  color: string;
  /** Switch-role GET link (role) or SSO console shortcut link (sso). */
  url: string;
  /** ≤ 64 characters, used as the console's display name. */
  displayName: string;
  /** The resolved `source_profile` chain, nearest first. */
  sourceProfile?: string[];
  /** Role entries: the account of the identity at the root of that chain, or why it is unknown. */
  base?: EntryBase;
  ssoStartUrl?: string;
  ssoRegion?: string;
  /** Plain notes for the user, e.g. "bare section: the AWS CLI does not see it". */
  notes?: string[];
  /** Line of the section header. */
  line: number;
  /** `console_session_minutes`: how long a console session of this profile lasts (else the setting). */
  sessionMinutes?: number;
  /** `organisation`: from the organisation's browser policy (src/core/policy). Absent: the user's own config. */
  origin?: 'organisation';
}

export interface SkippedProfile {
  profile: string;
  reason: string;
  line: number;
  /**
   * Skipped as expected, not a problem: `[default]` with no role of its own (it holds the AWS
   * CLI's defaults and, often, the keys other profiles assume roles with).
   */
  expected?: true;
}

/** The lines removed from one section because they carry secrets (strip-secrets.ts). */
export interface RemovedSecrets {
  /** Section name as written (`default`, `profile dev`, `dev`); '' before any section. */
  section: string;
  /** Credential keys the AWS CLI would have read from the section (`aws_secret_access_key`), lower-cased. */
  keys: string[];
  /** The removed lines (1-based, in the pasted text). */
  lines: number[];
  /** For each of `lines`, what it held, in words that never quote it ("shell export of AWS_SESSION_TOKEN"). */
  what: string[];
}

export interface Catalogue {
  entries: CatalogueEntry[];
  skipped: SkippedProfile[];
  diagnostics: Diagnostic[];
  removedSecrets: RemovedSecrets[];
}
