// The catalogue people see when their organisation publishes one by policy: the organisation's
// entries (origin `organisation`) and the user's own, one list. Where both speak of the same
// account the organisation's word wins, and `accounts` is the last word of all:
//   user's own profile < organisation's config < organisation's `accounts`.
// Pure: the user's own config stays in storage as it is, whatever the policy says, so a policy
// change (or a mistake in one) never loses a profile; this only decides what is shown.
import { ENV_COLORS, PRODUCTION_COLOR } from '../catalogue/colors';
import { consoleHomeUrl, switchRoleUrl } from '../catalogue/links';
import type { CatalogueEntry, Environment } from '../types';
import type { AccountPolicy, OrganisationPolicy } from './policy-values';

export interface MergedCatalogue {
  /** The organisation's entries, then the user's own (callers order them for display). */
  entries: CatalogueEntry[];
  /** The user's own profiles not shown because the organisation allows none; they stay stored. */
  hiddenPersonal: number;
  /** What to tell the user about their own profiles (hidden, shown once, renamed), in words. */
  notices: string[];
}

/** What the organisation's config says about one account. */
interface Verdict {
  production: boolean;
  env: Environment;
  envLabel: string;
}

/** The user's profile of the same name as one of the organisation's, when both are kept. */
export const PERSONAL_SUFFIX = ' (personal)';

export function mergeCatalogues(policy: OrganisationPolicy, personal: readonly CatalogueEntry[]): MergedCatalogue {
  const organisation = policy.config?.catalogue.entries ?? [];
  const notices: string[] = [];
  const shown = policy.allowPersonalConfig ? personal : [];
  const hiddenPersonal = personal.length - shown.length;
  if (hiddenPersonal > 0) {
    const one = hiddenPersonal === 1;
    notices.push(`Your organisation shows only its own roles: your ${plural(hiddenPersonal, 'profile')} ${one ? 'stays' : 'stay'} saved, and ${one ? 'comes' : 'come'} back if it allows ${one ? 'it' : 'them'} again.`);
  }
  const verdicts = organisationVerdicts(organisation);
  const named = namesOf(organisation);
  // A new name avoids every name in sight (the user may have a "dev (personal)" of their own).
  const names = new Set([...organisation, ...shown].map((e) => e.profile));
  let duplicates = 0;
  let renamed = 0;
  const mine: CatalogueEntry[] = [];
  for (const entry of shown) {
    const same = named.get(entry.profile);
    if (same && sameRole(same, entry)) {
      duplicates++;
      continue;
    }
    let next = withVerdict(entry, verdictFor(verdicts, entry));
    if (same) {
      next = renamedAway(next, names);
      names.add(next.profile);
      renamed++;
    }
    mine.push(next);
  }
  if (duplicates > 0) notices.push(`${plural(duplicates, 'profile')} of yours ${duplicates === 1 ? 'is' : 'are'} the same as your organisation's and ${duplicates === 1 ? 'is' : 'are'} shown once.`);
  if (renamed > 0) notices.push(`${plural(renamed, 'profile')} of yours ${renamed === 1 ? 'has' : 'have'} the name of one of your organisation's: shown with "${PERSONAL_SUFFIX.trim()}" after the name.`);
  const entries = applyAccounts([...organisation, ...mine], policy.accounts);
  return { entries, hiddenPersonal, notices };
}

/**
 * What of the policy shapes the merged catalogue, as one string: '' without a policy (a cache
 * keyed by the user's config alone stays valid), and another string whenever the config text,
 * `accounts` or allowPersonalConfig change. Locked settings are not in it: they change no entry.
 * A catalogue cache keys on the user's config checksum and this together.
 */
