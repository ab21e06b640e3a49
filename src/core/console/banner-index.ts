// The banner's compact, per-account view of the catalogue. The background derives it from the
// stored config and settings and writes it to storage.local; the console content script reads
// only the meta record and the ONE account record of the page it runs on.
//
// Why not ask the background on each page load: waking a suspended service worker, which would
// then decompress and re-import the whole config, can take longer than the 50 ms the banner has.
// Why per account: a content script loads a few hundred bytes, whatever the catalogue's size.
//
// Pure and zod-free (the content script imports it): hand-written guards validate what is read.
import { namesAccountByIdOnly, type BannerEntry } from './identity-match';
import type { BannerSettings } from './banner-model';
import { PARTITIONS } from '../aws-arn';
import { isPlainObject } from '../plain-object';
import type { CatalogueEntry, Partition } from '../types';

export const BANNER_INDEX_VERSION = 1;
export const BANNER_INDEX_META_KEY = 'bannerIndex:meta';
export const BANNER_INDEX_ACCOUNT_PREFIX = 'bannerIndex:account:';
export const BANNER_INDEX_ALIAS_PREFIX = 'bannerIndex:alias:';
export const bannerIndexAccountKey = (accountId: string): string => `${BANNER_INDEX_ACCOUNT_PREFIX}${accountId}`;
/** Profiles that name their account only by alias (AWS Extend Switch Roles configs) are filed under the alias. */
export const bannerIndexAliasKey = (alias: string): string => `${BANNER_INDEX_ALIAS_PREFIX}${alias}`;

export interface BannerIndexMeta {
  v: typeof BANNER_INDEX_VERSION;
  /** Content hash of the whole index: account records of another generation are stale and ignored. */
  generation: string;
  settings: BannerSettings;
  /** Account IDs that have a record. */
  accounts: string[];
  /** Aliases that have a record (profiles without an account ID). */
  aliases: string[];
  /**
   * Some profiles name their account by ID only: a page that gives only an alias may be one of
   * them, which its alias's record cannot say (absent in an index written before it was added).
   */
  idOnly?: boolean;
}

export interface BannerIndexAccount {
  generation: string;
  entries: BannerEntry[];
}

export interface BannerIndex {
  meta: BannerIndexMeta;
  /** Storage key → account (or alias) record. */
  records: Record<string, BannerIndexAccount>;
}

