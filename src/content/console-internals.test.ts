// Fixture test for the one module that knows console internals: every fixture page is loaded
// at its real URL in jsdom with its own scripts running (so its cookie, its late navigation and
// its AWSC object exist), and what console-internals reads from it, judged by combineIdentity,
// must be exactly the identity the fixture describes. When AWS changes the console, this test
// and src/content/console-internals.ts are the places to change.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { combineIdentity } from '../core/console/console-identity';
import { basisFromPage } from '../core/console/basis';
import type { ConsoleIdentity } from '../core/protocol/messages';
import {
  findConsoleFooter,
  findConsoleHeader,
  findSignInSwitchForm,
  readAccountMenu,
  readHost,
  readIdentitySources,
  readNavButton,
  readSessionData,
  readUserInfoCookie,
} from './console-internals';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/console');

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

const judge = (dom: JSDOM): ConsoleIdentity => combineIdentity(readIdentitySources(dom.window.document, dom.window.location.hostname), dom.window.location.hostname);
function identityOf(name: string) {
  return judge(load(name));
}
/** The identity without its per-source report (checked on its own where it matters). */
const bare = ({ sources: _sources, ...rest }: ConsoleIdentity) => rest;
const page = (body: string, url = 'https://us-east-1.console.aws.amazon.com/console/home', head = '') =>
  new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url });
const inHeader = (html: string) => `<div id="h"><header id="awsc-nav-header" data-testid="awsc-nav-header">${html}</header></div>`;

