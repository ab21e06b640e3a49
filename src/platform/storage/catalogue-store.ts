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

/**
 * The organisation's part of the catalogue (core/policy), given by the contexts that read the
 * policy (the background): `key` changes whenever what it merges does ('' for no policy), and
 * `apply` turns the user's own catalogue into the one shown. Kept out of this module so that the
 * popup, which only reads the cache, never loads the policy's importer.
 */
export interface OrganisationPart {
  key: string;
  apply(personal: Catalogue): Catalogue;
}

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

type CachedCatalogue = { sum: string; builtBy: string; policy?: string; catalogue: Catalogue };

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
 * Writes a rebuilt cache (and head) for the config `sum` ('' when only the organisation's
 * profiles exist), unless a save is in progress (it writes its own) or the current config is no
 * longer `sum`.
 */
async function writeCache(sum: string, catalogue: Catalogue, policy: string): Promise<void> {
  await ifUnlocked('config', async () => {
    const items = await browser.storage.local.get([KEY.current]);
    if ((localStateOf(items[KEY.current]).current?.sum ?? '') !== sum) return;
    const head = catalogueHead(orderForDisplay(catalogue.entries), sum, extensionVersion(), await pinnedAndRecentProfiles());
    await browser.storage.local.set({ [KEY.cache]: await encodeCatalogueCache(catalogue, sum, extensionVersion(), policy), [KEY.head]: head });
  });
}

/**
 * The cache answers for the config `sum` (undefined: none stored, which a cache of the
 * organisation's profiles alone, sum '', answers) and, when the policy is known, for it too.
 */
const fresh = (cache: CachedCatalogue | null, sum: string | undefined, policy?: string): cache is CachedCatalogue =>
  !!cache &&
  cache.sum === (sum ?? '') &&
  (sum !== undefined || !!cache.policy) &&
  cache.builtBy === extensionVersion() &&
  (policy === undefined || (cache.policy ?? '') === policy);

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
export async function loadCatalogue(options: { build?: BuildCatalogue; verify?: boolean; organisation?: () => Promise<OrganisationPart> } = {}): Promise<LoadedCatalogue> {
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
    const [config, cache, organisation] = await Promise.all([loadConfig(), readCache(), options.organisation?.()]);
    const policy = organisation?.key;
    // Nothing of the user's own: the organisation's profiles alone, if it publishes any.
    if (config.source === 'none' && !policy) return empty(config.problem);
    const source = config.source === 'none' ? 'local' : config.source;
    const sum = config.source === 'none' ? undefined : config.sum;
    if (fresh(cache, sum, policy)) return { catalogue: cache.catalogue, ordered: true, source, sum: config.sum, problem: config.problem };
    if (!options.build) {
      const rebuilt = await rebuildViaBackground(config.sum, cache, empty);
      return { ...rebuilt, problem: config.problem ?? rebuilt.problem };
    }
    const personal = config.source === 'none' ? EMPTY_CATALOGUE : options.build(config.text);
    const catalogue = organisation ? organisation.apply(personal) : personal;
    await writeCache(sum ?? '', catalogue, policy ?? '').catch(() => {});
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

/** For the background: rebuilds the cache from the verified config (and the organisation's part). */
export async function rebuildCatalogueCache(build: BuildCatalogue, organisation?: () => Promise<OrganisationPart>): Promise<LoadedCatalogue> {
  return loadCatalogue({ build, verify: true, organisation });
}
