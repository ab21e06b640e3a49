// Which copy of the config is current, told from two small records (the sync pointer and this
// browser's local copy) without reading the config itself: the fast path of every reader.
import { localCopySchema, syncPointerSchema } from '../../core';
import { PROBLEM } from './problems';

/**
 * Which copy of the config is current, from the sync pointer and this browser's local copy
 * (without reading the chunks): the local copy wins when it holds a save that has not reached
 * sync yet. `expected` is that copy's checksum, which derived caches must match.
 */
export function currentCopy(pointerRaw: unknown, localRaw: unknown): { fromSync: boolean; expected: string | undefined; problem: string | undefined } {
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
