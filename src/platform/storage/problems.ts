// What the storage layer tells the user when a config did not go where it should. One place, so
// that the same situation is always said the same way, and a raw browser error (a quota
// message) never reaches the page.

import { SYNC_QUOTA } from '../../core';

export const PROBLEM = {
  tooBig: 'Your config is in local storage only: it is too big for sync, so other browsers will not get it.',
  tooBigElsewhere:
    'The config saved in another browser is too big for sync and could not be shared; this browser shows its own last config.',
  notSynced: 'Your config is saved in this browser only: sync storage could not be written.',
  fallback: 'Showing the last good config saved in this browser.',
  nothingToRecover: 'No earlier copy exists in this browser: import your config again.',
} as const;

/** Sync has room for the config, but other data fills it. */
export function syncFullProblem(otherBytes: number): string {
  return `Your config is saved in this browser only: sync storage is full (${Math.ceil(otherBytes / 1024)} KB of its 100 KB are used by other data, such as settings).`;
}

/** Why a config of `configBytes` (in sync's quota) does not fit: its own size, or the other data already in sync. */
export function noRoomProblem(configBytes: number, other: { bytes: number }): string {
  return configBytes <= SYNC_QUOTA.totalBytes && other.bytes > 0 && configBytes + other.bytes > SYNC_QUOTA.totalBytes
    ? syncFullProblem(other.bytes)
    : PROBLEM.tooBig;
}
