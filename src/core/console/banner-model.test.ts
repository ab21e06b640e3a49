// What the console banner says and in which colours: production unmistakable, unknown accounts
// said to be unknown, nothing shown that no source supports.
import fc from 'fast-check';
import { contrastRatio, textColourFor } from '../contrast';
import { bannerModel, DEFAULT_BANNER_SETTINGS, type BannerSettings } from './banner-model';
import { buildBannerIndex, isBannerEntry, readBannerIndexRecords, bannerIndexKeysFor, BANNER_INDEX_META_KEY } from './banner-index';
import type { BannerEntry, IdentityMatch } from './identity-match';
import type { ConsoleIdentity } from '../protocol/messages';
import { DEFAULT_SETTINGS } from '../catalogue/schemas';
import { bannerEntry } from '../../../test/fixtures/alfie-entries';

const settings: BannerSettings = { bannerEnabled: true, bannerPosition: 'top', titlePrefix: true };

const prodEntry = bannerEntry('alfie-production');
const qaEntry: BannerEntry = { ...prodEntry, profile: 'alfie-qa', accountId: '234567890123', roleName: 'AlfieDeployment', env: 'test', envLabel: 'qa', isProduction: false, color: '#f2c94c' };

const identity = (extra: Partial<ConsoleIdentity> = {}): ConsoleIdentity => ({
  accountId: '123456789012',
  accountAlias: 'alfie-prod',
  roleName: 'AlfieReadOnly',
  principalKind: 'assumed-role',
  partition: 'aws',
  source: 'session-data',
  ...extra,
});
const profile = (entry: BannerEntry): IdentityMatch => ({ kind: 'profile', entry, alternatives: 0 });

test('a production profile: red, labelled PRODUCTION, every fact, title prefix, cannot collapse', () => {
  const model = bannerModel(identity(), profile(prodEntry), settings);
  expect(model).toMatchObject({
    state: 'profile',
    background: '#d13212',
    foreground: '#ffffff',
    badge: { text: 'PRODUCTION', background: '#ffffff', foreground: '#b0081a' },
    headline: 'alfie',
    fields: [
      { label: 'Profile', value: 'alfie-production' },
      { label: 'Account', value: '1234-5678-9012 (alfie-prod)' },
      { label: 'Role', value: 'AlfieReadOnly' },
    ],
    isProduction: true,
    collapsible: false,
    titlePrefix: '[PROD] ',
    visible: true,
    position: 'top',
  });
  expect(model.summary).toBe('PRODUCTION · alfie · Profile alfie-production · Account 1234-5678-9012 (alfie-prod) · Role AlfieReadOnly');
});

test('production stays labelled and visible even with a custom colour and the banner turned off', () => {
  const model = bannerModel(identity(), profile({ ...prodEntry, color: '#00ff00' }), { ...settings, bannerEnabled: false });
  expect(model.visible).toBe(true);
  expect(model.badge?.text).toBe('PRODUCTION');
  expect(model.background).toBe('#00ff00');
  expect(model.foreground).toBe('#000000');
});

test('other environments: the user\'s own word for it, collapsible, no title prefix, hidden when the banner is off', () => {
  const model = bannerModel(identity({ accountId: '234567890123', accountAlias: undefined, roleName: 'AlfieDeployment' }), profile(qaEntry), settings);
  expect(model).toMatchObject({ badge: { text: 'QA' }, collapsible: true, titlePrefix: null, isProduction: false, background: '#f2c94c', foreground: '#000000' });
  expect(model.fields[1]).toEqual({ label: 'Account', value: '2345-6789-0123' });
  expect(bannerModel(identity(), profile(qaEntry), { ...settings, bannerEnabled: false }).visible).toBe(false);
});

test('the title prefix follows its setting; the position follows its setting', () => {
  const model = bannerModel(identity(), profile(prodEntry), { ...settings, titlePrefix: false, bannerPosition: 'bottom' });
  expect(model.titlePrefix).toBeNull();
  expect(model.position).toBe('bottom');
});

