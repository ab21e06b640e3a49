// storage.local "catalogue.cache": the imported catalogue, keyed by the config's checksum, so
// that console pages and the popup need no parser. Rebuilt from the verified config when stale.
import { CATALOGUE_REBUILD_REQUEST, catalogueHead, decodeCatalogueCache, encodeCatalogueCache, orderForDisplay, type Catalogue } from '../../core';
import { POINTER_KEY, RECORD_KEYS } from '../../core/storage/storage-keys';
import { browser } from '../browser';
import { errorText, extensionVersion } from './build-info';
import { loadConfig } from './config-store';
import { currentCopy } from './current-copy';
import { localStateOf } from './local-copy';
import { loadRecent } from './recent-store';
import { readSettings } from './settings-store';
import { ifUnlocked } from './write-lock';

const KEY = RECORD_KEYS;

/** Turns config text (secrets already removed) into a catalogue: the core importer. */
export type BuildCatalogue = (text: string) => Catalogue;

export const EMPTY_CATALOGUE: Catalogue = { entries: [], skipped: [], diagnostics: [], removedSecrets: [] };

export interface LoadedCatalogue {
  catalogue: Catalogue;
  /** True when the entries are already in the popup's display order (they came from the cache). */
  ordered?: boolean;
  source: 'sync' | 'local';
  /** Checksum of the config it was built from ('' when there is none). */
  sum: string;
  problem?: string;
}

type CachedCatalogue = { sum: string; builtBy: string; catalogue: Catalogue };

async function readCache(): Promise<CachedCatalogue | null> {
  const items = await browser.storage.local.get([KEY.cache]);
  return decodeCatalogueCache(items[KEY.cache]);
}

/** The pinned and recent profiles, which the head carries wherever they are in the catalogue. */
export async function pinnedAndRecentProfiles(): Promise<string[]> {
  const [{ settings }, recent] = await Promise.all([readSettings(), loadRecent()]);
  return [...settings.favourites, ...recent];
}

/**
 * Writes a rebuilt cache (and head) for the config `sum`, unless a save is in progress (it
 * writes its own) or the current config is no longer `sum`.
 */
async function writeCache(sum: string, catalogue: Catalogue): Promise<void> {
  await ifUnlocked('config', async () => {
    const items = await browser.storage.local.get([KEY.current]);
    if (localStateOf(items[KEY.current]).current?.sum !== sum) return;
    const head = catalogueHead(orderForDisplay(catalogue.entries), sum, extensionVersion(), await pinnedAndRecentProfiles());
    await browser.storage.local.set({ [KEY.cache]: await encodeCatalogueCache(catalogue, sum, extensionVersion()), [KEY.head]: head });
  });
}

const fresh = (cache: CachedCatalogue | null, sum: string | undefined): cache is CachedCatalogue =>
  !!cache && !!sum && cache.sum === sum && cache.builtBy === extensionVersion();

/**
 * The catalogue of the current config.
 * - Fast (default; console pages, and the popup's first paint): reads the small sync pointer,
 *   the local copy's record and the cache, never the chunks. When the cache is stale it uses
 *   `build`, or without one asks the background (which has the importer).
 * - `verify: true`: reads and verifies the whole config first, so damaged or incomplete sync
 *   data is reported and the last good config is shown. The popup runs this right after its
 *   first paint.
 * Entries come in the popup's display order when they come from the cache.
 */
export async function loadCatalogue(options: { build?: BuildCatalogue; verify?: boolean } = {}): Promise<LoadedCatalogue> {
  const empty = (problem?: string): LoadedCatalogue => ({ catalogue: EMPTY_CATALOGUE, source: 'local', sum: '', problem });
  try {
    if (!options.verify) {
      const [pointerItems, localItems] = await Promise.all([browser.storage.sync.get(POINTER_KEY), browser.storage.local.get([KEY.cache, KEY.current])]);
      const { fromSync, expected, problem } = currentCopy(pointerItems[POINTER_KEY], localItems[KEY.current]);
      const cache = await decodeCatalogueCache(localItems[KEY.cache]);
      if (fresh(cache, expected)) {
        return { catalogue: cache.catalogue, ordered: true, source: fromSync ? 'sync' : 'local', sum: cache.sum, problem };
      }
      if (!options.build) return await rebuildViaBackground(expected, cache, empty);
    }
    const [config, cache] = await Promise.all([loadConfig(), readCache()]);
    if (config.source === 'none') return empty(config.problem);
    const source = config.source;
    if (fresh(cache, config.sum)) return { catalogue: cache.catalogue, ordered: true, source, sum: config.sum, problem: config.problem };
    if (!options.build) {
      const rebuilt = await rebuildViaBackground(config.sum, cache, empty);
      return { ...rebuilt, problem: config.problem ?? rebuilt.problem };
    }
    const catalogue = options.build(config.text);
    await writeCache(config.sum, catalogue).catch(() => {});
    return { catalogue, source, sum: config.sum, problem: config.problem };
  } catch (error) {
    return empty(`Your config could not be loaded (${errorText(error)}).`);
  }
}

async function rebuildViaBackground(
  expectedSum: string | undefined,
  staleCache: { sum: string; catalogue: Catalogue } | null,
  empty: (problem?: string) => LoadedCatalogue,
): Promise<LoadedCatalogue> {
  try {
    await browser.runtime.sendMessage(CATALOGUE_REBUILD_REQUEST);
    const cache = await readCache();
    if (cache && (!expectedSum || cache.sum === expectedSum)) return { catalogue: cache.catalogue, source: 'local', sum: cache.sum };
  } catch {
    // No background answer: fall through to the stale cache.
  }
  if (staleCache) return { catalogue: staleCache.catalogue, source: 'local', sum: staleCache.sum, problem: 'Showing roles from an older copy of your config.' };
  return empty(expectedSum ? 'Your roles could not be loaded yet; open the extension popup once to refresh them.' : undefined);
}

/** For the background: rebuilds the cache from the verified config. */
export async function rebuildCatalogueCache(build: BuildCatalogue): Promise<LoadedCatalogue> {
  return loadCatalogue({ build, verify: true });
}
