// How the config text is laid out in extension storage, as pure functions so every failure
// mode (quota, missing chunk, wrong checksum, data from an older version) is unit-testable
// without a browser. src/platform/storage.ts only moves these records in and out.
//
// Layout in storage.sync (102,400 bytes total, 8,192 per item incl. key, 512 items):
//   "cfg"            the pointer: { v, gen, n, sum, where, ... } (small, written last)
//   "c.<gen>.<i>"    chunk i of generation <gen>: a string of the deflate-raw compressed text
//                    in a JSON-safe base-85 alphabet
// A save writes the chunks of a NEW generation first, then flips the pointer, then deletes
// the old generation, so a reader sees either the old or the new config, never a mix; a
// pointer whose chunks are missing or whose checksum does not match is reported, not read.
import { z } from './zod';
import { catalogueSchema, settingsSchema, type Settings } from './schemas';

export const POINTER_KEY = 'cfg';
export const CHUNK_PREFIX = 'c.';
/** Bumped when the layout changes; readers refuse (with a message) what they do not know. */
export const CODEC_VERSION = 1;

/** chrome.storage.sync limits (Firefox uses the same numbers). */
export const SYNC_QUOTA = { totalBytes: 102_400, perItemBytes: 8_192, maxItems: 512 } as const;

/** Refuse to inflate anything larger than this: corrupted or hostile data must not exhaust memory. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

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

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Base-85 with an alphabet that JSON never escapes: printable ASCII without `"`, `\`, `<`, `>`,
// `&`, `'`, backtick, space, `|`, `~`. 4 bytes → 5 characters (base64 needs 5.33), each character one
// byte of quota.

const ALPHABET = '!#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{}';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
if (ALPHABET.length !== 85) throw new Error('base-85 alphabet must have 85 characters');

export function base85Encode(bytes: Uint8Array): string {
  const out: string[] = [];
  const full = bytes.length - (bytes.length % 4);
  const group = new Array<string>(5);
  const emit = (value: number, count: number) => {
    for (let k = 4; k >= 0; k--) {
      group[k] = ALPHABET[value % 85]!;
      value = Math.floor(value / 85);
    }
    out.push(count === 5 ? group.join('') : group.slice(0, count).join(''));
  };
  for (let i = 0; i < full; i += 4) {
    emit(((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0, 5);
  }
  const rest = bytes.length - full;
  if (rest > 0) {
    let value = 0;
    for (let k = 0; k < 4; k++) value = value * 256 + (k < rest ? bytes[full + k]! : 0);
    emit(value, rest + 1);
  }
  return out.join('');
}

/** Throws on a character outside the alphabet or an impossible length. */
export function base85Decode(text: string): Uint8Array {
  const rest = text.length % 5;
  if (rest === 1) throw new Error('base-85 data has an impossible length');
  const out = new Uint8Array(Math.floor(text.length / 5) * 4 + (rest ? rest - 1 : 0));
  let o = 0;
  const digit = (i: number) => {
    const c = text.charCodeAt(i);
    const d = c < 128 ? DECODE[c]! : -1;
    if (d < 0) throw new Error(`base-85 data has an invalid character at ${i}`);
    return d;
  };
  for (let i = 0; i < text.length; i += 5) {
    const count = Math.min(5, text.length - i);
    let value = 0;
    for (let k = 0; k < 5; k++) value = value * 85 + (k < count ? digit(i + k) : 84);
    if (value > 0xffffffff) throw new Error('base-85 group out of range');
    for (let k = 0; k < count - 1; k++) out[o++] = (value >>> (24 - 8 * k)) & 0xff;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Compression (CompressionStream is a web-platform global: browsers and Node 20 both have it).

async function pipeThrough(bytes: Uint8Array, transform: { readable: ReadableStream<Uint8Array>; writable: WritableStream<BufferSource> }, limit: number): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Not awaited: the writer waits for the reader (backpressure); errors surface on read().
  writer.write(bytes as BufferSource).catch(() => {});
  writer.close().catch(() => {});
  const reader = transform.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new Error('the stored data inflates to more than the size limit');
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export async function compressText(text: string): Promise<Uint8Array> {
  return pipeThrough(new TextEncoder().encode(text), new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
}

export async function decompressText(bytes: Uint8Array): Promise<string> {
  const raw = await pipeThrough(bytes, new DecompressionStream('deflate-raw'), MAX_TEXT_BYTES);
  return new TextDecoder('utf-8', { fatal: true }).decode(raw);
}

/** SHA-256 of the UTF-8 text, first 16 hex digits: identifies a config (cache key, integrity). */
export async function checksumText(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface EncodedConfig {
  /** base-85 of the deflate-raw compressed text. */
  data: string;
  sum: string;
  textBytes: number;
  compressedBytes: number;
}

export async function encodeConfig(text: string): Promise<EncodedConfig> {
  const compressed = await compressText(text);
  return { data: base85Encode(compressed), sum: await checksumText(text), textBytes: utf8Length(text), compressedBytes: compressed.length };
}

/** Decodes and verifies; throws CodecError with a sentence for the user. */
export async function decodeConfig(data: string, expectedSum: string): Promise<string> {
  let text: string;
  try {
    text = await decompressText(base85Decode(data));
  } catch (error) {
    throw new CodecError('corrupt', `the stored data cannot be decompressed (${errorText(error)})`);
  }
  const sum = await checksumText(text);
  if (sum !== expectedSum) throw new CodecError('checksum', 'the stored data does not match its checksum');
  return text;
}

export type CodecProblem = 'missing-chunk' | 'corrupt' | 'checksum' | 'version' | 'garbage' | 'none';

export class CodecError extends Error {
  constructor(
    readonly kind: CodecProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CodecError';
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// The pointer record and chunking.

export const syncPointerSchema = z.object({
  v: z.literal(CODEC_VERSION),
  /** Generation id: the chunks of this config are `c.<gen>.0` … `c.<gen>.<n-1>`. */
  gen: z.string().regex(/^[0-9a-z]{1,12}$/),
  n: z.number().int().min(0).max(SYNC_QUOTA.maxItems),
  sum: z.string().regex(/^[0-9a-f]{16}$/),
  /** 'local': the config was too big for sync and lives only in the saving browser's storage.local. */
  where: z.enum(['sync', 'local']),
  savedAt: z.number(),
  textBytes: z.number().int().min(0),
  compressedBytes: z.number().int().min(0),
});
export type SyncPointer = z.infer<typeof syncPointerSchema>;

/** A copy of a config in storage.local: the last good one, or the one before it (for undo). */
export const localCopySchema = z.object({
  v: z.literal(CODEC_VERSION),
  sum: z.string().regex(/^[0-9a-f]{16}$/),
  data: z.string(),
  savedAt: z.number(),
  textBytes: z.number().int().min(0),
  compressedBytes: z.number().int().min(0),
  /** Saved here but not (yet) in sync: a newer local save must not be undone by an older sync. */
  unsynced: z.boolean().optional(),
});
export type LocalCopy = z.infer<typeof localCopySchema>;

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

// ---------------------------------------------------------------------------------------------
// Other records: settings (sync), the catalogue cache and recent roles (local).

/**
 * Settings read back from storage: every field that is valid is kept, every field that is not
 * falls back to its default, and the problem names the fields, so one bad value written by an
 * older version never resets the user's favourites.
 */
export function parseStoredSettings(raw: unknown): { settings: Settings; problem?: string } {
  if (raw === undefined) return { settings: settingsSchema.parse({}) };
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data };
  const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const salvaged: Record<string, unknown> = {};
  const bad: string[] = [];
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!(key in source)) continue;
    const field = (schema as z.ZodType).safeParse(source[key]);
    if (field.success) salvaged[key] = field.data;
    else bad.push(key);
  }
  const settings = settingsSchema.parse(salvaged);
  const problem =
    bad.length > 0
      ? `Some settings could not be read (${bad.join(', ')}); their defaults are used.`
      : 'The stored settings could not be read; the defaults are used.';
  return { settings, problem };
}

export const catalogueCacheSchema = z.object({
  v: z.literal(CODEC_VERSION),
  /** Checksum of the config text this catalogue was built from. */
  sum: z.string(),
  /** Extension version that built it: an update may import differently, so it rebuilds. */
  builtBy: z.string(),
  catalogue: catalogueSchema,
});
export type CatalogueCache = z.infer<typeof catalogueCacheSchema>;

export const RECENT_LIMIT = 5;
export const recentSchema = z.array(z.string()).max(50);

/** Most recent first, no duplicates, at most RECENT_LIMIT. */
export function pushRecent(recent: readonly string[], profile: string): string[] {
  return [profile, ...recent.filter((p) => p !== profile)].slice(0, RECENT_LIMIT);
}
