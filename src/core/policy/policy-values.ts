// The organisation's browser policy (managed storage, docs/aws-facts.md §8), read back.
//
// Chrome checks the values against managed-schema.json and drops a value that does not match
// (it is then simply absent here). Firefox has no schema: anything JSON can arrive. So every
// value is checked again, and a bad one is named and skipped while the rest applies: a typo in
// one account never takes the organisation's config, or the user's own profiles, with it.
// Nothing here throws.
import * as z from '../zod';
import { isAccountAlias, isAccountId } from '../aws-names';
import { envFromText } from '../catalogue/environments';
import { importConfig } from '../catalogue/import-config';
import { prepareImport } from '../catalogue/prepare-import';
import type { Catalogue, Environment, RemovedSecrets, Severity } from '../types';

import { LOCKABLE_SETTINGS, type LockableSetting } from './lockable';

export { LOCKABLE_SETTING_NAMES, LOCKABLE_SETTINGS, lockedValues, type LockableSetting } from './lockable';

/** Every policy key, as managed-schema.json declares them. */
export const POLICY_KEYS = ['config', 'accounts', ...LOCKABLE_SETTINGS, 'allowPersonalConfig'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

const MAX_APP = 64;
const MAX_ENV_WORD = 32;

/** One `accounts` entry as an administrator writes it. */
export const accountPolicySchema = z.object({
  app: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_APP))),
  environment: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_ENV_WORD))),
  alias: z.optional(z.string().check(z.trim(), z.refine(isAccountAlias))),
  production: z.optional(z.boolean()),
});

/** The managed values, as managed-schema.json declares them (plus the checks a JSON schema cannot say). */
export const managedPolicySchema = z.object({
  config: z.optional(z.string()),
  accounts: z.optional(z.record(z.string().check(z.refine(isAccountId)), accountPolicySchema)),
  bannerEnabled: z.optional(z.boolean()),
  titlePrefix: z.optional(z.boolean()),
  autoSubmitSwitchForm: z.optional(z.boolean()),
  allowPersonalConfig: z.optional(z.boolean()),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

/** What the organisation says about one account (`accounts`). */
export interface AccountPolicy {
  app?: string;
  /** From `environment`, read like a profile's `env =` (`qa` is test, labelled `qa`). */
  env?: Environment;
  envLabel?: string;
  alias?: string;
  /** `production: true`, or an environment that means production. Authoritative. */
  production: boolean;
}

export interface PolicyProblem {
  /** The policy key the problem is in (another string for a key the policy does not have). */
  key: string;
  severity: Severity;
  message: string;
  /** `config`: the line of the organisation's config text. */
  line?: number;
  /** `accounts`: the account ID as written (shortened). */
  account?: string;
}

export interface OrganisationConfig {
  /** The config text with every secret line removed (what may be cached or exported). */
  text: string;
  /** Its entries, each with `origin: 'organisation'`; line numbers are those of the administrator's text. */
  catalogue: Catalogue;
  removed: RemovedSecrets[];
}

export interface OrganisationPolicy {
  /** Some policy value is set: the browser is managed for this extension. */
  active: boolean;
  config: OrganisationConfig | null;
  /** Account ID → what the organisation says about it. */
  accounts: Readonly<Record<string, AccountPolicy>>;
  /** Settings the organisation locked, to these values. */
  locked: Partial<Record<LockableSetting, boolean>>;
  /** false: only the organisation's profiles are shown. */
  allowPersonalConfig: boolean;
  problems: PolicyProblem[];
}

export const NO_POLICY: OrganisationPolicy = Object.freeze({
  active: false,
  config: null,
  accounts: Object.freeze({}),
  locked: Object.freeze({}),
  allowPersonalConfig: true,
  problems: [],
}) as OrganisationPolicy;

/** Untrusted text for a message: its first line, at most 40 characters. */
function shortened(value: string): string {
  const line = value.split(/[\r\n]/, 1)[0]!;
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
const quoted = (value: string): string => `"${shortened(value)}"`;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The managed area as read (`storage.managed.get()`) → what applies, and what was wrong with it. */
export function parsePolicy(raw: unknown): OrganisationPolicy {
  if (raw === undefined || raw === null || (isPlainObject(raw) && Object.keys(raw).length === 0)) return NO_POLICY;
  if (!isPlainObject(raw)) return { ...NO_POLICY, active: true, problems: [problem('policy', 'error', 'The policy is not a set of named values; it is ignored.')] };
  try {
    return parseValues(raw);
  } catch (error) {
    // Defensive, like importConfig: every path is meant to be total. Nothing of the policy is echoed.
    const name = error instanceof Error ? error.name : 'unknown';
    return { ...NO_POLICY, active: true, problems: [problem('policy', 'error', `The policy could not be read (internal error: ${name}). Please report this.`)] };
  }
}

function problem(key: string, severity: Severity, message: string, extra: Pick<PolicyProblem, 'line' | 'account'> = {}): PolicyProblem {
  return { key, severity, message, ...extra };
}

function parseValues(raw: Record<string, unknown>): OrganisationPolicy {
  const problems: PolicyProblem[] = [];
  const known = new Set<string>(POLICY_KEYS);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) problems.push(problem(shortened(key), 'warning', `${quoted(key)} is not a setting of this extension; it is ignored.`));
  }
  const config = readConfig(raw.config, problems);
  const accounts = readAccounts(raw.accounts, problems);
  const locked: OrganisationPolicy['locked'] = {};
  for (const key of LOCKABLE_SETTINGS) {
    const value = readBoolean(raw, key, problems);
    if (value !== undefined) locked[key] = value;
  }
  const allowPersonalConfig = readBoolean(raw, 'allowPersonalConfig', problems) ?? true;
  return { active: true, config, accounts, locked, allowPersonalConfig, problems };
}

function readBoolean(raw: Record<string, unknown>, key: PolicyKey, problems: PolicyProblem[]): boolean | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  problems.push(problem(key, 'error', `${key} must be true or false; it is ignored.`));
  return undefined;
}

