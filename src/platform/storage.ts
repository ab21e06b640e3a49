// Storage glue: the only module that reads or writes extension storage. The layout and every
// check live in src/core/storage-codec.ts; this file moves records and decides what to show
// when something is wrong. Nothing here throws at a reader: every load answers with data
// (possibly empty) and, when something went wrong, a `problem` sentence for the user.
//
// Where things live:
//   storage.sync   "cfg" pointer + "c.<gen>.<i>" chunks: the config text (secrets already
//                  removed), compressed; "settings". Follows the user across browsers.
//   storage.local  "config.current": the last good config this browser has seen (the safety
//                  net when sync is incomplete, damaged or too small); "config.previous": the
//                  one before it (Undo import); "catalogue.cache": the imported catalogue keyed
//                  by the config's checksum, so console pages need no parser; "recent".
import {
  bytesOutsideConfig,
  catalogueHead,
  catalogueHeadSchema,
  decodeCatalogueCache,
  orderForDisplay,
  type CatalogueHead,
  type CatalogueEntry,
  encodeCatalogueCache,
  CODEC_VERSION,
  decodeConfig,
  encodeConfig,
  isChunkKey,
  itemBytes,
  localCopySchema,
  localOnlyPointer,
  newGeneration,
  parseStoredSettings,
  planSyncWrite,
  POINTER_KEY,
  pushRecent as pushRecentList,
  readSyncSnapshot,
  recentSchema,
  staleChunkKeys,
  SYNC_QUOTA,
  syncPointerSchema,
  type EncodedConfig,
  type LocalCopy,
  type SyncPointer,
  settingsSchema,
  type Settings,
  type Catalogue,
} from '../core';
import { RECORD_KEYS } from '../core/storage-keys';
import { browser } from './browser';
import type { FirstScreenItems } from './first-screen-read';

const KEY = RECORD_KEYS;

/** Turns config text (secrets already removed) into a catalogue: the core importer. */
export type BuildCatalogue = (text: string) => Catalogue;

export type ConfigSource = 'sync' | 'local' | 'none';

export interface StoredConfig {
  text: string;
  /** Checksum of the text; '' when there is no config. */
  sum: string;
  savedAt: number | null;
  source: ConfigSource;
  problem?: string;
}

export const EMPTY_CATALOGUE: Catalogue = { entries: [], skipped: [], diagnostics: [], removedSecrets: [] };

export const PROBLEM = {
  tooBig: 'Your config is in local storage only: it is too big for sync, so other browsers will not get it.',
  tooBigElsewhere:
    'The config saved in another browser is too big for sync and could not be shared; this browser shows its own last config.',
  notSynced: 'Your config is saved in this browser only: sync storage could not be written.',
  fallback: 'Showing the last good config saved in this browser.',
  nothingToRecover: 'No earlier copy exists in this browser: import your config again.',
} as const;

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '0';
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Reading the config

interface LocalState {
  current: LocalCopy | null;
  currentProblem?: string;
}

async function readLocalCurrent(): Promise<LocalState> {
  const items = await browser.storage.local.get([KEY.current]);
  const raw = items[KEY.current] as unknown;
  if (raw === undefined) return { current: null };
  const parsed = localCopySchema.safeParse(raw);
  if (parsed.success) return { current: parsed.data };
  return { current: null, currentProblem: 'The copy of your config in this browser is damaged.' };
}

async function decodeLocal(copy: LocalCopy): Promise<string | null> {
  try {
    return await decodeConfig(copy.data, copy.sum);
  } catch {
    return null;
  }
}

/**
 * The config to show, from sync when it is complete and verified, else the last good copy in
 * this browser, with a sentence saying what happened. Mirrors a newer synced config into the
 * local copy (keeping the one before it for Undo).
 */
