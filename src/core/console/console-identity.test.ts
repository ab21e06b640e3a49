// Who am I on a console page: cross-checking the sources (fail closed, never guess) and
// matching the identity to the catalogue.
import fc from 'fast-check';
import { combineIdentity, parsePrincipalArn, type IdentityReading } from './console-identity';
import { consolePartition, isSignInHostOf, signInHost } from './console-hosts';
import { matchIdentity, type BannerEntry } from './identity-match';
import { formatAccountId, permissionSetOf } from '../aws-names';
import type { ConsoleIdentity } from '../protocol/messages';

const HOST = 'us-east-1.console.aws.amazon.com';
/** The identity without its per-source report (tested on its own). */
const bare = ({ sources: _sources, ...rest }: ConsoleIdentity) => rest;
const ROLE_ARN = 'arn:aws:sts::123456789012:assumed-role/Admin/alice';

describe('hosts and partitions', () => {
  test.each([
    ['console.aws.amazon.com', 'aws'],
    ['us-east-1.console.aws.amazon.com', 'aws'],
    ['123456789012-abcd1234.us-east-1.console.aws.amazon.com', 'aws'],
    ['health.aws.amazon.com', 'aws'],
    ['phd.aws.amazon.com', 'aws'],
    ['console.amazonaws-us-gov.com', 'aws-us-gov'],
    ['us-gov-west-1.console.amazonaws-us-gov.com', 'aws-us-gov'],
    ['phd.amazonaws-us-gov.com', 'aws-us-gov'],
    ['console.amazonaws.cn', 'aws-cn'],
    ['cn-north-1.console.amazonaws.cn', 'aws-cn'],
    ['health.amazonaws.cn', 'aws-cn'],
    ['US-EAST-1.CONSOLE.AWS.AMAZON.COM', 'aws'],
  ])('%s is a console host of %s', (host, partition) => {
    expect(consolePartition(host)).toBe(partition);
  });

  test.each(['console.aws.amazon.com.evil.example', 'evilconsole.aws.amazon.com', 'signin.aws.amazon.com', 'aws.amazon.com', 'health.amazonaws-us-gov.com', 'example.com'])(
    '%s is not a console host',
    (host) => {
      expect(consolePartition(host)).toBeNull();
    },
  );

  test('sign-in hosts: the partition host or a regional one, nothing else', () => {
    expect(signInHost('aws-cn')).toBe('signin.amazonaws.cn');
    expect(isSignInHostOf('signin.aws.amazon.com', 'aws')).toBe(true);
    expect(isSignInHostOf('us-east-1.signin.aws.amazon.com', 'aws')).toBe(true);
    expect(isSignInHostOf('evil.signin.aws.amazon.com', 'aws')).toBe(false);
    expect(isSignInHostOf('signin.aws.amazon.com.evil.example', 'aws')).toBe(false);
    expect(isSignInHostOf('signin.aws.amazon.com', 'aws-cn')).toBe(false);
    expect(isSignInHostOf('signin.amazonaws-us-gov.com', 'aws-us-gov')).toBe(true);
  });
});

test('account IDs are shown as the console writes them, leading zeros kept', () => {
  expect(formatAccountId('123456789012')).toBe('1234-5678-9012');
  expect(formatAccountId('000000000042')).toBe('0000-0000-0042');
  expect(formatAccountId('12345')).toBe('12345');
});

test('SSO reserved roles give their permission set, underscores and all', () => {
  expect(permissionSetOf('AWSReservedSSO_AdministratorAccess_0123456789abcdef')).toBe('AdministratorAccess');
  expect(permissionSetOf('AWSReservedSSO_Data_Engineer_v2_fedcba9876543210')).toBe('Data_Engineer_v2');
  expect(permissionSetOf('AWSReservedSSO_Admin_0123')).toBeNull();
  expect(permissionSetOf('Admin')).toBeNull();
});

