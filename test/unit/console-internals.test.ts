// Fixture test for the one module that knows console internals: every fixture page is loaded
// at its real URL in jsdom with its own scripts running (so its cookie and AWSC object exist),
// and what console-internals reads from it, judged by combineIdentity, must be exactly the
// identity the fixture describes. When AWS changes the console, this test and
// src/content/console-internals.ts are the places to change.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { combineIdentity } from '../../src/core/console-identity';
import {
  classicSwitchFields,
  findConsoleHeader,
  findSignInSwitchForm,
  mainWorldClassicSwitch,
  multiSessionSwitchBody,
  multiSessionSwitchUrl,
  readHost,
  readIdentitySources,
  readNavigation,
  readSessionData,
  readUserInfoCookie,
} from '../../src/content/console-internals';

const FIXTURES = path.resolve(__dirname, '../fixtures/console');

/** The fixture's own "Served at:" URL. */
function fixtureUrl(name: string): string {
  const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  const m = /Served at: (\S+)/.exec(text);
  if (!m) throw new Error(`${name} has no "Served at:" line`);
  return m[1]!;
}

function load(name: string): JSDOM {
  const html = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return new JSDOM(html, { url: fixtureUrl(name), runScripts: 'dangerously' });
}

function identityOf(name: string) {
  const dom = load(name);
  const { document, location } = dom.window;
  return combineIdentity(readIdentitySources(document, location.hostname), location.hostname);
}

describe('identity read from each console fixture', () => {
  test('classic console, IAM user: account, alias and user name from the session data', () => {
    expect(identityOf('classic-iam-user.html')).toEqual({
      accountId: '111122223333',
      accountAlias: 'acme-identity',
      roleName: 'alice',
      principalKind: 'user',
      partition: 'aws',
      region: 'us-east-1',
      signInEndpoint: 'signin.aws.amazon.com',
      source: 'session-data',
    });
  });

  test('classic console after a switch: the session data wins over the stale cookie of the original sign-in', () => {
    const dom = load('classic-switched-role.html');
    // The fixture's own script set the weak cookie, naming another account.
    expect(readUserInfoCookie(dom.window.document.cookie)).toMatchObject({ source: 'cookie', arn: 'arn:aws:iam::111122223333:user/people/alice' });
    expect(identityOf('classic-switched-role.html')).toEqual({
      accountId: '123456789012',
      accountAlias: 'alfie-prod',
      roleName: 'AlfieReadOnly',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'us-east-1',
      signInEndpoint: 'signin.aws.amazon.com',
      source: 'session-data',
    });
  });

  test('multi-session console: session label, sign-in endpoint and multi-session flag', () => {
    expect(identityOf('multi-session.html')).toEqual({
      accountId: '345678901234',
      roleName: 'AlfieFullAccess',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'us-east-1',
      sessionId: '345678901234-abcd1234',
      multiSession: true,
      signInEndpoint: 'us-east-1.signin.aws.amazon.com',
      source: 'session-data',
    });
  });

  test('IAM Identity Center sign-in: the permission set comes out of AWSReservedSSO_<set>_<hash>', () => {
    expect(identityOf('sso-permission-set.html')).toMatchObject({
      accountId: '456789012345',
      roleName: 'AWSReservedSSO_DataEngineer_0123456789abcdef',
      permissionSet: 'DataEngineer',
      principalKind: 'assumed-role',
      region: 'eu-west-1',
    });
  });

  test('GovCloud and China: partition from the host, ARNs of that partition accepted', () => {
    expect(identityOf('govcloud.html')).toMatchObject({
      accountId: '567890123456',
      roleName: 'GovOps',
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      signInEndpoint: 'signin.amazonaws-us-gov.com',
    });
    expect(identityOf('china.html')).toMatchObject({
      accountId: '678901234567',
      accountAlias: 'cx-cn',
      roleName: 'CnDeploy',
      partition: 'aws-cn',
      region: 'cn-north-1',
      signInEndpoint: 'signin.amazonaws.cn',
    });
  });

  test('an account outside the catalogue is still read exactly', () => {
    expect(identityOf('unknown-account.html')).toMatchObject({ accountId: '999988887777', accountAlias: 'someone-else', roleName: 'Admin' });
  });

  test('a page with no identity source says unknown, with no account and no names', () => {
    expect(identityOf('no-identity.html')).toEqual({ accountId: null, principalKind: 'unknown', partition: 'aws', source: 'none' });
  });
});

