import { buildFilterIndex, filterIndex, IncrementalFilter, tokenize, type FilterableEntry } from './fuzzy-filter';

function entry(profile: string, extra: Partial<FilterableEntry> = {}): FilterableEntry {
  return { profile, app: profile.split('-')[0]!, env: 'development', envLabel: 'dev', accountId: '123456789012', roleName: 'Admin', ...extra };
}

const entries: FilterableEntry[] = [
  entry('alfie-development', { roleName: 'AlfieFullAccess', accountId: '345678901234' }),
  entry('alfie-qa', { env: 'test', envLabel: 'qa', roleName: 'AlfieDeployment', accountId: '234567890123' }),
  entry('alfie-production', { env: 'production', envLabel: 'production', roleName: 'AlfieReadOnly', accountId: '123456789012' }),
  entry('payments-prod', { env: 'production', envLabel: 'prod', roleName: 'ReadOnly', accountId: '999988887777', accountAlias: 'acme-payments' }),
  entry('ledger-staging', { env: 'staging', envLabel: 'staging', roleName: 'ops/Deployer', accountId: '111122223333' }),
];
const index = buildFilterIndex(entries);
const profiles = (q: string) => filterIndex(index, q).map((m) => entries[m.index]!.profile);

test('an empty query keeps everything in catalogue order', () => {
  expect(profiles('')).toEqual(entries.map((e) => e.profile));
  expect(profiles('   ')).toEqual(entries.map((e) => e.profile));
});

test('every token must match; the best match comes first', () => {
  expect(profiles('alfie prod')).toEqual(['alfie-production']);
  expect(profiles('prod')).toEqual(expect.arrayContaining(['payments-prod', 'alfie-production']));
  expect(profiles('prod')).not.toContain('alfie-qa');
});

test('matches account IDs (also typed with dashes), aliases, role names and env labels', () => {
  // alfie-qa's ID starts with it (ranked first); alfie-production's contains it
  expect(profiles('2345678901')).toEqual(['alfie-qa', 'alfie-production']);
  expect(profiles('9999-8888-7777')).toEqual(['payments-prod']);
  expect(profiles('acme-pay')).toEqual(['payments-prod']);
  expect(profiles('deployer')).toEqual(['ledger-staging']);
  expect(profiles('qa')).toEqual(['alfie-qa']);
});

test('fuzzy: a subsequence within one field matches, across fields does not', () => {
  expect(profiles('alfprd')).toEqual(['alfie-production']);
  expect(profiles('ldgstg')).toEqual(['ledger-staging']);
  // "zq" occurs nowhere, in any order
  expect(profiles('zq')).toEqual([]);
  // 'y' only in "payments" / "deployment"/"deployer"; "ya" would need to span fields for ledger
  expect(profiles('ledgerdeployer')).toEqual([]);
});

test('is case-insensitive and prefers matches at the start of a name', () => {
  expect(profiles('ALFIE')).toHaveLength(3);
  const ranked = profiles('pay');
  expect(ranked[0]).toBe('payments-prod');
});

test('tokens: dashes kept, account IDs normalised', () => {
  expect(tokenize('  Alfie  PROD ')).toEqual(['alfie', 'prod']);
  expect(tokenize('1234-5678-9012')).toEqual(['123456789012']);
});

test('incremental narrowing gives the same answer as a fresh search', () => {
  const many: FilterableEntry[] = [];
  const apps = ['alpha', 'beta', 'gamma', 'delta', 'omega'];
  for (let i = 0; i < 2000; i++) {
    many.push(entry(`${apps[i % 5]}-${['dev', 'qa', 'prod'][i % 3]}-${i}`, { accountId: String(100000000000 + i * 37), roleName: `Role${i % 7}` }));
  }
  const incremental = new IncrementalFilter(many);
  const fresh = buildFilterIndex(many);
  const typed = 'alpha prod 1';
  for (let n = 0; n <= typed.length; n++) {
    const q = typed.slice(0, n);
    expect(incremental.filter(q)).toEqual(filterIndex(fresh, q));
  }
  // Deleting characters widens again.
  expect(incremental.filter('alp')).toEqual(filterIndex(fresh, 'alp'));
  expect(incremental.filter('')).toHaveLength(2000);
});

test('warm() builds the index ahead and changes no result', () => {
  const many: FilterableEntry[] = [];
  for (let i = 0; i < 500; i++) many.push(entry(`app${i % 20}-${['dev', 'prod'][i % 2]}-${i}`, { accountId: String(100000000000 + i) }));
  const warmed = new IncrementalFilter(many);
  warmed.warm();
  const cold = new IncrementalFilter(many);
  for (const q of ['app', 'app1 prod', 'dev', 'p', '']) expect(warmed.filter(q)).toEqual(cold.filter(q));
  expect(warmed.filter('app1 prod')).toEqual(filterIndex(buildFilterIndex(many), 'app1 prod'));
  expect(() => new IncrementalFilter([]).warm()).not.toThrow();
});

test('5,000 entries per keystroke stay well within a frame in Node', () => {
  const many: FilterableEntry[] = [];
  for (let i = 0; i < 5000; i++) many.push(entry(`service${i % 250}-${['dev', 'qa', 'staging', 'prod'][i % 4]}-admin`, { accountId: String(100000000000 + i * 7919) }));
  const filter = new IncrementalFilter(many);
  const start = performance.now();
  for (const q of ['s', 'se', 'ser', 'serv', 'servi', 'servic', 'service', 'service1', 'service12', 'service12 p']) filter.filter(q);
  // Ten keystrokes; a sanity bound only (the real figure is printed by npm run bench).
  expect(performance.now() - start).toBeLessThan(500);
  expect(filter.filter('service12 p').length).toBeGreaterThan(0);
});
