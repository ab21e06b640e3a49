// Stage 4 of the import: the classified profiles become catalogue entries. Grouped (app and
// environment from the name and the explicit keys, then what the whole catalogue says:
// production anywhere on an account makes the account production), coloured and linked.
import type { CatalogueEntry, Environment } from '../types';
import { ENV_COLORS, PRODUCTION_COLOR, isRed, parseColor } from './colors';
import { OTHER_APP, envFromText, hasProductionWord, inferAppEnvInto, matchKnownApp, sharedPrefixApps } from './environments';
import { Profile, addNote, clean, raw, shown } from './import-profile';
import { consoleHomeUrl, keptByEncoding, ssoConsoleUrl, switchRoleLinkEncoded, truncateDisplayName } from './links';
import { setSessionMinutes } from './session-minutes';

/**
 * App, environment, production, colour and link for every entry. Production is decided
 * last, over the whole catalogue: one production profile on an account makes every
 * profile on that account production.
 */
export function finishEntries(made: Profile[], bases: ReadonlySet<string>, skippedWithAccount: readonly Profile[]): CatalogueEntry[] {
  groupAll(made, bases);
  const evidence = accountEvidence(made, skippedWithAccount);
  return made.map((p) => {
    applyAccountEvidence(p, evidence);
    return buildEntry(p);
  });
}

/** Each profile's app and environment from its own words, then names without one join an app others established. */
function groupAll(made: Profile[], bases: ReadonlySet<string>): void {
  for (const p of made) groupOf(p);
  // Names without an environment word join an app other names established (`cn-cx-build-admin`).
  if (made.some((p) => !p.explicitApp && p.app === OTHER_APP)) {
    const knownApps = new Set<string>();
    for (const p of made) if (!p.explicitApp && p.app !== OTHER_APP) knownApps.add(p.app);
    placeOthers(made, knownApps, bases);
  }
}

/** What the catalogue says about each account (by ID and by alias). */
interface AccountEvidence {
  /** Accounts with a production profile: what says so. */
  production: Map<string, string>;
  /** The environment every profile of an account agrees on (null: they disagree). */
  envs: Map<string, { env: Environment; envLabel: string; from: string } | null>;
}

function accountEvidence(made: readonly Profile[], skippedWithAccount: readonly Profile[]): AccountEvidence {
  const evidence: AccountEvidence = { production: new Map(), envs: new Map() };
  const production = evidence.production;
  const add = (p: Profile, label: string) => {
    if (p.accountId !== undefined && !production.has(p.accountId)) production.set(p.accountId, label);
    if (p.accountAlias !== undefined && !production.has(p.accountAlias)) production.set(p.accountAlias, label);
  };
  for (const p of made) if (p.isProduction) add(p, `the production profile "${p.name}"`);
  // A production role that could not be imported (it needs an external ID, say) still marks its account.
  for (const p of skippedWithAccount) if (saysProduction(p)) add(p, `the production profile "${p.name}" (skipped)`);
  for (const p of made) {
    const key = p.accountId ?? p.accountAlias;
    if (p.env === 'other' || p.isProduction || key === undefined) continue;
    const seen = evidence.envs.get(key);
    if (seen === undefined) evidence.envs.set(key, { env: p.env, envLabel: p.envLabel, from: p.name });
    else if (seen !== null && (seen.env !== p.env || seen.envLabel !== p.envLabel)) evidence.envs.set(key, null);
  }
  return evidence;
}

/**
 * Names with no environment word (`301882015541`, `infra`) take the environment every other
 * profile on their account agrees on; production anywhere on an account makes the profile production.
 */
function applyAccountEvidence(p: Profile, evidence: AccountEvidence): void {
  if (p.env === 'other' && !p.explicitEnv && !p.isProduction) {
    const key = p.accountId ?? p.accountAlias;
    const agreed = key !== undefined ? evidence.envs.get(key) : undefined;
    if (agreed) {
      p.env = agreed.env;
      p.envLabel = agreed.envLabel;
      addNote(p, `Environment "${agreed.envLabel}" taken from "${agreed.from}", on the same account ${key}.`);
    }
  }
  if (p.isProduction) return;
  const production = evidence.production;
  const key = p.accountId !== undefined && production.has(p.accountId) ? p.accountId : p.accountAlias !== undefined && production.has(p.accountAlias) ? p.accountAlias : undefined;
  if (key === undefined) return;
  p.isProduction = true;
  p.env = 'production';
  p.envLabel = 'production';
  addNote(p, `Shown as production: account ${key} also has ${production.get(key)}.`);
}