describe('principal ARNs', () => {
  test('assumed role: role name without path, the session name is not the role', () => {
    expect(parsePrincipalArn(ROLE_ARN)).toEqual({ partition: 'aws', accountId: '123456789012', kind: 'assumed-role', name: 'Admin', resource: 'assumed-role/Admin/alice' });
  });
  test('IAM user with a path: the last segment; root; other partitions', () => {
    expect(parsePrincipalArn('arn:aws:iam::123456789012:user/people/alice')).toMatchObject({ kind: 'user', name: 'alice' });
    expect(parsePrincipalArn('arn:aws:iam::123456789012:root')).toMatchObject({ kind: 'root' });
    expect(parsePrincipalArn('arn:aws-cn:sts::123456789012:assumed-role/R/se')).toMatchObject({ partition: 'aws-cn' });
    // AWS role session names are 2–64 characters.
    expect(parsePrincipalArn('arn:aws:sts::123456789012:assumed-role/R/s')).toBeNull();
  });
  test.each(['arn:aws:sts::12345678901:assumed-role/R/s', 'arn:aws-iso:sts::123456789012:assumed-role/R/s', 'arn:aws:sts::123456789012:assumed-role/R', 'arn:aws:s3:::bucket', 'nonsense', `arn:aws:sts::123456789012:assumed-role/${'x'.repeat(65)}/s`])(
    'unreadable: %s',
    (arn) => {
      expect(parsePrincipalArn(arn)).toBeNull();
    },
  );
});

