// storage.local "config.current": the last good config this browser has seen, the safety net
// when sync is incomplete, damaged or too small.
import { decodeConfig, localCopySchema, type LocalCopy } from '../../core';
import { RECORD_KEYS } from '../../core/storage/storage-keys';
import { browser } from '../browser';

export interface LocalState {
  current: LocalCopy | null;
  currentProblem?: string;
}

export function localStateOf(raw: unknown): LocalState {
  if (raw === undefined) return { current: null };
  const parsed = localCopySchema.safeParse(raw);
  if (parsed.success) return { current: parsed.data };
  return { current: null, currentProblem: 'The copy of your config in this browser is damaged.' };
}

export async function readLocalCurrent(): Promise<LocalState> {
  const items = await browser.storage.local.get([RECORD_KEYS.current]);
  return localStateOf(items[RECORD_KEYS.current]);
}

/**
 * Decompresses and verifies a stored config (core's decodeConfig). A page may pass its own, run
 * off its main thread: a 5 MB config takes the page over 100 ms to decode.
 */
export type DecodeConfig = (data: string, sum: string) => Promise<string>;

/** The copy's text, or null when it does not decode or match its checksum. */
export async function decodeLocal(copy: LocalCopy, decode: DecodeConfig = decodeConfig): Promise<string | null> {
  try {
    return await decode(copy.data, copy.sum);
  } catch {
    return null;
  }
}
