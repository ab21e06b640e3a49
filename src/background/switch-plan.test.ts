// Which switch path the background takes for a profile, from the tab the user is on.
import { planSwitch, type SwitchContext } from './switch-plan';
import { readSwitchMarker, withoutSwitchMarker, withSwitchMarker } from '../core/console/switch-marker';
import type { ConsoleIdentity } from '../core/protocol/messages';
import type { CatalogueEntry } from '../core/types';
import { bannerEntry } from '../../test/fixtures/alfie-entries';

const entry: CatalogueEntry = {
  ...bannerEntry('alfie-production', { roleName: 'team/AlfieReadOnly' }),
  url: 'https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=team%2FAlfieReadOnly&displayName=alfie-production',
  displayName: 'alfie-production',
  line: 3,
};
const classicPage = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:';
const identity = (extra: Partial<ConsoleIdentity> = {}): ConsoleIdentity => ({
  accountId: '345678901234',
  roleName: 'AlfieFullAccess',
  principalKind: 'assumed-role',
  partition: 'aws',
  source: 'session-data',
  signInEndpoint: 'signin.aws.amazon.com',
  ...extra,
});
const context = (extra: Partial<SwitchContext> = {}): SwitchContext => ({
  entry,
  newTab: false,
  tab: { id: 7, url: classicPage },
  identity: identity(),
  autoSubmit: true,
  ...extra,
});

test('classic console tab: the console\'s own POST to the sign-in host, landing on the same page', () => {
  const plan = planSwitch(context());
  expect(plan).toEqual({
    method: 'console-post',
    tabId: 7,
    action: 'https://signin.aws.amazon.com/switchrole',
    fields: {
      action: 'switchFromBasis',
      src: 'nav',
      mfaNeeded: '0',
      roleName: 'team/AlfieReadOnly',
      account: '123456789012',
      displayName: 'alfie-production',
      color: 'd13212',
      redirect_uri: encodeURIComponent(classicPage),
    },
  });
});

test('multi-session console tab: the JSON switch of this session, redirect without the session label', () => {
  const page = 'https://345678901234-abcd1234.us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1';
  const plan = planSwitch(
    context({
      tab: { id: 9, url: page },
      identity: identity({ multiSession: true, sessionId: '345678901234-abcd1234', signInEndpoint: 'us-east-1.signin.aws.amazon.com' }),
    }),
  );
  expect(plan).toEqual({
    method: 'multi-session',
    tabId: 9,
    url: 'https://us-east-1.signin.aws.amazon.com/sessions/345678901234-abcd1234/v1/switchrole',
    body: {
      account: '123456789012',
      color: 'd13212',
      displayName: 'alfie-production',
      redirectUri: 'https://us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1',
      roleName: 'team/AlfieReadOnly',
    },
  });
});

test('not a console tab: the switch-role link, auto-submit as the settings say', () => {
  const plan = planSwitch(context({ tab: { id: 7, url: 'https://example.com/' }, identity: null }));
  expect(plan).toMatchObject({ method: 'link', newTab: false, autoSubmit: true });
  const url = new URL((plan as { url: string }).url);
  expect(url.origin + url.pathname).toBe('https://signin.aws.amazon.com/switchrole');
  expect(url.searchParams.get('account')).toBe('123456789012');
  expect(url.searchParams.get('roleName')).toBe('team/AlfieReadOnly');
  expect(url.searchParams.get('redirect_uri')).toBeNull();
  expect(planSwitch(context({ tab: null, identity: null, autoSubmit: false }))).toMatchObject({ method: 'link', autoSubmit: false });
});

test('console tab whose identity is unknown, or of another partition: the link, back to this page', () => {
  for (const who of [null, identity({ accountId: null }), identity({ partition: 'aws-cn' })]) {
    const plan = planSwitch(context({ identity: who }));
    expect(plan.method).toBe('link');
    expect(new URL((plan as { url: string }).url).searchParams.get('redirect_uri')).toBe(classicPage);
  }
});

test('a new tab from a classic console uses the link (the POST would switch the whole browser session anyway)', () => {
  expect(planSwitch(context({ newTab: true }))).toMatchObject({ method: 'link', newTab: true });
});

test('SSO profiles open their start page shortcut with this console page as destination', () => {
  const sso: CatalogueEntry = {
    ...entry,
    kind: 'sso',
    roleName: 'DataEngineer',
    ssoStartUrl: 'https://d-1234567890.awsapps.com/start',
    url: 'https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=DataEngineer',
  };
  const plan = planSwitch(context({ entry: sso }));
  expect(plan).toMatchObject({ method: 'link', autoSubmit: false });
  expect((plan as { url: string }).url).toBe(
    `https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=DataEngineer&destination=${encodeURIComponent(classicPage)}`,
  );
});

test('root cannot switch; the same profile is not switched into again', () => {
  expect(planSwitch(context({ identity: identity({ principalKind: 'root', roleName: undefined }) }))).toMatchObject({ method: 'none', message: expect.stringContaining('root user') });
  expect(planSwitch(context({ identity: identity({ accountId: '123456789012', roleName: 'AlfieReadOnly' }) }))).toMatchObject({
    method: 'none',
    message: 'This tab is already signed in as alfie-production.',
  });
});

test('a multi-session page that does not name its session falls back to the link', () => {
  expect(planSwitch(context({ identity: identity({ multiSession: true }) }))).toMatchObject({ method: 'link' });
});

test('a page naming a regional sign-in endpoint gets its POST there', () => {
  expect(planSwitch(context({ identity: identity({ signInEndpoint: 'eu-west-1.signin.aws.amazon.com' }) }))).toMatchObject({
    action: 'https://eu-west-1.signin.aws.amazon.com/switchrole',
  });
});

describe('the auto-submit marker', () => {
  const nonce = 'AbC_-0123456789xyzAB';
  test('goes in the fragment (never sent to AWS), replacing any fragment', () => {
    expect(withSwitchMarker('https://signin.aws.amazon.com/switchrole?account=1', nonce)).toBe(`https://signin.aws.amazon.com/switchrole?account=1#rsb-switch=${nonce}`);
    expect(withSwitchMarker('https://x.example/a#old', nonce)).toBe(`https://x.example/a#rsb-switch=${nonce}`);
  });
  test('is read only in its exact form, among other fragment parts', () => {
    expect(readSwitchMarker(`#rsb-switch=${nonce}`)).toBe(nonce);
    expect(readSwitchMarker(`#a=1&rsb-switch=${nonce}`)).toBe(nonce);
    expect(readSwitchMarker('#rsb-switch=short')).toBeNull();
    expect(readSwitchMarker(`#rsb-switch=${nonce}<script>`)).toBeNull();
    expect(readSwitchMarker(`#xrsb-switch=${nonce}`)).toBeNull();
    expect(readSwitchMarker('')).toBeNull();
  });
  test('is taken out of the address, leaving the rest', () => {
    expect(withoutSwitchMarker(`#rsb-switch=${nonce}`)).toBe('');
    expect(withoutSwitchMarker(`#a=1&rsb-switch=${nonce}`)).toBe('#a=1');
  });
});