describe('combining the sources', () => {
  const session = (extra: Partial<IdentityReading> = {}): IdentityReading => ({
    source: 'session-data',
    accountId: '123456789012',
    accountAlias: 'acme-prod',
    arn: ROLE_ARN,
    ...extra,
  });

  test('session data alone gives account, alias and role', () => {
    expect(bare(combineIdentity([session()], HOST))).toEqual({
      accountId: '123456789012',
      accountAlias: 'acme-prod',
      roleName: 'Admin',
      principalKind: 'assumed-role',
      partition: 'aws',
      source: 'session-data',
    });
  });

  // Issue 11 changed this: a weaker source naming another account no longer loses to the
  // stronger one; any two sources that disagree make the account unknown, whatever the order.
  test('two sources naming different accounts: unknown account, with the reason, whatever order the readings come in', () => {
    const nav: IdentityReading = { source: 'navigation', accountId: '999999999999' };
    for (const readings of [[nav, session()], [session(), nav]]) {
      const identity = combineIdentity(readings, HOST);
      expect(identity).toMatchObject({ accountId: null, source: 'none', candidates: ['123456789012', '999999999999'] });
      expect(identity.reason).toBe('the sources disagree: awsc-session-data meta 1234-5678-9012 (acme-prod), account menu 9999-9999-9999');
      expect(identity.roleName).toBeUndefined();
    }
  });

  test('a cookie naming another account (the original sign-in) never lends its names', () => {
    const cookie: IdentityReading = { source: 'cookie', arn: 'arn:aws:iam::111122223333:user/alice', accountAlias: 'identity' };
    const hostOnly: IdentityReading = { source: 'host-label', accountId: '123456789012', sessionId: '123456789012-abcd1234' };
    const identity = combineIdentity([hostOnly, cookie], HOST);
    expect(identity.accountId).toBe('123456789012');
    expect(identity.roleName).toBeUndefined();
    expect(identity.accountAlias).toBeUndefined();
    expect(identity.principalKind).toBe('unknown');
  });

  test('a cookie agreeing with a stronger source may add the role name', () => {
    const nav: IdentityReading = { source: 'navigation', accountId: '123456789012' };
    const cookie: IdentityReading = { source: 'cookie', arn: ROLE_ARN, accountAlias: 'acme-prod' };
    expect(combineIdentity([nav, cookie], HOST)).toMatchObject({ accountId: '123456789012', roleName: 'Admin', accountAlias: 'acme-prod', source: 'navigation' });
  });

  test('the cookie alone never decides the account', () => {
    const identity = combineIdentity([{ source: 'cookie', arn: ROLE_ARN }], HOST);
    expect(bare(identity)).toEqual({
      accountId: null,
      principalKind: 'unknown',
      partition: 'aws',
      source: 'none',
      reason: 'only the aws-userInfo cookie names an account, and it says who signed in, not which account this tab is in',
    });
    expect(identity.sources).toEqual([
      { source: 'cookie', verdict: 'who-signed-in', account: '1234-5678-9012', principal: 'role Admin', note: 'says who signed in; never decides alone' },
    ]);
  });

  // Issue 11 changed this: a source that contradicts itself names two accounts, so the account
  // is unknown (it used to be dropped and the next source believed).
  test('session data contradicting itself makes the account unknown, even where another source names one of its accounts', () => {
    const confused = session({ accountId: '999999999999' }); // ARN says 123456789012
    const host: IdentityReading = { source: 'host-label', accountId: '123456789012', sessionId: '123456789012-abcd1234', multiSession: true };
    const identity = combineIdentity([confused, host], HOST);
    expect(identity).toMatchObject({ accountId: null, source: 'none', principalKind: 'unknown', candidates: ['999999999999', '123456789012'] });
    expect(identity.reason).toBe('the awsc-session-data meta: it names two accounts: 999999999999, 123456789012');
    expect(identity.accountAlias).toBeUndefined();
    expect(identity.roleName).toBeUndefined();
  });

  test('an ARN of another partition than the host is not believed', () => {
    const wrong = session({ arn: 'arn:aws-cn:sts::123456789012:assumed-role/Admin/alice', accountId: undefined });
    expect(combineIdentity([wrong], HOST).accountId).toBeNull();
    expect(combineIdentity([wrong], 'console.amazonaws.cn')).toMatchObject({ accountId: '123456789012', partition: 'aws-cn' });
  });

  test('malformed values are dropped, not shown', () => {
    const identity = combineIdentity(
      [session({ accountAlias: '<img src=x>', signInEndpoint: 'evil.example', region: 'mars-1' } as IdentityReading)],
      HOST,
    );
    expect(identity.accountAlias).toBeUndefined();
    expect(identity.signInEndpoint).toBeUndefined();
    expect(identity.region).toBeUndefined();
    expect(identity.accountId).toBe('123456789012');
  });

  test('an account ID that is not 12 digits makes the reading worthless', () => {
    expect(combineIdentity([{ source: 'session-data', accountId: '12345678901' }], HOST).accountId).toBeNull();
    expect(combineIdentity([{ source: 'session-data', accountId: 123456789012 }], HOST).accountId).toBeNull();
  });

  test('multi-session: the session label must belong to the account', () => {
    const ok = combineIdentity([session({ multiSession: true, sessionId: '123456789012-abcd1234', signInEndpoint: 'us-east-1.signin.aws.amazon.com' })], HOST);
    expect(ok).toMatchObject({ multiSession: true, sessionId: '123456789012-abcd1234', signInEndpoint: 'us-east-1.signin.aws.amazon.com' });
    const other = combineIdentity([session({ multiSession: true, sessionId: '999999999999-abcd1234' })], HOST);
    expect(other.accountId).toBeNull();
  });

  test('SSO sign-ins carry the permission set; IAM users and root say what they are', () => {
    const sso = combineIdentity([session({ arn: 'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_ReadOnly_0123456789abcdef/a@b.c' })], HOST);
    expect(sso).toMatchObject({ roleName: 'AWSReservedSSO_ReadOnly_0123456789abcdef', permissionSet: 'ReadOnly' });
    expect(combineIdentity([session({ arn: 'arn:aws:iam::123456789012:user/alice' })], HOST)).toMatchObject({ principalKind: 'user', roleName: 'alice' });
    const root = combineIdentity([session({ arn: 'arn:aws:iam::123456789012:root' })], HOST);
    expect(root.principalKind).toBe('root');
    expect(root.roleName).toBeUndefined();
  });

  test('property: never throws, and never shows an account or role that no non-cookie source gave', () => {
    const anyValue = fc.oneof(
      fc.string(),
      fc.constantFrom('123456789012', '999999999999', '1234-5678-9012', 'acme-prod', 'Admin/alice', ROLE_ARN, 'arn:aws:sts::999999999999:assumed-role/Other/xy', '123456789012-abcd1234'),
      fc.integer(),
      fc.constant(null),
      fc.object(),
    );
    const reading = fc.record(
      {
        source: fc.constantFrom('session-data', 'host-label', 'nav-button', 'navigation', 'cookie') as fc.Arbitrary<IdentityReading['source']>,
        accountId: anyValue,
        account: anyValue,
        accountAlias: anyValue,
        arn: anyValue,
        principal: anyValue,
        role: anyValue,
        region: anyValue,
        sessionId: anyValue,
        multiSession: fc.oneof(fc.boolean(), anyValue),
        signInEndpoint: anyValue,
      },
      { requiredKeys: ['source'] },
    );
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 5 }), fc.constantFrom(HOST, 'console.amazonaws.cn', 'example.com'), (readings, host) => {
        const identity = combineIdentity(readings, host);
        if (identity.accountId !== null) {
          const claimed = readings
            .filter((r) => r.source !== 'cookie')
            // A 12-digit "alias" is the account ID (docs/aws-facts.md §3.1: the cookie writes it so).
            .flatMap((r) => [r.accountId, r.account, r.accountAlias, r.sessionId, typeof r.arn === 'string' ? r.arn.split(':')[4] : undefined])
            .map((v) => (typeof v === 'string' ? v.trim().replace(/-/g, '').slice(0, 12) : v));
          expect(claimed).toContain(identity.accountId);
          // Every source of the tab that names an account names this one.
          const others = (identity.sources ?? []).filter((s) => s.source !== 'cookie' && /^\d{4}-/.test(s.account ?? '') && s.verdict !== 'unusable');
          for (const s of others) expect(s.account!.slice(0, 14)).toBe(formatAccountId(identity.accountId));
        }
        if (identity.roleName !== undefined) {
          const said = readings.flatMap((r) => [r.arn, r.principal, r.role]).filter((v): v is string => typeof v === 'string');
          expect(said.some((v) => v.includes(identity.roleName!))).toBe(true);
        }
        if (identity.accountId === null && identity.source === 'none') expect(identity.reason).toBeTruthy();
      }),
      { numRuns: 500 },
    );
  });
});

