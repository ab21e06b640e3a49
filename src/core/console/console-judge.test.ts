// Issue 11: the judge on the console's real forms: strict (any two of the tab's sources that
// disagree make the account unknown, with the reason), never fooled by the cookie or a decoy,
// production never downgraded, Identity Center roles by permission set, the "Why?" report, and
// the European Sovereign Cloud. The readers' side is in console-internals.test.ts.
import fc from 'fast-check';
import { bannerModel } from './banner-model';
import { buildBannerIndex, bannerIndexKeysFor, readBannerIndexRecords, BANNER_INDEX_META_KEY } from './banner-index';
import { combineIdentity, judgeIdentity, parsePrincipalArn, type IdentityReading } from './console-identity';
import { consolePartition, isSignInHostOf, signInHost } from './console-hosts';
import { entryHasRole, matchIdentity } from './identity-match';
import { permissionSetOf } from '../aws-names';
import { identityReport, identityVerdict } from './identity-report';
import type { ConsoleIdentity } from '../protocol/messages';
import { bannerEntry } from '../../../test/fixtures/alfie-entries';

const HOST = 'us-east-1.console.aws.amazon.com';
const MULTI_HOST = '123456789012-prodabcd.us-east-1.console.aws.amazon.com';
const settings = { bannerEnabled: true, bannerPosition: 'top' as const, titlePrefix: true };

const entry = bannerEntry;
const PROD = entry('alfie-production');
const DEV = entry('alfie-development', { accountId: '345678901234', roleName: 'AlfieFullAccess', env: 'development', envLabel: 'dev', isProduction: false, color: '#2e7d32' });

const session = (account: string, role: string, extra: Partial<IdentityReading> = {}): IdentityReading => ({
  source: 'session-data',
  accountId: account,
  arn: `arn:aws:sts::${account}:assumed-role/${role}/alice`,
  ...extra,
});
const hostLabel = (account: string): IdentityReading => ({ source: 'host-label', accountId: account, sessionId: `${account}-prodabcd`, multiSession: true, region: 'us-east-1' });
const button = (title: string, labels: string[] = []): IdentityReading => {
  const at = title.lastIndexOf(' @ ');
  return { source: 'nav-button', principal: title.slice(0, at), account: title.slice(at + 3), labels };
};
const cookie = (extra: Partial<IdentityReading>): IdentityReading => ({ source: 'cookie', ...extra });

/** What the banner says for these readings against PROD and DEV. */
function banner(readings: IdentityReading[], host = HOST) {
  const identity = combineIdentity(readings, host);
  const model = bannerModel(identity, matchIdentity(identity, [PROD, DEV]), settings);
  return { identity, model, text: [model.badge?.text, model.headline, ...model.fields.map((f) => `${f.label} ${f.value}`)].filter(Boolean).join(' · ') };
}

