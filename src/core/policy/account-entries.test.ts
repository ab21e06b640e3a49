// An account the organisation calls production, which no profile names, banners as production.
import { bannerModel } from '../console/banner-model';
import { BANNER_INDEX_META_KEY, buildBannerIndex, readBannerIndexRecords } from '../console/banner-index';
import { matchIdentity } from '../console/identity-match';
import type { ConsoleIdentity } from '../protocol/messages';
import { importConfig } from '../catalogue/import-config';
import { DEFAULT_SETTINGS } from '../catalogue/schemas';
import { policyAccountEntries } from './account-entries';
import { mergeCatalogues } from './merge-catalogues';
import { parsePolicy } from './policy-values';

const policy = parsePolicy({
  config: '[profile shop-dev]\nrole_arn = arn:aws:iam::111111111111:role/Developer\n',
  accounts: { '444444444444': { production: true }, '555555555555': { app: 'billing', environment: 'qa' }, '111111111111': { production: true } },
});
const entries = mergeCatalogues(policy, importConfig('').entries).entries;

const identity = (accountId: string, partition: ConsoleIdentity['partition'] = 'aws'): ConsoleIdentity => ({
  accountId,
  roleName: 'Admin',
  principalKind: 'assumed-role',
  partition,
  source: 'session-data',
});

function bannerFor(id: ConsoleIdentity) {
  const index = buildBannerIndex([...entries, ...policyAccountEntries(policy, entries)], DEFAULT_SETTINGS);
  const items = { [BANNER_INDEX_META_KEY]: index.meta, ...index.records };
  const lookup = readBannerIndexRecords(items, id.accountId, undefined);
  if (!lookup.loaded) throw new Error('index not loaded');
  return bannerModel(id, matchIdentity(id, lookup.entries), lookup.settings);
}

test('one stand-in per account no profile names, in every partition; none for an account a profile names', () => {
  const standIns = policyAccountEntries(policy, entries);
  expect(standIns.filter((e) => e.partition === 'aws').map((e) => [e.profile, e.isProduction, e.env, e.envLabel, e.app])).toEqual([
    ['Account 4444-4444-4444', true, 'production', 'production', "Your organisation's account"],
    ['Account 5555-5555-5555', false, 'test', 'qa', 'billing'],
  ]);
  expect(standIns.filter((e) => e.accountId === '444444444444').map((e) => e.partition)).toEqual(['aws', 'aws-us-gov', 'aws-cn', 'aws-eusc']);
  expect(standIns.some((e) => e.accountId === '111111111111' && e.partition === 'aws')).toBe(false);
  expect(policyAccountEntries(parsePolicy({}), entries)).toEqual([]);
});

test('a console page of a production account that only `accounts` lists banners PRODUCTION, with the account and the role', () => {
  const model = bannerFor(identity('444444444444'));
  expect(model.isProduction).toBe(true);
  expect(model.badge?.text).toBe('PRODUCTION');
  expect(model.state).toBe('account');
  expect(model.summary).toContain('4444-4444-4444');
  expect(model.summary).toContain('Role Admin');
  expect(model.collapsible).toBe(false);
  expect(bannerFor(identity('444444444444', 'aws-us-gov')).isProduction).toBe(true);
});

test("an account the policy gives an environment shows it; an account nobody names is still 'not in your profiles'", () => {
  expect(bannerFor(identity('555555555555')).badge?.text).toBe('QA');
  expect(bannerFor(identity('999999999999')).state).toBe('not-in-profiles');
});