/** 32-bit FNV-1a, hex: a cheap change detector, not a security measure. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function compact(e: CatalogueEntry | BannerEntry): BannerEntry {
  const out: BannerEntry = {
    profile: e.profile,
    kind: e.kind,
    roleName: e.roleName,
    partition: e.partition,
    app: e.app,
    env: e.env,
    envLabel: e.envLabel,
    isProduction: e.isProduction,
    color: e.color,
  };
  if (e.accountId !== undefined) out.accountId = e.accountId;
  if (e.accountAlias !== undefined) out.accountAlias = e.accountAlias;
  if (e.region !== undefined) out.region = e.region;
  return out;
}

/** Builds the index from catalogue entries (catalogue order is kept within an account). */
export function buildBannerIndex(entries: readonly (CatalogueEntry | BannerEntry)[], settings: BannerSettings): BannerIndex {
  const byKey = new Map<string, BannerEntry[]>();
  const accounts = new Set<string>();
  const aliases = new Set<string>();
  let idOnly = false;
  const file = (key: string, entry: BannerEntry) => {
    const list = byKey.get(key) ?? [];
    list.push(entry);
    byKey.set(key, list);
  };
  for (const entry of entries) {
    const e = compact(entry);
    if (entry.accountId !== undefined) {
      file(bannerIndexAccountKey(entry.accountId), e);
      accounts.add(entry.accountId);
    }
    idOnly ||= namesAccountByIdOnly(entry);
    // Under its alias too: the console's account button names the account by alias when it has
    // one (`Role/user @ acme-prod`), and a page that shows only the alias must find the profile.
    if (entry.accountAlias !== undefined) {
      file(bannerIndexAliasKey(entry.accountAlias), e);
      aliases.add(entry.accountAlias);
    }
  }
  const keys = [...byKey.keys()].sort();
  const plainSettings: BannerSettings = {
    bannerEnabled: settings.bannerEnabled,
    bannerPosition: settings.bannerPosition,
    titlePrefix: settings.titlePrefix,
  };
  const generation = fnv1a(JSON.stringify([plainSettings, keys.map((k) => [k, byKey.get(k)])]));
  const records: Record<string, BannerIndexAccount> = {};
  for (const key of keys) records[key] = { generation, entries: byKey.get(key)! };
  return {
    meta: { v: BANNER_INDEX_VERSION, generation, settings: plainSettings, accounts: [...accounts].sort(), aliases: [...aliases].sort(), idOnly },
    records,
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
/** Every listed key holds a value of that type (`?` prefix: or is absent). */
const shaped = (v: Record<string, unknown>, spec: string): boolean =>
  spec.split(' ').every((field) => {
    const [key, type] = field.split(':') as [string, string];
    const value = v[key.replace('?', '')];
    return (key.startsWith('?') && value === undefined) || typeof value === type;
  });

export function isBannerSettings(v: unknown): v is BannerSettings {
  return isPlainObject(v) && shaped(v, 'bannerEnabled:boolean titlePrefix:boolean') && ['top', 'bottom'].includes(v.bannerPosition as string);
}

export function isBannerIndexMeta(v: unknown): v is BannerIndexMeta {
  return isPlainObject(v) && v.v === BANNER_INDEX_VERSION && isString(v.generation) && isBannerSettings(v.settings) && isStringList(v.accounts) && isStringList(v.aliases);
}

/** The fields matching and rendering rely on; colours are checked again where they are used. */
export function isBannerEntry(v: unknown): v is BannerEntry {
  return (
    isPlainObject(v) &&
    shaped(v, 'profile:string roleName:string app:string env:string envLabel:string color:string isProduction:boolean ?accountId:string ?accountAlias:string ?region:string') &&
    (v.accountId !== undefined || v.accountAlias !== undefined) &&
    ['role', 'sso'].includes(v.kind as string) &&
    PARTITIONS.includes(v.partition as Partition)
  );
}

export type IndexLookup =
  /** No usable index yet (never built, or from another version). */
  | { loaded: false }
  | { loaded: true; settings: BannerSettings; entries: BannerEntry[]; idOnly: boolean };

/** The page's account IDs: its one account, or the candidates its disagreeing sources name. */
export type AccountIds = string | null | readonly string[];
/** The page's account aliases: its one alias, or the candidates its disagreeing sources name. */
export type AccountAliases = string | undefined | readonly string[];
const listOf = (names: AccountIds | AccountAliases): readonly string[] => (names == null ? [] : typeof names === 'string' ? [names] : names);

/** The storage keys a page with this account ID (or these candidate IDs) and alias (or these) needs. */
export function bannerIndexKeysFor(accountId: AccountIds, alias: AccountAliases): string[] {
  return [BANNER_INDEX_META_KEY, ...listOf(accountId).map(bannerIndexAccountKey), ...listOf(alias).map(bannerIndexAliasKey)];
}

/**
 * Interprets what storage returned for `bannerIndexKeysFor(...)`. A record of another generation
 * (possible only after damage) makes the index "not loaded"; a record the meta does not list is
 * stale and ignored; so does a record with an invalid entry: dropping the entry could drop the
 * account's production profile and leave the account to another (the background rebuilds it).
 */
export function readBannerIndexRecords(items: Record<string, unknown>, accountId: AccountIds, alias: AccountAliases): IndexLookup {
  const meta = items[BANNER_INDEX_META_KEY];
  if (!isBannerIndexMeta(meta)) return { loaded: false };
  const wanted = listOf(accountId).filter((id) => meta.accounts.includes(id)).map(bannerIndexAccountKey);
  for (const a of listOf(alias)) if (meta.aliases.includes(a)) wanted.push(bannerIndexAliasKey(a));
  const entries: BannerEntry[] = [];
  for (const key of wanted) {
    const record = items[key];
    if (!isPlainObject(record) || record.generation !== meta.generation || !Array.isArray(record.entries) || !record.entries.every(isBannerEntry)) return { loaded: false };
    // A profile filed under its account and its alias is read once (profile names are unique).
    for (const e of record.entries as BannerEntry[]) if (!entries.some((x) => x.profile === e.profile)) entries.push(e);
  }
  return { loaded: true, settings: meta.settings, entries, idOnly: meta.idOnly === true };
}