describe('strict: the tab\'s sources must agree', () => {
  test('session data and account button agree: the account, the role, both reported', () => {
    const { identity, text } = banner([session('123456789012', 'AlfieReadOnly'), button('AlfieReadOnly/alice @ 1234-5678-9012')]);
    expect(text).toBe('PRODUCTION · alfie · Profile alfie-production · Account 1234-5678-9012 · Role AlfieReadOnly');
    expect(identity.sources?.map((s) => s.verdict)).toEqual(['decided', 'agrees']);
  });

  test('session data disagreeing with the account button: unknown account with the reason, and still production (one of them is)', () => {
    const { identity, model, text } = banner([session('345678901234', 'AlfieFullAccess'), button('AlfieReadOnly/alice @ 1234-5678-9012')]);
    expect(identity).toMatchObject({ accountId: null, source: 'none', candidates: ['345678901234', '123456789012'] });
    expect(text).toBe(
      'PRODUCTION · Unknown account · Note the sources disagree: awsc-session-data meta 3456-7890-1234, account button title 1234-5678-9012 · Could be alfie-production',
    );
    expect(model).toMatchObject({ state: 'unknown', isProduction: true, collapsible: false, titlePrefix: '[PROD] ' });
  });

  test('two sources that disagree on two non-production accounts: plain unknown, nothing production about it', () => {
    const { model, text } = banner([session('345678901234', 'AlfieFullAccess'), button('Admin/alice @ 9999-8888-7777')]);
    expect(text).toBe('Unknown account · Note the sources disagree: awsc-session-data meta 3456-7890-1234, account button title 9999-8888-7777');
    expect(model).toMatchObject({ isProduction: false, titlePrefix: null });
  });

  test('a decoy account button inside the header, before the real one: unknown, never the decoy\'s environment', () => {
    const { identity, text } = banner([button('AlfieFullAccess/alice @ 3456-7890-1234'), button('AlfieReadOnly/alice @ 1234-5678-9012')]);
    expect(identity.accountId).toBeNull();
    expect(text).not.toContain('DEVELOPMENT');
    expect(text).toContain('PRODUCTION · Unknown account');
  });

  test('multi-session: the host label decides; a session data meta naming another account makes it unknown', () => {
    expect(banner([hostLabel('123456789012'), session('123456789012', 'AlfieReadOnly', { multiSession: true })], MULTI_HOST).identity).toMatchObject({ accountId: '123456789012', source: 'host-label' });
    const { identity, text } = banner([hostLabel('123456789012'), session('345678901234', 'AlfieFullAccess', { multiSession: true })], MULTI_HOST);
    expect(identity.reason).toBe('the sources disagree: awsc-session-data meta 3456-7890-1234, host name 1234-5678-9012');
    expect(text).toMatch(/^PRODUCTION · Unknown account/);
  });

  test('partitions: an ARN of another partition than the console makes the account unknown, with the reason', () => {
    const { identity } = banner([session('123456789012', 'AlfieReadOnly', { arn: 'arn:aws-us-gov:sts::123456789012:assumed-role/AlfieReadOnly/alice' }), button('AlfieReadOnly/alice @ 1234-5678-9012')]);
    expect(identity.accountId).toBeNull();
    expect(identity.reason).toBe('the awsc-session-data meta: its ARN is of partition aws-us-gov, the console of aws');
  });

  test('an account button whose short label names another role than its title is not believed', () => {
    const bad = banner([button('AlfieReadOnly/alice @ 1234-5678-9012', ['AlfieFullAccess/alice'])]);
    expect(bad.identity).toMatchObject({ accountId: null, reason: 'the account button title cannot be used: its label names another role than its title' });
    // The permission set form of the label, or a display name without "/", is fine.
    expect(banner([button('AWSReservedSSO_Dev_0123456789abcdef/bob @ 1234-5678-9012', ['Dev/bob', ' Dev/bob '])]).identity.permissionSet).toBe('Dev');
    expect(banner([button('AlfieReadOnly/alice @ 1234-5678-9012', ['prod-readonly'])]).identity.roleName).toBe('AlfieReadOnly');
    // The old navigation's label repeated the title, account and all.
    expect(banner([button('ADFS-READONLY/tony @ 1234-5678-9012', ['ADFS-READONLY/tony @ 1234-5678-9012'])]).identity.roleName).toBe('ADFS-READONLY');
  });

  test('sources agreeing on the account but naming different roles: the account, no role (production wins by account)', () => {
    const { identity, text } = banner([session('123456789012', 'AlfieFullAccess'), button('AlfieReadOnly/alice @ 1234-5678-9012')]);
    expect(identity).toMatchObject({ accountId: '123456789012', principalKind: 'unknown' });
    expect(identity.roleName).toBeUndefined();
    expect(text).toBe('PRODUCTION · alfie · Account 1234-5678-9012 · Note role not in your profiles');
    expect(identity.sources?.map((s) => s.note)).toEqual(['the sources name different roles: none is shown', 'the sources name different roles: none is shown']);
  });

  test('aliases: a title naming the account by alias gives an alias-only identity; two aliases disagree; an alias and an ID do not', () => {
    const aliasOnly = banner([button('LedgerAdmin/carol @ ledger-prod')]);
    expect(aliasOnly.identity).toMatchObject({ accountId: null, accountAlias: 'ledger-prod', roleName: 'LedgerAdmin', source: 'nav-button' });
    // These profiles name their accounts by ID only: any of them could be ledger-prod, so no claim.
    expect(aliasOnly.text).toBe('Unknown account · Note the page names the account only by alias, and profiles that name theirs by ID only could be it');
    expect(banner([button('A/bb @ ledger-prod'), { source: 'navigation', account: 'ledger-dev' }]).identity.reason).toMatch(/^the sources disagree/);
    expect(banner([button('A/bb @ ledger-prod'), { source: 'navigation', account: '1234-5678-9012' }]).identity).toMatchObject({ accountId: '123456789012', accountAlias: 'ledger-prod' });
    // An "alias" written like an account ID is that ID (found by the property test): it disagrees with another ID.
    expect(banner([{ source: 'session-data', accountAlias: '1234-5678-9012' }, { source: 'navigation', accountId: '999999999999' }]).identity).toMatchObject({ accountId: null, candidates: ['123456789012', '999999999999'] });
  });
});

