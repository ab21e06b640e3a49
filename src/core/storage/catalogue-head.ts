// The catalogue head (storage.local): just enough for the popup's first screen, so the first
// paint does not wait for the whole catalogue: the first HEAD_SIZE entries in display order,
// the pinned and recent entries, every app's full count and the total. The full catalogue
// replaces it a few milliseconds later.
import * as z from '../zod';
import { catalogueEntrySchema } from '../catalogue/schemas';
import type { CatalogueEntry } from '../types';
import { CACHE_VERSION } from './catalogue-cache';

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