/** A skipped profile's own words say production: its name, env, app or group key, role name or alias. */
function saysProduction(p: Profile): boolean {
  for (const text of [p.name, raw(p, 'env'), raw(p, 'environment'), raw(p, 'app'), raw(p, 'group'), p.roleName, p.accountAlias]) {
    if (text !== undefined && hasProductionWord(clean(text) ?? '')) return true;
  }
  return repeatedProductionKey(p) !== undefined;
}

const GROUPING_KEYS: ReadonlySet<string> = new Set(['env', 'environment', 'app', 'group']);

/** `key = value` of a repeated grouping key (ignored: the first one is read) that says production. */
function repeatedProductionKey(p: Profile): string | undefined {
  const repeated = p.section.repeated;
  // Nearly always none; a for-of over the shared frozen empty list would still make an iterator.
  if (repeated.length === 0) return undefined;
  for (const [key, written] of repeated) {
    const value = clean(written);
    if (GROUPING_KEYS.has(key) && value && hasProductionWord(value)) return `${key} = ${value}`;
  }
  return undefined;
}

/** App for names that gave none: a known app they start with, their AESR base, or shared first words. */
function placeOthers(made: Profile[], knownApps: Set<string>, bases: ReadonlySet<string>): void {
  const unplaced: Profile[] = [];
  for (const p of made) {
    if (p.explicitApp || p.app !== OTHER_APP) continue;
    const match = knownApps.size > 0 ? matchKnownApp(p.name, knownApps) : undefined;
    if (match) {
      p.app = match.app;
      if (p.env === 'other' && !p.explicitEnv) p.envLabel = match.envLabel;
      continue;
    }
    // AWS Extend Switch Roles shows a base account's targets together: so do we.
    const base = p.sourceProfile?.[0];
    if (base !== undefined && bases.has(base)) {
      p.app = base.toLowerCase();
      continue;
    }
    unplaced.push(p);
  }
  // Still unplaced names that start with the same words (`cnscca-audit`, `cnscca-logs`) form an app.
  for (const shared of sharedPrefixApps(unplaced.map((p) => p.name))) {
    const p = unplaced[shared.index]!;
    p.app = shared.app;
    if (p.env === 'other' && !p.explicitEnv) p.envLabel = shared.envLabel;
  }
}

/**
 * encodeURIComponent of the account. Every entry's account is a checked 12-digit ID or IAM
 * alias (a-z, 0-9, -), which encoding leaves as it is; anything else is encoded.
 */
function encodedAccount(account: string): string {
  return keptByEncoding(account, 0, account.length) ? account : encodeURIComponent(account);
}

/** encodeURIComponent of the display name (most names need none). */
function encodedDisplayName(displayName: string): string {
  return keptByEncoding(displayName, 0, displayName.length) ? displayName : encodeURIComponent(displayName);
}

function buildEntry(p: Profile): CatalogueEntry {
  const color = colorOf(p, p.env);
  const name = p.name;
  const displayName = truncateDisplayName(name);
  const account = p.accountId ?? p.accountAlias ?? '';
  const home = p.entryRegion ? consoleHomeUrl(p.partition, p.entryRegion) : undefined;
  const url =
    p.kind === 'sso'
      ? ssoConsoleUrl({ startUrl: p.ssoStartUrl!, accountId: account, permissionSet: p.roleName, destination: home })
      : switchRoleLinkEncoded(p.partition, encodedAccount(account), p.roleName, encodedDisplayName(displayName), color, p.isProduction, home);
  const entry: CatalogueEntry = {
    profile: name,
    kind: p.kind,
    roleName: p.roleName,
    partition: p.partition,
    app: p.app,
    env: p.env,
    envLabel: p.envLabel,
    isProduction: p.isProduction,
    color,
    url,
    displayName,
    line: p.line,
  };
  if (p.accountId !== undefined) entry.accountId = p.accountId;
  if (p.accountAlias !== undefined) entry.accountAlias = p.accountAlias;
  if (p.entryRegion !== undefined) entry.region = p.entryRegion;
  if (p.sourceProfile) entry.sourceProfile = p.sourceProfile;
  if (p.base) entry.base = p.base;
  if (p.ssoStartUrl !== undefined) entry.ssoStartUrl = p.ssoStartUrl;
  if (p.ssoRegion !== undefined) entry.ssoRegion = p.ssoRegion;
  setSessionMinutes(entry, raw(p, 'console_session_minutes'), (note) => addNote(p, note));
  if (p.notes) entry.notes = p.notes;
  return entry;
}