describe('the aws-userInfo cookie', () => {
  const arn = 'arn:aws:sts::123456789012:assumed-role/AlfieReadOnly/alice';

  test('never decides alone, but is reported; naming another account is no disagreement (it is who signed in)', () => {
    expect(banner([cookie({ arn })]).identity).toMatchObject({ accountId: null, reason: 'only the aws-userInfo cookie names an account, and it says who signed in, not which account this tab is in' });
    const switched = banner([session('345678901234', 'AlfieFullAccess'), cookie({ arn, account: 'alfie-prod' })]);
    expect(switched.text).toBe('DEV · alfie · Profile alfie-development · Account 3456-7890-1234 · Role AlfieFullAccess');
    expect(switched.identity.accountAlias).toBeUndefined();
  });

  test('agreeing with the tab, it may add the alias and a role; that role is weak and never turns production into another profile', () => {
    const readOnly = entry('alfie-prod-ro');
    const deploy = entry('alfie-prod-deploy', { roleName: 'Deploy', env: 'staging', envLabel: 'staging', isProduction: false });
    const identity = combineIdentity([{ source: 'navigation', account: '1234-5678-9012' }, cookie({ arn: 'arn:aws:sts::123456789012:assumed-role/Deploy/alice', account: 'alfie-prod' })], HOST);
    expect(identity).toMatchObject({ accountId: '123456789012', accountAlias: 'alfie-prod', roleName: 'Deploy', weakPrincipal: true });
    expect(matchIdentity(identity, [deploy, readOnly])).toEqual({ kind: 'account', entry: readOnly });
    // The same role from the tab's own source is believed.
    const strong = combineIdentity([button('Deploy/alice @ 1234-5678-9012')], HOST);
    expect(matchIdentity(strong, [deploy, readOnly])).toMatchObject({ kind: 'profile', entry: deploy });
  });

  test('its quirks: alias = the account ID; username URL-encoded twice; the portal issuer with account and permission set; no signinType', () => {
    const sso = 'arn:aws:sts::456789012345:assumed-role/AWSReservedSSO_DataEngineer_0123456789abcdef/alice@example.com';
    const portal = 'https://d-1234567890.awsapps.com/start/#/console?account_id=456789012345&role_name=DataEngineer&destination=x';
    const ok = combineIdentity([{ source: 'navigation', account: '4567-8901-2345' }, cookie({ arn: sso, account: '456789012345', username: 'assumed-role/AWSReservedSSO_DataEngineer_0123456789abcdef/alice@example.com', issuer: portal })], HOST);
    expect(ok).toMatchObject({ accountId: '456789012345', permissionSet: 'DataEngineer', weakPrincipal: true });
    expect(ok.accountAlias).toBeUndefined(); // a 12-digit "alias" is no alias
    const problem = (extra: Partial<IdentityReading>) => combineIdentity([cookie({ arn: sso, ...extra })], HOST).sources![0]!;
    expect(problem({ account: '999999999999' })).toMatchObject({ verdict: 'unusable', note: 'it names two accounts: 999999999999, 456789012345' });
    expect(problem({ username: 'assumed-role/Other/alice@example.com' })).toMatchObject({ verdict: 'unusable', note: 'its username is not its ARN\'s' });
    expect(problem({ issuer: portal.replace('456789012345', '111111111111') })).toMatchObject({ verdict: 'unusable' });
    expect(problem({ issuer: portal.replace('DataEngineer', 'Admin') })).toMatchObject({ verdict: 'unusable', note: 'its issuer names another permission set' });
    // SAML: empty issuer; IAM user: the sign-in URL; both fine.
    expect(problem({ issuer: '' }).verdict).toBe('who-signed-in');
    expect(combineIdentity([cookie({ arn: 'arn:aws:iam::995553441267:user/roeet', account: '995553441267', username: 'roeet', issuer: 'http://signin.aws.amazon.com/signin' })], HOST).sources![0]).toMatchObject({
      verdict: 'who-signed-in',
      principal: 'IAM user roeet',
    });
  });

  test('on a multi-session tab it is not used, even when it names the host label\'s own account', () => {
    const { identity, text } = banner([hostLabel('123456789012'), cookie({ arn: 'arn:aws:sts::345678901234:assumed-role/AlfieFullAccess/alice' })], MULTI_HOST);
    expect(text).toBe('PRODUCTION · alfie · Account 1234-5678-9012 · Note role not in your profiles');
    expect(identity.sources?.find((s) => s.source === 'cookie')).toMatchObject({ verdict: 'unusable' });
    expect(combineIdentity([hostLabel('123456789012'), cookie({ arn })], MULTI_HOST).roleName).toBeUndefined();
  });
});

