// Holes found by the second adversarial review, each a banner that showed a production account
// as something else. (The first review's are in disputed-accounts.test.ts.)
import { bannerModel } from './banner-model';
import { combineIdentity, type IdentityReading } from './console-identity';
import { matchIdentity, type BannerEntry } from './identity-match';
import { ALFIE_PROD, BANNER_SETTINGS, bannerEntry } from '../../../test/fixtures/alfie-entries';

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