test('an account not in the catalogue: neutral, "not in your profiles", with what the page said', () => {
  const model = bannerModel(identity({ accountId: '999988887777', accountAlias: 'someone-else', roleName: 'Admin' }), { kind: 'none' }, settings);
  expect(model).toMatchObject({
    state: 'not-in-profiles',
    headline: 'Account 9999-8888-7777 (someone-else) — not in your profiles',
    fields: [{ label: 'Role', value: 'Admin' }],
    isProduction: false,
    titlePrefix: null,
  });
  expect(model.badge).toBeUndefined();
  expect(model.summary).toBe('Account 9999-8888-7777 (someone-else) — not in your profiles · Role Admin');
});

test('an unreadable identity says "Unknown account" and nothing else', () => {
  for (const who of [null, identity({ accountId: null, accountAlias: undefined, roleName: undefined, principalKind: 'unknown', source: 'none' })]) {
    const model = bannerModel(who, { kind: 'none' }, settings);
    expect(model).toMatchObject({
      state: 'unknown',
      headline: 'Unknown account',
      fields: [{ label: 'Note', value: 'this page does not say which account it is signed in to' }],
      titlePrefix: null,
      isProduction: false,
    });
    expect(model.summary).not.toMatch(/\d{4}-\d{4}/);
  }
});

test('before the catalogue is loaded the banner shows the account without claiming it is not a profile', () => {
  const model = bannerModel(identity(), { kind: 'none' }, settings, false);
  expect(model.state).toBe('loading');
  expect(model.headline).toBe('Account 1234-5678-9012 (alfie-prod)');
  expect(model.summary).not.toContain('not in your profiles');
});

test('a known account with a role that is no profile: the account\'s environment, and says so', () => {
  const model = bannerModel(identity({ roleName: 'BreakGlass' }), { kind: 'account', entry: prodEntry }, settings);
  expect(model).toMatchObject({ state: 'account', badge: { text: 'PRODUCTION' }, titlePrefix: '[PROD] ', collapsible: false });
  expect(model.fields).toEqual([
    { label: 'Account', value: '1234-5678-9012 (alfie-prod)' },
    { label: 'Note', value: 'role not in your profiles' },
    { label: 'Role', value: 'BreakGlass' },
  ]);
  // The profile name of another role is never shown for this one.
  expect(model.summary).not.toContain('alfie-production');
  const mixed = bannerModel(identity({ roleName: 'BreakGlass' }), { kind: 'account' }, settings);
  expect(mixed).toMatchObject({ state: 'account', background: '#e9ebed', headline: 'Account 1234-5678-9012 (alfie-prod)' });
  expect(mixed.badge).toBeUndefined();
});

test('IAM users, root and SSO permission sets are named as what they are', () => {
  expect(bannerModel(identity({ principalKind: 'user', roleName: 'alice' }), { kind: 'account', entry: qaEntry }, settings).fields).toContainEqual({ label: 'IAM user', value: 'alice' });
  expect(bannerModel(identity({ principalKind: 'root', roleName: undefined }), { kind: 'none' }, settings).fields).toEqual([{ label: 'Signed in as', value: 'root user' }]);
  const sso = bannerModel(identity({ roleName: 'AWSReservedSSO_DataEngineer_0123456789abcdef', permissionSet: 'DataEngineer' }), profile({ ...qaEntry, kind: 'sso', roleName: 'DataEngineer' }), settings);
  expect(sso.fields).toContainEqual({ label: 'Permission set', value: 'DataEngineer' });
});

test('the alias shown is the page\'s; the profile\'s own alias only when the page gave none', () => {
  expect(bannerModel(identity({ accountAlias: 'page-alias' }), profile({ ...prodEntry, accountAlias: 'config-alias' }), settings).fields[1]!.value).toBe('1234-5678-9012 (page-alias)');
  expect(bannerModel(identity({ accountAlias: undefined }), profile({ ...prodEntry, accountAlias: 'config-alias' }), settings).fields[1]!.value).toBe('1234-5678-9012 (config-alias)');
});

test('an invalid colour in the data falls back to neutral rather than reaching the page\'s CSS', () => {
  expect(bannerModel(identity(), profile({ ...qaEntry, color: 'red;x:y' }), settings).background).toBe('#e9ebed');
});

