import {
  base85Decode,
  base85Encode,
  bytesOutsideConfig,
  checksumText,
  chunkKey,
  CODEC_VERSION,
  decodeConfig,
  encodeConfig,
  generationOf,
  itemBytes,
  localOnlyPointer,
  newGeneration,
  planSyncWrite,
  POINTER_KEY,
  readSyncSnapshot,
  splitIntoChunks,
  staleChunkKeys,
  SYNC_QUOTA,
  utf8Length,
  CodecError,
  CACHE_COLUMN_NAMES,
  catalogueHead,
  catalogueHeadSchema,
  HEAD_SIZE,
  compressText,
  decompressText,
  decodeCatalogueCache,
  encodeCatalogueCache,
  parseStoredSettings,
  pushRecent,
} from '.';
import { orderForDisplay } from '../catalogue/grouping';
import { catalogueEntrySchema, catalogueSchema, type Catalogue, type CatalogueEntry } from '..';

function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = s >> 16;
  }
  return out;
}

function roleConfig(profiles: number): string {
  let text = '[default]\nregion = us-east-1\n';
  for (let i = 0; i < profiles; i++) {
    const account = String(100000000000 + Math.floor(i / 5) * 7919).padStart(12, '0');
    text += `[profile app${Math.floor(i / 20)}-${['dev', 'test', 'staging', 'prod'][i % 4]}-r${i % 5}]\nrole_arn = arn:aws:iam::${account}:role/Role${i % 5}\nsource_profile = default\n`;
  }
  return text;
}