export async function loadConfig(): Promise<StoredConfig> {
  let all: Record<string, unknown>;
  let local: LocalState;
  try {
    [all, local] = await Promise.all([browser.storage.sync.get(null) as Promise<Record<string, unknown>>, readLocalCurrent()]);
  } catch (error) {
    return { text: '', sum: '', savedAt: null, source: 'none', problem: `Extension storage cannot be read (${message(error)}).` };
  }
  const sync = readSyncSnapshot(all);

  const fromLocal = async (problem: string | undefined): Promise<StoredConfig> => {
    if (local.current) {
      const text = await decodeLocal(local.current);
      if (text !== null) return { text, sum: local.current.sum, savedAt: local.current.savedAt, source: 'local', problem };
    }
    const parts = [problem, local.currentProblem, problem || local.currentProblem ? PROBLEM.nothingToRecover : undefined].filter(Boolean);
    // A fallback sentence makes no sense when there is nothing to fall back to.
    const text = parts.join(' ').replace(` ${PROBLEM.fallback}`, '');
    return { text: '', sum: '', savedAt: null, source: 'none', problem: text || undefined };
  };

  switch (sync.status) {
    case 'empty':
      if (local.current) return fromLocal(unsyncedProblem(local.current));
      return fromLocal(undefined);
    case 'local-only': {
      const problem = local.current?.unsynced
        ? unsyncedProblem(local.current)
        : local.current && local.current.sum !== sync.pointer.sum && sync.pointer.savedAt > local.current.savedAt
          ? PROBLEM.tooBigElsewhere
          : PROBLEM.tooBig;
      return fromLocal(problem);
    }
    case 'problem':
      return fromLocal(`${sync.message} ${PROBLEM.fallback}`);
    case 'ok': {
      const { pointer } = sync;
      // This browser saved something newer that never reached sync: do not let sync undo it.
      if (local.current?.unsynced && local.current.savedAt > pointer.savedAt && local.current.sum !== pointer.sum) {
        return fromLocal(unsyncedProblem(local.current));
      }
      let text: string;
      try {
        text = await decodeConfig(sync.data, pointer.sum);
      } catch (error) {
        return fromLocal(`The synced config is damaged: ${message(error)}. ${PROBLEM.fallback}`);
      }
      if (!local.current || local.current.sum !== pointer.sum) {
        await mirrorLocally(sync.data, pointer, local.current).catch(() => {});
      }
      return { text, sum: pointer.sum, savedAt: pointer.savedAt, source: 'sync' };
    }
  }
}

/** Copies a verified synced config into storage.local; the copy it replaces becomes the Undo copy. */
async function mirrorLocally(data: string, pointer: SyncPointer, replaced: LocalCopy | null): Promise<void> {
  const copy: LocalCopy = {
    v: CODEC_VERSION,
    sum: pointer.sum,
    data,
    savedAt: pointer.savedAt,
    textBytes: pointer.textBytes,
    compressedBytes: pointer.compressedBytes,
  };
  const items: Record<string, unknown> = { [KEY.current]: copy };
  if (replaced) items[KEY.previous] = { ...replaced, unsynced: false };
  await browser.storage.local.set(items);
}

// ---------------------------------------------------------------------------------------------
// Saving the config

export interface SaveResult {
  where: 'sync' | 'local';
  /** Said to the user when the config did not go where it should (e.g. too big for sync). */
  problem?: string;
  sum: string;
  compressedBytes: number;
  textBytes: number;
  /** Quota bytes the config takes in sync (0 when local only). */
  syncBytes: number;
}

function asLocalCopy(encoded: EncodedConfig, savedAt: number, unsynced: boolean): LocalCopy {
  return { v: CODEC_VERSION, sum: encoded.sum, data: encoded.data, savedAt, textBytes: encoded.textBytes, compressedBytes: encoded.compressedBytes, unsynced };
}

/**
 * Saves config text (secrets must already be removed) as the current config. The previous
 * config stays available to `undoImport()`. Order, so that no failure loses a config:
 *   1. local: new copy (marked unsynced) + previous copy + catalogue cache, in one write;
 *   2. sync: chunks of a new generation, read back and verified;
 *   3. sync: the pointer flips to the new generation; 4. the old generation is deleted;
 *   5. local: the copy is marked synced.
 * When sync lacks room for old + new at once, the old generation is deleted first (the local
 * copy from step 1 and the previous copy keep both configs safe). A config too big for sync
 * stays in local storage and the pointer says so.
 */
