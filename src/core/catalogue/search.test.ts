import fc from 'fast-check';
import { ENVIRONMENTS, type Environment, type Partition } from '../types';
import { ENV_SYNONYMS } from './environments';
import { orderForDisplay } from './grouping';
import { importConfig } from './import-config';
import { IncrementalFilter } from './fuzzy-filter';
import { buildSearchIndex, IncrementalSearch, matchTier, parseQuery, searchIndex, type SearchableEntry } from './search';
import { FIRST, fortyAccounts } from '../../../test/fixtures/forty-accounts';

// ---------------------------------------------------------------------------------------------
// A realistic catalogue: 10 apps × 4 environments = 40 accounts, 3 roles each (120 profiles),
// imported from a generated config as the popup gets it (importConfig, then display order).
// IAM roles through a source profile, two apps through IAM Identity Center, one in GovCloud,
// one in eu-west-1, aliases on the checkout accounts, and ledger-prod in account 2011-5181-7730.

const catalogue = importConfig(fortyAccounts());
const roles = orderForDisplay(catalogue.entries);
const search = new IncrementalSearch(roles);
const found = (query: string) => search.search(query).map((m) => roles[m.index]!);
const profilesFor = (query: string) => found(query).map((e) => e.profile);

test('the catalogue is what it says: 40 accounts × 3 roles, read without problems', () => {
  expect(catalogue.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(roles).toHaveLength(120);
  expect(new Set(roles.map((e) => e.accountId)).size).toBe(40);
  expect(roles.filter((e) => e.accountId?.startsWith('2011')).map((e) => e.profile)).toEqual(['ledger-prod-admin', 'ledger-prod-poweruser', 'ledger-prod-readonly']);
  expect(roles.find((e) => e.profile === 'records-prod-admin')).toMatchObject({ partition: 'aws-us-gov', region: 'us-gov-west-1' });
  expect(roles.find((e) => e.profile === 'notify-qa-readonly')).toMatchObject({ kind: 'sso', roleName: 'AWSReadOnlyAccess', env: 'test', envLabel: 'qa' });
  expect(roles.find((e) => e.profile === 'checkout-prod-admin')).toMatchObject({ accountAlias: 'acme-checkout-prod', env: 'production' });
});

describe.each(FIRST)('%s', (query, first) => {
  test(`selects ${first} first`, () => {
    expect(profilesFor(query)[0]).toBe(first);
  });
});

describe("issue 15's examples in full", () => {
  test('checkout prod ro: the readonly role first, then the other checkout production roles, nothing else', () => {
    expect(profilesFor('checkout prod ro')).toEqual(['checkout-prod-readonly', 'checkout-prod-admin', 'checkout-prod-poweruser']);
    // Why: `ro` is ReadOnly's initials there, only a substring (pROd) in the others.
    const index = search.index;
    const tier = (profile: string) => matchTier(index, roles.findIndex((e) => e.profile === profile), 'ro');
    expect([tier('checkout-prod-readonly'), tier('checkout-prod-admin')]).toEqual(['initials', 'substring']);
  });

  test('pymnts prd: payments production only, by letters in order and the production synonym', () => {
    const matches = search.search('pymnts prd');
    expect(matches.slice(0, 3).map((m) => roles[m.index]!.profile)).toEqual(['payments-prod-admin', 'payments-prod-poweruser', 'payments-prod-readonly']);
    expect(matches.every((m) => m.loose)).toBe(true);
    // The other payments roles match `prd` only by letters in order too (p…r…d), so they rank below.
    for (const m of matches.slice(3)) expect(roles[m.index]).toMatchObject({ app: 'payments' });
    expect(matches.slice(3).every((m) => roles[m.index]!.env !== 'production')).toBe(true);
  });

  test('pay prod: only the payments production roles', () => {
    expect(profilesFor('pay prod')).toEqual(['payments-prod-admin', 'payments-prod-poweruser', 'payments-prod-readonly']);
  });

  test('the account as the console shows it finds that account, typed in part or in full', () => {
    const ledger = ['ledger-prod-admin', 'ledger-prod-poweruser', 'ledger-prod-readonly'];
    for (const q of ['2011-5181', '2011-5181-7730', '201151817730', '2011-51', '2011 5181', '5181-7730', '20115181']) expect(profilesFor(q)).toEqual(ledger);
    // `2011` alone: that account first (its prefix), then accounts that only contain 2011.
    const all = found('2011');
    expect(all.slice(0, 3).map((e) => e.profile)).toEqual(ledger);
    for (const e of all) expect(e.accountId).toContain('2011');
  });

  test('ro, pu: the ReadOnly and PowerUser roles (IAM and Identity Center) before anything else', () => {
    for (const [query, suffix] of [['ro', 'readonly'], ['pu', 'poweruser']] as const) {
      const list = found(query);
      const head = list.slice(0, 40);
      expect(head.every((e) => e.profile.endsWith(`-${suffix}`))).toBe(true);
      expect(list.slice(40).some((e) => e.profile.endsWith(`-${suffix}`))).toBe(false);
      expect(head.map((e) => e.profile)).toEqual(roles.filter((e) => e.profile.endsWith(`-${suffix}`)).map((e) => e.profile));
    }
  });

  test('prd: every production role (in list order) before any other', () => {
    const list = found('prd');
    const production = roles.filter((e) => e.env === 'production');
    expect(production).toHaveLength(30);
    expect(list.slice(0, 30)).toEqual(production);
    expect(list.slice(30).every((e) => e.env !== 'production')).toBe(true);
  });
});

describe('ranking', () => {
  const tiers = (profile: string, words: string[]) => {
    const i = roles.findIndex((e) => e.profile === profile);
    return words.map((w) => matchTier(search.index, i, w));
  };

  test('each tier, on one entry', () => {
    expect(tiers('payments-prod-readonly', ['prod', 'production', 'prd', 'live', 'payments', 'pay', 'ro', 'ment', 'pymnts', 'zzz'])).toEqual([
      'exact', 'exact', 'exact', 'exact', 'exact', 'prefix', 'initials', 'substring', 'letters', undefined,
    ]);
    expect(tiers('records-prod-admin', ['govcloud', 'us-gov', 'gov', 'west', 'aws-us-gov'])).toEqual(['exact', 'exact', 'exact', 'exact', 'exact']);
    // A word of a camel-case name is a word: `only` in ReadOnly, `access` in AWSPowerUserAccess.
    expect(tiers('identity-dev-readonly', ['only', 'aws', 'access', 'aroa'])).toEqual(['exact', 'exact', 'exact', 'initials']);
    expect(tiers('ledger-prod-admin', ['2011-5181-7730', '201151817730', '2011', '5181', '20115', '1518'])).toEqual(['exact', 'exact', 'exact', 'exact', 'prefix', 'substring']);
  });

  test('letters in order are a last resort, below every better match', () => {
    const matches = search.search('rdnly');
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.loose)).toBe(true);
    // `adm` is a prefix in the admin roles: none of the loose ones (a…d…m elsewhere) comes first.
    const adm = search.search('adm');
    const firstLoose = adm.findIndex((m) => m.loose);
    expect(adm.slice(0, firstLoose === -1 ? adm.length : firstLoose).every((m) => roles[m.index]!.profile.endsWith('-admin'))).toBe(true);
    expect(adm.slice(firstLoose === -1 ? adm.length : firstLoose).every((m) => m.loose)).toBe(true);
  });

  test('an entry with a letters-only word ranks below one whose words are all mere substrings', () => {
    const entries: SearchableEntry[] = [
      // `prod` exact, `pymnts` only by its letters in order (in payments).
      { profile: 'payments-prod', app: 'payments', env: 'production', envLabel: 'prod', roleName: 'Ops' },
      // Both only substrings, but both there as typed.
      { profile: 'xprodx-xpymntsx', app: 'Other', env: 'other', envLabel: 'other', roleName: 'Ops' },
    ];
    const result = searchIndex(buildSearchIndex(entries), 'prod pymnts');
    expect(result.map((m) => [entries[m.index]!.profile, m.loose])).toEqual([
      ['xprodx-xpymntsx', false],
      ['payments-prod', true],
    ]);
  });

  test('equal matches keep the list order; reversing the list reverses them', () => {
    expect(profilesFor('readonly')).toEqual(roles.filter((e) => e.profile.endsWith('-readonly')).map((e) => e.profile));
    const reversed = [...roles].reverse();
    const back = new IncrementalSearch(reversed);
    expect(back.search('readonly').map((m) => reversed[m.index]!.profile)).toEqual([...profilesFor('readonly')].reverse());
  });

  test('a profile, an app or an environment word beats the same word in a role name', () => {
    const entries: SearchableEntry[] = [
      { profile: 'payments-prod-ops', app: 'payments', env: 'production', envLabel: 'prod', roleName: 'LedgerWriter' },
      { profile: 'ledger-prod-ops', app: 'ledger', env: 'production', envLabel: 'prod', roleName: 'Operator' },
    ];
    const index = buildSearchIndex(entries);
    expect(searchIndex(index, 'ledger').map((m) => entries[m.index]!.profile)).toEqual(['ledger-prod-ops', 'payments-prod-ops']);
  });

  test('a query equal to a profile name selects it, same case before another case', () => {
    const entries: SearchableEntry[] = [
      { profile: 'dev', app: 'Other', env: 'development', envLabel: 'dev', roleName: 'Dev' },
      { profile: 'Dev', app: 'Other', env: 'development', envLabel: 'dev', roleName: 'Dev' },
      { profile: 'my  team dev', app: 'my', env: 'development', envLabel: 'dev', roleName: 'Dev' },
      { profile: 'team dev', app: 'team', env: 'development', envLabel: 'dev', roleName: 'Dev' },
    ];
    const index = buildSearchIndex(entries);
    const first = (q: string) => entries[searchIndex(index, q)[0]!.index]!.profile;
    expect(first('dev')).toBe('dev');
    expect(first('Dev')).toBe('Dev');
    expect(first('team dev')).toBe('team dev');
    expect(first('my team dev')).toBe('my  team dev');
  });
});