describe('base-85', () => {
  test.each([0, 1, 2, 3, 4, 5, 7, 8, 63, 1000, 4097])('round-trips %i bytes', (n) => {
    const input = bytes(n, n + 3);
    const encoded = base85Encode(input);
    expect(encoded.length).toBe(Math.floor(n / 4) * 5 + (n % 4 ? (n % 4) + 1 : 0));
    expect(Array.from(base85Decode(encoded))).toEqual(Array.from(input));
  });

  test('round-trips all-0xff and all-zero data', () => {
    for (const fill of [0, 0xff]) {
      for (const n of [1, 2, 3, 4, 9]) {
        const input = new Uint8Array(n).fill(fill);
        expect(Array.from(base85Decode(base85Encode(input)))).toEqual(Array.from(input));
      }
    }
  });

  test('uses no character that JSON escapes or that costs more than one byte', () => {
    const encoded = base85Encode(bytes(20000));
    expect(JSON.stringify(encoded).length).toBe(encoded.length + 2);
    expect(encoded).not.toMatch(/["\\<>&'`\s]/);
    expect(utf8Length(encoded)).toBe(encoded.length);
  });

  test('rejects characters outside the alphabet and impossible lengths', () => {
    expect(() => base85Decode('abc"e')).toThrow(/invalid character/);
    expect(() => base85Decode('abcdef')).toThrow(/impossible length/);
    expect(() => base85Decode('}}}}}')).toThrow(/out of range/);
  });
});

describe('quota accounting', () => {
  test('counts the key, the JSON quotes and UTF-8 bytes', () => {
    expect(itemBytes('k', 'abc')).toBe(1 + 5);
    expect(itemBytes('k', 'é')).toBe(1 + 4);
    expect(itemBytes('k', '😀')).toBe(1 + 6);
    expect(itemBytes('key', { a: 1 })).toBe(3 + 7);
    // Chromium writes '<' as \u003C
    expect(itemBytes('k', '<')).toBe(1 + 8);
  });

  test('chunks never exceed the per-item quota and join back to the data', () => {
    const data = base85Encode(bytes(50000));
    const chunks = splitIntoChunks(data, 'gen1');
    for (const [key, value] of Object.entries(chunks)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.perItemBytes);
    // Full chunks use the item exactly: nothing wasted.
    expect(itemBytes(chunkKey('gen1', 0), chunks[chunkKey('gen1', 0)])).toBe(SYNC_QUOTA.perItemBytes);
    expect(Object.values(chunks).join('')).toBe(data);
    expect(Object.keys(chunks)).toEqual(Object.keys(chunks).map((_, i) => chunkKey('gen1', i)));
  });

  test('an empty config is one empty chunk', () => {
    expect(splitIntoChunks('', 'g')).toEqual({ [chunkKey('g', 0)]: '' });
  });
});

describe('encode / decode', () => {
  test('round-trips text with every kind of character and verifies the checksum', async () => {
    const text = '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/x\n# ünïcödé 😀 <script> "quotes" \\ \r\n'.repeat(50);
    const encoded = await encodeConfig(text);
    expect(encoded.sum).toMatch(/^[0-9a-f]{16}$/);
    expect(encoded.compressedBytes).toBeLessThan(encoded.textBytes / 5);
    expect(await decodeConfig(encoded.data, encoded.sum)).toBe(text);
  });

  test('a wrong checksum, a flipped character or a truncated payload is refused with a reason', async () => {
    const encoded = await encodeConfig(roleConfig(200));
    await expect(decodeConfig(encoded.data, '0000000000000000')).rejects.toMatchObject({ kind: 'checksum' });
    const flipped = encoded.data.slice(0, 100) + (encoded.data[100] === 'a' ? 'b' : 'a') + encoded.data.slice(101);
    const error = await decodeConfig(flipped, encoded.sum).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodecError);
    expect(['checksum', 'corrupt']).toContain((error as CodecError).kind);
    await expect(decodeConfig(encoded.data.slice(0, encoded.data.length - 500), encoded.sum)).rejects.toBeInstanceOf(CodecError);
    await expect(decodeConfig('not base 85 "at all"', encoded.sum)).rejects.toMatchObject({ kind: 'corrupt' });
  });

  test('checksums differ for different texts and agree for equal ones', async () => {
    expect(await checksumText('a')).toBe(await checksumText('a'));
    expect(await checksumText('a')).not.toBe(await checksumText('b'));
  });

  test('5,000 typical role profiles fit in storage.sync with room for settings', async () => {
    const encoded = await encodeConfig(roleConfig(5000));
    const plan = planSyncWrite(encoded, newGeneration(), 2000);
    expect(plan.fits).toBe(true);
    expect(plan.bytes).toBeLessThan(SYNC_QUOTA.totalBytes - 2000);
  });
});

describe('sync snapshot', () => {
  async function snapshot(text: string) {
    const encoded = await encodeConfig(text);
    const plan = planSyncWrite(encoded, 'abc123', 0, 1000);
    return { encoded, plan, all: { [POINTER_KEY]: plan.pointer, ...plan.chunks, settings: { bannerEnabled: true } } as Record<string, unknown> };
  }

  test('reads back what was planned', async () => {
    const { encoded, plan, all } = await snapshot(roleConfig(3000));
    expect(plan.pointer.n).toBeGreaterThan(1);
    const read = readSyncSnapshot(all);
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(read.data).toBe(encoded.data);
    expect(await decodeConfig(read.data, read.pointer.sum)).toBe(roleConfig(3000));
  });

  test('nothing stored is empty, not an error', () => {
    expect(readSyncSnapshot({})).toEqual({ status: 'empty' });
  });

  test('a missing chunk is reported with its number', async () => {
    const { all, plan } = await snapshot(roleConfig(3000));
    delete all[chunkKey('abc123', 1)];
    const read = readSyncSnapshot(all);
    expect(read).toMatchObject({ status: 'problem', kind: 'missing-chunk' });
    if (read.status === 'problem') expect(read.message).toContain(`part 2 of ${plan.pointer.n} is missing`);
  });

  test('a chunk that is not a string is garbage', async () => {
    const { all } = await snapshot(roleConfig(100));
    all[chunkKey('abc123', 0)] = { evil: true };
    expect(readSyncSnapshot(all)).toMatchObject({ status: 'problem', kind: 'garbage' });
  });

  test('a pointer from an older format or plain garbage is refused with a message', () => {
    for (const bad of ['hello', 42, null, { v: 0, text: '[profile a]' }, { v: 1, gen: 'UPPER', n: 1 }, []]) {
      const read = readSyncSnapshot({ [POINTER_KEY]: bad });
      expect(read).toMatchObject({ status: 'problem', kind: 'garbage' });
      if (read.status === 'problem') expect(read.message).toMatch(/not in a format this version understands/);
    }
  });

  test('a pointer from a newer version asks to update', () => {
    expect(readSyncSnapshot({ [POINTER_KEY]: { v: CODEC_VERSION + 1 } })).toMatchObject({ status: 'problem', kind: 'version' });
  });

  test('a local-only pointer is recognised', async () => {
    const encoded = await encodeConfig('x');
    expect(readSyncSnapshot({ [POINTER_KEY]: localOnlyPointer(encoded, 'g1') })).toMatchObject({ status: 'local-only' });
  });

  test('stale chunks of other generations are found; settings are not chunks', async () => {
    const { all } = await snapshot(roleConfig(100));
    all[chunkKey('old1', 0)] = 'x';
    all[chunkKey('old1', 1)] = 'y';
    expect(staleChunkKeys(all, ['abc123']).sort()).toEqual([chunkKey('old1', 0), chunkKey('old1', 1)]);
    expect(bytesOutsideConfig(all)).toEqual({ bytes: itemBytes('settings', { bannerEnabled: true }), items: 1 });
  });

  test('generation ids are short, lower-case and parse back from keys', () => {
    const gen = newGeneration(1700000000000, () => 0.5);
    expect(gen).toMatch(/^[0-9a-z]{8}$/);
    expect(generationOf(chunkKey(gen, 12))).toBe(gen);
    expect(generationOf('settings')).toBeNull();
  });

  test('a config too big for sync does not fit', async () => {
    const random = new Uint8Array(150000);
    for (let i = 0; i < random.length; i += 65536) crypto.getRandomValues(random.subarray(i, i + 65536));
    const encoded = await encodeConfig(Array.from(random, (b) => String.fromCharCode(33 + (b % 90))).join(''));
    expect(planSyncWrite(encoded, 'g', 0).fits).toBe(false);
  });
});

describe('catalogue cache', () => {
  const entry = (i: number, extra: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
    profile: `app${i}-prod`,
    kind: 'role',
    accountId: String(100000000000 + i),
    roleName: 'team/Admin',
    partition: 'aws',
    app: `app${i}`,
    env: 'production',
    envLabel: 'prod',
    isProduction: true,
    color: '#d13212',
    url: `https://signin.aws.amazon.com/switchrole?account=${100000000000 + i}&roleName=Admin`,
    displayName: `app${i}-prod`,
    line: i + 1,
    ...extra,
  });
  const catalogue: Catalogue = {
    entries: [
      entry(1),
      entry(2, { accountId: undefined, accountAlias: 'acme-prod', region: 'eu-west-1', sourceProfile: ['base', 'default'], notes: ['bare section'] }),
      entry(3, { kind: 'sso', ssoStartUrl: 'https://d-1.awsapps.com/start', ssoRegion: 'eu-west-1', env: 'sandbox', isProduction: false, partition: 'aws-cn' }),
    ],
    skipped: [{ profile: 'keys-only', reason: 'static keys only', line: 40 }],
    diagnostics: [{ line: 3, severity: 'warning', message: 'x' }],
    removedSecrets: [],
  };

  test('round-trips every field, absent optional fields stay absent, and the result passes the full catalogue schema', async () => {
    const decoded = await decodeCatalogueCache(await encodeCatalogueCache(catalogue, 'abc', '1.0'));
    // Entries come back in display order (apps alphabetical), which here is the config order.
    expect(decoded).toEqual({ sum: 'abc', builtBy: '1.0', catalogue });
    expect(catalogueSchema.safeParse(decoded!.catalogue).success).toBe(true);
    expect(decoded!.catalogue.entries[0]!.accountAlias).toBeUndefined();
    // Every column is put back on the entry.
    expect(Object.keys(decoded!.catalogue.entries[0]!).sort()).toEqual([...CACHE_COLUMN_NAMES].sort());
    // Absent fields stay absent in JSON (what storage and messages carry).
    expect(JSON.parse(JSON.stringify(decoded!.catalogue))).toEqual(catalogue);
  });

  test('stores entries in the popup display order', async () => {
    const shuffled = { ...catalogue, entries: [catalogue.entries[2]!, catalogue.entries[0]!, catalogue.entries[1]!] };
    const decoded = await decodeCatalogueCache(await encodeCatalogueCache(shuffled, 'abc', '1.0'));
    expect(decoded!.catalogue.entries.map((e) => e.profile)).toEqual(['app1-prod', 'app2-prod', 'app3-prod']);
  });

  test('has a column for every catalogue entry field (add one when the entry schema grows)', () => {
    expect([...CACHE_COLUMN_NAMES].sort()).toEqual(Object.keys(catalogueEntrySchema.shape).sort());
  });

  test('refuses damaged, foreign or older records', async () => {
    const good = await encodeCatalogueCache(catalogue, 'abc', '1.0');
    const json = await decompressText(base85Decode(good.data));
    const tamper = async (fn: (data: { count: number; columns: Record<string, unknown[]> }) => void) => {
      const data = JSON.parse(json);
      fn(data);
      return { ...good, data: base85Encode(await compressText(JSON.stringify(data))) };
    };
    expect(await decodeCatalogueCache(undefined)).toBeNull();
    expect(await decodeCatalogueCache({ v: 1, sum: 'abc', builtBy: '1', catalogue })).toBeNull();
    expect(await decodeCatalogueCache({ ...good, data: 'not base 85 "' })).toBeNull();
    expect(await decodeCatalogueCache({ ...good, data: base85Encode(await compressText('{not json')) })).toBeNull();
    expect(await decodeCatalogueCache(await tamper((d) => (d.columns.accountId![0] = '123')))).toBeNull();
    expect(await decodeCatalogueCache(await tamper((d) => (d.columns.color![1] = 'red')))).toBeNull();
    expect(await decodeCatalogueCache(await tamper((d) => (d.columns.env![1] = 'prod')))).toBeNull();
    expect(await decodeCatalogueCache(await tamper((d) => (d.columns.url![1] = 'javascript:alert(1)')))).toBeNull();
    expect(await decodeCatalogueCache(await tamper((d) => d.columns.profile!.pop()))).toBeNull();
    expect(
      await decodeCatalogueCache(
        await tamper((d) => {
          d.columns.accountAlias![0] = null;
          d.columns.accountId![0] = null;
        }),
      ),
    ).toBeNull();
    expect(await decodeCatalogueCache(await tamper((d) => delete d.columns.line))).toBeNull();
    // The untampered record still decodes (the tamper helper itself is sound).
    expect(await decodeCatalogueCache(await tamper(() => {}))).not.toBeNull();
  });

  test('5,000 entries: a small record that decodes to the same entries (its speed: npm run bench -- popup)', async () => {
    const big: Catalogue = { ...catalogue, entries: Array.from({ length: 5000 }, (_, i) => entry(i, i % 3 ? {} : { region: 'us-east-1', sourceProfile: ['default'] })) };
    const cached = await encodeCatalogueCache(big, 's', 'v');
    expect(cached.data.length).toBeLessThan(JSON.stringify(big).length / 5);
    const decoded = await decodeCatalogueCache(cached);
    expect(decoded!.catalogue.entries).toHaveLength(5000);
    expect(decoded!.catalogue.entries.find((e) => e.profile === 'app4999-prod')).toEqual(big.entries[4999]);
  });
});

