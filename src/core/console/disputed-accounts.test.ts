// Pages that name more than one account: every account a source names is compared (also when
// the source is unusable for another reason), alias disputes count like ID disputes, and an ID
// paired with an alias the catalogue gives to another account is two accounts. Each is unknown,
// and as unmistakable as production when one of the accounts is. (Found by review: each of these
// was a confident banner, some of them the dev one for a production page.)
import { bannerModel } from './banner-model';
import { combineIdentity, type IdentityReading } from './console-identity';
import { matchIdentity } from './identity-match';
import { ALFIE_DEV, ALFIE_PROD, BANNER_SETTINGS } from '../../../test/fixtures/alfie-entries';

const HOST = 'us-east-1.console.aws.amazon.com';
const MULTI_HOST = '345678901234-devabcde.us-east-1.console.aws.amazon.com';
const settings = BANNER_SETTINGS;
const PROD = ALFIE_PROD;
const DEV = ALFIE_DEV;

function banner(readings: IdentityReading[], host = HOST, s = settings) {
  const identity = combineIdentity(readings, host);
  const model = bannerModel(identity, matchIdentity(identity, [PROD, DEV]), s);
  return { identity, model };
}

describe('a source that names an account but is unusable for another reason still counts when the sources are compared', () => {
  test('session data names the PRODUCTION account with a federated-user ARN; the account menu names a dev account: must not be a confident DEV banner', () => {
    // GetFederationToken console sessions (aws-vault login, IAM users) have such an ARN: the
    // strongest source says 1234-5678-9012 (production).
    const { identity, model } = banner([
      { source: 'session-data', accountId: '123456789012', arn: 'arn:aws:sts::123456789012:federated-user/alice' },
      { source: 'navigation', account: '3456-7890-1234' },
    ]);
    expect(identity.accountId).toBeNull();
    expect(model.state).toBe('unknown');
    expect(model.isProduction).toBe(true);
  });

  test('an account button whose title names PRODUCTION (its label naming another role); session data names a dev account: must not be a confident DEV banner', () => {
    const { identity, model } = banner([
      { source: 'session-data', accountId: '345678901234', arn: 'arn:aws:sts::345678901234:assumed-role/AlfieFullAccess/alice' },
      { source: 'nav-button', principal: 'AlfieReadOnly/alice', account: '1234-5678-9012', labels: ['AlfieAdmin/alice'] },
    ]);
    expect(identity.accountId).toBeNull();
    expect(model.state).toBe('unknown');
    expect(model.isProduction).toBe(true);
  });

  test('multi-session: session data names PRODUCTION with a malformed session label; the host label names dev: must not be a confident DEV banner', () => {
    const { identity, model } = banner(
      [
        { source: 'host-label', accountId: '345678901234', sessionId: '345678901234-devabcde', multiSession: true, region: 'us-east-1' },
        { source: 'session-data', accountId: '123456789012', multiSession: true, sessionId: 'not-a-label' },
      ],
      MULTI_HOST,
    );
    expect(identity.accountId).toBeNull();
    expect(model.isProduction).toBe(true);
  });
});

describe('sources that disagree by alias are disputed like sources that disagree by ID', () => {
  test('the account button names the PRODUCTION alias, the account menu another alias: unknown, but as unmistakable as production', () => {
    const readings: IdentityReading[] = [
      { source: 'nav-button', principal: 'AlfieReadOnly/alice', account: 'alfie-prod' },
      { source: 'navigation', account: 'alfie-dev' },
    ];
    const { identity, model } = banner(readings);
    expect(identity.accountId).toBeNull();
    expect(identity.reason).toMatch(/^the sources disagree/);
    // Not a plain grey unknown banner: that one can be collapsed, has no [PROD] prefix and is
    // hidden when the user turned banners off.
    expect(model.isProduction).toBe(true);
    expect(model.collapsible).toBe(false);
    const off = banner(readings, HOST, { ...settings, bannerEnabled: false });
    expect(off.model.visible).toBe(true);
  });
});

describe('an alias from one source and an ID from another are checked against the catalogue', () => {
  test('session data names a dev account (no alias); the account button names the PRODUCTION account by its alias: not a confident DEV banner', () => {
    const { identity, model } = banner([
      { source: 'session-data', accountId: '345678901234', arn: 'arn:aws:sts::345678901234:assumed-role/AlfieFullAccess/alice' },
      { source: 'nav-button', principal: 'AlfieFullAccess/alice', account: 'alfie-prod' },
    ]);
    // Not "DEV · alfie · Profile alfie-development · Account 3456-7890-1234 (alfie-prod)": the
    // catalogue says alfie-prod is 1234-5678-9012, so the two sources name two accounts.
    expect(identity.accountAlias).toBe('alfie-prod');
    expect(model.badge?.text).not.toBe('DEV');
    expect(model.state === 'unknown' || model.isProduction).toBe(true);
  });
});

describe('what stays as it was', () => {
  test('an unusable source that names the same account as the others: decided by them, reported as unusable', () => {
    const { identity, model } = banner([
      { source: 'session-data', accountId: '345678901234', arn: 'arn:aws:sts::345678901234:federated-user/alice' },
      { source: 'navigation', account: '3456-7890-1234' },
    ]);
    expect(identity.accountId).toBe('345678901234');
    expect(identity.source).toBe('navigation');
    expect(identity.sources?.[0]).toMatchObject({ source: 'session-data', verdict: 'unusable', note: 'its ARN is not a principal ARN' });
    expect(model.isProduction).toBe(false);
  });

  test('the only source that names an account is unusable and names production: unknown, as production', () => {
    const { identity, model } = banner([{ source: 'session-data', accountId: '123456789012', arn: 'arn:aws:sts::123456789012:federated-user/alice' }]);
    expect(identity).toMatchObject({ accountId: null, candidates: ['123456789012'], reason: 'the awsc-session-data meta cannot be used: its ARN is not a principal ARN' });
    expect(model).toMatchObject({ state: 'unknown', isProduction: true, collapsible: false });
  });

  test('an ID and an alias that the catalogue gives to the same account: the profile', () => {
    const { model } = banner([
      { source: 'session-data', accountId: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/AlfieReadOnly/alice' },
      { source: 'nav-button', principal: 'AlfieReadOnly/alice', account: 'alfie-prod' },
    ]);
    expect(model).toMatchObject({ state: 'profile', isProduction: true, headline: 'alfie' });
  });

  test('an alias dispute where no account is production: a plain unknown banner', () => {
    const { identity, model } = banner([
      { source: 'nav-button', principal: 'AlfieReadOnly/alice', account: 'someone-else' },
      { source: 'navigation', account: 'another-one' },
    ]);
    expect(identity.candidateAliases).toEqual(['someone-else', 'another-one']);
    expect(model).toMatchObject({ state: 'unknown', isProduction: false });
  });
});