function readConfig(value: unknown, problems: PolicyProblem[]): OrganisationConfig | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') {
    problems.push(problem('config', 'error', 'config must be the text of an ~/.aws/config; it is ignored.'));
    return null;
  }
  if (value.trim() === '') return null;
  // Read as the user's paste is: the same importer, secrets removed the same way. The catalogue
  // is the one of the text as written (importConfig turns secret lines into comments), so every
  // line number is one the administrator can find in their own text.
  const written = importConfig(value);
  const prepared = prepareImport(value, written);
  for (const entry of written.entries) entry.origin = 'organisation';
  for (const d of written.diagnostics) problems.push(problem('config', d.severity, d.message, { line: d.line }));
  for (const s of written.skipped) problems.push(problem('config', 'warning', `Profile ${quoted(s.profile)} is not listed: ${s.reason}`, { line: s.line }));
  // The importer says so for credential keys already; any other removed line is named here.
  const said = new Set(written.diagnostics.map((d) => d.line));
  for (const r of prepared.removed) {
    r.lines.forEach((line, i) => {
      if (!said.has(line)) problems.push(problem('config', 'warning', `Removed (${r.what[i]}): secrets are never stored.`, { line }));
    });
  }
  return { text: prepared.text, catalogue: written, removed: prepared.removed };
}

const ACCOUNT_FIELD_MESSAGES: Readonly<Record<keyof z.infer<typeof accountPolicySchema>, string>> = {
  app: `app must be text of 1 to ${MAX_APP} characters`,
  environment: `environment must be a word of 1 to ${MAX_ENV_WORD} characters, such as development, qa, staging or production`,
  alias: 'alias must be an IAM account alias (3 to 63 of a-z, 0-9 and -)',
  production: 'production must be true or false',
};

function readAccounts(value: unknown, problems: PolicyProblem[]): Record<string, AccountPolicy> {
  // No prototype: an account key can never reach Object.prototype (and none would pass isAccountId).
  const accounts = Object.create(null) as Record<string, AccountPolicy>;
  if (value === undefined) return accounts;
  if (!isPlainObject(value)) {
    problems.push(problem('accounts', 'error', 'accounts must map 12-digit account IDs to { app, environment, alias, production }; it is ignored.'));
    return accounts;
  }
  for (const [id, fields] of Object.entries(value)) {
    const account = readAccount(id, fields, problems);
    if (account) accounts[id] = account;
  }
  return accounts;
}

