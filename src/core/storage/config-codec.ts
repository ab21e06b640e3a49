// The config text as stored: deflate-raw compressed, in a JSON-safe base-85 alphabet, with a
// checksum. Every failure (corrupt data, wrong checksum) is a CodecError with a sentence for the
// user. Pure (the compression streams are web-platform globals: browsers and Node 20 have them).

/** Bumped when the layout changes; readers refuse (with a message) what they do not know. */
export const CODEC_VERSION = 1;

/** Refuse to inflate anything larger than this: corrupted or hostile data must not exhaust memory. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

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