describe('matching the catalogue', () => {
  const entry = (profile: string, extra: Partial<BannerEntry> = {}): BannerEntry => ({
    profile,
    kind: 'role',
    accountId: '123456789012',
    roleName: 'Admin',
    partition: 'aws',
    app: 'alfie',
    env: 'development',
    envLabel: 'dev',
    isProduction: false,
    color: '#2e7d32',
    ...extra,
  });
  const identity = (extra: Partial<ConsoleIdentity> = {}): ConsoleIdentity => ({
    accountId: '123456789012',
    roleName: 'Admin',
    principalKind: 'assumed-role',
    partition: 'aws',
    source: 'session-data',
    ...extra,
  });

  test('account ID + the role name\'s last segment, case-insensitively (IAM names are)', () => {
    const e = entry('ops', { roleName: 'team/ops/ADMIN' });
    expect(matchIdentity(identity(), [entry('other', { roleName: 'ReadOnly' }), e])).toEqual({ kind: 'profile', entry: e, alternatives: 0 });
  });

  test('another account with the same role is not a match', () => {
    expect(matchIdentity(identity(), [entry('x', { accountId: '999999999999' })])).toEqual({ kind: 'none' });
  });

  test('another partition with the same account and role is not a match', () => {
    expect(matchIdentity(identity({ partition: 'aws-cn' }), [entry('x')])).toEqual({ kind: 'none' });
  });

  test('SSO profiles match by permission set, never by the reserved role name pattern alone', () => {
    const sso = entry('data', { kind: 'sso', roleName: 'DataEngineer' });
    const ssoIdentity = identity({ roleName: 'AWSReservedSSO_DataEngineer_0123456789abcdef', permissionSet: 'DataEngineer' });
    expect(matchIdentity(ssoIdentity, [sso])).toMatchObject({ kind: 'profile', entry: sso });
    expect(matchIdentity(identity({ roleName: 'DataEngineer' }), [sso])).toMatchObject({ kind: 'account' });
  });

  test('several profiles for one role: production first, then the page\'s region, then catalogue order', () => {
    const dev = entry('dev-admin');
    const prod = entry('prod-admin', { isProduction: true, env: 'production' });
    const eu = entry('dev-admin-eu', { region: 'eu-west-1' });
    expect(matchIdentity(identity(), [dev, prod, eu])).toEqual({ kind: 'profile', entry: prod, alternatives: 2 });
    expect(matchIdentity(identity({ region: 'eu-west-1' }), [dev, eu])).toEqual({ kind: 'profile', entry: eu, alternatives: 1 });
    expect(matchIdentity(identity(), [dev, eu])).toEqual({ kind: 'profile', entry: dev, alternatives: 1 });
  });

  test('known account, unknown role: the account\'s environment when its profiles agree, production if any is', () => {
    const other = identity({ roleName: 'Someone' });
    expect(matchIdentity(other, [entry('a'), entry('b', { roleName: 'Deploy' })])).toEqual({ kind: 'account', entry: entry('a') });
    const prod = entry('p', { roleName: 'Deploy', isProduction: true, env: 'production' });
    expect(matchIdentity(other, [entry('a'), prod])).toEqual({ kind: 'account', entry: prod });
    expect(matchIdentity(other, [entry('a'), entry('t', { roleName: 'X', env: 'test' })])).toEqual({ kind: 'account' });
  });

  test('an IAM user sign-in is never a role profile', () => {
    expect(matchIdentity(identity({ principalKind: 'user', roleName: 'Admin' }), [entry('a')])).toMatchObject({ kind: 'account' });
  });

  test('profiles that name their account only by alias match the page\'s alias', () => {
    const aliased: BannerEntry = { ...entry('aliased'), accountId: undefined, accountAlias: 'acme-prod' };
    expect(matchIdentity(identity({ accountAlias: 'acme-prod' }), [aliased])).toMatchObject({ kind: 'profile', entry: aliased });
    expect(matchIdentity(identity({ accountAlias: 'other' }), [aliased])).toEqual({ kind: 'none' });
    // A profile with an ID is matched by ID only: the same alias on another account ID is not this
    // account, and the page that pairs this ID with that alias names two accounts: unknown.
    const elsewhere = entry('x', { accountId: '999999999999', accountAlias: 'acme-prod' });
    expect(matchIdentity(identity({ accountAlias: 'acme-prod' }), [elsewhere])).toEqual({
      kind: 'disputed',
      reason: 'the page pairs 1234-5678-9012 with acme-prod, the alias of 9999-9999-9999 in your profiles',
    });
    // ... as production when the other account is.
    const production = { ...elsewhere, isProduction: true, env: 'production' as const };
    expect(matchIdentity(identity({ accountAlias: 'acme-prod' }), [production])).toMatchObject({ kind: 'disputed', entry: production });
  });

  test('no identity, or an unknown account, matches nothing', () => {
    expect(matchIdentity(null, [entry('a')])).toEqual({ kind: 'none' });
    // (An alias nobody has, while a profile names its account by ID only, is disputed: guard-found-in-review-2.)
    expect(matchIdentity(identity({ accountId: null }), [entry('a')], false)).toEqual({ kind: 'none' });
  });
});