function readAccount(id: string, fields: unknown, problems: PolicyProblem[]): AccountPolicy | undefined {
  const say = (severity: Severity, message: string) => problems.push(problem('accounts', severity, message, { account: shortened(id) }));
  if (!isAccountId(id)) {
    say('error', `${quoted(id)} is not a 12-digit account ID; its entry is ignored.`);
    return undefined;
  }
  if (!isPlainObject(fields)) {
    say('error', `Account ${id} must be a set of { app, environment, alias, production }; it is ignored.`);
    return undefined;
  }
  const valid: z.infer<typeof accountPolicySchema> = {};
  const shape = accountPolicySchema.shape;
  for (const [key, v] of Object.entries(fields)) {
    if (!(key in shape)) {
      say('warning', `Account ${id}: ${quoted(key)} is not one of app, environment, alias, production; it is ignored.`);
      continue;
    }
    const field = key as keyof typeof shape;
    const parsed = shape[field].safeParse(v);
    if (parsed.success) (valid as Record<string, unknown>)[field] = parsed.data;
    else say('error', `Account ${id}: ${ACCOUNT_FIELD_MESSAGES[field]}; it is ignored.`);
  }
  return accountPolicy(id, valid, say);
}

function accountPolicy(id: string, valid: z.infer<typeof accountPolicySchema>, say: (severity: Severity, message: string) => void): AccountPolicy | undefined {
  const out: AccountPolicy = { production: valid.production === true };
  if (valid.app !== undefined) out.app = valid.app;
  if (valid.alias !== undefined) out.alias = valid.alias;
  if (valid.environment !== undefined) {
    // Read like `env =` in a profile: a word we know is that environment, any other word is
    // kept as the organisation's own label (environment "other").
    const named = envFromText(valid.environment);
    out.env = named?.env ?? 'other';
    out.envLabel = named?.label ?? valid.environment.toLowerCase();
  }
  if (out.env === 'production') out.production = true;
  else if (out.production) {
    if (out.env !== undefined) say('warning', `Account ${id}: environment ${quoted(valid.environment!)} is not production, but production is true; it is shown as production.`);
    out.env = 'production';
    out.envLabel = 'production';
  }
  const saysSomething = out.production || out.app !== undefined || out.alias !== undefined || out.env !== undefined;
  return saysSomething ? out : undefined;
}

export interface PolicyProblemGroup {
  /** `Your organisation's config: 2 errors, 1 warning (lines 4, 9, 12)` */
  heading: string;
  /** One line per problem: `Line 4: …`, `Account 123456789012: …`. */
  items: string[];
}

const GROUP_NAMES: Readonly<Record<string, string>> = { config: 'config', accounts: 'accounts' };

/** The problems for people: one group per part of the policy (config, accounts, everything else). */
export function groupPolicyProblems(problems: readonly PolicyProblem[]): PolicyProblemGroup[] {
  const groups = new Map<string, PolicyProblem[]>();
  for (const p of problems) {
    const name = GROUP_NAMES[p.key] ?? 'policy';
    groups.set(name, [...(groups.get(name) ?? []), p]);
  }
  return [...groups.entries()].map(([name, list]) => ({ heading: headingOf(name, list), items: list.map(itemOf) }));
}

/** A problem in one line; the importer's messages often name their line already. */
function itemOf(p: PolicyProblem): string {
  return p.line === undefined || /^line \d+\b/i.test(p.message) ? p.message : `Line ${p.line}: ${p.message}`;
}

function headingOf(name: string, list: readonly PolicyProblem[]): string {
  const count = (severity: Severity) => list.filter((p) => p.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts = [count('error') > 0 ? plural(count('error'), 'error') : '', count('warning') > 0 ? plural(count('warning'), 'warning') : ''].filter(Boolean).join(', ');
  const lines = [...new Set(list.flatMap((p) => (p.line !== undefined ? [p.line] : [])))].sort((a, b) => a - b);
  const where = lines.length === 0 ? '' : lines.length === 1 ? ` (line ${lines[0]})` : ` (lines ${lines.join(', ')})`;
  return `Your organisation's ${name}: ${counts}${where}`;
}

/** Firefox reads enterprise policy when it starts: a change shows after a restart (Chrome applies it at once). */
export const FIREFOX_POLICY_RESTART_NOTE = "Firefox reads your organisation's policy when it starts: a change to it shows after Firefox restarts.";
