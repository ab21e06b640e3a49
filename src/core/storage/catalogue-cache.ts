// The catalogue cache (storage.local): what the popup renders first, so it must load fast.
// A catalogue of 5,000 entries is 2.4 MB as objects, and validating 5,000 entry objects with
// zod (jitless, as MV3 requires) takes ~150-250 ms. Stored column by column instead (one
// array per field, as one JSON string), it is ~30% smaller, parses in a few ms, and each
// column is validated by one zod schema with a tight predicate.
import * as z from '../zod';
import { catalogueSchema } from '../catalogue/schemas';
import { orderForDisplay } from '../catalogue/grouping';
import { ENVIRONMENTS, type Catalogue, type CatalogueEntry, type EntryBase, type Environment, type Partition } from '../types';
import { base85Decode, base85Encode, compressText, decompressText } from './config-codec';

/**
 * Bumped when a cached shape changes, so old caches are rebuilt (3: each removed secret line
 * says what it held; 4: entries say whether they came from the organisation's policy; 5: their
 * console session length; 6: role entries' base account).
 */
export const CACHE_VERSION = 6;

const isString = (v: unknown): v is string => typeof v === 'string';
const column = <T>(check: (v: unknown) => boolean, what: string) =>
  z.custom<T[]>((v) => Array.isArray(v) && v.every(check), { message: `a column of ${what}` });
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);
const stringList = (v: unknown) => Array.isArray(v) && v.every(isString);
const ENV_SET = new Set<string>(ENVIRONMENTS);
/** `{accountId?, accountAlias?, from}` or `{unknown}` (catalogue/base-account.ts). */
const isBase = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const b = v as Record<string, unknown>;
  if (isString(b.unknown)) return Object.keys(b).length === 1;
  return isString(b.from) && (b.accountId === undefined || (isString(b.accountId) && /^\d{12}$/.test(b.accountId))) && (b.accountAlias === undefined || isString(b.accountAlias));
};

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
  base: column<EntryBase | null>(optional(isBase), 'base accounts'),
  ssoStartUrl: column<string | null>(optional(isString), 'SSO start URLs'),
  ssoRegion: column<string | null>(optional(isString), 'SSO regions'),
  notes: column<string[] | null>(optional(stringList), 'notes'),
  line: column<number>((v) => Number.isInteger(v) && (v as number) >= 1, 'line numbers'),
  origin: column<'organisation' | null>(optional((v) => v === 'organisation'), 'origins'),
  sessionMinutes: column<number | null>(optional((v) => Number.isInteger(v) && (v as number) >= 15 && (v as number) <= 720), 'session lengths'),
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
  /** Which organisation policy is merged into it (a checksum; absent or '' for none). */
  policy: z.optional(z.string()),
});
export type CatalogueCache = z.infer<typeof catalogueCacheSchema>;

/**
 * The cache record for `catalogue`. Entries are stored in the popup's display order (apps,
 * then environments in the fixed order), so the popup's grouping pass runs on sorted input.
 */
export async function encodeCatalogueCache(catalogue: Catalogue, sum: string, builtBy: string, policy = ''): Promise<CatalogueCache> {
  const entries = orderForDisplay(catalogue.entries);
  const columns = Object.fromEntries(CACHE_COLUMN_NAMES.map((k) => [k, new Array(entries.length)])) as Record<string, unknown[]>;
  entries.forEach((entry, i) => {
    for (const k of CACHE_COLUMN_NAMES) columns[k]![i] = (entry as unknown as Record<string, unknown>)[k] ?? null;
  });
  const json = JSON.stringify({ count: entries.length, columns, skipped: catalogue.skipped, diagnostics: catalogue.diagnostics, removedSecrets: catalogue.removedSecrets });
  // Compressed: a 5,000-role catalogue is ~1.6 MB of JSON but ~0.1 MB deflated, and reading
  // storage costs by the byte.
  const record: CatalogueCache = { v: CACHE_VERSION, sum, builtBy, data: base85Encode(await compressText(json)) };
  if (policy) record.policy = policy;
  return record;
}

/** The cached catalogue, or null when the record is missing, from another version or damaged. */
export async function decodeCatalogueCache(raw: unknown): Promise<{ sum: string; builtBy: string; policy?: string; catalogue: Catalogue } | null> {
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
      base: opt(c.base[i]!),
      ssoStartUrl: opt(c.ssoStartUrl[i]!),
      ssoRegion: opt(c.ssoRegion[i]!),
      notes: opt(c.notes[i]!),
      line: c.line[i]!,
      origin: opt(c.origin[i]!),
      sessionMinutes: opt(c.sessionMinutes[i]!),
    };
  }
  return {
    sum: record.data.sum,
    builtBy: record.data.builtBy,
    ...(record.data.policy ? { policy: record.data.policy } : {}),
    catalogue: { entries, skipped: parsed.data.skipped, diagnostics: parsed.data.diagnostics, removedSecrets: parsed.data.removedSecrets },
  };
}