describe('each source on its own', () => {
  test('session data: the meta tag JSON, multi-session fields only in prism mode', () => {
    expect(readSessionData(load('multi-session.html').window.document)).toMatchObject({
      source: 'session-data',
      accountId: '345678901234',
      multiSession: true,
      sessionId: '345678901234-abcd1234',
      signInEndpoint: 'us-east-1.signin.aws.amazon.com',
    });
    const classic = readSessionData(load('classic-iam-user.html').window.document);
    expect(classic).toMatchObject({ multiSession: false, sessionId: undefined });
  });

  test('session data that is not JSON, or not an object, is no source', () => {
    for (const content of ['{not json', '[1,2]', '"text"', '']) {
      const dom = new JSDOM(`<meta name="awsc-session-data" content='${content}'>`);
      expect(readSessionData(dom.window.document)).toBeNull();
    }
  });

  test('an account ID given as a JSON number is not trusted (leading zeros may be lost)', () => {
    const dom = new JSDOM(`<meta name="awsc-session-data" content='{"accountId": 12345678901}'>`, { url: 'https://console.aws.amazon.com/' });
    expect(combineIdentity(readIdentitySources(dom.window.document, 'console.aws.amazon.com'), 'console.aws.amazon.com').accountId).toBeNull();
  });

  test('host: session label and region', () => {
    expect(readHost('345678901234-abcd1234.us-east-1.console.aws.amazon.com')).toEqual({
      source: 'host-label',
      accountId: '345678901234',
      sessionId: '345678901234-abcd1234',
      multiSession: true,
      region: 'us-east-1',
    });
    expect(readHost('eu-west-1.console.aws.amazon.com')).toEqual({ source: 'host-label', region: 'eu-west-1' });
    expect(readHost('console.aws.amazon.com')).toBeNull();
    // Uppercase labels, or 7 characters, are not a session label.
    expect(readHost('345678901234-abcd123.us-east-1.console.aws.amazon.com')).toEqual({ source: 'host-label', region: 'us-east-1' });
  });

  test('navigation bar: the account next to the copy button, the region meta; nothing from the user-name text', () => {
    expect(readNavigation(load('classic-switched-role.html').window.document)).toEqual({
      source: 'navigation',
      accountId: '123456789012',
      region: 'us-east-1',
    });
    expect(readNavigation(load('no-identity.html').window.document)).toBeNull();
  });

  test('cookie: URL-encoded JSON among other cookies; broken encodings are no source', () => {
    const value = encodeURIComponent(JSON.stringify({ arn: 'arn:aws:sts::123456789012:assumed-role/R/s', alias: 'a-b' }));
    expect(readUserInfoCookie(`x=1; aws-userInfo=${value}; y=2`)).toEqual({
      source: 'cookie',
      arn: 'arn:aws:sts::123456789012:assumed-role/R/s',
      accountAlias: 'a-b',
    });
    expect(readUserInfoCookie('aws-userInfo=%E0%A4%A')).toBeNull();
    expect(readUserInfoCookie('aws-userInfo=notjson')).toBeNull();
    expect(readUserInfoCookie('other=1')).toBeNull();
  });

  test('every fixture has the console header the banner must leave visible', () => {
    for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.html') && !f.startsWith('signin'))) {
      expect({ name, header: findConsoleHeader(load(name).window.document)?.id }).toEqual({ name, header: 'awsc-nav-header' });
    }
  });
});