// ---------------------------------------------------------------------------------------------
// The tests of the first (fuzzy) filter, kept where the issue did not change the behaviour.

function entry(profile: string, extra: Partial<SearchableEntry> = {}): SearchableEntry {
  return { profile, app: profile.split('-')[0]!, env: 'development', envLabel: 'dev', accountId: '123456789012', roleName: 'Admin', ...extra };
}

const small: SearchableEntry[] = [
  entry('alfie-development', { roleName: 'AlfieFullAccess', accountId: '345678901234' }),
  entry('alfie-qa', { env: 'test', envLabel: 'qa', roleName: 'AlfieDeployment', accountId: '234567890123' }),
  entry('alfie-production', { env: 'production', envLabel: 'production', roleName: 'AlfieReadOnly', accountId: '123456789012' }),
  entry('payments-prod', { env: 'production', envLabel: 'prod', roleName: 'ReadOnly', accountId: '999988887777', accountAlias: 'acme-payments' }),
  entry('ledger-staging', { env: 'staging', envLabel: 'staging', roleName: 'ops/Deployer', accountId: '111122223333' }),
];
const smallIndex = buildSearchIndex(small);
const profiles = (q: string) => searchIndex(smallIndex, q).map((m) => small[m.index]!.profile);

test('an empty query keeps everything in catalogue order', () => {
  expect(profiles('')).toEqual(small.map((e) => e.profile));
  expect(profiles('   ')).toEqual(small.map((e) => e.profile));
});

