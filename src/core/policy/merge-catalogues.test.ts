import { ENV_COLORS, PRODUCTION_COLOR } from '../catalogue/colors';
import { importConfig } from '../catalogue/import-config';
import type { CatalogueEntry } from '../types';
import { mergeCatalogues, PERSONAL_SUFFIX, policyFingerprint } from './merge-catalogues';
import { NO_POLICY, parsePolicy } from './policy-values';

const role = (name: string, account: string, extra = '', roleName = 'Admin') => `[profile ${name}]\nrole_arn = arn:aws:iam::${account}:role/${roleName}\n${extra ? `${extra}\n` : ''}`;
const entries = (...sections: string[]) => importConfig(sections.join('\n')).entries;
const byProfile = (list: readonly CatalogueEntry[]) => Object.fromEntries(list.map((e) => [e.profile, e]));
const colourParam = (url: string) => new URL(url).searchParams.get('color');

describe('no policy', () => {
  test("the user's own catalogue, exactly as it is", () => {
    const mine = entries(role('shop-dev', '111111111111'), role('shop-prod', '222222222222'));
    const merged = mergeCatalogues(NO_POLICY, mine);
    expect(merged.entries).toEqual(mine);
    expect(merged.entries[0]).toBe(mine[0]);
    expect(merged).toMatchObject({ hiddenPersonal: 0, notices: [] });
  });
});

describe("the organisation's config and the user's own", () => {
  test("the organisation's entries are marked, the user's profiles add to them", () => {
    const policy = parsePolicy({ config: role('shop-dev', '111111111111') + role('shop-qa', '333333333333') });
    const merged = mergeCatalogues(policy, entries(role('sandbox-lab', '999999999999')));
    expect(merged.entries.map((e) => [e.profile, e.origin])).toEqual([
      ['shop-dev', 'organisation'],
      ['shop-qa', 'organisation'],
      ['sandbox-lab', undefined],
    ]);
  });

  test("a profile the user calls dev, on an account the organisation's config has as production, is production: red, and its link too", () => {
    const policy = parsePolicy({ config: role('shop-prod', '222222222222') });
    const mine = entries(role('shop-dev', '222222222222', '', 'ReadOnly'));
    expect(mine[0]!.isProduction).toBe(false);
    const merged = byProfile(mergeCatalogues(policy, mine).entries);
    expect(merged['shop-dev']).toMatchObject({ env: 'production', envLabel: 'prod', isProduction: true, color: PRODUCTION_COLOR });
    expect(colourParam(merged['shop-dev']!.url)).toBe('f2b0a9'); // the console palette's red
    expect(colourParam(mine[0]!.url)).not.toBe('f2b0a9');
    expect(merged['shop-dev']!.notes).toEqual(["Shown as production: your organisation's config says so for account 222222222222."]);
  });

  test("where the organisation names an account's environment, its environment wins over the user's", () => {
    const policy = parsePolicy({ config: role('billing', '333333333333', 'env = qa') });
    const merged = byProfile(mergeCatalogues(policy, entries(role('billing-prod', '333333333333', '', 'Viewer'))).entries);
    expect(merged['billing-prod']).toMatchObject({ env: 'test', envLabel: 'qa', isProduction: false, color: ENV_COLORS.test });
    expect(colourParam(merged['billing-prod']!.url)).toBe(colourParam(importConfig(role('x', '333333333333', 'env = qa')).entries[0]!.url));
  });

  test('a user colour stays when the environment changes; a production red never stays', () => {
    const policy = parsePolicy({ config: role('billing', '333333333333', 'env = staging') });
    // (Two imports: in one, the production profile would make its whole account production.)
    const mine = [...entries(role('billing-dev', '333333333333', 'color = 8c4fff', 'A')), ...entries(role('billing-live', '333333333333', 'env = production', 'B'))];
    const merged = byProfile(mergeCatalogues(policy, mine).entries);
    expect(merged['billing-dev']!.color).toBe('#8c4fff');
    expect(merged['billing-live']).toMatchObject({ env: 'staging', isProduction: false, color: ENV_COLORS.staging });
  });

  test("an organisation's profile with no environment word says nothing: the user's production stays production", () => {
    const policy = parsePolicy({ config: role('infra', '444444444444') });
    const mine = entries(role('infra-prod', '444444444444', '', 'Ops'));
    const merged = byProfile(mergeCatalogues(policy, mine).entries);
    expect(merged['infra-prod']).toBe(mine[0]);
    expect(merged['infra-prod']!.isProduction).toBe(true);
  });

  test("where the organisation's profiles on an account disagree, the user's entry keeps its own environment", () => {
    const policy = parsePolicy({ config: role('data-a', '555555555555', 'env = dev') + role('data-b', '555555555555', 'env = staging', 'Other') });
    const mine = entries(role('data-mine', '555555555555', 'env = sandbox', 'Mine'));
    expect(byProfile(mergeCatalogues(policy, mine).entries)['data-mine']).toBe(mine[0]);
  });

  test('an alias-only profile (AWS Extend Switch Roles) is matched by its alias', () => {
    const policy = parsePolicy({ config: role('shop-prod', '222222222222', 'aws_account_alias = shop-main') });
    const mine = importConfig('[shop-alias]\naws_account_id = shop-main\nrole_name = Admin\n').entries;
    expect(mine[0]).toMatchObject({ accountAlias: 'shop-main', isProduction: false });
    expect(byProfile(mergeCatalogues(policy, mine).entries)['shop-alias']).toMatchObject({ isProduction: true, env: 'production' });
  });
});