export async function saveConfig(text: string, build: BuildCatalogue): Promise<SaveResult> {
  const previous = await loadConfig();
  const encoded = await encodeConfig(text);
  // Verify the encoding before anything is replaced.
  if ((await decodeConfig(encoded.data, encoded.sum)) !== text) throw new Error('The config could not be encoded for storage.');
  const catalogue = build(text);
  const savedAt = Math.max(Date.now(), (previous.savedAt ?? 0) + 1);

  const localItems: Record<string, unknown> = {
    [KEY.current]: asLocalCopy(encoded, savedAt, true),
    [KEY.cache]: await encodeCatalogueCache(catalogue, encoded.sum, extensionVersion()),
    [KEY.head]: await headFor(encoded.sum, catalogue),
  };
  if (previous.source !== 'none' && previous.sum !== encoded.sum) {
    const prevEncoded = await encodeConfig(previous.text);
    localItems[KEY.previous] = asLocalCopy(prevEncoded, previous.savedAt ?? savedAt - 1, false);
  }
  await browser.storage.local.set(localItems);

  const result = await writeSync(encoded, savedAt);
  if (result.where === 'sync' || result.problem === PROBLEM.tooBig) {
    // Sync now says where this config is (its chunks or "local only"): the copy is settled.
    await browser.storage.local.set({ [KEY.current]: asLocalCopy(encoded, savedAt, false) });
  }
  return result;
}

async function writeSync(encoded: EncodedConfig, savedAt: number): Promise<SaveResult> {
  const base = { sum: encoded.sum, compressedBytes: encoded.compressedBytes, textBytes: encoded.textBytes };
  const sync = browser.storage.sync;
  let all: Record<string, unknown>;
  try {
    all = (await sync.get(null)) as Record<string, unknown>;
  } catch (error) {
    return { ...base, where: 'local', syncBytes: 0, problem: `${PROBLEM.notSynced} (${message(error)})` };
  }
  const gen = newGeneration(savedAt);
  const other = bytesOutsideConfig(all);
  const plan = planSyncWrite(encoded, gen, other.bytes, savedAt, other.items);

  const goLocalOnly = async (reason: string): Promise<SaveResult> => {
    try {
      await sync.set({ [POINTER_KEY]: localOnlyPointer(encoded, gen, savedAt) });
      await sync.remove(staleChunkKeys(await sync.get(null), []));
      return { ...base, where: 'local', syncBytes: 0, problem: reason };
    } catch (error) {
      return { ...base, where: 'local', syncBytes: 0, problem: `${PROBLEM.notSynced} (${message(error)})` };
    }
  };

  if (!plan.fits) return goLocalOnly(PROBLEM.tooBig);

  try {
    // Room for old and new side by side? Else free the old generation first.
    const oldBytes = Object.entries(all)
      .filter(([k]) => k === POINTER_KEY || isChunkKey(k))
      .reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    if (plan.bytes + other.bytes + oldBytes > SYNC_QUOTA.totalBytes) {
      await sync.remove(staleChunkKeys(all, []));
    }
    await sync.set(plan.chunks);
    // Read back and verify before the pointer moves.
    const written = await sync.get(Object.keys(plan.chunks));
    const joined = Object.keys(plan.chunks)
      .map((k) => (written as Record<string, unknown>)[k])
      .join('');
    await decodeConfig(joined, encoded.sum);
    await sync.set({ [POINTER_KEY]: plan.pointer });
    const stale = staleChunkKeys(await sync.get(null), [gen]);
    if (stale.length > 0) await sync.remove(stale);
    return { ...base, where: 'sync', syncBytes: plan.bytes };
  } catch (error) {
    const text = message(error);
    if (/quota/i.test(text)) return goLocalOnly(PROBLEM.tooBig);
    // Leave the old pointer alone only if its chunks are still there; else point at local.
    return goLocalOnly(`${PROBLEM.notSynced} (${text})`);
  }
}

