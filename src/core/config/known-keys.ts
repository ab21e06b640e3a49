// The keys the AWS CLI reads, and the one home of "did you mean": a key a little off one it
// knows (the parser's typo warning) or off one the importer looked for (`so_start_url`).
import { BoundedCache } from '../bounded-cache';
import { SECRET_KEY_NAMES } from './secret-lines';

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

/** What the parser needs to know about one lower-cased key. */
export interface KeyFacts {
  /**
   * The key itself, one string for every line that writes it: the engine then finds it as a
   * property name without comparing characters (the budget benchmark's parse stage pays for
   * a fresh string per key otherwise).
   */
  key: string;
  /** The known key this one is one edit away from, for the typo warning (null: known, or no near one). */
  typo: string | null;
  /** Makes a bare section look like it was meant as a CLI profile. */
  profileKey: boolean;
  secret: boolean;
}

const facts = new BoundedCache<string, KeyFacts>(4096, (key) => ({
  key,
  typo: KNOWN_KEYS.has(key) ? null : nearKnownKey(key),
  profileKey: PROFILE_KEYS.has(key),
  secret: SECRET_KEY_NAMES.has(key),
}));

/** The facts of a lower-cased key (computed once per distinct key). */
export function keyFacts(key: string): KeyFacts {
  return facts.get(key);
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

/** The first of `keys` within two edits of `wanted`, other than `wanted` itself (`so_start_url` for `sso_start_url`). */
export function keyNear(wanted: string, keys: Iterable<string>): string | undefined {
  for (const key of keys) {
    if (key !== wanted && Math.abs(key.length - wanted.length) <= 2 && editDistance(key, wanted) <= 2) return key;
  }
  return undefined;
}

/** Levenshtein distance of two short strings. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
