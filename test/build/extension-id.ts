// Chrome's extension id: the first 128 bits of SHA-256 of the manifest `key` (the public key,
// DER, base64), written in hex with the digits 0-f spelt a-p.
import crypto from 'node:crypto';

export function extensionIdOf(publicKeyBase64: string): string {
  const hex = crypto.createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(0x61 + parseInt(digit, 16))).join('');
}

/** The id of every build made from this repository's manifest (docs/administrators.md). */
export const EXTENSION_ID = 'jklpcllmafckmniodlbljdfdlfmlljoi';
