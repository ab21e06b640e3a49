import fc from 'fast-check';
import { canonicalEnv, envFromText, hasProductionWord, inferAppEnv, inferAppEnvInto, matchKnownApp, tokenizeName } from './environments';
import type { AppEnv } from './environments';

describe('tokenizeName', () => {
  it('splits on punctuation, spaces and camel case, keeping digits attached', () => {
    expect(tokenizeName('DataPipe-Dev').map((t) => t.text)).toEqual(['data', 'pipe', 'dev']);
    expect(tokenizeName('AWSAdministratorAccess-573123634485').map((t) => t.text)).toEqual(['aws', 'administrator', 'access', '573123634485']);
    expect(tokenizeName('data_sbx.001 x/y').map((t) => t.text)).toEqual(['data', 'sbx', '001', 'x', 'y']);
    expect(tokenizeName('test2-admin').map((t) => t.text)).toEqual(['test2', 'admin']);
    expect(tokenizeName('--')).toEqual([]);
  });

  it('records offsets into the original name', () => {
    const [, second] = tokenizeName('ab-CdEf');
    expect(second).toEqual({ text: 'cd', start: 3, end: 5 });
  });
});

describe('inferAppEnv', () => {
  // name → [app, env, envLabel]
  const table: [string, string, string, string][] = [
    // suffix
    ['xero-payroll-prod', 'xero-payroll', 'production', 'prod'],
    ['xero-payroll-uat', 'xero-payroll', 'test', 'uat'],
    ['constellation-acc', 'constellation', 'test', 'acc'],
    ['alfie-development', 'alfie', 'development', 'development'],
    ['alfie-qa', 'alfie', 'test', 'qa'],
    ['alfie-production', 'alfie', 'production', 'production'],
    ['data-lake-prod', 'data-lake', 'production', 'prod'],
    ['Billing-Stg', 'billing', 'staging', 'stg'],
    ['shop_live', 'shop', 'production', 'live'],
    ['shop.int', 'shop', 'test', 'int'],
    ['orders-integration', 'orders', 'test', 'integration'],
    ['kabisa-playground', 'kabisa', 'sandbox', 'playground'],
    ['ml-lab', 'ml', 'sandbox', 'lab'],
    // middle, with role or region after the env
    ['cn-cx-staging-admin', 'cn-cx', 'staging', 'staging'],
    ['rspm-prod-readonly', 'rspm', 'production', 'prod'],
    ['Surf-Prod-EU', 'surf', 'production', 'prod'],
    ['dfinitiv-mojo-dev-power-user', 'dfinitiv-mojo', 'development', 'dev'],
    ['cptest-plat-gbl-dev-terraform', 'cptest-plat', 'development', 'dev'],
    ['payments-stage-us-east-1', 'payments', 'staging', 'stage'],
    // numbered
    ['data-sbx-001', 'data', 'sandbox', 'sbx'],
    ['search-dev2', 'search', 'development', 'dev'],
    // prefix: the app is what follows, minus role and region words
    ['prod-deploy', 'Other', 'production', 'prod'],
    ['prod-payments-admin', 'payments', 'production', 'prod'],
    ['dev-us', 'Other', 'development', 'dev'],
    ['staging-api-readonly', 'api', 'staging', 'staging'],
    // alone
    ['staging', 'Other', 'staging', 'staging'],
    ['Development', 'Other', 'development', 'development'],
    ['uat', 'Other', 'test', 'uat'],
    // camel case and glued words
    ['AlfieProd', 'alfie', 'production', 'prod'],
    ['DataPipe-SBX', 'datapipe', 'sandbox', 'sbx'],
    ['awsprod', 'aws', 'production', 'prod'],
    ['capdev', 'cap', 'development', 'dev'],
    // not production
    ['shop-preprod', 'shop', 'staging', 'preprod'],
    ['shop-pre-prod', 'shop', 'staging', 'pre-prod'],
    ['shop-PreProd', 'shop', 'staging', 'preprod'],
    ['serve-ci-preproduction', 'serve-ci', 'staging', 'preproduction'],
    ['shop-nonprod', 'shop', 'other', 'nonprod'],
    ['shop-non-prod-admin', 'shop', 'other', 'non-prod'],
    ['sirius-pre', 'sirius', 'staging', 'pre'],
    ['product-catalogue-dev', 'product-catalogue', 'development', 'dev'],
    // Account/Role names (Granted): app from the account part
    ['Payments-Prod/AdministratorAccess', 'payments', 'production', 'prod'],
    ['AccountName/RoleName', 'accountname', 'other', 'other'],
    ['Shared/DevReadOnly', 'shared', 'development', 'dev'],
    // nothing to infer
    ['AnotherRole', 'Other', 'other', 'other'],
    ['AWSAdministratorAccess-573123634485', 'Other', 'other', 'other'],
    ['', 'Other', 'other', 'other'],
    // role words are not apps, leading region words are
    ['admin-payments-prod', 'payments', 'production', 'prod'],
    ['eu-shop-qa', 'eu-shop', 'test', 'qa'],
    ['readonly-prod', 'Other', 'production', 'prod'],
  ];

  it.each(table)('%s → app %s, env %s (%s)', (name, app, env, envLabel) => {
    const result = inferAppEnv(name);
    expect({ app: result.app, env: result.env, envLabel: result.envLabel }).toEqual({ app, env, envLabel });
    expect(result.isProduction).toBe(env === 'production');
  });

  it('groups case-insensitively: different spellings give the same app', () => {
    expect(inferAppEnv('Surf-Dev').app).toBe(inferAppEnv('surf-prod').app);
    expect(inferAppEnv('MicroServices-Dev').app).toBe(inferAppEnv('Microservices-SBX').app);
  });

  it('lets production win over any other environment word in the same name', () => {
    expect(inferAppEnv('test-prod-mirror')).toMatchObject({ env: 'production', isProduction: true });
    expect(inferAppEnv('dev-tools-prod')).toMatchObject({ env: 'production', isProduction: true });
    expect(inferAppEnv('Account/ProdAdmin')).toMatchObject({ env: 'production', isProduction: true });
  });

  it('treats production words glued to others as production (eager)', () => {
    for (const name of ['prodeu', 'team-prod1', 'PRD', 'shop-prd-admin', 'myprd', 'ProdAccount', 'production2']) {
      expect(inferAppEnv(name).isProduction).toBe(true);
    }
  });
});