describe('the same profile name on both sides', () => {
  test("the same role is shown once, as the organisation's", () => {
    const policy = parsePolicy({ config: role('shop-dev', '111111111111') });
    const merged = mergeCatalogues(policy, entries(role('shop-dev', '111111111111')));
    expect(merged.entries.map((e) => [e.profile, e.origin])).toEqual([['shop-dev', 'organisation']]);
    expect(merged.notices).toEqual(["1 profile of yours is the same as your organisation's and is shown once."]);
  });

  test("another role under the same name is kept, renamed, and the user is told why", () => {
    const taken = `[profile "shop-dev${PERSONAL_SUFFIX}"]\nrole_arn = arn:aws:iam::111111111112:role/Admin\n`;
    const policy = parsePolicy({ config: role('shop-dev', '111111111111') + taken });
    const merged = mergeCatalogues(policy, entries(role('shop-dev', '666666666666'), `[profile "shop-dev (personal 2)"]\nrole_arn = arn:aws:iam::666666666667:role/Admin\n`));
    expect(merged.entries.map((e) => e.profile)).toEqual(['shop-dev', 'shop-dev (personal)', 'shop-dev (personal 3)', 'shop-dev (personal 2)']);
    const mine = merged.entries[2]!;
    expect(mine).toMatchObject({ accountId: '666666666666', displayName: 'shop-dev' });
    expect(mine.notes).toEqual(['Shown as "shop-dev (personal 3)": your organisation\'s config has a profile named "shop-dev".']);
    expect(merged.notices).toEqual(['1 profile of yours has the name of one of your organisation\'s: shown with "(personal)" after the name.']);
  });
});