/** The config before the last import, or null. */
export async function loadPrevious(): Promise<{ text: string; savedAt: number } | null> {
  const items = await browser.storage.local.get([KEY.previous]);
  const parsed = localCopySchema.safeParse(items[KEY.previous]);
  if (!parsed.success) return null;
  const text = await decodeLocal(parsed.data);
  return text === null ? null : { text, savedAt: parsed.data.savedAt };
}

/** Restores the config before the last import (the current one becomes the Undo copy). */
export async function undoImport(build: BuildCatalogue): Promise<SaveResult | null> {
  const previous = await loadPrevious();
  if (!previous) return null;
  return saveConfig(previous.text, build);
}

// ---------------------------------------------------------------------------------------------
// The catalogue

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

async function writeCache(sum: string, catalogue: Catalogue): Promise<void> {
  await browser.storage.local.set({ [KEY.cache]: await encodeCatalogueCache(catalogue, sum, extensionVersion()), [KEY.head]: await headFor(sum, catalogue) });
}

/** The head record for a catalogue: its first screen plus the pinned and recent entries. */
async function headFor(sum: string, catalogue: Catalogue): Promise<CatalogueHead> {
  const [{ settings }, recent] = await Promise.all([readSettings(), loadRecent()]);
  return catalogueHead(orderForDisplay(catalogue.entries), sum, extensionVersion(), [...settings.favourites, ...recent]);
}

/** Adds an entry to the head's pinned/recent entries, so the next first paint can show it. */
async function addToHead(entry: CatalogueEntry | undefined): Promise<void> {
  if (!entry) return;
  const items = await browser.storage.local.get(KEY.head);
  const head = catalogueHeadSchema.safeParse(items[KEY.head]);
  if (!head.success || head.data.first.some((e) => e.profile === entry.profile) || head.data.extra.some((e) => e.profile === entry.profile)) return;
  const extra = [...head.data.extra, JSON.parse(JSON.stringify(entry)) as CatalogueEntry].slice(-200);
  await browser.storage.local.set({ [KEY.head]: { ...head.data, extra } });
}

export interface LoadedHead {
  head: CatalogueHead;
  source: 'sync' | 'local';
  problem?: string;
}

/**
 * Which copy of the config is current, from the sync pointer and this browser's local copy
 * (without reading the chunks): the local copy wins when it holds a save that has not reached
 * sync yet. `expected` is that copy's checksum, which derived caches must match.
 */
function currentCopy(pointerRaw: unknown, localRaw: unknown): { fromSync: boolean; expected: string | undefined; problem: string | undefined } {
  const pointer = syncPointerSchema.safeParse(pointerRaw);
  const local = localCopySchema.safeParse(localRaw);
  const current = local.success ? local.data : null;
  const localNewer = !!current?.unsynced && (!pointer.success || current.savedAt > pointer.data.savedAt);
  const fromSync = pointer.success && pointer.data.where === 'sync' && !localNewer;
  return {
    fromSync,
    expected: fromSync ? pointer.data.sum : current?.sum,
    problem: pointer.success && pointer.data.where === 'local' ? PROBLEM.tooBig : undefined,
  };
}

/** The head in `localItems` when it is fresh (same checks as the fast path of loadCatalogue), else null. */
function freshHead(pointerRaw: unknown, localItems: Record<string, unknown>): LoadedHead | null {
  const { fromSync, expected, problem } = currentCopy(pointerRaw, localItems[KEY.current]);
  const head = catalogueHeadSchema.safeParse(localItems[KEY.head]);
  if (!head.success || !expected || head.data.sum !== expected || head.data.builtBy !== extensionVersion()) return null;
  return { head: head.data, source: fromSync ? 'sync' : 'local', problem };
}

/** What the popup's first screen shows: the catalogue head (null when stale or missing), settings, recent roles. */
export interface FirstScreen {
  head: LoadedHead | null;
  settings: Settings;
  settingsProblem?: string;
  recent: string[];
}