test('text colour: whichever of black and white contrasts more, for any background', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
      const bg = `#${n.toString(16).padStart(6, '0')}`;
      const chosen = textColourFor(bg);
      const other = chosen === '#000000' ? '#ffffff' : '#000000';
      expect(contrastRatio(bg, chosen)).toBeGreaterThanOrEqual(contrastRatio(bg, other) - 1e-3);
      expect(contrastRatio(bg, chosen)).toBeGreaterThanOrEqual(4.5);
    }),
    { numRuns: 2000 },
  );
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  // Found by this property: the luminance of #c214ea (0.179102) lies between 0.1791 and the crossover.
  expect(textColourFor('#c214ea')).toBe('#ffffff');
  expect(contrastRatio('#c214ea', '#ffffff')).toBeGreaterThan(contrastRatio('#c214ea', '#000000'));
});

test('the content script\'s defaults are the settings schema\'s defaults', () => {
  expect(DEFAULT_BANNER_SETTINGS).toEqual({
    bannerEnabled: DEFAULT_SETTINGS.bannerEnabled,
    bannerPosition: DEFAULT_SETTINGS.bannerPosition,
    titlePrefix: DEFAULT_SETTINGS.titlePrefix,
  });
});

describe('the per-account index the content script reads', () => {
  const entries = [prodEntry, qaEntry, { ...qaEntry, profile: 'aliased', accountId: undefined, accountAlias: 'legacy' }];

  test('one record per account (and per alias for alias-only profiles); a page reads only its own', () => {
    const index = buildBannerIndex(entries, settings);
    expect(index.meta.accounts).toEqual(['123456789012', '234567890123']);
    expect(index.meta.aliases).toEqual(['legacy']);
    const items: Record<string, unknown> = { [BANNER_INDEX_META_KEY]: index.meta, ...index.records };
    const keys = bannerIndexKeysFor('123456789012', 'legacy');
    const picked = Object.fromEntries(keys.map((k) => [k, items[k]]));
    const lookup = readBannerIndexRecords(picked, '123456789012', 'legacy');
    expect(lookup).toEqual({ loaded: true, settings, entries: [prodEntry, entries[2]], idOnly: true });
  });

  test('the generation changes with any entry or setting, and only then', () => {
    const a = buildBannerIndex(entries, settings).meta.generation;
    expect(buildBannerIndex(entries, settings).meta.generation).toBe(a);
    expect(buildBannerIndex(entries, { ...settings, titlePrefix: false }).meta.generation).not.toBe(a);
    expect(buildBannerIndex([{ ...prodEntry, color: '#000000' }, qaEntry, entries[2]!], settings).meta.generation).not.toBe(a);
  });

  test('damaged or foreign data is "not loaded", never trusted: a record with an invalid entry too', () => {
    const index = buildBannerIndex(entries, settings);
    const key = bannerIndexKeysFor('123456789012', undefined)[1]!;
    expect(readBannerIndexRecords({}, '123456789012', undefined)).toEqual({ loaded: false });
    expect(readBannerIndexRecords({ [BANNER_INDEX_META_KEY]: { ...index.meta, v: 0 } }, '123456789012', undefined)).toEqual({ loaded: false });
    expect(readBannerIndexRecords({ [BANNER_INDEX_META_KEY]: index.meta, [key]: { generation: 'old', entries: [] } }, '123456789012', undefined)).toEqual({ loaded: false });
    const withJunk = { generation: index.meta.generation, entries: [prodEntry, { profile: 'x' }, 'junk', { ...prodEntry, kind: 'iam' }] };
    expect(readBannerIndexRecords({ [BANNER_INDEX_META_KEY]: index.meta, [key]: withJunk }, '123456789012', undefined)).toEqual({ loaded: false });
    // An account the meta does not list has no profiles, whatever stale record remains.
    expect(readBannerIndexRecords({ [BANNER_INDEX_META_KEY]: index.meta, ['bannerIndex:account:999999999999']: { generation: index.meta.generation, entries: [prodEntry] } }, '999999999999', undefined)).toEqual({ loaded: true, settings, entries: [], idOnly: true });
    expect(isBannerEntry({ ...prodEntry, accountId: undefined })).toBe(false);
  });
});
