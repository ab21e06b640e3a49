// Reads and writes the banner's per-account index (src/core/banner-index.ts) in storage.local.
// A derived cache, never the source of truth: the config and settings live in the storage
// module (src/platform/storage.ts); the background rebuilds this from them whenever they change.
// Native APIs only (src/platform/native.ts): the content script imports this file.
import {
  BANNER_INDEX_ACCOUNT_PREFIX,
  BANNER_INDEX_ALIAS_PREFIX,
  BANNER_INDEX_META_KEY,
  bannerIndexAccountKey,
  bannerIndexAliasKey,
  bannerIndexKeysFor,
  isBannerIndexMeta,
  readBannerIndexRecords,
  type AccountAliases,
  type AccountIds,
  type BannerIndex,
  type IndexLookup,
} from '../core/console/banner-index';
import { ext } from './native';

/** The index records for one page's account, or its candidates (content script). Never throws: a failed read is "not loaded". */
export async function readBannerIndex(accountId: AccountIds, alias: AccountAliases): Promise<IndexLookup> {
  if (!ext) return { loaded: false };
  try {
    return readBannerIndexRecords(await ext.storage.local.get(bannerIndexKeysFor(accountId, alias)), accountId, alias);
  } catch {
    return { loaded: false };
  }
}

/** The generation currently stored, or null. */
export async function storedBannerIndexGeneration(): Promise<string | null> {
  if (!ext) return null;
  const got = await ext.storage.local.get([BANNER_INDEX_META_KEY]);
  const meta = got[BANNER_INDEX_META_KEY];
  return isBannerIndexMeta(meta) ? meta.generation : null;
}

/**
 * Writes a new index (background). Meta and every account record go in ONE set() so readers
 * never see a half-written generation; records of accounts that left the catalogue are removed
 * afterwards (until then readers ignore them: the meta no longer lists them).
 * Returns false when the stored index was already this generation (nothing written), unless
 * `force`: a page found the stored records unusable, so they are written again whatever the meta says.
 */
export async function writeBannerIndex(index: BannerIndex, force = false): Promise<boolean> {
  if (!ext) return false;
  const got = await ext.storage.local.get([BANNER_INDEX_META_KEY]);
  const previous = got[BANNER_INDEX_META_KEY];
  if (!force && isBannerIndexMeta(previous) && previous.generation === index.meta.generation) return false;
  await ext.storage.local.set({ [BANNER_INDEX_META_KEY]: index.meta, ...index.records });
  if (isBannerIndexMeta(previous)) {
    const keepAccounts = new Set(index.meta.accounts);
    const keepAliases = new Set(index.meta.aliases);
    const stale = [
      ...previous.accounts.filter((a) => !keepAccounts.has(a)).map(bannerIndexAccountKey),
      ...previous.aliases.filter((a) => !keepAliases.has(a)).map(bannerIndexAliasKey),
    ];
    if (stale.length > 0) await ext.storage.local.remove(stale);
  }
  return true;
}

/** True when a storage change touched the banner index (content scripts re-render on it). */
export function isBannerIndexChange(changes: Record<string, unknown>, area: string): boolean {
  return area === 'local' && Object.keys(changes).some(
      (k) => k === BANNER_INDEX_META_KEY || k.startsWith(BANNER_INDEX_ACCOUNT_PREFIX) || k.startsWith(BANNER_INDEX_ALIAS_PREFIX),
    )
}
