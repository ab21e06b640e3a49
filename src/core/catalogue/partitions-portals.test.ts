// Issue 11, part 4: the European Sovereign Cloud partition (aws-eusc) from the config to the
// switch (ARNs, regions, console and sign-in hosts, links, the classic switch POST), and IAM
// Identity Center start URLs on the access-portal hosts that exist now: those work, any other
// host is warned about on import and whenever its link is opened.
import { planSwitch, type SwitchContext } from '../../background/switch-plan';
import { isPartition, parseRoleArn } from './arn';
import { importConfig } from './import-config';
import { consoleHomeUrl, isAccessPortalHost, isRegion, partitionOfRegion, SIGN_IN_HOSTS, ssoConsoleUrl, startUrlHost, switchRoleUrl } from './links';
import type { ConsoleIdentity } from '../protocol/messages';
import { catalogueSchema } from './schemas';

const cfg = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('aws-eusc', () => {
  test('ARNs and regions of the European Sovereign Cloud', () => {
    expect(isPartition('aws-eusc')).toBe(true);
    expect(parseRoleArn('arn:aws-eusc:iam::789012345678:role/team/EuOps')).toEqual({
      ok: true,
      value: { partition: 'aws-eusc', accountId: '789012345678', path: '/team/', name: 'EuOps', roleName: 'team/EuOps' },
    });
    expect(isRegion('eusc-de-east-1')).toBe(true);
    expect(isRegion('euscde-east-1')).toBe(false);
    expect(isRegion('eusc-1')).toBe(false);
    expect(partitionOfRegion('eusc-de-east-1')).toBe('aws-eusc');
    expect(consoleHomeUrl('aws-eusc', 'eusc-de-east-1')).toBe('https://console.amazonaws-eusc.eu/console/home?region=eusc-de-east-1');
    // A region of another partition is not used for an ESC console home.
    expect(consoleHomeUrl('aws-eusc', 'us-east-1')).toBe('https://console.amazonaws-eusc.eu/console/home');
  });

  test('the switch link goes to the regional sign-in host (the partition has no global one)', () => {
    expect(SIGN_IN_HOSTS['aws-eusc']).toBe('eusc-de-east-1.signin.amazonaws-eusc.eu');
    const url = new URL(switchRoleUrl({ partition: 'aws-eusc', account: '789012345678', roleName: 'EuOps', displayName: 'sovereign-staging' }));
    expect(url.origin + url.pathname).toBe('https://eusc-de-east-1.signin.amazonaws-eusc.eu/switchrole');
    expect(url.searchParams.get('account')).toBe('789012345678');
  });

  test('a config profile in aws-eusc imports with its partition, region and link, and is storable', () => {
    const catalogue = importConfig(cfg('[default]', '[profile sovereign-staging]', 'role_arn = arn:aws-eusc:iam::789012345678:role/EuOps', 'region = eusc-de-east-1', 'source_profile = default'));
    const [e] = catalogue.entries;
    expect(e).toMatchObject({ profile: 'sovereign-staging', partition: 'aws-eusc', accountId: '789012345678', roleName: 'EuOps', region: 'eusc-de-east-1', env: 'staging' });
    const link = new URL(e!.url);
    expect(link.host).toBe('eusc-de-east-1.signin.amazonaws-eusc.eu');
    expect(link.searchParams.get('redirect_uri')).toBe('https://console.amazonaws-eusc.eu/console/home?region=eusc-de-east-1');
    expect(catalogue.diagnostics).toEqual([]);
    expect(catalogueSchema.safeParse(catalogue).success).toBe(true);
  });

  test('switching on an ESC console tab: the console\'s own POST to the regional sign-in host; the link from elsewhere', () => {
    const entry = importConfig(cfg('[default]', '[profile sovereign-staging]', 'role_arn = arn:aws-eusc:iam::789012345678:role/EuOps', 'source_profile = default')).entries[0]!;
    const page = 'https://eusc-de-east-1.console.amazonaws-eusc.eu/console/home?region=eusc-de-east-1';
    const identity: ConsoleIdentity = { accountId: '789012345678', roleName: 'alice', principalKind: 'user', partition: 'aws-eusc', region: 'eusc-de-east-1', source: 'session-data' };
    const context: SwitchContext = { entry, newTab: false, tab: { id: 3, url: page }, identity, autoSubmit: true };
    expect(planSwitch(context)).toMatchObject({ method: 'console-post', action: 'https://eusc-de-east-1.signin.amazonaws-eusc.eu/switchrole', fields: { account: '789012345678', roleName: 'EuOps' } });
    // The page's own sign-in endpoint, when it names a valid one, is used as it is.
    expect(planSwitch({ ...context, identity: { ...identity, signInEndpoint: 'eusc-de-east-1.signin.amazonaws-eusc.eu' } })).toMatchObject({ action: 'https://eusc-de-east-1.signin.amazonaws-eusc.eu/switchrole' });
    // A commercial console tab is another partition: the link, never the POST.
    const other = planSwitch({ ...context, tab: { id: 3, url: 'https://us-east-1.console.aws.amazon.com/console/home' }, identity: { ...identity, partition: 'aws' } });
    expect(other).toMatchObject({ method: 'link' });
    expect(new URL((other as { url: string }).url).host).toBe('eusc-de-east-1.signin.amazonaws-eusc.eu');
  });
});