describe('Identity Center roles map to their permission set everywhere', () => {
  const identity = (roleName: string): ConsoleIdentity => combineIdentity([button(`${roleName}/bob @ 2345-6789-0123`)], HOST);

  test('with and without path, whatever the hash', () => {
    expect(permissionSetOf('AWSReservedSSO_QaTester_0123456789abcdef')).toBe('QaTester');
    expect(permissionSetOf('aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Data_Eng_fedcba9876543210')).toBe('Data_Eng');
    const page = identity('AWSReservedSSO_QaTester_fedcba9876543210');
    expect(page.permissionSet).toBe('QaTester');
    const sso = entry('qa-sso', { kind: 'sso', accountId: '234567890123', roleName: 'QaTester' });
    const named = entry('qa-role', { accountId: '234567890123', roleName: 'AWSReservedSSO_QaTester_0123456789abcdef' });
    const withPath = entry('q-path', { accountId: '234567890123', roleName: 'aws-reserved/sso.amazonaws.com/AWSReservedSSO_Q_0123456789abcdef' });
    expect(entryHasRole(sso, page)).toBe(true);
    expect(entryHasRole(named, page)).toBe(true);
    expect(entryHasRole(withPath, identity('AWSReservedSSO_Q_aaaaaaaa00000000'))).toBe(true);
    expect(entryHasRole(withPath, page)).toBe(false);
    // A plain role named like the set is another role.
    expect(entryHasRole(entry('plain', { accountId: '234567890123', roleName: 'QaTester' }), page)).toBe(false);
    expect(matchIdentity(page, [named])).toMatchObject({ kind: 'profile', entry: named });
  });
});