describe('switching contracts', () => {
  const target = {
    account: '123456789012',
    roleName: 'team/ops/Admin',
    displayName: 'x'.repeat(80),
    color: 'b0081a',
    redirectUri: 'https://345678901234-abcd1234.us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:',
  };

  test('classic POST fields: fixed action fields, ≤ 64-character display name, percent-encoded redirect', () => {
    expect(classicSwitchFields(target)).toEqual({
      action: 'switchFromBasis',
      src: 'nav',
      mfaNeeded: '0',
      roleName: 'team/ops/Admin',
      account: '123456789012',
      displayName: 'x'.repeat(64),
      color: 'b0081a',
      redirect_uri: encodeURIComponent(target.redirectUri),
    });
  });

  test('multi-session JSON: endpoint per session, redirect without the session label', () => {
    expect(multiSessionSwitchUrl('us-east-1.signin.aws.amazon.com', '345678901234-abcd1234')).toBe(
      'https://us-east-1.signin.aws.amazon.com/sessions/345678901234-abcd1234/v1/switchrole',
    );
    expect(multiSessionSwitchBody(target)).toEqual({
      account: '123456789012',
      color: 'b0081a',
      displayName: 'x'.repeat(64),
      redirectUri: 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:',
      roleName: 'team/ops/Admin',
    });
  });

  test('the main-world classic switch takes the token from AWSC.Auth.getMbtc() and submits a top-level POST', () => {
    jest.useFakeTimers();
    try {
      const dom = load('classic-switched-role.html');
      const win = dom.window as unknown as Window & typeof globalThis;
      const submitted: HTMLFormElement[] = [];
      win.HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
        submitted.push(this);
      };
      // The function is serialised into the page; run it with the page's globals.
      const run = new win.Function('action', 'fields', `return (${mainWorldClassicSwitch.toString()})(action, fields);`) as (
        a: string,
        f: Record<string, string>,
      ) => unknown;
      const result = run('https://signin.aws.amazon.com/switchrole', classicSwitchFields(target));
      expect(result).toEqual({ ok: true });
      expect(submitted).toHaveLength(0); // submitted one task later, after the result went back
      jest.runAllTimers();
      expect(submitted).toHaveLength(1);
      const form = submitted[0]!;
      expect(form.method).toBe('post');
      expect(form.action).toBe('https://signin.aws.amazon.com/switchrole');
      expect(form.target).toBe('_top');
      const fields = Object.fromEntries(Array.from(form.elements as unknown as HTMLInputElement[]).map((i) => [i.name, i.value]));
      expect(fields).toMatchObject({ action: 'switchFromBasis', csrf: 'fixture-csrf-token-0123456789', roleName: 'team/ops/Admin' });
    } finally {
      jest.useRealTimers();
    }
  });

  test('without the page token the main-world switch does nothing and says so', () => {
    const dom = load('multi-session.html'); // no AWSC on this page
    const win = dom.window as unknown as Window & typeof globalThis;
    const run = new win.Function('action', 'fields', `return (${mainWorldClassicSwitch.toString()})(action, fields);`) as (
      a: string,
      f: Record<string, string>,
    ) => unknown;
    expect(run('https://signin.aws.amazon.com/switchrole', {})).toEqual({ ok: false, reason: 'no-token' });
    expect(dom.window.document.querySelector('form[action*="switchrole"]')).toBeNull();
  });

  test('the sign-in page form is found once its script renders it, with the pre-filled values', async () => {
    const html = fs.readFileSync(path.join(FIXTURES, 'signin-switchrole.html'), 'utf8');
    const dom = new JSDOM(html, {
      url: 'https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=team%2Fops%2FAdmin&displayName=x',
      runScripts: 'dangerously',
    });
    expect(findSignInSwitchForm(dom.window.document)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const found = findSignInSwitchForm(dom.window.document);
    expect(found).toMatchObject({ account: '123456789012', roleName: 'team/ops/Admin' });
    expect(found?.submitter?.id).toBe('input_switchrole_button');
  });
});
