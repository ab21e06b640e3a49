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
import * as z from '../zod';
import { catalogueEntrySchema, catalogueSchema, settingsSchema, type Settings } from '../catalogue/schemas';
import { orderForDisplay } from '../catalogue/grouping';
import { ENVIRONMENTS, type Catalogue, type CatalogueEntry, type Environment, type Partition } from '../types';

import { CHUNK_PREFIX, POINTER_KEY } from './storage-keys';

export { CHUNK_PREFIX, POINTER_KEY } from './storage-keys';
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
  const full = text.length - rest;
  const out = new Uint8Array((full / 5) * 4 + (rest ? rest - 1 : 0));
  let o = 0;
  let bad = 0;
  // Hot loop (the catalogue cache is ~130 KB of this): no closures, one check per group.
  for (let i = 0; i < full; i += 5) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    const c4 = text.charCodeAt(i + 4);
    const d0 = DECODE[c0 & 127]!;
    const d1 = DECODE[c1 & 127]!;
    const d2 = DECODE[c2 & 127]!;
    const d3 = DECODE[c3 & 127]!;
    const d4 = DECODE[c4 & 127]!;
    bad |= (c0 | c1 | c2 | c3 | c4) & ~127;
    bad |= (d0 | d1 | d2 | d3 | d4) & 0x8000;
    const value = (((d0 * 85 + d1) * 85 + d2) * 85 + d3) * 85 + d4;
    if (value > 0xffffffff) throw new Error('base-85 group out of range');
    out[o++] = value >>> 24;
    out[o++] = (value >>> 16) & 0xff;
    out[o++] = (value >>> 8) & 0xff;
    out[o++] = value & 0xff;
  }
  if (bad) throw new Error('base-85 data has an invalid character');
  if (rest) {
    let value = 0;
    for (let k = 0; k < 5; k++) {
      const c = k < rest ? text.charCodeAt(full + k) : -1;
      const d = c === -1 ? 84 : c < 128 ? DECODE[c]! : -1;
      if (d < 0) throw new Error('base-85 data has an invalid character');
      value = value * 85 + d;
    }
    if (value > 0xffffffff) throw new Error('base-85 group out of range');
    for (let k = 0; k < rest - 1; k++) out[o++] = (value >>> (24 - 8 * k)) & 0xff;
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

/** A copy of a config in storage.local: the last good one, or the one before it (for undo). */
export const localCopySchema = z.object({
  v: z.literal(CODEC_VERSION),
  sum: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  data: z.string(),
  savedAt: z.number(),
  textBytes: z.int().check(z.minimum(0)),
  compressedBytes: z.int().check(z.minimum(0)),
  /** Saved here but not (yet) in sync: a newer local save must not be undone by an older sync. */
  unsynced: z.optional(z.boolean()),
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
    const field = (schema as z.ZodMiniType).safeParse(source[key]);
    if (field.success) salvaged[key] = field.data;
    else bad.push(key);
  }
  // A record we cannot fully read never turns the sign-in form's auto-submit on: its default is
  // on, and the damaged value may have been the user's "off".
  if (!('autoSubmitSwitchForm' in salvaged)) salvaged.autoSubmitSwitchForm = false;
  const settings = settingsSchema.parse(salvaged);
  const problem =
    bad.length > 0
      ? `Some settings could not be read (${bad.join(', ')}); their defaults are used.`
      : 'The stored settings could not be read; the defaults are used.';
  return { settings, problem };
}

// The catalogue cache (storage.local): what the popup renders first, so it must load fast.
// A catalogue of 5,000 entries is 2.4 MB as objects, and validating 5,000 entry objects with
// zod (jitless, as MV3 requires) takes ~150-250 ms. Stored column by column instead (one
// array per field, as one JSON string), it is ~30% smaller, parses in a few ms, and each
// column is validated by one zod schema with a tight predicate.

/** Bumped when a cached shape changes (3: each removed secret line says what it held), so old caches are rebuilt. */
export const CACHE_VERSION = 3;

const isString = (v: unknown): v is string => typeof v === 'string';
const column = <T>(check: (v: unknown) => boolean, what: string) =>
  z.custom<T[]>((v) => Array.isArray(v) && v.every(check), { message: `a column of ${what}` });
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);
const stringList = (v: unknown) => Array.isArray(v) && v.every(isString);
const ENV_SET = new Set<string>(ENVIRONMENTS);

