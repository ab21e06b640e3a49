// Holes found by the second adversarial review, each a banner that showed a production account
// as something else. (The first review's are in disputed-accounts.test.ts.)
import { bannerModel } from './banner-model';
import { combineIdentity, type IdentityReading } from './console-identity';
import { matchIdentity, type BannerEntry } from './identity-match';
import { ALFIE_PROD, BANNER_SETTINGS, bannerEntry } from '../../../test/fixtures/alfie-entries';
import { BANNER_INDEX_META_KEY, bannerIndexAccountKey, bannerIndexKeysFor, buildBannerIndex, readBannerIndexRecords } from './banner-index';

const HOST = 'eu-west-1.console.aws.amazon.com';

function banner(readings: IdentityReading[], entries: BannerEntry[]) {
  const identity = combineIdentity(readings, HOST);
  return { identity, match: matchIdentity(identity, entries), model: bannerModel(identity, matchIdentity(identity, entries), BANNER_SETTINGS) };
}

describe('one account, named by ID in one profile and by alias in another', () => {
  // An AWS Extend Switch Roles style profile names the production account by its alias only;
  // a ~/.aws/config profile names the same account by its ID, with a sandbox role and a name
  // without "prod". The import cannot link the two (it has no alias for the ID), the page can.
  const prodByAlias = bannerEntry('alfie-production', { accountId: undefined, accountAlias: 'alfie-prod' });
  const sandboxById = bannerEntry('alfie-sandbox', { roleName: 'Sandbox', env: 'development', envLabel: 'dev', isProduction: false, color: '#2e7d32' });
  const page: IdentityReading[] = [
    { source: 'session-data', accountId: '123456789012', accountAlias: 'alfie-prod', arn: 'arn:aws:sts::123456789012:assumed-role/Sandbox/alice' },
    { source: 'nav-button', principal: 'Sandbox/alice', account: 'alfie-prod' },
  ];

  test('the page says 1234-5678-9012 is alfie-prod, a production account: the sandbox profile is shown as production, never as DEV', () => {
    const { identity, match, model } = banner(page, [prodByAlias, sandboxById]);
    expect(identity).toMatchObject({ accountId: '123456789012', accountAlias: 'alfie-prod', roleName: 'Sandbox' });
    // Still the profile the role is (the identity is right), but in production's colours.
    expect(match).toMatchObject({ kind: 'profile', entry: { profile: 'alfie-sandbox', isProduction: true } });
    expect(model).toMatchObject({ isProduction: true, collapsible: false, titlePrefix: '[PROD] ', background: '#d13212' });
    expect(model.badge?.text).toBe('PRODUCTION');
  });

  test('the other way round: production named by ID, the sandbox by alias only', () => {
    const prodById = bannerEntry('alfie-production');
    const sandboxByAlias = bannerEntry('alfie-sandbox', { accountId: undefined, accountAlias: 'alfie-prod', roleName: 'Sandbox', env: 'development', envLabel: 'dev', isProduction: false, color: '#2e7d32' });
    expect(banner(page, [sandboxByAlias, prodById]).model).toMatchObject({ isProduction: true, badge: { text: 'PRODUCTION' } });
  });

  test('what stays as it was: without the production profile the sandbox is DEV; a production profile matched by role is itself', () => {
    expect(banner(page, [sandboxById]).model.badge?.text).toBe('DEV');
    const own = banner([{ source: 'session-data', accountId: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/AlfieReadOnly/alice' }], [ALFIE_PROD, sandboxById]);
    expect(own.match).toMatchObject({ kind: 'profile', entry: ALFIE_PROD });
  });
});

/** What the content script reads for this page (its account's and alias's records only) and shows. */
function bannerFromIndex(readings: IdentityReading[], all: BannerEntry[], stored?: (items: Record<string, unknown>) => void) {
  const identity = combineIdentity(readings, HOST);
  const index = buildBannerIndex(all, BANNER_SETTINGS);
  const items: Record<string, unknown> = { [BANNER_INDEX_META_KEY]: index.meta, ...index.records };
  stored?.(items);
  const wanted = Object.fromEntries(bannerIndexKeysFor(identity.accountId, identity.accountAlias).filter((k) => k in items).map((k) => [k, items[k]]));
  const lookup = readBannerIndexRecords(wanted, identity.accountId, identity.accountAlias);
  const match = lookup.loaded ? matchIdentity(identity, lookup.entries, lookup.idOnly) : ({ kind: 'none' } as const);
  return { lookup, match, model: bannerModel(identity, match, BANNER_SETTINGS, lookup.loaded) };
}

describe('what the content script cannot see from one record', () => {
  const ledgerProd = bannerEntry('ledger-production', { roleName: 'Ops' });
  const aliasOnlyPage: IdentityReading[] = [{ source: 'nav-button', principal: 'Ops/alice', account: 'ledger-prod' }];

  test('a page that names its account by alias only is not "not in your profiles" when a profile names its account by ID only: it could be that one', () => {
    const { lookup, match, model } = bannerFromIndex(aliasOnlyPage, [ledgerProd]);
    // The alias has no record: the content script has no entry, only the index's word that ID-only profiles exist.
    expect(lookup).toMatchObject({ loaded: true, entries: [], idOnly: true });
    expect(match).toMatchObject({ kind: 'disputed', reason: expect.stringMatching(/only by alias/) });
    expect(model.state).toBe('unknown');
    expect(model.summary).not.toContain('not in your profiles');
    // The popup, which holds every entry, says the same.
    expect(matchIdentity(combineIdentity(aliasOnlyPage, HOST), [ledgerProd]).kind).toBe('disputed');
  });

  test('a page that names no account at all keeps its own reason', () => {
    const { match, model } = bannerFromIndex([{ source: 'session-data', accountId: undefined }], [ledgerProd]);
    expect(match.kind).toBe('none');
    expect(model.summary).not.toContain('only by alias');
  });

  test('when every profile names its alias (or only an alias), an alias nobody has is still "not in your profiles"', () => {
    const named = bannerEntry('ledger-production', { roleName: 'Ops', accountAlias: 'ledger-main' });
    const { lookup, model } = bannerFromIndex(aliasOnlyPage, [named]);
    expect(lookup).toMatchObject({ loaded: true, idOnly: false });
    expect(model.summary).toContain('not in your profiles');
  });

  test('a damaged production entry in an account record is not dropped quietly, leaving the account to a DEV profile', () => {
    const dev = bannerEntry('alfie-dev-tools', { roleName: 'Tools', env: 'development', envLabel: 'dev', isProduction: false });
    // The production role's own page; the DEV entry shares the account only in a damaged or hand-made index.
    const page: IdentityReading[] = [{ source: 'session-data', accountId: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/AlfieReadOnly/alice' }];
    const key = bannerIndexAccountKey('123456789012');
    const damage = (items: Record<string, unknown>) => {
      const record = items[key] as { entries: BannerEntry[] };
      items[key] = { ...record, entries: record.entries.map((e) => (e.isProduction ? { ...e, isProduction: 'yes' } : e)) };
    };
    expect(bannerFromIndex(page, [ALFIE_PROD, dev]).model.badge?.text).toBe('PRODUCTION');
    const { lookup, model } = bannerFromIndex(page, [ALFIE_PROD, dev], damage);
    // Not loaded: the banner makes no claim about profiles, and the content script asks for a rebuild.
    expect(lookup.loaded).toBe(false);
    expect(model.badge?.text).not.toBe('DEV');
    expect(model.state).toBe('loading');
  });
});