/** The first screen from the records readFirstScreenItems read (validated here). */
export function firstScreenFrom(items: FirstScreenItems): FirstScreen {
  const settings = items.syncError === undefined ? parseStoredSettings(items.sync[KEY.settings]) : defaultSettingsAfter(items.syncError);
  // (Every record is checked with safeParse: a malformed one reads as no fresh head.)
  const head = freshHead(items.sync[POINTER_KEY], items.local);
  return { head, settings: settings.settings, settingsProblem: settings.problem, recent: recentFrom(items.local) };
}

/**
 * A save writes this browser's copy first (marked unsynced), then sync, then clears the mark.
 * A page that reads in between (storage.onChanged fires for the first write) must not report
 * a failure that is only a save in progress; a copy still unsynced after this long did fail.
 */
const SAVE_IN_PROGRESS_MS = 15000;
function unsyncedProblem(current: LocalCopy): string | undefined {
  return current.unsynced && Date.now() - current.savedAt > SAVE_IN_PROGRESS_MS ? PROBLEM.notSynced : undefined;
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
 *   first paint; the import page runs it before showing anything.
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
    return empty(`Your config could not be loaded (${message(error)}).`);
  }
}

export const REBUILD_MESSAGE = { type: 'catalogue:rebuild' } as const;

async function rebuildViaBackground(
  expectedSum: string | undefined,
  staleCache: { sum: string; catalogue: Catalogue } | null,
  empty: (problem?: string) => LoadedCatalogue,
): Promise<LoadedCatalogue> {
  try {
    await browser.runtime.sendMessage(REBUILD_MESSAGE);
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

// ---------------------------------------------------------------------------------------------
// Settings and recent roles

export async function readSettings(): Promise<{ settings: Settings; problem?: string }> {
  try {
    const items = await browser.storage.sync.get(KEY.settings);
    return parseStoredSettings(items[KEY.settings]);
  } catch (error) {
    return defaultSettingsAfter(error);
  }
}

function defaultSettingsAfter(error: unknown): { settings: Settings; problem: string } {
  return { settings: settingsSchema.parse({}), problem: `Settings cannot be read (${message(error)}); the defaults are used.` };
}

export async function loadSettings(): Promise<Settings> {
  return (await readSettings()).settings;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const { settings } = await readSettings();
  const next = settingsSchema.parse({ ...settings, ...patch });
  await browser.storage.sync.set({ [KEY.settings]: next });
  return next;
}

export async function toggleFavourite(profile: string, entry?: CatalogueEntry): Promise<Settings> {
  const { settings } = await readSettings();
  const favourites = settings.favourites.includes(profile) ? settings.favourites.filter((p) => p !== profile) : [...settings.favourites, profile];
  const next = await saveSettings({ favourites });
  await addToHead(entry).catch(() => {});
  return next;
}

export async function loadRecent(): Promise<string[]> {
  try {
    return recentFrom(await browser.storage.local.get(KEY.recent));
  } catch {
    return [];
  }
}

function recentFrom(localItems: Record<string, unknown>): string[] {
  const parsed = recentSchema.safeParse(localItems[KEY.recent]);
  return parsed.success ? parsed.data : [];
}

export async function pushRecent(profile: string, entry?: CatalogueEntry): Promise<string[]> {
  const next = pushRecentList(await loadRecent(), profile);
  await browser.storage.local.set({ [KEY.recent]: next });
  await addToHead(entry).catch(() => {});
  return next;
}

// ---------------------------------------------------------------------------------------------
// Change notifications: two open pages stay consistent.

export interface StorageChange {
  config: boolean;
  settings: boolean;
  recent: boolean;
  catalogue: boolean;
}

export function onStorageChanged(callback: (change: StorageChange) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    const keys = Object.keys(changes);
    const change: StorageChange = {
      config: (area === 'sync' && keys.some((k) => k === POINTER_KEY || isChunkKey(k))) || (area === 'local' && keys.some((k) => k === KEY.current || k === KEY.previous)),
      // (The head changes with every pin and switch; readers of the full catalogue ignore it.)
      settings: area === 'sync' && keys.includes(KEY.settings),
      recent: area === 'local' && keys.includes(KEY.recent),
      catalogue: area === 'local' && keys.includes(KEY.cache),
    };
    if (change.config || change.settings || change.recent || change.catalogue) callback(change);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