describe('accounts: the last word', () => {
  test('production: true makes every entry on the account production, whatever anyone calls it, and gives its app and alias', () => {
    const policy = parsePolicy({
      config: role('payments-dev', '222222222222'),
      accounts: { '222222222222': { production: true, app: 'payments', alias: 'pay-live' } },
    });
    const merged = mergeCatalogues(policy, entries(role('my-sandbox', '222222222222', 'env = sandbox', 'Dev')));
    for (const entry of merged.entries) {
      expect(entry).toMatchObject({ env: 'production', envLabel: 'production', isProduction: true, color: PRODUCTION_COLOR, app: 'payments', accountAlias: 'pay-live' });
      expect(colourParam(entry.url)).toBe('f2b0a9');
    }
    expect(merged.entries.map((e) => e.origin)).toEqual(['organisation', undefined]);
  });

  test("accounts wins over the organisation's config too", () => {
    const policy = parsePolicy({ config: role('shop-prod', '222222222222'), accounts: { '222222222222': { environment: 'staging' } } });
    expect(mergeCatalogues(policy, []).entries[0]).toMatchObject({ env: 'staging', isProduction: false, color: ENV_COLORS.staging });
  });

  test('applies to the user\'s profiles without any organisation config; an alias-only profile gets its account ID', () => {
    const policy = parsePolicy({ accounts: { '777777777777': { production: true, alias: 'core-live' } } });
    const mine = [...entries(role('core-dev', '777777777777')), ...importConfig('[core]\naws_account_id = core-live\nrole_name = Admin\n').entries];
    const merged = byProfile(mergeCatalogues(policy, mine).entries);
    expect(merged['core-dev']!.isProduction).toBe(true);
    expect(merged['core']).toMatchObject({ isProduction: true, accountId: '777777777777', accountAlias: 'core-live' });
    // The link keeps the account as the user wrote it.
    expect(new URL(merged['core']!.url).searchParams.get('account')).toBe('core-live');
  });

  test('SSO entries change environment; their link has no colour and stays', () => {
    const sso = '[profile data-sso]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 888888888888\nsso_role_name = Admin\n';
    const mine = importConfig(sso).entries;
    const merged = mergeCatalogues(parsePolicy({ accounts: { '888888888888': { production: true } } }), mine).entries[0]!;
    expect(merged).toMatchObject({ kind: 'sso', isProduction: true, url: mine[0]!.url });
  });

  test('a changed entry is exactly what the importer makes of the same profile in that environment', () => {
    // The same profile written as dev and as production: moving one to the other's environment gives the other.
    const [dev] = importConfig(role('orders', '121212121212', 'env = dev\nregion = eu-west-1')).entries;
    const [prod] = importConfig(role('orders', '121212121212', 'env = production\nregion = eu-west-1')).entries;
    const toProd = mergeCatalogues(parsePolicy({ accounts: { '121212121212': { environment: 'production' } } }), [dev!]).entries[0]!;
    const toDev = mergeCatalogues(parsePolicy({ accounts: { '121212121212': { environment: 'dev' } } }), [prod!]).entries[0]!;
    const { notes: _a, ...toProdRest } = toProd;
    const { notes: _b, ...prodRest } = prod!;
    const { notes: _c, ...toDevRest } = toDev;
    const { notes: _d, ...devRest } = dev!;
    expect(toProdRest).toEqual(prodRest);
    expect(toDevRest).toEqual(devRest);
  });
});

describe('allowPersonalConfig: false', () => {
  test("only the organisation's entries are shown; the user's are counted, and the user is told they are kept", () => {
    const policy = parsePolicy({ config: role('shop-dev', '111111111111'), allowPersonalConfig: false });
    const mine = entries(role('a-dev', '121212121212'), role('b-dev', '131313131313'));
    const merged = mergeCatalogues(policy, mine);
    expect(merged.entries.map((e) => e.profile)).toEqual(['shop-dev']);
    expect(merged.hiddenPersonal).toBe(2);
    expect(merged.notices).toEqual(['Your organisation shows only its own roles: your 2 profiles stay saved, and come back if it allows them again.']);
    expect(mine.map((e) => e.profile)).toEqual(['a-dev', 'b-dev']);
  });
});

describe('policyFingerprint (what a cached merged catalogue depends on)', () => {
  const config = role('shop-dev', '111111111111');
  test('empty without anything that changes the catalogue: a cache keyed by the user config alone stays valid', () => {
    expect(policyFingerprint(NO_POLICY)).toBe('');
    expect(policyFingerprint(parsePolicy({ bannerEnabled: true, titlePrefix: false }))).toBe('');
  });

  test('the same for the same policy in any key order; different when config, accounts or allowPersonalConfig change', () => {
    const base = policyFingerprint(parsePolicy({ config, accounts: { '111111111111': { app: 'a' }, '222222222222': { production: true } } }));
    expect(policyFingerprint(parsePolicy({ accounts: { '222222222222': { production: true }, '111111111111': { app: 'a' } }, config, bannerEnabled: false }))).toBe(base);
    const others = [
      parsePolicy({ config: `${config}region = eu-west-1\n`, accounts: { '111111111111': { app: 'a' }, '222222222222': { production: true } } }),
      parsePolicy({ config, accounts: { '111111111111': { app: 'b' }, '222222222222': { production: true } } }),
      parsePolicy({ config, accounts: { '111111111111': { app: 'a' }, '222222222222': { production: true } }, allowPersonalConfig: false }),
      parsePolicy({ allowPersonalConfig: false }),
    ].map(policyFingerprint);
    expect(new Set([base, ...others]).size).toBe(5);
    expect(others).not.toContain('');
  });
});
