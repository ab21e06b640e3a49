// Who signed in on a console tab (the basis), and the "only roles I can reach from here" filter
// (issue 15 §2). The fixture pages' own readings are tested in src/content/console-internals.test.ts.
import { importConfig } from '../catalogue/import-config';
import { basisFromPage, filterReachable, reachOf, type BasisKnown } from './basis';
import { combineIdentity, type IdentityReading } from './console-identity';

const HOST = 'us-east-1.console.aws.amazon.com';
const cookie = (arn: string, alias?: string, username?: string): IdentityReading => ({ source: 'cookie', arn, account: alias, username });
const tabRole = (account: string, role: string): IdentityReading => ({ source: 'session-data', accountId: account, arn: `arn:aws:sts::${account}:assumed-role/${role}/alice` });
const basisOf = (readings: IdentityReading[], host = HOST) => basisFromPage(readings, host, combineIdentity(readings, host));

describe('basis from the page', () => {
  test('the cookie of an Identity Center sign-in names its permission set; a switch to another account is a switched role', () => {
    const sso = cookie('arn:aws:sts::357166116729:assumed-role/AWSReservedSSO_PowerUserAccess_0123456789abcdef/shujaat');
    expect(basisOf([tabRole('123456789012', 'Admin'), sso])).toMatchObject({ known: true, accountId: '357166116729', text: 'PowerUserAccess @ 3571-6611-6729', switched: true });
    // The tab in the sign-in's own role: not switched.
    expect(basisOf([tabRole('357166116729', 'AWSReservedSSO_PowerUserAccess_0123456789abcdef'), sso])).toMatchObject({ known: true, switched: false });
  });

  test('a tab that does not say which account it is: the basis is known, whether the tab is switched is not', () => {
    expect(basisOf([cookie('arn:aws:iam::111122223333:user/alice')])).toMatchObject({ known: true, text: 'alice @ 1111-2222-3333', switched: null });
  });

  test('the cookie and the exit-role button naming different sign-ins: unknown, and why', () => {
    const exit: IdentityReading = { source: 'navigation', account: '1234-5678-9012', role: 'Admin', signedIn: 'bob @ 9999-8888-7777' };
    expect(basisOf([exit, cookie('arn:aws:iam::111122223333:user/alice')])).toEqual({
      known: false,
      reason: 'the aws-userInfo cookie (alice @ 1111-2222-3333) and the exit-role button (bob @ 9999-8888-7777) name different sign-ins',
    });
  });

  test('an exit-role title of the wrong shape is no evidence; a cookie that contradicts itself is none either', () => {
    expect(basisOf([{ source: 'navigation', account: '1234-5678-9012', role: 'Admin', signedIn: 'nobody' }])).toEqual({ known: false, reason: 'this page does not say who signed in' });
    expect(basisOf([tabRole('123456789012', 'Admin'), cookie('arn:aws:iam::111122223333:user/alice', undefined, 'mallory')])).toEqual({
      known: false,
      reason: 'this page does not say who signed in',
    });
  });

  test('a user tab whose cookie names someone else: unknown', () => {
    const user: IdentityReading = { source: 'session-data', accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/alice' };
    expect(basisOf([user, cookie('arn:aws:iam::999988887777:user/bob')])).toEqual({
      known: false,
      reason: 'this tab is signed in as alice @ 1111-2222-3333, but the aws-userInfo cookie names bob @ 9999-8888-7777',
    });
  });
});

describe('only roles I can reach from here', () => {
  const config = `[profile identity]
aws_account_id = 111122223333
[profile partner]
aws_account_id = 999988887777
[profile corp]
aws_account_id = acme-identity
[profile mine-dev]
role_arn = arn:aws:iam::345678901234:role/Dev
source_profile = identity
[profile theirs-dev]
role_arn = arn:aws:iam::444455556666:role/Dev
source_profile = partner
[profile by-alias-dev]
role_arn = arn:aws:iam::555566667777:role/Dev
source_profile = corp
[profile loose-dev]
role_arn = arn:aws:iam::666677778888:role/Dev
credential_source = Environment
[profile gov-dev]
role_arn = arn:aws-us-gov:iam::777788889999:role/Dev
source_profile = identity
[profile portal-dev]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 888899990000
sso_role_name = Dev
`;
  const entries = importConfig(config).entries;
  const basis: BasisKnown = { known: true, partition: 'aws', accountId: '111122223333', name: 'alice', text: 'alice @ 1111-2222-3333', from: 'test', switched: true };
  const reach = (profile: string, b: BasisKnown = basis) => reachOf(entries.find((e) => e.profile === profile)!, b);

  test('each entry by its base account', () => {
    expect(reach('mine-dev')).toBe('reachable');
    expect(reach('theirs-dev')).toBe('other-base');
    // Identity Center roles are signed in through the portal: never hidden.
    expect(reach('portal-dev')).toBe('portal');
    expect(reach('loose-dev')).toBe('unknown-base');
    // A role of another partition cannot be assumed from this sign-in.
    expect(reach('gov-dev')).toBe('other-base');
    // An alias base against an ID basis cannot be compared: unknown, not hidden.
    expect(reach('by-alias-dev')).toBe('unknown-base');
    // The sign-in's alias (the cookie's) compares with an alias base.
    expect(reach('by-alias-dev', { ...basis, accountAlias: 'acme-identity' })).toBe('reachable');
    expect(reach('by-alias-dev', { ...basis, accountAlias: 'other-corp' })).toBe('other-base');
  });

  test('the filter hides exactly the roles of another base account, keeps order, and lists unknown bases apart', () => {
    const view = filterReachable(entries, basis);
    expect(view.shown.map((e) => e.profile)).toEqual(['mine-dev', 'by-alias-dev', 'loose-dev', 'portal-dev']);
    expect([...view.unknownBase]).toEqual(['by-alias-dev', 'loose-dev']);
    expect(view.hidden).toBe(2);
  });
});