describe('IAM Identity Center start URLs', () => {
  test.each([
    ['https://d-1234567890.awsapps.com/start', true],
    ['https://acme.awsapps.com/start/#/', true],
    ['https://d-1234567890.awsapps.cn/start', true],
    ['https://acme-corp.eu-west-1.portal.amazonaws.com/start', true],
    ['https://ssoins-72232b4a4d5e8b6f.portal.eu-west-1.app.aws/start', true],
    ['https://acme.portal.amazonaws.com.evil.example/start', false],
    ['https://awsapps.com.evil.example/start', false],
    ['https://login.example.com/start', false],
    ['https://evil.example/d-1234567890.awsapps.com/start', false],
  ])('%s is an AWS access portal: %s', (url, portal) => {
    expect(isAccessPortalHost(startUrlHost(url) ?? '')).toBe(portal);
  });

  test('a start URL on a new portal host imports without a warning and links to its console shortcut', () => {
    const catalogue = importConfig(
      cfg('[profile portal-dev]', 'sso_session = next', 'sso_account_id = 890123456789', 'sso_role_name = Developer', '[sso-session next]', 'sso_start_url = https://acme-corp.eu-west-1.portal.amazonaws.com/start', 'sso_region = eu-west-1'),
    );
    expect(catalogue.diagnostics).toEqual([]);
    expect(catalogue.entries[0]!.url).toBe('https://acme-corp.eu-west-1.portal.amazonaws.com/start/#/console?account_id=890123456789&role_name=Developer');
    expect(ssoConsoleUrl({ startUrl: 'https://ssoins-1.portal.eu-west-1.app.aws/start/', accountId: '890123456789', permissionSet: 'Developer' })).toBe(
      'https://ssoins-1.portal.eu-west-1.app.aws/start/#/console?account_id=890123456789&role_name=Developer',
    );
  });

  test('a start URL on any other host: the profile is kept, with a warning at the line of the URL and a note', () => {
    const catalogue = importConfig(
      cfg(
        '[profile lookalike-dev]',
        'sso_session = corp',
        'sso_account_id = 890123456789',
        'sso_role_name = Developer',
        '',
        '[sso-session corp]',
        'sso_start_url = https://d-1234567890.awsapps.com.login-help.example/start',
        'sso_region = eu-west-1',
        '[profile legacy-dev]',
        'sso_start_url = https://sso.example.org/start',
        'sso_region = eu-west-1',
        'sso_account_id = 890123456789',
        'sso_role_name = Developer',
      ),
    );
    expect(catalogue.entries.map((e) => e.profile)).toEqual(['lookalike-dev', 'legacy-dev']);
    expect(catalogue.diagnostics).toEqual([
      {
        line: 7,
        severity: 'warning',
        message: 'Line 7: the start URL host d-1234567890.awsapps.com.login-help.example is not an AWS access portal (*.awsapps.com, *.awsapps.cn, *.portal.amazonaws.com, *.portal.<region>.app.aws): check the address before you open lookalike-dev.',
      },
      {
        line: 10,
        severity: 'warning',
        message: 'Line 10: the start URL host sso.example.org is not an AWS access portal (*.awsapps.com, *.awsapps.cn, *.portal.amazonaws.com, *.portal.<region>.app.aws): check the address before you open legacy-dev.',
      },
    ]);
    expect(catalogue.entries[1]!.notes).toContain("Its start URL's host sso.example.org is not an AWS access portal: check it before you open this profile.");
  });

  test('the start URLs the existing configs use are portal hosts (no new warnings for them)', () => {
    const c = importConfig(cfg('[profile a]', 'sso_start_url = https://d-1234567890.awsapps.com/start#/', 'sso_region = us-east-1', 'sso_account_id = 123456789012', 'sso_role_name = Admin'));
    expect(c.diagnostics).toEqual([]);
  });
});
