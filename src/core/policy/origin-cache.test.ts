// The origin mark survives the popup's catalogue cache (one more column: CACHE_VERSION 4) and
// the catalogue schema, so a merged catalogue can be cached and read back as it is.
import { catalogueSchema } from '../catalogue/schemas';
import { importConfig } from '../catalogue/import-config';
import { decodeCatalogueCache, encodeCatalogueCache } from '../storage/catalogue-cache';
import { mergeCatalogues } from './merge-catalogues';
import { parsePolicy } from './policy-values';

test("a merged catalogue round-trips through the cache with each entry's origin", async () => {
  const policy = parsePolicy({ config: '[profile shop-dev]\nrole_arn = arn:aws:iam::111111111111:role/Admin\n' });
  const mine = importConfig('[profile zoo-dev]\nrole_arn = arn:aws:iam::222222222222:role/Admin\n');
  const catalogue = { ...mine, entries: mergeCatalogues(policy, mine.entries).entries };
  const decoded = await decodeCatalogueCache(await encodeCatalogueCache(catalogue, 'sum', '1.0'));
  expect(decoded!.catalogue.entries.map((e) => [e.profile, e.origin])).toEqual([
    ['shop-dev', 'organisation'],
    ['zoo-dev', undefined],
  ]);
  expect(JSON.parse(JSON.stringify(decoded!.catalogue))).toEqual(catalogue);
  expect(catalogueSchema.safeParse(decoded!.catalogue).success).toBe(true);
});

test('the schema refuses an origin it does not know', () => {
  const [entry] = importConfig('[profile a]\nrole_arn = arn:aws:iam::111111111111:role/Admin\n').entries;
  const catalogue = { entries: [{ ...entry, origin: 'somewhere' }], skipped: [], diagnostics: [], removedSecrets: [] };
  expect(catalogueSchema.safeParse(catalogue).success).toBe(false);
});
