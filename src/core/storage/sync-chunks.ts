// storage.sync, where the quota is handled: 102,400 bytes in all, 8,192 an item (key
// included), 512 items (docs/aws-facts.md §5). The config goes there as a pointer plus chunks:
//   "cfg"            the pointer: { v, gen, n, sum, where, ... } (small, written last)
//   "c.<gen>.<i>"    chunk i of generation <gen>: the compressed text (config-codec.ts)
// A save writes the chunks of a NEW generation first, then flips the pointer, then deletes
// the old generation, so a reader sees either the old or the new config, never a mix; a
// pointer whose chunks are missing or whose checksum does not match is reported, not read.
// Pure: src/platform/storage/sync-writer.ts moves the records.
import * as z from '../zod';
import { CODEC_VERSION, utf8Length, type CodecProblem, type EncodedConfig } from './config-codec';
import { CHUNK_PREFIX, POINTER_KEY } from './storage-keys';

export { CHUNK_PREFIX, POINTER_KEY } from './storage-keys';

/** chrome.storage.sync limits (Firefox uses the same numbers). */
export const SYNC_QUOTA = { totalBytes: 102_400, perItemBytes: 8_192, maxItems: 512 } as const;

// ---------------------------------------------------------------------------------------------
// Size accounting, the way the browser counts it.

/**
 * Bytes an item costs against the sync quota: key length plus the JSON serialisation of the
 * value, in UTF-8. Chromium's JSON writer also escapes `<` (as \u003C), which is counted here
 * too; our own chunk alphabet avoids it.
 */
export function itemBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let lt = 0;
  for (let i = json.indexOf('<'); i !== -1; i = json.indexOf('<', i + 1)) lt++;
  return utf8Length(key) + utf8Length(json) + lt * 5;
}

// ---------------------------------------------------------------------------------------------
// The pointer record and chunking.

export const syncPointerSchema = z.object({
  v: z.literal(CODEC_VERSION),
  /** Generation id: the chunks of this config are `c.<gen>.0` … `c.<gen>.<n-1>`. */
  gen: z.string().check(z.regex(/^[0-9a-z]{1,12}$/)),
  n: z.int().check(z.minimum(0), z.maximum(SYNC_QUOTA.maxItems)),
  sum: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  /** 'local': the config was too big for sync and lives only in the saving browser's storage.local. */
  where: z.enum(['sync', 'local']),
  savedAt: z.number(),
  textBytes: z.int().check(z.minimum(0)),
  compressedBytes: z.int().check(z.minimum(0)),
});
export type SyncPointer = z.infer<typeof syncPointerSchema>;


export function chunkKey(gen: string, index: number): string {
  return `${CHUNK_PREFIX}${gen}.${index}`;
}

export function isChunkKey(key: string): boolean {
  return key.startsWith(CHUNK_PREFIX);
}

export function generationOf(key: string): string | null {
  const m = /^c\.([0-9a-z]{1,12})\.\d+$/.exec(key);
  return m ? m[1]! : null;
}

/** A short, unique-enough generation id (time + randomness), cheap in quota. */
export function newGeneration(now = Date.now(), random = Math.random): string {
  return (now % 2_176_782_336).toString(36).padStart(6, '0') + Math.floor(random() * 1296).toString(36).padStart(2, '0');
}

/** Splits data into items that each fit the per-item quota (key + quoted value). */
export function splitIntoChunks(data: string, gen: string, perItemBytes: number = SYNC_QUOTA.perItemBytes): Record<string, string> {
  const items: Record<string, string> = {};
  let index = 0;
  let offset = 0;
  do {
    const key = chunkKey(gen, index);
    const room = perItemBytes - utf8Length(key) - 2; // 2: the JSON quotes around the string
    if (room <= 0) throw new Error('per-item quota too small for a chunk');
    items[key] = data.slice(offset, offset + room);
    offset += room;
    index++;
  } while (offset < data.length);
  return items;
}

export interface SyncPlan {
  pointer: SyncPointer;
  chunks: Record<string, string>;
  /** Quota bytes the new generation needs (chunks + pointer). */
  bytes: number;
  fits: boolean;
}

/**
 * Plans a sync write. `otherBytes` is what the rest of sync (settings) already uses; the plan
 * does not fit when chunks + pointer + otherBytes exceed the total or the item count.
 */