describe('the "Why?" report', () => {
  test('one line per source, strongest first: what it said and the verdict; no session names, no cookie secrets', () => {
    const identity = combineIdentity(
      [
        button('AWSReservedSSO_DataEngineer_0123456789abcdef/alice@example.com @ 4567-8901-2345', ['DataEngineer/alice@example.com']),
        cookie({ arn: 'arn:aws:sts::111122223333:user/bob', account: 'acme-id', username: 'bob', issuer: 'https://d-1234567890.awsapps.com/start' }),
      ],
      'eu-west-1.console.aws.amazon.com',
    );
    const report = identityReport(identity, 'eu-west-1.console.aws.amazon.com');
    expect(report).toBe(
      [
        'Role Switchboard: who is this console tab? eu-west-1.console.aws.amazon.com (partition aws)',
        'Account 4567-8901-2345, permission set DataEngineer: decided by the account button title',
        '- awsc-session-data meta: not found',
        '- host name: not found',
        '- account button title: 4567-8901-2345, role AWSReservedSSO_DataEngineer_0123456789abcdef, decided',
        '- account menu: not found',
        '- aws-userInfo cookie: acme-id, unusable (its ARN is not a principal ARN)',
      ].join('\n'),
    );
    expect(report).not.toContain('alice@example.com');
    expect(report).not.toContain('awsapps');
  });

  test('an unknown account says why, in the verdict line', () => {
    const identity = combineIdentity([session('345678901234', 'AlfieFullAccess'), button('AlfieReadOnly/alice @ 1234-5678-9012')], HOST);
    expect(identityVerdict(identity)).toBe('Unknown account: the sources disagree: awsc-session-data meta 3456-7890-1234, account button title 1234-5678-9012');
    expect(identityReport(identity, HOST).split('\n').slice(2, 5)).toEqual([
      '- awsc-session-data meta: 3456-7890-1234, role AlfieFullAccess, disagrees',
      '- host name: not found',
      '- account button title: 1234-5678-9012, role AlfieReadOnly, disagrees',
    ]);
    expect(identityVerdict(null)).toBe('Unknown account: the page did not answer');
  });
});

describe('the banner index finds a page named by alias only, and a disputed page\'s candidates', () => {
  const ledger = entry('ledger-production', { accountId: '777788889999', accountAlias: 'ledger-prod', roleName: 'LedgerAdmin', app: 'ledger' });
  const index = buildBannerIndex([PROD, DEV, ledger], settings);
  const items: Record<string, unknown> = { [BANNER_INDEX_META_KEY]: index.meta, ...index.records };
  const lookup = (ids: string | null | string[], alias?: string) => readBannerIndexRecords(Object.fromEntries(bannerIndexKeysFor(ids, alias).map((k) => [k, items[k]])), ids, alias);

  test('a profile with an ID and an alias is filed under both, and read once', () => {
    expect(index.meta.aliases).toEqual(['ledger-prod']);
    expect(lookup(null, 'ledger-prod')).toMatchObject({ loaded: true, entries: [ledger] });
    expect(lookup('777788889999', 'ledger-prod')).toMatchObject({ loaded: true, entries: [ledger] });
    const page = combineIdentity([button('LedgerAdmin/carol @ ledger-prod')], HOST);
    const found = lookup(page.accountId, page.accountAlias);
    expect(found.loaded && matchIdentity(page, found.entries)).toMatchObject({ kind: 'profile', entry: ledger });
  });

  test('candidates: every account the disagreeing sources name', () => {
    expect(lookup(['345678901234', '123456789012'])).toMatchObject({ loaded: true, entries: [DEV, PROD] });
  });
});