test('every word must match; the best match comes first', () => {
  expect(profiles('alfie prod')).toEqual(['alfie-production']);
  // Both are production (`prod` names the environment): list order.
  expect(profiles('prod')).toEqual(['alfie-production', 'payments-prod']);
});

test('matches account IDs (also typed with dashes), aliases, role names and env labels', () => {
  // alfie-qa's ID starts with it (ranked first); alfie-production's contains it
  expect(profiles('2345678901')).toEqual(['alfie-qa', 'alfie-production']);
  expect(profiles('9999-8888-7777')).toEqual(['payments-prod']);
  expect(profiles('acme-pay')).toEqual(['payments-prod']);
  expect(profiles('deployer')).toEqual(['ledger-staging']);
  expect(profiles('qa')).toEqual(['alfie-qa']);
});

test('letters in order within one field match, across fields they do not', () => {
  expect(profiles('alfprd')).toEqual(['alfie-production']);
  expect(profiles('ldgstg')).toEqual(['ledger-staging']);
  expect(profiles('zq')).toEqual([]);
  expect(profiles('ledgerdeployer')).toEqual([]);
  // The first letter must start a word: `lfie` is not in order from a word start (l… in `alfie`).
  expect(profiles('lfprd')).toEqual([]);
});

test('is case-insensitive and prefers matches at the start of a name', () => {
  expect(profiles('ALFIE')).toHaveLength(3);
  expect(profiles('pay')[0]).toBe('payments-prod');
});