export function policyFingerprint(policy: OrganisationPolicy): string {
  if (!policy.config && Object.keys(policy.accounts).length === 0 && policy.allowPersonalConfig) return '';
  const accounts = Object.keys(policy.accounts)
    .sort()
    .map((id) => [id, policy.accounts[id]]);
  return JSON.stringify([policy.config?.text ?? null, accounts, policy.allowPersonalConfig]);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function namesOf(entries: readonly CatalogueEntry[]): Map<string, CatalogueEntry> {
  const map = new Map<string, CatalogueEntry>();
  for (const e of entries) if (!map.has(e.profile)) map.set(e.profile, e);
  return map;
}

/** The same role in the same account: one of the two is enough. */
function sameRole(a: CatalogueEntry, b: CatalogueEntry): boolean {
  return a.kind === b.kind && a.partition === b.partition && a.roleName === b.roleName && (a.accountId ?? a.accountAlias) === (b.accountId ?? b.accountAlias);
}

function renamedAway(entry: CatalogueEntry, taken: ReadonlySet<string>): CatalogueEntry {
  let profile = `${entry.profile}${PERSONAL_SUFFIX}`;
  for (let n = 2; taken.has(profile); n++) profile = `${entry.profile} (personal ${n})`;
  return { ...entry, profile, notes: [...(entry.notes ?? []), `Shown as "${profile}": your organisation's config has a profile named "${entry.profile}".`] };
}

/** Account ID or alias → the organisation's verdict; an account its entries disagree on has none. */
function organisationVerdicts(entries: readonly CatalogueEntry[]): Map<string, Verdict> {
  const byAccount = new Map<string, CatalogueEntry[]>();
  for (const e of entries) {
    for (const key of [e.accountId, e.accountAlias]) {
      if (key !== undefined) byAccount.set(key, [...(byAccount.get(key) ?? []), e]);
    }
  }
  const verdicts = new Map<string, Verdict>();
  for (const [key, list] of byAccount) {
    const verdict = verdictOf(list);
    if (verdict) verdicts.set(key, verdict);
  }
  return verdicts;
}

function verdictOf(list: readonly CatalogueEntry[]): Verdict | undefined {
  const production = list.find((e) => e.isProduction);
  if (production) return { production: true, env: 'production', envLabel: production.envLabel };
  // Only an environment the organisation named counts: a name with no environment word
  // (environment "other", labelled "other") says nothing, and must not turn a production
  // profile of the user's into anything else.
  const named = list.filter((e) => !(e.env === 'other' && e.envLabel === 'other'));
  const first = named[0];
  if (!first || named.some((e) => e.env !== first.env || e.envLabel !== first.envLabel)) return undefined;
  return { production: false, env: first.env, envLabel: first.envLabel };
}

function verdictFor(verdicts: ReadonlyMap<string, Verdict>, entry: CatalogueEntry): { verdict: Verdict; account: string } | undefined {
  for (const key of [entry.accountId, entry.accountAlias]) {
    const verdict = key !== undefined ? verdicts.get(key) : undefined;
    if (verdict) return { verdict, account: key! };
  }
  return undefined;
}

function withVerdict(entry: CatalogueEntry, found: { verdict: Verdict; account: string } | undefined): CatalogueEntry {
  if (!found) return entry;
  const { verdict, account } = found;
  const said = verdict.production ? 'production' : `environment "${verdict.envLabel}"`;
  return reclassified(entry, verdict, `Shown as ${said}: your organisation's config says so for account ${account}.`);
}

/** Every entry on an account of `accounts` takes what the organisation says about it. */
function applyAccounts(entries: CatalogueEntry[], accounts: OrganisationPolicy['accounts']): CatalogueEntry[] {
  const ids = Object.keys(accounts);
  if (ids.length === 0) return entries;
  const byAlias = new Map<string, string>();
  for (const id of ids) if (accounts[id]!.alias !== undefined) byAlias.set(accounts[id]!.alias!, id);
  return entries.map((entry) => {
    const id = entry.accountId ?? (entry.accountAlias !== undefined ? byAlias.get(entry.accountAlias) : undefined);
    const account = id !== undefined ? accounts[id] : undefined;
    return account ? withAccount(entry, id!, account) : entry;
  });
}

function withAccount(entry: CatalogueEntry, id: string, account: AccountPolicy): CatalogueEntry {
  let next = entry;
  if (account.env !== undefined) {
    const said = account.production ? 'production' : `environment "${account.envLabel}"`;
    next = reclassified(next, { production: account.production, env: account.env, envLabel: account.envLabel! }, `Shown as ${said}: set by your organisation for account ${id}.`);
  }
  if (account.app !== undefined && account.app !== next.app) {
    next = { ...next, app: account.app, notes: [...(next.notes ?? []), `App "${account.app}": set by your organisation for account ${id}.`] };
  }
  // The organisation says which account an alias is, and the alias of an account: the banner
  // finds the entry by either. (The link keeps the account as the user wrote it.)
  if (next.accountId === undefined) next = { ...next, accountId: id };
  if (next.accountAlias === undefined && account.alias !== undefined) next = { ...next, accountAlias: account.alias };
  return next;
}

/** The entry with another environment: its colour and its switch link (which carries the colour) follow. */
function reclassified(entry: CatalogueEntry, to: Verdict, note: string): CatalogueEntry {
  if (entry.env === to.env && entry.envLabel === to.envLabel && entry.isProduction === to.production) return entry;
  const next: CatalogueEntry = {
    ...entry,
    env: to.env,
    envLabel: to.envLabel,
    isProduction: to.production,
    color: colourFor(entry, to),
    notes: [...(entry.notes ?? []), note],
  };
  if (next.kind === 'role') next.url = switchLink(next);
  return next;
}

function colourFor(entry: CatalogueEntry, to: Verdict): string {
  if (to.production) return PRODUCTION_COLOR;
  // The new environment's colour, unless the user chose their own (a colour that is not their
  // old environment's; a production entry's red was never a choice).
  return entry.isProduction || entry.color === ENV_COLORS[entry.env] ? ENV_COLORS[to.env] : entry.color;
}

/** The switch-role link exactly as importConfig builds it (buildEntry). */
function switchLink(e: CatalogueEntry): string {
  return switchRoleUrl({
    partition: e.partition,
    account: e.accountId ?? e.accountAlias!,
    roleName: e.roleName,
    displayName: e.displayName,
    color: e.color,
    production: e.isProduction,
    redirectUri: e.region !== undefined ? consoleHomeUrl(e.partition, e.region) : undefined,
  });
}