describe('catalogue head', () => {
  const mk = (app: string, env: 'development' | 'production', i: number): CatalogueEntry => ({
    profile: `${app}-${env}-${i}`,
    kind: 'role',
    accountId: String(100000000000 + i),
    roleName: 'Admin',
    partition: 'aws',
    app,
    env,
    envLabel: env,
    isProduction: env === 'production',
    color: '#d13212',
    url: 'https://signin.aws.amazon.com/switchrole?account=1',
    displayName: 'x',
    line: i + 1,
  });

  test('holds the first screen, pinned/recent entries from further down, and full app counts', () => {
    const ordered = [...Array.from({ length: 30 }, (_, i) => mk('alpha', 'development', i)), ...Array.from({ length: 30 }, (_, i) => mk('beta', 'production', 100 + i))];
    const head = catalogueHead(ordered, 'sum', 'v1', ['beta-production-129', 'alpha-development-0', 'gone']);
    expect(head.count).toBe(60);
    expect(head.first.map((e) => e.profile)).toEqual(ordered.slice(0, HEAD_SIZE).map((e) => e.profile));
    expect(head.extra.map((e) => e.profile)).toEqual(['beta-production-129']);
    expect(head.appCounts).toEqual({ alpha: 30, beta: 30 });
    expect(catalogueHeadSchema.safeParse(head).success).toBe(true);
    expect(JSON.stringify(head).length).toBeLessThan(20000);
  });

  test('orderForDisplay groups apps and environments like the popup', () => {
    const entries = [mk('beta', 'production', 1), mk('alpha', 'production', 2), mk('alpha', 'development', 3)];
    expect(orderForDisplay(entries).map((e) => e.profile)).toEqual(['alpha-development-3', 'alpha-production-2', 'beta-production-1']);
  });
});