/** One zod-checked column per CatalogueEntry field; null stands for "absent". */
const CACHE_COLUMNS = {
  profile: column<string>((v) => isString(v) && v.length > 0, 'profile names'),
  kind: column<'role' | 'sso'>((v) => v === 'role' || v === 'sso', 'kinds'),
  accountId: column<string | null>(optional((v) => isString(v) && /^\d{12}$/.test(v)), 'account IDs'),
  accountAlias: column<string | null>(optional((v) => isString(v) && v.length > 0), 'account aliases'),
  roleName: column<string>((v) => isString(v) && v.length > 0, 'role names'),
  partition: column<Partition>((v) => v === 'aws' || v === 'aws-us-gov' || v === 'aws-cn' || v === 'aws-eusc', 'partitions'),
  region: column<string | null>(optional(isString), 'regions'),
  app: column<string>(isString, 'apps'),
  env: column<Environment>((v) => isString(v) && ENV_SET.has(v), 'environments'),
  envLabel: column<string>(isString, 'environment labels'),
  isProduction: column<boolean>((v) => typeof v === 'boolean', 'production flags'),
  color: column<string>((v) => isString(v) && /^#[0-9a-f]{6}$/.test(v), 'colours'),
  url: column<string>((v) => isString(v) && v.startsWith('https://'), 'links'),
  displayName: column<string>((v) => isString(v) && v.length <= 64, 'display names'),
  sourceProfile: column<string[] | null>(optional(stringList), 'source profile chains'),
  ssoStartUrl: column<string | null>(optional(isString), 'SSO start URLs'),
  ssoRegion: column<string | null>(optional(isString), 'SSO regions'),
  notes: column<string[] | null>(optional(stringList), 'notes'),
  line: column<number>((v) => Number.isInteger(v) && (v as number) >= 1, 'line numbers'),
};
export const CACHE_COLUMN_NAMES = Object.keys(CACHE_COLUMNS) as (keyof typeof CACHE_COLUMNS)[];

const cachedCatalogueSchema = z
  .object({
    count: z.int().check(z.minimum(0)),
    columns: z.object(CACHE_COLUMNS),
    skipped: catalogueSchema.shape.skipped,
    diagnostics: catalogueSchema.shape.diagnostics,
    removedSecrets: catalogueSchema.shape.removedSecrets,
  })
  .check(
    z.refine((c) => CACHE_COLUMN_NAMES.every((k) => c.columns[k].length === c.count), { message: 'columns of different lengths' }),
    z.refine((c) => c.columns.accountId.every((id, i) => id !== null || c.columns.accountAlias[i] !== null), { message: 'an entry needs accountId or accountAlias' }),
  );

export const catalogueCacheSchema = z.object({
  v: z.literal(CACHE_VERSION),
  /** Checksum of the config text this catalogue was built from. */
  sum: z.string(),
  /** Extension version that built it: an update may import differently, so it rebuilds. */
  builtBy: z.string(),
  /** The columnar catalogue: JSON, deflate-raw compressed, base-85 (one string: cheap to store and read back). */
  data: z.string(),
});
export type CatalogueCache = z.infer<typeof catalogueCacheSchema>;

/**
 * The cache record for `catalogue`. Entries are stored in the popup's display order (apps,
 * then environments in the fixed order), so the popup's grouping pass runs on sorted input.
 */
export async function encodeCatalogueCache(catalogue: Catalogue, sum: string, builtBy: string): Promise<CatalogueCache> {
  const entries = orderForDisplay(catalogue.entries);
  const columns = Object.fromEntries(CACHE_COLUMN_NAMES.map((k) => [k, new Array(entries.length)])) as Record<string, unknown[]>;
  entries.forEach((entry, i) => {
    for (const k of CACHE_COLUMN_NAMES) columns[k]![i] = (entry as unknown as Record<string, unknown>)[k] ?? null;
  });
  const json = JSON.stringify({ count: entries.length, columns, skipped: catalogue.skipped, diagnostics: catalogue.diagnostics, removedSecrets: catalogue.removedSecrets });
  // Compressed: a 5,000-role catalogue is ~1.6 MB of JSON but ~0.1 MB deflated, and reading
  // storage costs by the byte.
  return { v: CACHE_VERSION, sum, builtBy, data: base85Encode(await compressText(json)) };
}

/** The cached catalogue, or null when the record is missing, from another version or damaged. */
export async function decodeCatalogueCache(raw: unknown): Promise<{ sum: string; builtBy: string; catalogue: Catalogue } | null> {
  const record = catalogueCacheSchema.safeParse(raw);
  if (!record.success) return null;
  let json: unknown;
  try {
    json = JSON.parse(await decompressText(base85Decode(record.data.data)));
  } catch {
    return null;
  }
  const parsed = cachedCatalogueSchema.safeParse(json);
  if (!parsed.success) return null;
  const { count, columns: c } = parsed.data;
  const entries: CatalogueEntry[] = new Array(count);
  const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  // One object literal per entry: every entry gets the same hidden class, which keeps 5,000
  // of them cheap to build and to read. Absent optional fields are `undefined`.
  for (let i = 0; i < count; i++) {
    entries[i] = {
      profile: c.profile[i]!,
      kind: c.kind[i]!,
      accountId: opt(c.accountId[i]!),
      accountAlias: opt(c.accountAlias[i]!),
      roleName: c.roleName[i]!,
      partition: c.partition[i]!,
      region: opt(c.region[i]!),
      app: c.app[i]!,
      env: c.env[i]!,
      envLabel: c.envLabel[i]!,
      isProduction: c.isProduction[i]!,
      color: c.color[i]!,
      url: c.url[i]!,
      displayName: c.displayName[i]!,
      sourceProfile: opt(c.sourceProfile[i]!),
      ssoStartUrl: opt(c.ssoStartUrl[i]!),
      ssoRegion: opt(c.ssoRegion[i]!),
      notes: opt(c.notes[i]!),
      line: c.line[i]!,
    };
  }
  return {
    sum: record.data.sum,
    builtBy: record.data.builtBy,
    catalogue: { entries, skipped: parsed.data.skipped, diagnostics: parsed.data.diagnostics, removedSecrets: parsed.data.removedSecrets },
  };
}

// The catalogue head (storage.local): just enough for the popup's first screen, so the first
// paint does not wait for the whole catalogue: the first HEAD_SIZE entries in display order,
// the pinned and recent entries, every app's full count and the total. The full catalogue
// replaces it a few milliseconds later.

export const HEAD_SIZE = 40;

export const catalogueHeadSchema = z.object({
  v: z.literal(CACHE_VERSION),
  sum: z.string(),
  builtBy: z.string(),
  /** Entries in the whole catalogue. */
  count: z.int().check(z.minimum(0)),
  /** The first entries in display order. */
  first: z.array(catalogueEntrySchema).check(z.maxLength(HEAD_SIZE)),
  /** Pinned and recent entries (by profile), wherever they are in the catalogue. */
  extra: z.array(catalogueEntrySchema).check(z.maxLength(200)),
  /** Lower-cased app → number of entries, for the apps in `first`. */
  appCounts: z.record(z.string(), z.int().check(z.minimum(0))),
});
export type CatalogueHead = z.infer<typeof catalogueHeadSchema>;

/** Builds the head from entries in display order. */
export function catalogueHead(ordered: readonly CatalogueEntry[], sum: string, builtBy: string, extraProfiles: readonly string[]): CatalogueHead {
  const first = ordered.slice(0, HEAD_SIZE);
  const inFirst = new Set(first.map((e) => e.profile));
  const wanted = new Set(extraProfiles.filter((p) => !inFirst.has(p)));
  const extra = wanted.size > 0 ? ordered.filter((e) => wanted.has(e.profile)).slice(0, 200) : [];
  const apps = new Set(first.map((e) => e.app.toLowerCase()));
  const appCounts: Record<string, number> = {};
  for (const e of ordered) {
    const key = e.app.toLowerCase();
    if (apps.has(key)) appCounts[key] = (appCounts[key] ?? 0) + 1;
  }
  // JSON round trip: absent optional fields must not be stored as explicit undefined.
  return JSON.parse(JSON.stringify({ v: CACHE_VERSION, sum, builtBy, count: ordered.length, first, extra, appCounts }));
}


export const RECENT_LIMIT = 5;
export const recentSchema = z.array(z.string()).check(z.maxLength(50));

/** Most recent first, no duplicates, at most RECENT_LIMIT. */
export function pushRecent(recent: readonly string[], profile: string): string[] {
  return [profile, ...recent.filter((p) => p !== profile)].slice(0, RECENT_LIMIT);
}