test('query words: lower-cased, digits-and-dashes words also as bare digits', () => {
  expect(parseQuery('  Alfie  PROD ')).toEqual([{ text: 'alfie' }, { text: 'prod' }]);
  expect(parseQuery('1234-5678-9012')).toEqual([{ text: '1234-5678-9012', digits: '123456789012' }]);
  expect(parseQuery('2011-')).toEqual([{ text: '2011-', digits: '2011' }]);
  expect(parseQuery('- a\u0000b')).toEqual([{ text: '-' }, { text: 'ab' }]);
});

test('incremental narrowing gives the same answer as a fresh search', () => {
  const many: SearchableEntry[] = [];
  const apps = ['alpha', 'beta', 'gamma', 'delta', 'omega'];
  for (let i = 0; i < 2000; i++) {
    const env = (['development', 'test', 'production'] as const)[i % 3];
    many.push(entry(`${apps[i % 5]}-${['dev', 'qa', 'prod'][i % 3]}-${i}`, { env, envLabel: ['dev', 'qa', 'prod'][i % 3]!, accountId: String(100000000000 + i * 37), roleName: `Role${i % 7}` }));
  }
  const incremental = new IncrementalSearch(many);
  const fresh = buildSearchIndex(many);
  for (const typed of ['alpha prod 1', 'prd live', 'gamma uat', '1000-0000-3']) {
    for (let n = 0; n <= typed.length; n++) {
      const q = typed.slice(0, n);
      expect(incremental.search(q)).toEqual(searchIndex(fresh, q));
    }
    // Deleting characters widens again.
    expect(incremental.search(typed.slice(0, 3))).toEqual(searchIndex(fresh, typed.slice(0, 3)));
    expect(incremental.search('')).toHaveLength(2000);
  }
});

test('warm() builds the index ahead and changes no result', () => {
  const many: SearchableEntry[] = [];
  for (let i = 0; i < 500; i++) many.push(entry(`app${i % 20}-${['dev', 'prod'][i % 2]}-${i}`, { accountId: String(100000000000 + i) }));
  const warmed = new IncrementalSearch(many);
  warmed.warm();
  const cold = new IncrementalSearch(many);
  for (const q of ['app', 'app1 prod', 'dev', 'p', '']) expect(warmed.search(q)).toEqual(cold.search(q));
  expect(warmed.search('app1 prod')).toEqual(searchIndex(buildSearchIndex(many), 'app1 prod'));
  expect(() => new IncrementalSearch([]).warm()).not.toThrow();
});

test('5,000 entries, typed a key at a time, give what a fresh search gives (its speed: npm run bench -- search)', () => {
  const many: SearchableEntry[] = [];
  for (let i = 0; i < 5000; i++) many.push(entry(`service${i % 250}-${['dev', 'qa', 'staging', 'prod'][i % 4]}-admin`, { accountId: String(100000000000 + i * 7919) }));
  const filter = new IncrementalSearch(many);
  for (const q of ['s', 'se', 'ser', 'serv', 'servi', 'servic', 'service', 'service1', 'service12', 'service12 p']) expect(filter.search(q)).toEqual(new IncrementalSearch(many).search(q));
  expect(filter.search('service12 p').length).toBeGreaterThan(0);
});

// ---------------------------------------------------------------------------------------------
// Properties, over generated catalogues whose names share pieces (so queries collide).

const PIECES = ['pay', 'ments', 'prod', 'Prod', 'dev', 'ro', 'Read', 'Only', 'Power', 'User', 'x', 'qa', 'live', '2011', 'é', 'İ', 'ß'];
const SEPARATORS = ['-', '_', '/', ' ', '.', ''];
const name = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([p, s]) => p + s).join('').trim())
  .filter((n) => n.length > 0);