describe('the European Sovereign Cloud (aws-eusc)', () => {
  test('console hosts, principal ARNs, and only regional sign-in hosts', () => {
    expect(consolePartition('console.amazonaws-eusc.eu')).toBe('aws-eusc');
    expect(consolePartition('eusc-de-east-1.console.amazonaws-eusc.eu')).toBe('aws-eusc');
    expect(consolePartition('console.amazonaws-eusc.eu.evil.example')).toBeNull();
    expect(parsePrincipalArn('arn:aws-eusc:sts::789012345678:assumed-role/EuOps/alice')).toMatchObject({ partition: 'aws-eusc', accountId: '789012345678', name: 'EuOps' });
    expect(signInHost('aws-eusc')).toBe('eusc-de-east-1.signin.amazonaws-eusc.eu');
    expect(signInHost('aws-eusc', 'eusc-de-east-1')).toBe('eusc-de-east-1.signin.amazonaws-eusc.eu');
    expect(signInHost('aws-eusc', 'us-east-1')).toBe('eusc-de-east-1.signin.amazonaws-eusc.eu');
    expect(signInHost('aws', 'us-east-1')).toBe('signin.aws.amazon.com');
    expect(isSignInHostOf('eusc-de-east-1.signin.amazonaws-eusc.eu', 'aws-eusc')).toBe(true);
    // Switching through the bare host fails (AWS Extend Switch Roles' issue #407): never used.
    expect(isSignInHostOf('signin.amazonaws-eusc.eu', 'aws-eusc')).toBe(false);
    expect(isSignInHostOf('eusc-de-east-1.signin.amazonaws-eusc.eu', 'aws')).toBe(false);
  });

  test('an aws-eusc ARN on a commercial console is another partition: unknown', () => {
    const wrong = session('789012345678', 'EuOps', { arn: 'arn:aws-eusc:sts::789012345678:assumed-role/EuOps/alice' });
    expect(combineIdentity([wrong], HOST).accountId).toBeNull();
    expect(combineIdentity([wrong], 'eusc-de-east-1.console.amazonaws-eusc.eu')).toMatchObject({ accountId: '789012345678', partition: 'aws-eusc', roleName: 'EuOps' });
  });
});

describe('one judge for the banner and for the report', () => {
  // The content script paints with judgeIdentity; the popup and the background build the "Why?"
  // report with combineIdentity from the readings it sends. They must never disagree.
  test('property: judgeIdentity is combineIdentity without what only the report and the switch use', () => {
    const account = fc.constantFrom('123456789012', '345678901234', '1234-5678-9012', 'alfie-prod', 'ledger-prod', '12345', '');
    const role = fc.constantFrom('AlfieReadOnly', 'AlfieFullAccess', 'AWSReservedSSO_DataEngineer_0123456789abcdef', 'bad name');
    const reading = fc.oneof(
      fc.tuple(account, role).map(([a, r]) => session(a.replace(/-/g, ''), r)),
      fc.tuple(account, role).map(([a, r]) => session(a, r, { multiSession: true, sessionId: `${a}-prodabcd`, signInEndpoint: 'us-east-1.signin.aws.amazon.com' })),
      account.map((a) => hostLabel(a.replace(/-/g, ''))),
      fc.tuple(account, role, fc.array(fc.constantFrom('AlfieReadOnly/alice', 'DataEngineer/alice', 'Other/bob'), { maxLength: 2 })).map(([a, r, labels]) => button(`${r}/alice @ ${a}`, labels)),
      fc.tuple(account, role).map(([a, r]) => cookie({ arn: `arn:aws:sts::${a}:assumed-role/${r}/alice`, account: a, username: `assumed-role/${r}/alice` })),
      fc.record({ source: fc.constantFrom('navigation', 'nav-button', 'session-data') as fc.Arbitrary<IdentityReading['source']>, unusable: fc.constant('found outside the console header: not read') }),
      fc.record({ source: fc.constant('navigation' as const), account, role }),
    );
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 5 }), fc.constantFrom(HOST, MULTI_HOST, 'console.amazonaws.cn'), (readings, host) => {
        const { sources, signInEndpoint: _endpoint, ...withoutReport } = combineIdentity(readings, host);
        expect(judgeIdentity(readings, host)).toEqual(withoutReport);
        expect(sources).toHaveLength(readings.length);
      }),
      { numRuns: 1000 },
    );
  });

  test('the sign-in endpoint comes only with the report\'s judgement, and only a sign-in host of the partition', () => {
    const readings = [session('123456789012', 'AlfieReadOnly', { signInEndpoint: 'us-east-1.signin.aws.amazon.com' })];
    expect(combineIdentity(readings, HOST).signInEndpoint).toBe('us-east-1.signin.aws.amazon.com');
    expect(judgeIdentity(readings, HOST).signInEndpoint).toBeUndefined();
    expect(combineIdentity([session('123456789012', 'AlfieReadOnly', { signInEndpoint: 'signin.evil.example' })], HOST).signInEndpoint).toBeUndefined();
  });
});
