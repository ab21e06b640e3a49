// The config text: storage.sync (a pointer plus compressed chunks, so it follows the user) and
// storage.local (this browser's last good copy, and the import history). Nothing here throws at
// a reader: every load answers with data (possibly empty) and, when something went wrong, a
// `problem` sentence for the user. Every write holds the config lock (write-lock.ts).
import {
  bytesOutsideConfig,
  CODEC_VERSION,
  estimatedSyncBytes,
  decodeConfig,
  markCurrent,
  readSyncSnapshot,
  recordCurrent,
  type CatalogueCache,
  type CatalogueHead,
  type EncodedConfig,
  type HistoryHow,
  type ImportHistory,
  type LocalCopy,
  type SyncPointer,
} from '../../core';
import { RECORD_KEYS } from '../../core/storage/storage-keys';
import { browser } from '../browser';
import { errorText } from './build-info';
import { historyItemOf, historyWith } from './history-store';
import { decodeLocal, localStateOf, readLocalCurrent, type DecodeConfig, type LocalState } from './local-copy';
import { personalConfigAllowed, PersonalConfigRefusedError } from './organisation-flags';
import { noRoomProblem, PROBLEM } from './problems';
import { writeSync, type SaveResult } from './sync-writer';
import { ifUnlocked, withWriteLock } from './write-lock';

const KEY = RECORD_KEYS;

export type ConfigSource = 'sync' | 'local' | 'none';