const ENV_LABELS = [...Object.keys(ENV_SYNONYMS), 'other', 'blue'];
const PARTITIONS: Partition[] = ['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc'];
const generatedEntry: fc.Arbitrary<SearchableEntry> = fc.record({
  profile: name,
  app: name,
  envLabel: fc.constantFrom(...ENV_LABELS),
  env: fc.constantFrom(...ENVIRONMENTS),
  roleName: name,
  accountId: fc.option(fc.stringMatching(/^[0125]{12}$/), { nil: undefined }),
  accountAlias: fc.option(fc.constantFrom('acme-pay', 'ro-prod', 'x2011'), { nil: undefined }),
  region: fc.option(fc.constantFrom('eu-west-1', 'us-gov-west-1', 'cn-north-1'), { nil: undefined }),
  partition: fc.option(fc.constantFrom(...PARTITIONS), { nil: undefined }),
});
const generatedCatalogue = fc.uniqueArray(generatedEntry, { minLength: 1, maxLength: 25, selector: (e) => e.profile });
const queryWord = fc.oneof(
  fc.constantFrom(...PIECES, 'prd', 'production', 'govcloud', 'china', 'rdnly', 'pu', '2011-', '2011-1', 'pay-prod', 'ments'),
  fc.stringMatching(/^[a-z0-2-]{1,4}$/),
);
const query = fc.array(queryWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

/** The searched texts of an entry, lower-cased, for an oracle that does not use the index. */
function texts(e: SearchableEntry): string[] {
  const id = e.accountId ?? '';
  const dashed = id ? `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}` : '';
  return [e.profile, e.app, e.envLabel, e.env, e.roleName, e.accountAlias ?? '', dashed, e.region ?? '', e.partition && e.partition !== 'aws' ? e.partition : ''].map((t) => t.toLowerCase());
}
const inOrder = (word: string, text: string) => {
  let at = 0;
  for (const c of word) {
    at = text.indexOf(c, at);
    if (at === -1) return false;
    at += c.length;
  }
  return true;
};
const NAMES: Partial<Record<Partition, string>> = { 'aws-us-gov': 'govcloud', 'aws-cn': 'china', 'aws-eusc': 'sovereign' };
/** The weakest thing any tier means: letters in order in one field, a name of its environment or partition, or digits in its account. */
function couldMatch(e: SearchableEntry, word: string): boolean {
  const digits = /^[0-9-]*[0-9][0-9-]*$/.test(word) ? word.replace(/-/g, '') : undefined;
  return (
    texts(e).some((t) => inOrder(word, t)) ||
    ENV_SYNONYMS[word] === e.env ||
    word === e.env ||
    (e.partition !== undefined && NAMES[e.partition] === word) ||
    (digits !== undefined && (e.accountId ?? '').includes(digits))
  );
}

describe('properties', () => {
  test('every returned entry matches every query word in some field; every entry that holds each word is returned', () => {
    fc.assert(
      fc.property(generatedCatalogue, query, (entries, q) => {
        const got = new Set(searchIndex(buildSearchIndex(entries), q).map((m) => m.index));
        const words = q.toLowerCase().split(/\s+/).filter(Boolean);
        entries.forEach((e, i) => {
          if (got.has(i)) for (const w of words) expect(couldMatch(e, w)).toBe(true);
          if (words.every((w) => texts(e).some((t) => t.includes(w)))) expect(got.has(i)).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });

  test('a query equal to a profile name puts that profile first', () => {
    fc.assert(
      fc.property(generatedCatalogue, fc.nat(), (entries, pick) => {
        const target = pick % entries.length;
        const result = searchIndex(buildSearchIndex(entries), entries[target]!.profile);
        expect(result[0]?.index).toBe(target);
      }),
      { numRuns: 400 },
    );
  });

  test('adding a word never adds results', () => {
    fc.assert(
      fc.property(generatedCatalogue, query, queryWord, (entries, q, extra) => {
        const index = buildSearchIndex(entries);
        const before = new Set(searchIndex(index, q).map((m) => m.index));
        for (const m of searchIndex(index, `${q} ${extra}`)) expect(before.has(m.index)).toBe(true);
        for (const m of searchIndex(index, `${extra} ${q}`)) expect(before.has(m.index)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test('results are ordered: loose matches last, equal scores in list order, no entry twice', () => {
    fc.assert(
      fc.property(generatedCatalogue, query, (entries, q) => {
        const result = searchIndex(buildSearchIndex(entries), q);
        expect(new Set(result.map((m) => m.index)).size).toBe(result.length);
        for (let k = 1; k < result.length; k++) {
          const [a, b] = [result[k - 1]!, result[k]!];
          expect(a.score > b.score || (a.score === b.score && a.index < b.index)).toBe(true);
          expect(a.loose && !b.loose).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('a word that becomes digits and dashes can match entries its shorter form did not (-- then --2)', () => {
    // The typing property's counterexample (seed -735644778): `--` matches nothing, `--2`
    // matches the account by its digits, so the result for `--` must not bound the one for `--2`.
    const entries = importConfig('[profile pay-]\nrole_arn = arn:aws:iam::521550125001:role/pay-\n').entries;
    const incremental = new IncrementalSearch(entries);
    expect(incremental.search('--')).toEqual([]);
    expect(incremental.search('--2').map((m) => m.index)).toEqual([0]);
    expect(incremental.search('--2')).toEqual(searchIndex(buildSearchIndex(entries), '--2'));
  });

  test('typing, deleting and retyping with one IncrementalSearch gives what a fresh search gives', () => {
    const edits = fc.array(fc.oneof(fc.constantFrom('⌫', ' '), fc.constantFrom(...'pradeovlingu2015-qsx')), { minLength: 1, maxLength: 24 });
    fc.assert(
      fc.property(generatedCatalogue, edits, (entries, keys) => {
        const incremental = new IncrementalSearch(entries);
        const fresh = buildSearchIndex(entries);
        let q = '';
        for (const key of keys) {
          q = key === '⌫' ? q.slice(0, -1) : q + key;
          expect(incremental.search(q)).toEqual(searchIndex(fresh, q));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('on the realistic catalogue too: words from its own names', () => {
    const words = [...new Set(roles.flatMap((e) => [...e.profile.split('-'), e.roleName, e.accountId!.slice(0, 4), e.region ?? 'x']))];
    const typedQuery = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...words).map((w) => w.slice(0, 2))), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(typedQuery, fc.constantFrom(...words), (q, extra) => {
        const fresh = searchIndex(search.index, q);
        const narrower = new Set(searchIndex(search.index, `${q} ${extra}`).map((m) => m.index));
        const lower = q.toLowerCase().split(' ');
        for (const m of fresh) for (const w of lower) expect(couldMatch(roles[m.index]!, w)).toBe(true);
        for (const i of narrower) expect(fresh.some((m) => m.index === i)).toBe(true);
        const typed = new IncrementalSearch(roles);
        for (let n = 1; n <= q.length; n++) typed.search(q.slice(0, n));
        expect(typed.search(q)).toEqual(fresh);
      }),
      { numRuns: 200 },
    );
  });
});

test('environment words: every synonym finds its environment', () => {
  const entries: SearchableEntry[] = (ENVIRONMENTS as readonly Environment[]).map((env) => ({ profile: `svc-${env}`, app: 'svc', env, envLabel: env, roleName: 'Ops' }));
  const index = buildSearchIndex(entries);
  for (const [word, env] of Object.entries(ENV_SYNONYMS)) {
    const first = searchIndex(index, word)[0];
    expect([word, first && entries[first.index]!.env]).toEqual([word, env]);
  }
});

test('a NUL in a name neither breaks the index nor joins two fields', () => {
  const entries: SearchableEntry[] = [
    { profile: 'a\u0000b', app: 'a', env: 'other', envLabel: 'other', roleName: 'c' },
    { profile: 'ab', app: 'ab', env: 'other', envLabel: 'other', roleName: 'Ops' },
  ];
  const index = buildSearchIndex(entries);
  expect(searchIndex(index, 'b').map((m) => m.index)).toEqual([0, 1]);
  // `b` and `c` are in two fields of the first entry: a word never spans them.
  expect(searchIndex(index, 'bc').map((m) => m.index)).toEqual([]);
  // Typed with the NUL, the query is the first entry's name: it selects it.
  expect(searchIndex(index, 'a\u0000b').map((m) => m.index)).toEqual([0, 1]);
});

test('the names the popup still uses (IncrementalFilter) are the same search', () => {
  const filter = new IncrementalFilter(roles);
  const fresh = new IncrementalSearch(roles);
  for (const q of ['c', 'ch', 'checkout prod ro', 'pymnts prd', '']) expect(filter.filter(q)).toEqual(fresh.search(q));
});