describe('production detection', () => {
  it.each(['prod', 'PROD', 'prd', 'production', 'live', 'app-prod', 'prod-app', 'a_prod_b', 'a.PRD.b', 'AppProd', 'appProd', 'x/prod', 'prod1', 'ProdAdmin', 'live-shop'])(
    '%s is production',
    (text) => expect(hasProductionWord(text)).toBe(true),
  );

  it.each(['preprod', 'pre-prod', 'Pre_Prod', 'PreProd', 'preproduction', 'pre-production', 'nonprod', 'non-prod', 'NonProd', 'non_production', 'product', 'products-dev', 'produce', 'app-dev', 'staging', 'olive', 'deliver', 'reproduce', ''])(
    '%s is not production',
    (text) => expect(hasProductionWord(text)).toBe(false),
  );

  it('still sees production next to a negated word', () => {
    expect(hasProductionWord('preprod-and-prod')).toBe(true);
    expect(hasProductionWord('non-prod-prod')).toBe(true);
  });

  // Property: a name built from words and separators that contains a production word (not
  // directly after `pre`/`non`) is always production, however the rest is spelled.
  const prodWords = ['prod', 'prd', 'production', 'live'];
  const otherWords = ['dev', 'qa', 'uat', 'stg', 'staging', 'sandbox', 'admin', 'readonly', 'eu', 'us', 'data', 'lake', 'shop', 'api', 'team', 'pre', 'non', 'x1', '001', 'product', 'preprod', 'nonprod'];
  const word = fc.oneof(fc.constantFrom(...prodWords, ...otherWords), fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/));
  const casing = fc.constantFrom('lower', 'upper', 'title');
  const separator = fc.constantFrom('-', '_', '.', '/', ' ');
  const name = fc.array(fc.tuple(word, casing, separator), { minLength: 1, maxLength: 6 });

  function spell(parts: [string, string, string][]): { text: string; words: string[] } {
    const words = parts.map(([w]) => w);
    const text = parts
      .map(([w, c], i) => (c === 'upper' ? w.toUpperCase() : c === 'title' ? w[0]!.toUpperCase() + w.slice(1) : w) + (i < parts.length - 1 ? parts[i]![2] : ''))
      .join('');
    return { text, words };
  }

  it('never classifies a name with a production word as non-production', () => {
    fc.assert(
      fc.property(name, (parts) => {
        const { text, words } = spell(parts);
        // `pre`/`non` negate only when joined by a separator other than `/` (Account/Role names).
        const negated = (i: number) => i > 0 && ['pre', 'non'].includes(words[i - 1]!) && parts[i - 1]![2] !== '/';
        const hasProd = words.some((w, i) => prodWords.includes(w) && !negated(i));
        const result = inferAppEnv(text);
        if (hasProd) {
          expect(result.isProduction).toBe(true);
          expect(result.env).toBe('production');
        }
        if (result.isProduction) expect(result.env).toBe('production');
        expect(hasProductionWord(text)).toBe(result.isProduction);
      }),
      { numRuns: 2000 },
    );
  });

  // Found by an adversarial review: capitals run into lower case (`PRODadmin` splits as
  // `pro|dadmin`), production glued inside a word, non-ASCII separators, look-alike letters.
  it.each([
    'PRODadmin', 'PRDeu', 'PRODUCTIONv2', 'LIVEops', 'acmeLIVEeu', 'acmePRODadmin', 'ACMEprod', 'AWSprod', 'XYZprod-admin', 'ACMEproduction',
    'PRod', 'ACME-PRod', 'ProD', 'PrOd', 'acmeprodeu', 'shopprodro', 'MYPRODACCOUNT', 'ACMEPRDRO', 'xprod', '2prod',
    'acme\u00a0prod\u00a0admin', 'acme\u2013prod\u2013admin', 'acme\u00b7prod', 'Acme\u3000Prod',
    'pr\u043ed', '\u0440rod', 'PR\u041eD', '\uff50\uff52\uff4f\uff44', '\uff30\uff32\uff2f\uff24', '\u1d18\u0280\u1d0f\u1d05', 'pro\u200bd', 'p\u00adrod', '\u00c4Prod', '\u65e5Prod',
    'acme-productie', 'acme-produccion', 'acme-producao',
  ])('%s is production (the backstop behind the word rules)', (text) => {
    expect(hasProductionWord(text)).toBe(true);
    expect(inferAppEnv(text)).toMatchObject({ env: 'production', envLabel: expect.any(String), isProduction: true });
    expect(envFromText(text)?.env).toBe('production');
  });

  it.each(['OLIVE', 'DELIVERY', 'deliver-dev', 'PRE-LIVE', 'pre-live', 'PREPROD', 'PRE-PROD', 'preProd', 'NONPROD', 'non\u00a0prod', 'Non\u2013Prod', 'product-catalog-dev', 'ProductCatalog', 'producer-api', 'PRODUCTS', 'reproduced'])(
    '%s is still not production',
    (text) => expect(hasProductionWord(text)).toBe(false),
  );

  // Property: a production word (prod, prd, production) anywhere, however it is cased, glued
  // to its neighbours, separated (also by non-ASCII separators) or disguised (look-alike
  // letters, invisible characters), makes the name production unless `pre`/`non` negates it.
  const gluedProdWords = ['prod', 'prd', 'production'];
  // Random words that would change a neighbour's meaning when glued to it are left out:
  // ending in `pre`/`non` (negates) or starting with `uc` (`prod` + `uct` = product).
  const gluedWord = fc.oneof(
    fc.constantFrom(...gluedProdWords, 'dev', 'admin', 'acme', 'pre', 'non', 'eu', 'x'),
    fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/).filter((w) => !/(pre|non)$/.test(w) && !w.startsWith('uc')),
  );
  const gluedCasing = fc.constantFrom('lower', 'upper', 'title', 'alternate', 'twoCaps');
  const disguise = fc.constantFrom('none', 'none', 'cyrillic-o', 'fullwidth', 'zero-width');
  const gluedSeparator = fc.constantFrom('', '', '-', '_', '.', '/', ' ', '\u00a0', '\u2013', '\u00b7');
  const gluedName = fc.array(fc.tuple(gluedWord, gluedCasing, disguise, gluedSeparator), { minLength: 1, maxLength: 5 });

  function caseWord(w: string, casing: string): string {
    if (casing === 'upper') return w.toUpperCase();
    if (casing === 'title') return w[0]!.toUpperCase() + w.slice(1);
    if (casing === 'alternate') return [...w].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    if (casing === 'twoCaps') return w.slice(0, 2).toUpperCase() + w.slice(2);
    return w;
  }

  function disguised(w: string, how: string): string {
    if (how === 'cyrillic-o') return w.replace(/o/gi, '\u043e');
    if (how === 'fullwidth') return [...w].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    if (how === 'zero-width') return `${w.slice(0, 2)}\u200b${w.slice(2)}`;
    return w;
  }

  it('never misses a production word, however the name is cased, glued or disguised', () => {
    fc.assert(
      fc.property(gluedName, (parts) => {
        const text = parts.map(([w, c, d, sep], i) => disguised(caseWord(w, c), gluedProdWords.includes(w) ? d : 'none') + (i < parts.length - 1 ? sep : '')).join('');
        const negated = (i: number) => i > 0 && ['pre', 'non'].includes(parts[i - 1]![0]) && parts[i - 1]![3] !== '/';
        if (!parts.some(([w], i) => gluedProdWords.includes(w) && !negated(i))) return;
        expect(inferAppEnv(text)).toMatchObject({ env: 'production', isProduction: true });
        expect(hasProductionWord(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and always returns a known environment', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const result = inferAppEnv(text);
        expect(['development', 'test', 'staging', 'production', 'sandbox', 'other']).toContain(result.env);
        expect(result.app.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('envFromText (explicit env keys)', () => {
  it('maps synonyms and keeps the written word', () => {
    expect(envFromText('qa')).toEqual({ env: 'test', label: 'qa' });
    expect(envFromText('Production')).toEqual({ env: 'production', label: 'production' });
    expect(envFromText('pre-prod')).toEqual({ env: 'staging', label: 'pre-prod' });
    expect(envFromText('europe-live')).toEqual({ env: 'production', label: 'live' });
    expect(envFromText('performance')).toBeUndefined();
  });

  it('canonicalEnv maps a bare label', () => {
    expect(canonicalEnv('UAT')).toBe('test');
    expect(canonicalEnv('preprod')).toBe('staging');
    expect(canonicalEnv('perf')).toBe('other');
  });
});

describe('matchKnownApp', () => {
  const known = new Set(['cn-cx', 'constellation', 'xero-ps-paas']);

  it('puts a name without an environment word into the longest known app it starts with', () => {
    expect(matchKnownApp('cn-cx-build-admin', known)).toEqual({ app: 'cn-cx', envLabel: 'build' });
    expect(matchKnownApp('Constellation-Ops', known)).toEqual({ app: 'constellation', envLabel: 'ops' });
    expect(matchKnownApp('xero-ps-paas-identity', known)).toEqual({ app: 'xero-ps-paas', envLabel: 'identity' });
    expect(matchKnownApp('constellation-admin', known)).toEqual({ app: 'constellation', envLabel: 'other' });
  });

  it('does not match part of a word or the whole name', () => {
    expect(matchKnownApp('cn-cxy-build', known)).toBeUndefined();
    expect(matchKnownApp('constellation', known)).toBeUndefined();
  });
});

describe('inferAppEnvInto (importConfig reads names straight from the config text)', () => {
  it('reads text[from, to) exactly as inferAppEnv reads that name', () => {
    const word = fc.constantFrom('prod', 'Prod', 'pre', 'non', 'dev', 'qa', 'admin', 'us', 'east', '1', 'data', 'lake', 'awsprod', 'product', 'é', 'AWSAdmin', 'x');
    const separator = fc.constantFrom('-', '_', '.', '/', ' ', '');
    const name = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(name, name, name, (before, target, after) => {
        const text = `${before}\n[profile ${target}]\n${after}/prod`;
        const from = before.length + 10;
        const out: AppEnv = { app: '', env: 'other', envLabel: '', isProduction: false };
        inferAppEnvInto(text, out, from, from + target.length);
        expect(out).toEqual(inferAppEnv(target));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a run of similar names from one text as inferAppEnv reads each of them', () => {
    const word = fc.constantFrom('prod', 'Prod', 'PROD', 'pre', 'non', 'dev', 'Dev', 'qa', 'admin', 'Admin', 'AWSAdmin', 'us', 'east', '1', 'data', 'Data', 'lake', 'awsprod', 'product', 'é', 'x', 'X');
    const separator = fc.constantFrom('-', '_', '.', '/', ' ', '');
    const name = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 5 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(fc.array(name, { minLength: 2, maxLength: 30 }), (names) => {
        // Families, as configs have them: names that share their beginning with the one before.
        const all = names.flatMap((n, i) => (i > 0 ? [n, names[i - 1]! + n] : [n]));
        const text = all.join('\n');
        const expected = all.map((n) => inferAppEnv(n));
        // One run over the text, nothing in between (as importConfig reads it).
        const got: AppEnv[] = [];
        let from = 0;
        for (const n of all) {
          const out: AppEnv = { app: '', env: 'other', envLabel: '', isProduction: false };
          inferAppEnvInto(text, out, from, from + n.length);
          got.push(out);
          from += n.length + 1;
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
