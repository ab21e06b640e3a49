// One writer at a time for every shared record. A change to settings, pins, recent roles or
// the config is a read-modify-write (read the record, change it, write it back); two of them
// at once, from one page or from two (the popup and the import page, or the background), would
// both read the old record and the later write would drop the earlier change.
//
// Web Locks are per origin, and every context of the extension (its pages and its background)
// shares the extension's origin, so a named lock orders writers across all of them. Where the
// API is missing (unit tests under Node) a promise chain orders the writers of this context.
//
// Locks are not reentrant: code holding a lock must call the unlocked helpers, never a function
// that takes the same lock again. Nested locks are always taken in the order of LOCK_ORDER.

/** The records with a writer lock, in the only order in which they may be nested. */
export const LOCK_ORDER = ['config', 'head', 'settings', 'recent'] as const;
export type LockName = (typeof LOCK_ORDER)[number];

const localChains = new Map<LockName, Promise<unknown>>();

function runInLocalOrder<T>(name: LockName, work: () => Promise<T>): Promise<T> {
  const previous = localChains.get(name) ?? Promise.resolve();
  const result = previous.then(work, work);
  localChains.set(
    name,
    result.catch(() => undefined),
  );
  return result;
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

function lockManager(): LockManagerLike | undefined {
  return (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
}

/** Runs `work` while holding the record's writer lock, after every writer that asked before. */
export function withWriteLock<T>(name: LockName, work: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? locks.request(`role-switchboard:${name}`, work) : runInLocalOrder(name, work);
}

/**
 * Runs `work` only if nobody holds the lock right now, else resolves to undefined at once. For
 * optional upkeep (mirroring a synced config locally) that a writer in progress makes moot.
 */
export async function ifUnlocked<T>(name: LockName, work: () => Promise<T>): Promise<T | undefined> {
  const locks = lockManager();
  if (!locks) return runInLocalOrder(name, work);
  return locks.request(`role-switchboard:${name}`, { ifAvailable: true }, async (lock) => (lock ? work() : undefined));
}