describe('settings and recent', () => {
  test('valid settings read back as they are; absent settings are the defaults', () => {
    expect(parseStoredSettings(undefined).settings.bannerEnabled).toBe(true);
    const good = { bannerEnabled: false, bannerPosition: 'bottom', titlePrefix: false, autoSubmitSwitchForm: false, favourites: ['a'], otherTabSwitch: 'this-tab', density: 'comfortable', listOrder: 'config', collapsedApps: ['billing'], sessionMinutes: 90, onlyReachable: true };
    expect(parseStoredSettings(good)).toEqual({ settings: good });
    // Settings written before the reach filter existed read with it off (issue 15 §2).
    expect(parseStoredSettings({ bannerEnabled: true }).settings.onlyReachable).toBe(false);
  });

  test('a switch from a page that is not the console opens a new tab unless the user said otherwise; a bad value is named', () => {
    expect(parseStoredSettings(undefined).settings.otherTabSwitch).toBe('new-tab');
    // Settings written before the field existed read as the safe default.
    expect(parseStoredSettings({ bannerEnabled: true }).settings.otherTabSwitch).toBe('new-tab');
    const read = parseStoredSettings({ otherTabSwitch: 'replace-page', favourites: ['x'] });
    expect(read.settings).toMatchObject({ otherTabSwitch: 'new-tab', favourites: ['x'] });
    expect(read.problem).toContain('otherTabSwitch');
  });

  test('one bad field falls back alone and is named; garbage gives defaults with a message', () => {
    const read = parseStoredSettings({ bannerEnabled: 'yes', favourites: ['keep-me'], bannerPosition: 'bottom' });
    expect(read.settings.favourites).toEqual(['keep-me']);
    expect(read.settings.bannerPosition).toBe('bottom');
    expect(read.settings.bannerEnabled).toBe(true);
    expect(read.problem).toContain('bannerEnabled');
    for (const garbage of ['x', 42, null, [1]]) {
      const r = parseStoredSettings(garbage);
      expect(r.settings.favourites).toEqual([]);
      expect(r.problem).toMatch(/could not be read/);
    }
  });

  test('a record that cannot be fully read never turns the switch form auto-submit on', () => {
    // Its default is on; the damaged value may have been the user's "off".
    expect(parseStoredSettings({ autoSubmitSwitchForm: 'no', bannerPosition: 'bottom' }).settings.autoSubmitSwitchForm).toBe(false);
    expect(parseStoredSettings({ bannerEnabled: 'yes' }).settings.autoSubmitSwitchForm).toBe(false);
    for (const garbage of ['x', 42, null, [1]]) expect(parseStoredSettings(garbage).settings.autoSubmitSwitchForm).toBe(false);
    // A readable choice is kept, and a fresh install has the default.
    expect(parseStoredSettings({ autoSubmitSwitchForm: true, bannerEnabled: 'yes' }).settings.autoSubmitSwitchForm).toBe(true);
    expect(parseStoredSettings(undefined).settings.autoSubmitSwitchForm).toBe(true);
  });

  test('recent roles: most recent first, unique, at most five', () => {
    let recent: string[] = [];
    for (const p of ['a', 'b', 'c', 'a', 'd', 'e', 'f']) recent = pushRecent(recent, p);
    expect(recent).toEqual(['f', 'e', 'd', 'a', 'c']);
  });
});
