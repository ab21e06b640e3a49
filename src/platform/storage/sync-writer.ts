// Writing the config into storage.sync, where the quota is handled: 100 KB in all, 8 KB an item,
// 512 items (core/storage-codec.ts plans the chunks). Order, so that no failure loses a config:
// chunks of a new generation are written and read back before the pointer flips to them, then
// the old generation is deleted. When sync lacks room for old and new side by side, the old
// generation goes first (this browser's local copy, written before, keeps the config safe).
// A config that does not fit stays in storage.local and the pointer says so.
import {
  bytesOutsideConfig,
  decodeConfig,
  isChunkKey,
  itemBytes,
  localOnlyPointer,
  newGeneration,
  planSyncWrite,
  POINTER_KEY,
  staleChunkKeys,
  SYNC_QUOTA,
  type EncodedConfig,
} from '../../core';
import { browser } from '../browser';
import { errorText } from './build-info';
import { noRoomProblem, PROBLEM } from './problems';

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

const isQuotaError = (error: unknown) => /quota|exceed/i.test(errorText(error));

/** A failed sync write, in words: a quota error is said plainly, never as the browser's message. */
function writeFailure(error: unknown, configBytes: number, other: { bytes: number }): string {
  return isQuotaError(error) ? noRoomProblem(configBytes, other) : `${PROBLEM.notSynced} (${errorText(error)})`;
}

/**
 * `all`: a snapshot of storage.sync taken just before (the caller holds the config lock).
 * `settled`: sync's pointer now says where this config is (its chunks, or "in local storage" because
 * sync has no room for it). After any other failure this browser's copy stays marked unsynced.
 */
export async function writeSync(encoded: EncodedConfig, savedAt: number, all: Record<string, unknown>): Promise<{ result: SaveResult; settled: boolean }> {
  const base = { sum: encoded.sum, compressedBytes: encoded.compressedBytes, textBytes: encoded.textBytes };
  const sync = browser.storage.sync;
  const gen = newGeneration(savedAt);
  const other = bytesOutsideConfig(all);
  const plan = planSyncWrite(encoded, gen, other.bytes, savedAt, other.items);

  const goLocalOnly = async (reason: string, noRoom: boolean) => {
    try {
      await sync.set({ [POINTER_KEY]: localOnlyPointer(encoded, gen, savedAt) });
      await sync.remove(staleChunkKeys(await sync.get(null), []));
      return { result: { ...base, where: 'local' as const, syncBytes: 0, problem: reason }, settled: noRoom };
    } catch (error) {
      return { result: { ...base, where: 'local' as const, syncBytes: 0, problem: writeFailure(error, plan.bytes, other) }, settled: false };
    }
  };

  if (!plan.fits) return goLocalOnly(noRoomProblem(plan.bytes, other), true);

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
    return { result: { ...base, where: 'sync', syncBytes: plan.bytes }, settled: true };
  } catch (error) {
    return goLocalOnly(writeFailure(error, plan.bytes, other), isQuotaError(error));
  }
}