export function planSyncWrite(encoded: EncodedConfig, gen: string, otherBytes: number, now = Date.now(), otherItems = 1): SyncPlan {
  const chunks = splitIntoChunks(encoded.data, gen);
  const n = Object.keys(chunks).length;
  const pointer: SyncPointer = {
    v: CODEC_VERSION,
    gen,
    n,
    sum: encoded.sum,
    where: 'sync',
    savedAt: now,
    textBytes: encoded.textBytes,
    compressedBytes: encoded.compressedBytes,
  };
  let bytes = itemBytes(POINTER_KEY, pointer);
  for (const [k, v] of Object.entries(chunks)) bytes += itemBytes(k, v);
  const fits = bytes + otherBytes <= SYNC_QUOTA.totalBytes && n + 1 + otherItems <= SYNC_QUOTA.maxItems;
  return { pointer, chunks, bytes, fits };
}

/**
 * Roughly the quota bytes a config of `compressedBytes` takes in sync (base-85 text in chunks,
 * plus the pointer), for telling "too big for sync" from "sync is full of other data" when only
 * the pointer is at hand. planSyncWrite gives the exact figure when the data is.
 */
export function estimatedSyncBytes(compressedBytes: number): number {
  const text = Math.ceil(compressedBytes / 4) * 5;
  const chunks = Math.ceil(text / (SYNC_QUOTA.perItemBytes - 32));
  return text + chunks * 32 + 256;
}

/** The pointer saying "too big for sync: this config lives in the saving browser's local storage". */
export function localOnlyPointer(encoded: EncodedConfig, gen: string, now = Date.now()): SyncPointer {
  return { v: CODEC_VERSION, gen, n: 0, sum: encoded.sum, where: 'local', savedAt: now, textBytes: encoded.textBytes, compressedBytes: encoded.compressedBytes };
}

export type SyncReadResult =
  | { status: 'empty' }
  | { status: 'ok'; pointer: SyncPointer; data: string }
  | { status: 'local-only'; pointer: SyncPointer }
  | { status: 'problem'; kind: CodecProblem; message: string; pointer?: SyncPointer };

/**
 * Reads the pointer and joins its chunks from a snapshot of storage.sync (`get(null)`).
 * Never throws: anything unexpected is a 'problem' with a sentence for the user.
 */
export function readSyncSnapshot(all: Record<string, unknown>): SyncReadResult {
  const raw = all[POINTER_KEY];
  if (raw === undefined) return { status: 'empty' };
  if (typeof raw === 'object' && raw !== null && 'v' in raw && typeof (raw as { v: unknown }).v === 'number' && (raw as { v: number }).v > CODEC_VERSION) {
    return { status: 'problem', kind: 'version', message: 'The synced config was saved by a newer version of Role Switchboard; update the extension to read it.' };
  }
  const parsed = syncPointerSchema.safeParse(raw);
  if (!parsed.success) {
    return { status: 'problem', kind: 'garbage', message: 'The synced config record is not in a format this version understands (an older version or damaged data).' };
  }
  const pointer = parsed.data;
  if (pointer.where === 'local') return { status: 'local-only', pointer };
  const parts: string[] = [];
  for (let i = 0; i < pointer.n; i++) {
    const part = all[chunkKey(pointer.gen, i)];
    if (typeof part !== 'string') {
      return {
        status: 'problem',
        kind: part === undefined ? 'missing-chunk' : 'garbage',
        message:
          part === undefined
            ? `The synced config is incomplete: part ${i + 1} of ${pointer.n} is missing (an interrupted save, or sync has not delivered it yet).`
            : `The synced config is damaged: part ${i + 1} of ${pointer.n} is not valid data.`,
        pointer,
      };
    }
    parts.push(part);
  }
  return { status: 'ok', pointer, data: parts.join('') };
}

/** Chunk keys in a snapshot that do not belong to `keepGen`: left over by an old or interrupted save. */
export function staleChunkKeys(all: Record<string, unknown>, keepGens: (string | undefined)[]): string[] {
  const keep = new Set(keepGens.filter(Boolean));
  return Object.keys(all).filter((k) => isChunkKey(k) && !keep.has(generationOf(k) ?? ''));
}

/** Quota bytes used by items that are not part of the config (e.g. settings). */
export function bytesOutsideConfig(all: Record<string, unknown>): { bytes: number; items: number } {
  let bytes = 0;
  let items = 0;
  for (const [k, v] of Object.entries(all)) {
    if (k === POINTER_KEY || isChunkKey(k)) continue;
    bytes += itemBytes(k, v);
    items++;
  }
  return { bytes, items };
}
