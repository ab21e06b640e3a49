import fc from 'fast-check';
import { CONSOLE_PALETTE } from './colors';
import { consoleHomeUrl, isRegion, normaliseStartUrl, partitionOfRegion, ssoConsoleUrl, switchRoleUrl, truncateDisplayName } from './links';

function params(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

describe('switchRoleUrl', () => {
  it('builds the documented GET link with every field encoded', () => {
    const url = switchRoleUrl({ partition: 'aws', account: '123456789012', roleName: 'team/ops/Admin', displayName: 'shop prod & co', color: '#d13212', production: true });
    expect(url.startsWith('https://signin.aws.amazon.com/switchrole?')).toBe(true);
    expect(url).toContain('roleName=team%2Fops%2FAdmin');
    expect(url).toContain('displayName=shop%20prod%20%26%20co');
    const p = params(url);
    expect(p.get('account')).toBe('123456789012');
    expect(p.get('roleName')).toBe('team/ops/Admin');
    expect(p.get('displayName')).toBe('shop prod & co');
    expect(p.get('color')).toBe(CONSOLE_PALETTE.red);
    expect(p.has('redirect_uri')).toBe(false);
  });

  it('uses the sign-in host of the partition', () => {
    const base = { account: '123456789012', roleName: 'R', displayName: 'x' };
    expect(new URL(switchRoleUrl({ ...base, partition: 'aws-us-gov' })).host).toBe('signin.amazonaws-us-gov.com');
    expect(new URL(switchRoleUrl({ ...base, partition: 'aws-cn' })).host).toBe('signin.amazonaws.cn');
  });

  it('maps any colour to the console palette, and leaves greys out', () => {
    const base = { partition: 'aws' as const, account: '123456789012', roleName: 'R', displayName: 'x' };
    expect(params(switchRoleUrl({ ...base, color: '#00aa00' })).get('color')).toBe(CONSOLE_PALETTE.green);
    expect(params(switchRoleUrl({ ...base, color: '#808080' })).has('color')).toBe(false);
    // The palette's red only for production (the console shows the colour, not the environment).
    expect(params(switchRoleUrl({ ...base, color: '#ff0000' })).get('color')).toBe(CONSOLE_PALETTE.orange);
    expect(params(switchRoleUrl({ ...base, color: '#ff0000', production: true })).get('color')).toBe(CONSOLE_PALETTE.red);
  });

  it('truncates displayName to 64 characters and percent-encodes redirect_uri', () => {
    const long = 'x'.repeat(100);
    const url = switchRoleUrl({ partition: 'aws', account: 'my-alias', roleName: 'R', displayName: long, redirectUri: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1' });
    expect(params(url).get('displayName')).toBe('x'.repeat(64));
    expect(params(url).get('account')).toBe('my-alias');
    expect(url).toContain('redirect_uri=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1');
    expect(params(url).get('redirect_uri')).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
  });

  it('encodes hostile display names so they cannot break out of the parameter', () => {
    const url = switchRoleUrl({ partition: 'aws', account: '123456789012', roleName: 'R', displayName: '"><img src=x>&color=000000#' });
    expect(params(url).get('displayName')).toBe('"><img src=x>&color=000000#');
    expect(params(url).getAll('color')).toEqual([]);
  });
});

describe('truncateDisplayName', () => {
  it('keeps short names and never splits a surrogate pair', () => {
    expect(truncateDisplayName('short')).toBe('short');
    const emoji = `${'a'.repeat(63)}😀tail`;
    const cut = truncateDisplayName(emoji);
    expect(cut).toBe('a'.repeat(63));
    expect(cut.length).toBeLessThanOrEqual(64);
    expect(truncateDisplayName('é'.repeat(70))).toHaveLength(64);
  });
});

describe('consoleHomeUrl and regions', () => {
  it('uses the regional host in aws, the partition host elsewhere', () => {
    expect(consoleHomeUrl('aws', 'eu-west-1')).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
    expect(consoleHomeUrl('aws-us-gov', 'us-gov-west-1')).toBe('https://console.amazonaws-us-gov.com/console/home?region=us-gov-west-1');
    expect(consoleHomeUrl('aws-cn', 'cn-northwest-1')).toBe('https://console.amazonaws.cn/console/home?region=cn-northwest-1');
  });

  it('ignores a region of another partition or a malformed one', () => {
    expect(consoleHomeUrl('aws', 'cn-north-1')).toBe('https://console.aws.amazon.com/console/home');
    expect(consoleHomeUrl('aws', 'us-east-1 # comment')).toBe('https://console.aws.amazon.com/console/home');
    expect(consoleHomeUrl('aws')).toBe('https://console.aws.amazon.com/console/home');
  });

  it('isRegion and partitionOfRegion', () => {
    for (const r of ['us-east-1', 'ap-southeast-3', 'us-gov-west-1', 'cn-northwest-1', 'eu-central-2']) expect(isRegion(r)).toBe(true);
    for (const r of ['', 'us-east', 'US-EAST-1', 'useast1', 'us-east-1a', '<your-sso-region>']) expect(isRegion(r)).toBe(false);
    expect(partitionOfRegion('cn-north-1')).toBe('aws-cn');
    expect(partitionOfRegion('us-gov-east-1')).toBe('aws-us-gov');
    expect(partitionOfRegion('eu-west-1')).toBe('aws');
  });
});

describe('SSO console shortcut', () => {
  it('normalises the start URL written by aws configure sso', () => {
    expect(normaliseStartUrl('https://d-92670a73b3.awsapps.com/start#/')).toBe('https://d-92670a73b3.awsapps.com/start');
    expect(normaliseStartUrl(' https://my.awsapps.com/start/ ')).toBe('https://my.awsapps.com/start');
    expect(normaliseStartUrl('<https://example.awsapps.com/start>')).toBeUndefined();
    expect(normaliseStartUrl('http://insecure.example/start')).toBeUndefined();
    expect(normaliseStartUrl('https://a-xxxxxxxxxx.awsapps.com/start  # or custom URL')).toBeUndefined();
  });

  it('builds <start>/#/console?account_id=…&role_name=…&destination=…', () => {
    const url = ssoConsoleUrl({ startUrl: 'https://d-1234567890.awsapps.com/start#/', accountId: '012345678901', permissionSet: 'AWSAdministratorAccess', destination: 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:' });
    expect(url).toBe(
      'https://d-1234567890.awsapps.com/start/#/console?account_id=012345678901&role_name=AWSAdministratorAccess&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Deu-west-1%23Instances%3A',
    );
  });

  it('omits destination when there is none', () => {
    expect(ssoConsoleUrl({ startUrl: 'https://x.awsapps.com/start', accountId: '123456789012', permissionSet: 'Read Only' })).toBe(
      'https://x.awsapps.com/start/#/console?account_id=123456789012&role_name=Read%20Only',
    );
  });
});

describe('hand-written fast paths agree with their plain definitions', () => {
  // importConfig builds thousands of links, so isRegion and switchRoleUrl avoid a regular
  // expression and encodeURIComponent calls where they can; they must still mean the same.
  const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

  it('isRegion is /^[a-z]{2}(?:-[a-z]+)+-\\d{1,2}$/', () => {
    const pieces = fc.constantFrom('a', 'b', 'z', 'A', '-', '--', '1', '12', '0', ' ', 'é', 'us', 'east', 'gov');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const value = parts.join('');
        expect(isRegion(value)).toBe(REGION.test(value));
      }),
      { numRuns: 3000 },
    );
    for (const region of ['us-east-1', 'us-gov-west-1', 'cn-northwest-1', 'ap-southeast-3', 'us-e-1', 'eu-west-12']) expect(isRegion(region)).toBe(true);
    for (const value of ['us-east-123', 'us--east-1', 'us-east1', 'us-1', 'US-east-1', 'us-east-1 ', '']) expect(isRegion(value)).toBe(false);
  });

  it('switchRoleUrl encodes exactly what encodeURIComponent encodes', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', '_', '.', '!', '~', '*', "'", '(', ')', ' ', '&', '/', '%', 'é', '😀', '='), maxLength: 20 });
    fc.assert(
      fc.property(text, text, text, (account, roleName, displayName) => {
        const url = switchRoleUrl({ partition: 'aws-us-gov', account, roleName, displayName });
        const name = truncateDisplayName(displayName);
        expect(url).toBe(
          `https://signin.amazonaws-us-gov.com/switchrole?account=${encodeURIComponent(account)}&roleName=${encodeURIComponent(roleName)}&displayName=${encodeURIComponent(name)}`,
        );
      }),
      { numRuns: 1000 },
    );
  });
});