describe('identity read from each console fixture', () => {
  test('classic console, IAM user: account, alias and user name from the session data', () => {
    expect(bare(identityOf('classic-iam-user.html'))).toEqual({
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

  test('classic console after a switch: the stale cookie of the original sign-in names another account and is not used', () => {
    const dom = load('classic-switched-role.html');
    // The fixture's own script set the weak cookie, naming another account.
    expect(readUserInfoCookie(dom.window.document.cookie)).toMatchObject({ source: 'cookie', arn: 'arn:aws:iam::111122223333:user/people/alice' });
    const identity = judge(dom);
    expect(bare(identity)).toEqual({
      accountId: '123456789012',
      accountAlias: 'alfie-prod',
      roleName: 'AlfieReadOnly',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'us-east-1',
      signInEndpoint: 'signin.aws.amazon.com',
      source: 'session-data',
    });
    expect(identity.sources).toContainEqual({
      source: 'cookie',
      verdict: 'who-signed-in',
      account: '1111-2222-3333 (acme-identity)',
      principal: 'IAM user alice',
      note: 'names another account: who signed in before a switch role; not used',
    });
  });

  // Issue 11: on a multi-session host the host label decides (the session data agrees).
  test('multi-session console: the host label decides; session label, sign-in endpoint, multi-session flag; the cookie is not read', () => {
    const identity = identityOf('multi-session.html');
    expect(bare(identity)).toEqual({
      accountId: '345678901234',
      roleName: 'AlfieFullAccess',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'us-east-1',
      sessionId: '345678901234-abcd1234',
      multiSession: true,
      signInEndpoint: 'us-east-1.signin.aws.amazon.com',
      source: 'host-label',
    });
    expect(identity.sources?.map((s) => [s.source, s.verdict])).toEqual([
      ['session-data', 'agrees'],
      ['host-label', 'decided'],
      ['cookie', 'unusable'],
    ]);
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

  test('GovCloud, China and the European Sovereign Cloud: partition from the host, ARNs of that partition accepted', () => {
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
    expect(bare(identityOf('eusc-iam-user.html'))).toEqual({
      accountId: '789012345678',
      roleName: 'alice',
      principalKind: 'user',
      partition: 'aws-eusc',
      region: 'eusc-de-east-1',
      signInEndpoint: 'eusc-de-east-1.signin.amazonaws-eusc.eu',
      source: 'session-data',
    });
  });

  test('an account outside the catalogue is still read exactly', () => {
    expect(identityOf('unknown-account.html')).toMatchObject({ accountId: '999988887777', accountAlias: 'someone-else', roleName: 'Admin' });
  });

  test('a page with no identity source says unknown, with no account and no names, and why', () => {
    expect(bare(identityOf('no-identity.html'))).toEqual({
      accountId: null,
      principalKind: 'unknown',
      partition: 'aws',
      source: 'none',
      reason: 'this page does not say which account it is signed in to',
    });
  });

  test('2025 navigation, rendered after load: the title on the button decides; the cookie of the original sign-in is not used', () => {
    const dom = load('nav-2025-button-title.html');
    // Before the navigation renders, only the cookie names an account: unknown.
    expect(judge(dom)).toMatchObject({ accountId: null, reason: 'only the aws-userInfo cookie names an account, and it says who signed in, not which account this tab is in' });
    dom.window.dispatchEvent(new dom.window.Event('fixture-render-nav'));
    expect(dom.window.document.body.hasAttribute('data-nav-rendered')).toBe(true);
    expect(bare(judge(dom))).toEqual({
      accountId: '345678901234',
      roleName: 'AlfieFullAccess',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'eu-west-1',
      source: 'nav-button',
    });
  });

  test('mid-2024 navigation, Identity Center: the title on the inner span; the portal\'s cookie (alias = ID, username encoded twice, JSON escapes) agrees', () => {
    const dom = load('nav-2024-span-title-sso.html');
    const cookie = readUserInfoCookie(dom.window.document.cookie);
    expect(cookie).toEqual({
      source: 'cookie',
      arn: 'arn:aws:sts::456789012345:assumed-role/AWSReservedSSO_DataEngineer_0123456789abcdef/alice@example.com',
      account: '456789012345',
      username: 'assumed-role/AWSReservedSSO_DataEngineer_0123456789abcdef/alice@example.com',
      issuer: 'https://d-1234567890.awsapps.com/start/#/console?account_id=456789012345&role_name=DataEngineer&destination=https%3A%2F%2Fconsole.aws.amazon.com',
    });
    const identity = judge(dom);
    expect(bare(identity)).toEqual({
      accountId: '456789012345',
      roleName: 'AWSReservedSSO_DataEngineer_0123456789abcdef',
      permissionSet: 'DataEngineer',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'eu-west-1',
      source: 'nav-button',
    });
    expect(identity.sources?.find((s) => s.source === 'cookie')?.verdict).toBe('agrees');
  });

  test('an account with an alias: the title names it by alias only, and so does the identity (no ID is made up)', () => {
    expect(bare(identityOf('nav-2024-alias.html'))).toEqual({
      accountId: null,
      accountAlias: 'ledger-prod',
      roleName: 'LedgerAdmin',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'us-east-2',
      source: 'nav-button',
    });
  });

  test('2021–2023 account menu with translated labels: account beside the copy button, Identity Center user from its container\'s title', () => {
    expect(bare(identityOf('account-menu-2023-sso.html'))).toEqual({
      accountId: '234567890123',
      roleName: 'AWSReservedSSO_QaTester_fedcba9876543210',
      permissionSet: 'QaTester',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'eu-central-1',
      source: 'navigation',
    });
  });

  test('the old navigation after a switch: the active role (awsc-role-display-name-*) and the label\'s title agree; who signed in and the Role History are not the tab', () => {
    const identity = identityOf('oldnav-switched-role.html');
    expect(bare(identity)).toEqual({
      accountId: '123456789012',
      roleName: 'AlfieReadOnly',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'ap-northeast-1',
      source: 'nav-button',
    });
    const said = JSON.stringify(identity.sources);
    for (const other of ['1111-2222-3333', '3456-7890-1234', '2345-6789-0123']) expect(said).not.toContain(other);
  });

  test('the cookie alone: unknown account, and the report says what the cookie said', () => {
    const identity = identityOf('cookie-only.html');
    expect(identity).toMatchObject({ accountId: null, source: 'none' });
    expect(identity.sources).toEqual([
      { source: 'host-label', verdict: 'no-account' },
      { source: 'cookie', verdict: 'who-signed-in', account: '1234-5678-9012', principal: 'role AlfieReadOnly', note: 'says who signed in; never decides alone' },
    ]);
  });

  test('multi-session production: host label, session data and account button agree', () => {
    expect(identityOf('multi-session-production.html')).toMatchObject({ accountId: '123456789012', accountAlias: 'alfie-prod', roleName: 'AlfieReadOnly', source: 'host-label', multiSession: true });
  });
});

describe('each source on its own', () => {
  test('session data: the meta tag JSON, multi-session fields only in prism mode', () => {
    expect(readSessionData(load('multi-session.html').window.document)).toEqual([
      expect.objectContaining({
        source: 'session-data',
        accountId: '345678901234',
        multiSession: true,
        sessionId: '345678901234-abcd1234',
        signInEndpoint: 'us-east-1.signin.aws.amazon.com',
      }),
    ]);
    const [classic] = readSessionData(load('classic-iam-user.html').window.document);
    expect(classic).toMatchObject({ multiSession: false, sessionId: undefined });
  });

  test('session data that is not JSON, or not an object, is an unusable source, said so', () => {
    for (const content of ['{not json', '[1,2]', '"text"', '']) {
      const dom = new JSDOM(`<meta name="awsc-session-data" content='${content}'>`);
      expect(readSessionData(dom.window.document)).toEqual([{ source: 'session-data', unusable: 'its content is not a JSON object' }]);
    }
  });

  test('session data only from the head: a meta in the body is reported and never read; two in the head are refused', () => {
    const meta = (account: string) => `<meta name="awsc-session-data" content='{"accountId": "${account}", "sessionARN": "arn:aws:sts::${account}:assumed-role/R/session"}'>`;
    const inBody = page(meta('345678901234'));
    expect(readSessionData(inBody.window.document)).toEqual([{ source: 'session-data', unusable: 'outside the page head: ignored' }]);
    expect(judge(inBody)).toMatchObject({ accountId: null, reason: 'the awsc-session-data meta cannot be used: outside the page head: ignored' });
    const twice = page('', undefined, meta('123456789012') + meta('123456789012'));
    expect(judge(twice)).toMatchObject({ accountId: null, reason: 'the awsc-session-data meta: 2 of them in the head, where the console serves one' });
  });

  test('an account ID given as a JSON number is not trusted (leading zeros may be lost)', () => {
    const dom = new JSDOM(`<meta name="awsc-session-data" content='{"accountId": 12345678901}'>`, { url: 'https://console.aws.amazon.com/' });
    expect(combineIdentity(readIdentitySources(dom.window.document, 'console.aws.amazon.com'), 'console.aws.amazon.com').accountId).toBeNull();
  });

  test('host: session label and region (the European Sovereign Cloud\'s too)', () => {
    expect(readHost('345678901234-abcd1234.us-east-1.console.aws.amazon.com')).toEqual({
      source: 'host-label',
      accountId: '345678901234',
      sessionId: '345678901234-abcd1234',
      multiSession: true,
      region: 'us-east-1',
    });
    expect(readHost('eu-west-1.console.aws.amazon.com')).toEqual({ source: 'host-label', region: 'eu-west-1' });
    expect(readHost('eusc-de-east-1.console.amazonaws-eusc.eu')).toEqual({ source: 'host-label', region: 'eusc-de-east-1' });
    expect(readHost('console.aws.amazon.com')).toBeNull();
    // Uppercase labels, or 7 characters, are not a session label.
    expect(readHost('345678901234-abcd123.us-east-1.console.aws.amazon.com')).toEqual({ source: 'host-label', region: 'us-east-1' });
  });

  test('account button: the title on the button (2025), on its inner span (2024) or on the old label; labels go along for the judge', () => {
    const b2025 = page(inHeader('<button id="nav-usernameMenu" aria-label="Admin/alice" title="Admin/alice @ 1234-5678-9012"><span>Admin/alice</span></button>'));
    expect(readNavButton(b2025.window.document)).toEqual([{ source: 'nav-button', principal: 'Admin/alice', account: '1234-5678-9012', labels: ['Admin/alice', 'Admin/alice'] }]);
    const b2024 = page(inHeader('<button id="nav-usernameMenu" aria-label="Dev/bob"><span data-testid="awsc-nav-account-menu-button"><span title="AWSReservedSSO_Dev_0123456789abcdef/bob @ acme-dev">Dev/bob</span></span></button>'));
    expect(readNavButton(b2024.window.document)).toEqual([
      { source: 'nav-button', principal: 'AWSReservedSSO_Dev_0123456789abcdef/bob', account: 'acme-dev', labels: ['Dev/bob', 'Dev/bob'] },
    ]);
    // Not a title of the identity form (no " @ "): nothing read.
    expect(readNavButton(page(inHeader('<button id="nav-usernameMenu" title="Account menu">Menu</button>')).window.document)).toEqual([]);
  });

  test('navigation is read only inside the console header: elsewhere it is reported as not read', () => {
    const decoy = page('<button id="nav-usernameMenu" title="Admin/alice @ 3456-7890-1234">x</button><span>3456-7890-1234</span><button data-testid="awsc-copy-accountid"></button>');
    expect(readNavButton(decoy.window.document)).toEqual([{ source: 'nav-button', unusable: 'found outside the console header: not read' }]);
    expect(readAccountMenu(decoy.window.document)).toEqual([{ source: 'navigation', unusable: 'found outside the console header: not read' }]);
    expect(judge(decoy).accountId).toBeNull();
    // Before 2021 the header was #consoleNavHeader.
    const old = page('<div id="consoleNavHeader"><a id="nav-usernameMenu"><div title="alice @ 1111-2222-3333">alice @ 1111-2222-3333</div></a></div>');
    expect(readNavButton(old.window.document)).toMatchObject([{ account: '1111-2222-3333', principal: 'alice' }]);
  });

  test('account menu: the account beside each copy button (label text never read), the user\'s title, the old menu\'s active role over who signed in', () => {
    expect(readAccountMenu(load('classic-switched-role.html').window.document)).toEqual([
      { source: 'navigation', account: '1234-5678-9012' },
      { source: 'navigation', principal: 'AlfieReadOnly/alice' },
    ]);
    expect(readAccountMenu(load('oldnav-switched-role.html').window.document)).toEqual([{ source: 'navigation', account: '1234-5678-9012', role: 'AlfieReadOnly', signedIn: 'alice @ 1111-2222-3333' }]);
    const notSwitched = page('<div id="consoleNavHeader"><div id="awsc-login-display-name-user" title="alice">alice</div><div id="awsc-login-display-name-account" title="1111-2222-3333">1111-2222-3333</div></div>');
    expect(readAccountMenu(notSwitched.window.document)).toEqual([{ source: 'navigation', account: '1111-2222-3333', principal: 'alice' }]);
    expect(readAccountMenu(load('no-identity.html').window.document)).toEqual([]);
  });

  test('cookie: URL-encoded JSON among other cookies, username decoded once more; broken encodings are no source', () => {
    const value = encodeURIComponent(JSON.stringify({ arn: 'arn:aws:sts::123456789012:assumed-role/R/se', alias: 'a-b', username: 'assumed-role%2FR%2Fse', keybase: 'KEYBASE', signinType: 'PUBLIC' }));
    expect(readUserInfoCookie(`x=1; aws-userInfo=${value}; y=2`)).toEqual({
      source: 'cookie',
      arn: 'arn:aws:sts::123456789012:assumed-role/R/se',
      account: 'a-b',
      username: 'assumed-role/R/se',
      issuer: undefined,
    });
    expect(JSON.stringify(readUserInfoCookie(`aws-userInfo=${value}`))).not.toContain('KEYBASE');
    expect(readUserInfoCookie('aws-userInfo=%E0%A4%A')).toBeNull();
    expect(readUserInfoCookie('aws-userInfo=notjson')).toBeNull();
    expect(readUserInfoCookie('other=1')).toBeNull();
  });

  test('the cookie is not even read on a multi-session tab', () => {
    const dom = load('multi-session.html');
    dom.window.document.cookie = `aws-userInfo=${encodeURIComponent(JSON.stringify({ arn: 'arn:aws:sts::123456789012:assumed-role/AlfieReadOnly/alice' }))}`;
    const readings = readIdentitySources(dom.window.document, dom.window.location.hostname);
    expect(readings.filter((r) => r.source === 'cookie')).toEqual([{ source: 'cookie', unusable: 'not read on a multi-session tab, where it may describe another session' }]);
  });

  test('the console footer a bottom banner sits above: the 2021 navigation\'s and the old one\'s', () => {
    const today = page('<div id="console-nav-footer"><div id="console-nav-footer-inner"><div id="awsc-nav-footer-content" data-testid="awsc-nav-footer"><button>CloudShell</button></div></div></div>');
    expect(findConsoleFooter(today.window.document)?.id).toBe('console-nav-footer');
    // Only the inner parts rendered (a re-render in progress): still the footer.
    const inner = page('<footer><div id="awsc-nav-footer-content" data-testid="awsc-nav-footer">x</div></footer>');
    expect(findConsoleFooter(inner.window.document)?.id).toBe('awsc-nav-footer-content');
    expect(findConsoleFooter(load('oldnav-switched-role.html').window.document)).toBeNull();
    expect(findConsoleFooter(page('<footer class="console-nav-footer">not the console\'s</footer>').window.document)).toBeNull();
  });

  test('every fixture has the console header the banner must leave visible', () => {
    for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.html') && !f.startsWith('signin'))) {
      const header = name.startsWith('oldnav-') ? 'consoleNavHeader' : 'awsc-nav-header';
      expect({ name, header: findConsoleHeader(load(name).window.document)?.id }).toEqual({ name, header });
    }
  });
});

describe('the sign-in page', () => {
  test('the sign-in page form is found once its script renders it, with the pre-filled values', async () => {
    const html = fs.readFileSync(path.join(FIXTURES, 'signin-switchrole.html'), 'utf8');
    const dom = new JSDOM(html, {
      url: 'https://signin.aws.amazon.com/switchrole?account=123456789012&roleName=team%2Fops%2FAdmin&displayName=x',
      runScripts: 'dangerously',
    });
    expect(findSignInSwitchForm(dom.window.document)).toBeNull();
    // The page's own script renders the form later: wait for that mutation, not for a time.
    const found = await new Promise<ReturnType<typeof findSignInSwitchForm>>((resolve) => {
      const observer = new dom.window.MutationObserver(() => {
        const form = findSignInSwitchForm(dom.window.document);
        if (form) {
          observer.disconnect();
          resolve(form);
        }
      });
      observer.observe(dom.window.document.documentElement, { childList: true, subtree: true });
    });
    expect(found).toMatchObject({ account: '123456789012', roleName: 'team/ops/Admin' });
    expect(found?.submitter?.id).toBe('input_switchrole_button');
  });
});

describe('who signed in (the basis), read from each fixture page', () => {
  const basisOf = (name: string) => {
    const dom = load(name);
    const host = dom.window.location.hostname;
    const readings = readIdentitySources(dom.window.document, host);
    return basisFromPage(readings, host, combineIdentity(readings, host));
  };

  test('classic console after a switch: the aws-userInfo cookie names the sign-in, and the tab is in a switched role', () => {
    expect(basisOf('classic-switched-role.html')).toEqual({
      known: true,
      partition: 'aws',
      accountId: '111122223333',
      accountAlias: 'acme-identity',
      name: 'alice',
      text: 'alice @ 1111-2222-3333',
      from: 'aws-userInfo cookie',
      switched: true,
    });
  });

  test('the old navigation after a switch: the exit-role button names the sign-in (the console shows it only while a role is active)', () => {
    expect(basisOf('oldnav-switched-role.html')).toMatchObject({ known: true, accountId: '111122223333', text: 'alice @ 1111-2222-3333', from: 'exit-role button', switched: true });
  });

  test('an IAM user tab is its own basis, not switched; a page with no sign-in source cannot tell', () => {
    expect(basisOf('classic-iam-user.html')).toMatchObject({ known: true, accountId: '111122223333', name: 'alice', switched: false });
    expect(basisOf('no-identity.html')).toEqual({ known: false, reason: 'this page does not say who signed in' });
  });

  test('a multi-session page never names a basis by itself (its cookie may be another session\'s)', () => {
    expect(basisOf('multi-session.html')).toMatchObject({ known: false });
  });
});