function groupOf(p: Profile): void {
  inferAppEnvInto(p.name, p);
  const inferredProduction = p.isProduction;
  const group = clean(raw(p, 'group'));
  const explicitApp = clean(raw(p, 'app')) || group;
  if (explicitApp) {
    p.app = explicitApp.length > 64 ? explicitApp.slice(0, 64) : explicitApp;
    // `group` counts for production even when `app` names the app (`app = shop`, `group = prod`).
    if (hasProductionWord(explicitApp) || (group !== undefined && hasProductionWord(group))) p.isProduction = true;
  }
  // `environment = production` is what people write when they do not know our short key.
  const explicitEnv = clean(raw(p, 'env')) || clean(raw(p, 'environment'));
  if (explicitEnv) {
    const named = envFromText(explicitEnv);
    if (named) {
      p.env = named.env;
      p.envLabel = named.label;
    } else {
      p.env = 'other';
      p.envLabel = explicitEnv.toLowerCase().slice(0, 32);
    }
    if (p.env === 'production') p.isProduction = true;
    else if (inferredProduction) addNote(p, `env = ${explicitEnv} is overridden: the profile name says production.`);
  }
  // A repeated `env = prod` under `env = dev` (an error the user is told about) still counts.
  const repeated = repeatedProductionKey(p);
  if (repeated !== undefined && !p.isProduction) {
    p.isProduction = true;
    addNote(p, `Shown as production: the repeated ${repeated} says production.`);
    p.env = 'production';
    p.envLabel = 'production';
  }
  // Eager: a production role name (`ProdAdmin`) or account alias (`shop-prod`) counts too.
  if (!p.isProduction) {
    const why = hasProductionWord(p.roleName)
      ? `the role name "${p.roleName}"`
      : p.accountAlias !== undefined && hasProductionWord(p.accountAlias)
        ? `the account alias "${p.accountAlias}"`
        : undefined;
    if (why) {
      p.isProduction = true;
      addNote(p, `Shown as production: ${why} says production.`);
      p.env = 'production';
      p.envLabel = 'production';
    }
  }
  if (p.isProduction && p.env !== 'production') {
    // An explicit env or app said otherwise; production wins (the safety rule).
    if (!explicitEnv || !inferredProduction) addNote(p, 'Shown as production: a production word appears in it.');
    p.env = 'production';
    p.envLabel = 'production';
  }
  p.explicitApp = Boolean(explicitApp);
  p.explicitEnv = Boolean(explicitEnv);
}

function colorOf(p: Profile, env: Environment): string {
  const raw = p.color;
  if (raw === undefined) return ENV_COLORS[env];
  // Not cached: parsing costs less than finding the value in a cache of every colour written.
  const explicit = parseColor(clean(raw) ?? '');
  if (explicit === undefined) addNote(p, `color ${shown(raw)} is not a colour (use rrggbb, #rrggbb or a CSS colour name); the environment colour is used.`);
  if (env === 'production') {
    // Nothing to say when the user asked for a red already (`color = red` on a prod profile).
    if (explicit !== undefined && !isRed(explicit)) addNote(p, `color ${shown(clean(raw) ?? '')} is not used: production is always red.`);
    return PRODUCTION_COLOR;
  }
  return explicit ?? ENV_COLORS[env];
}