export interface StoredConfig {
  text: string;
  /** Checksum of the text; '' when there is no config. */
  sum: string;
  savedAt: number | null;
  source: ConfigSource;
  problem?: string;
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

async function fromLocal(local: LocalState, problem: string | undefined, decode: DecodeConfig): Promise<StoredConfig> {
  if (local.current) {
    const text = await decodeLocal(local.current, decode);
    if (text !== null) return { text, sum: local.current.sum, savedAt: local.current.savedAt, source: 'local', problem };
  }
  const parts = [problem, local.currentProblem, problem || local.currentProblem ? PROBLEM.nothingToRecover : undefined].filter(Boolean);
  // A fallback sentence makes no sense when there is nothing to fall back to.
  const text = parts.join(' ').replace(` ${PROBLEM.fallback}`, '');
  return { text: '', sum: '', savedAt: null, source: 'none', problem: text || undefined };
}

/**
 * The config to show, from sync when it is complete and verified, else the last good copy in
 * this browser, with a sentence saying what happened. A newer synced config (saved in another
 * browser) is copied into this browser's copy and history. `decode`: see DecodeConfig.
 */
export async function loadConfig(decode: DecodeConfig = decodeConfig): Promise<StoredConfig> {
  let all: Record<string, unknown>;
  let local: LocalState;
  try {
    [all, local] = await Promise.all([browser.storage.sync.get(null) as Promise<Record<string, unknown>>, readLocalCurrent()]);
  } catch (error) {
    return { text: '', sum: '', savedAt: null, source: 'none', problem: `Extension storage cannot be read (${errorText(error)}).` };
  }
  const sync = readSyncSnapshot(all);
  switch (sync.status) {
    case 'empty':
      return fromLocal(local, local.current ? unsyncedProblem(local.current) : undefined, decode);
    case 'local-only': {
      const problem = local.current?.unsynced
        ? unsyncedProblem(local.current)
        : local.current && local.current.sum !== sync.pointer.sum && sync.pointer.savedAt > local.current.savedAt
          ? PROBLEM.tooBigElsewhere
          : noRoomProblem(estimatedSyncBytes(sync.pointer.compressedBytes), bytesOutsideConfig(all));
      return fromLocal(local, problem, decode);
    }
    case 'problem':
      return fromLocal(local, `${sync.message} ${PROBLEM.fallback}`, decode);
    case 'ok': {
      const { pointer } = sync;
      // This browser saved something newer that never reached sync: do not let sync undo it.
      if (local.current?.unsynced && local.current.savedAt > pointer.savedAt && local.current.sum !== pointer.sum) {
        return fromLocal(local, unsyncedProblem(local.current), decode);
      }
      let text: string;
      try {
        text = await decode(sync.data, pointer.sum);
      } catch (error) {
        return fromLocal(local, `The synced config is damaged: ${errorText(error)}. ${PROBLEM.fallback}`, decode);
      }
      if (!local.current || local.current.sum !== pointer.sum) await mirrorLocally(sync.data, pointer).catch(() => {});
      return { text, sum: pointer.sum, savedAt: pointer.savedAt, source: 'sync' };
    }
  }
}

function syncedCopy(data: string, pointer: SyncPointer): LocalCopy {
  return { v: CODEC_VERSION, sum: pointer.sum, data, savedAt: pointer.savedAt, textBytes: pointer.textBytes, compressedBytes: pointer.compressedBytes };
}

/**
 * Copies a verified synced config into this browser's copy and history. Skipped while a save
 * holds the config lock: that save decides what is current.
 */
async function mirrorLocally(data: string, pointer: SyncPointer): Promise<void> {
  await ifUnlocked('config', async () => {
    const items = await browser.storage.local.get([KEY.current, KEY.history, KEY.previous]);
    const local = localStateOf(items[KEY.current]);
    if (local.current?.sum === pointer.sum) return;
    const copy = syncedCopy(data, pointer);
    const history = recordCurrent(historyWith(items[KEY.history], local.current, items[KEY.previous]), historyItemOf(copy, 'synced', null));
    await browser.storage.local.set({ [KEY.current]: copy, [KEY.history]: history });
    await browser.storage.local.remove(KEY.previous);
  });
}

/**
 * Everything a save writes, prepared beforehand by core's prepareSaveRecords (in the import
 * page's worker, or by prepareSave here), which has read the encoding back.
 */
export interface PreparedSave {
  /** The config text: secrets already removed. */
  text: string;
  encoded: EncodedConfig;
  cache: CatalogueCache;
  head: CatalogueHead;
  counts: { roles: number; skipped: number };
  /** A new item on top of the history, or `restore`: the history item it already is becomes current. */
  how: HistoryHow | 'restore';
  /** Save only if this is still the current config's checksum (else ConfigChangedError): compare-and-set. */
  ifCurrent?: string;
  /** The config it replaces is this one, cleaned (of secrets an older version kept): it is not kept in the history. */
  cleansCurrent?: boolean;
}

/** A save with `ifCurrent` found another config current: nothing was written. */
export class ConfigChangedError extends Error {
  constructor() {
    super('the stored config changed in the meantime; nothing was saved');
    this.name = 'ConfigChangedError';
  }
}

function asLocalCopy(encoded: EncodedConfig, savedAt: number, unsynced: boolean): LocalCopy {
  return { v: CODEC_VERSION, sum: encoded.sum, data: encoded.data, savedAt, textBytes: encoded.textBytes, compressedBytes: encoded.compressedBytes, unsynced };
}

function nextHistory(history: ImportHistory, save: PreparedSave, copy: LocalCopy): ImportHistory {
  const restored = save.how === 'restore' && history.items.some((i) => i.sum === copy.sum);
  if (restored) return markCurrent(history, copy.sum);
  return recordCurrent(history, historyItemOf(copy, save.how === 'restore' ? 'import' : save.how, save.counts));
}

/**
 * Saves a config as the current one. Order, so that no failure loses a config:
 *   1. local: the new copy (marked unsynced), its catalogue cache and head, and the history
 *      (which keeps the configs before it), in one write;
 *   2. sync (sync-writer.ts); 3. local: the copy is marked synced.
 * A newer config that another browser put into sync and this one has not seen yet goes into
 * the history first, so it can be restored too.
 */
export async function saveConfig(save: PreparedSave): Promise<SaveResult> {
  // The organisation allows only its own profiles: the user's stay as they are (a secrets
  // clean-up of the stored copy still runs: it removes, never adds).
  if (!save.cleansCurrent && !(await personalConfigAllowed())) throw new PersonalConfigRefusedError();
  return withWriteLock('config', async () => {
    const [all, items] = await Promise.all([
      browser.storage.sync.get(null) as Promise<Record<string, unknown>>,
      browser.storage.local.get([KEY.current, KEY.history, KEY.previous]),
    ]);
    const local = localStateOf(items[KEY.current]);
    if (save.ifCurrent !== undefined && local.current?.sum !== save.ifCurrent) throw new ConfigChangedError();
    let history = historyWith(items[KEY.history], save.cleansCurrent ? null : local.current, items[KEY.previous]);
    const sync = readSyncSnapshot(all);
    // (Not this browser's own copy: that one is in the history already, or is being cleaned.)
    const syncedElsewhere = sync.status === 'ok' && sync.pointer.sum !== local.current?.sum && !history.items.some((i) => i.sum === sync.pointer.sum);
    if (sync.status === 'ok' && syncedElsewhere && (await decodeLocal(syncedCopy(sync.data, sync.pointer))) !== null) {
      history = recordCurrent(history, historyItemOf(syncedCopy(sync.data, sync.pointer), 'synced', null));
    }
    const lastSaved = Math.max(local.current?.savedAt ?? 0, sync.status === 'ok' || sync.status === 'local-only' ? sync.pointer.savedAt : 0);
    const savedAt = Math.max(Date.now(), lastSaved + 1);
    const copy = asLocalCopy(save.encoded, savedAt, true);
    await withWriteLock('head', () =>
      browser.storage.local.set({ [KEY.current]: copy, [KEY.cache]: save.cache, [KEY.head]: save.head, [KEY.history]: nextHistory(history, save, copy) }),
    );
    await browser.storage.local.remove(KEY.previous);

    const { result, settled } = await writeSync(save.encoded, savedAt, all);
    if (settled) await browser.storage.local.set({ [KEY.current]: asLocalCopy(save.encoded, savedAt, false) });
    return result;
  });
}
