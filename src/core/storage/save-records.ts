// The records one config save writes, built from the text and its catalogue: the compressed
// text with its checksum, the catalogue cache and the popup's first screen (head). Pure and
// without browser APIs, so the import page's worker builds them off the page's main thread.
import { orderForDisplay } from '../catalogue/grouping';
import { problemSkips } from '../catalogue/prepare-import';
import { encodeCatalogueCache, type CatalogueCache } from './catalogue-cache';
import { catalogueHead, type CatalogueHead } from './catalogue-head';
import { decodeConfig, encodeConfig, type EncodedConfig } from './config-codec';
import type { Catalogue } from '../types';

export interface SaveRecords {
  encoded: EncodedConfig;
  cache: CatalogueCache;
  head: CatalogueHead;
  counts: { roles: number; skipped: number };
}

/**
 * `builtBy`: the extension version; `pinned`: pinned and recent profiles, which the head carries.
 * The encoding is read back before anything can be saved with it: a text that does not come
 * back exactly is never stored. Nor is a text in which the importer still finds a secret.
 */
export async function prepareSaveRecords(text: string, catalogue: Catalogue, builtBy: string, pinned: readonly string[]): Promise<SaveRecords> {
  // The catalogue is built from the text to store, and the importer strips what it reads too:
  // if it still found a secret, the text is not safe to store ("removed before saving" would be false).
  if (catalogue.removedSecrets.length > 0) throw new Error('a secret could not be removed from the config, so it was not saved. Please report this.');
  const encoded = await encodeConfig(text);
  if ((await decodeConfig(encoded.data, encoded.sum)) !== text) throw new Error('the config could not be encoded for storage');
  const [cache, head] = [await encodeCatalogueCache(catalogue, encoded.sum, builtBy), catalogueHead(orderForDisplay(catalogue.entries), encoded.sum, builtBy, pinned)];
  return { encoded, cache, head, counts: { roles: catalogue.entries.length, skipped: problemSkips(catalogue.skipped).length } };
}
