// Issue 11 proof in Chromium: the console's real forms (our own fixtures, written from the
// facts, served at real console URLs), sources that appear late, pages that try to fool the
// banner, the "Why?" report in the banner and the popup, the European Sovereign Cloud's switch,
// and Identity Center start URLs on the new portal hosts. Every adversarial page gives "unknown
// account" or the true account, never another environment.
import type { HTTPRequest, Page } from 'puppeteer-core';
import { useConsoleExtension } from './clean-session';
import { collectErrors, type ExtensionSession } from './harness';
import { accessibleName, find, importThroughPage, openActionPopup, until } from './ui-helpers';
import { bannerFacts, E2E_CONFIG, findBanner, fixtureHtml, fixtureUrl, openConsoleTab, type Responder } from './console-pages';
import { importConfig } from '../../src/core/catalogue/import-config';
import type { SwitchOutcome } from '../../src/core/protocol/messages';

jest.setTimeout(30000);

let session: ExtensionSession;
let options: Page;

useConsoleExtension((launched, importPage) => {
  session = launched;
  options = importPage;
});

const PROD_TEXT = 'PRODUCTION alfie Profile alfie-production Account 1234-5678-9012 (alfie-prod) Role AlfieReadOnly Why?';
const DEV_BUTTON = '<button type="button" id="nav-usernameMenu" aria-label="AlfieFullAccess/alice" title="AlfieFullAccess/alice @ 3456-7890-1234">AlfieFullAccess/alice</button>';

async function open(fixture: string, overrides?: Record<string, string>, extra?: Responder) {
  const { page, requests } = await openConsoleTab(session, extra, overrides);
  const errors = collectErrors(page);
  await page.goto(fixtureUrl(fixture));
  await findBanner(page);
  return { page, requests, errors };
}

/**
 * Waits until the banner's text satisfies `want`. The banner is in a closed shadow root that
 * page script cannot watch, so its text is read through the accessibility tree until it does.
 */
async function bannerText(page: Page, want: (text: string) => boolean, timeout = 5000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = (await bannerFacts(page)).text;
  while (!want(text)) {
    if (Date.now() > deadline) throw new Error(`the banner still says: ${text}`);
    await new Promise((r) => setTimeout(r, 50));
    text = (await bannerFacts(page)).text;
  }
  return text;
}

/** `html` with `insert` put right after the first `after`. */
function inject(html: string, after: string, insert: string): string {
  const at = html.indexOf(after);
  if (at < 0) throw new Error(`no ${after} to insert after`);
  return html.slice(0, at + after.length) + insert + html.slice(at + after.length);
}

describe('the console\'s real forms', () => {
  test('2025 navigation rendered after load: unknown at first, then the account button\'s title decides (a late source re-judges)', async () => {
    const { page, errors } = await open('nav-2025-button-title.html');
    expect((await bannerFacts(page)).text).toBe('Unknown account Note only the aws-userInfo cookie names an account, and it says who signed in, not which account this tab is in Hide Why?');
    await page.evaluate(() => window.dispatchEvent(new Event('fixture-render-nav')));
    expect(await bannerText(page, (t) => t.startsWith('DEVELOPMENT'))).toBe('DEVELOPMENT alfie Profile alfie-development Account 3456-7890-1234 Role AlfieFullAccess Hide Why?');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the old navigation after a switch: the active role, production; who signed in and the Role History are never the tab', async () => {
    const { page, errors } = await open('oldnav-switched-role.html');
    expect((await bannerFacts(page)).text).toBe('PRODUCTION alfie Profile alfie-production Account 1234-5678-9012 Role AlfieReadOnly Why?');
    expect(await page.title()).toBe('[PROD] コンソールホーム');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the popup marks "You are here" on the profile of an Identity Center role, matched by permission set across role hashes', async () => {
    const { page } = await open('account-menu-2023-sso.html');
    const popup = await openActionPopup(session, page);
    await until(popup, () => !!document.querySelector('.row-entry.is-here'));
    expect(await popup.$$eval('.row-entry.is-here', (els) => els.map((e) => e.getAttribute('data-profile')))).toEqual(['checkout-test']);
    expect(await accessibleName(popup, '.row-entry.is-here .role-main')).toMatch(/^checkout-test You are here .*SSO QaTester/);
    await popup.close();
    await page.close();
  });
});

describe('pages that try to fool the banner', () => {
  const PROD_MULTI = 'multi-session-production.html';
  const base = () => fixtureHtml(PROD_MULTI);
  const devMeta = '<meta name="awsc-session-data" content="{&quot;accountId&quot;: &quot;345678901234&quot;, &quot;sessionARN&quot;: &quot;arn:aws:sts::345678901234:assumed-role/AlfieFullAccess/alice&quot;, &quot;prismModeEnabled&quot;: true, &quot;sessionDifferentiator&quot;: &quot;345678901234-abcd1234&quot;}">';

  async function judged(html: string, fixture = PROD_MULTI): Promise<{ text: string; title: string }> {
    const { page, errors } = await open(fixture, { [fixtureUrl(fixture)]: html });
    const text = (await bannerFacts(page)).text;
    const title = await page.title();
    expect(errors).toEqual([]);
    await page.close();
    return { text, title };
  }

  test('the issue\'s attack: a session-data meta in <body> naming development on the production host label: the true account', async () => {
    const withoutHeadMeta = base().replace(/ {2}<meta name="awsc-session-data"[^\n]*\n/, '');
    const { text, title } = await judged(inject(withoutHeadMeta, '<body>', devMeta));
    expect(text).toBe(PROD_TEXT.replace(' (alfie-prod)', ''));
    expect(title).toBe('[PROD] Instances | EC2 | us-east-1');
  });

  test('a body meta next to the real head meta: ignored', async () => {
    expect((await judged(inject(base(), '<body>', devMeta))).text).toBe(PROD_TEXT);
  });

  test('an earlier decoy account button and copy control outside the header: ignored', async () => {
    const decoys = `${DEV_BUTTON}<div><span>3456-7890-1234</span><button data-testid="awsc-copy-accountid">copy</button></div>`;
    expect((await judged(inject(base(), '<body>', decoys))).text).toBe(PROD_TEXT);
  });

  test('an earlier decoy account button inside the header: unknown account, and still production', async () => {
    const { text, title } = await judged(inject(base(), '<nav aria-label="AWS console navigation">', DEV_BUTTON));
    expect(text).toBe(
      'PRODUCTION Unknown account Note the sources disagree: awsc-session-data meta 1234-5678-9012 (alfie-prod), host name 1234-5678-9012, account button title 3456-7890-1234, account button title 1234-5678-9012 Could be alfie-production Why?',
    );
    expect(title).toBe('[PROD] Instances | EC2 | us-east-1');
  });

  test('a cookie disagreeing with the host label: not even read on a multi-session tab', async () => {
    const cookie = `<script nonce="fx">document.cookie = 'aws-userInfo=' + encodeURIComponent(JSON.stringify({ arn: 'arn:aws:sts::345678901234:assumed-role/AlfieFullAccess/alice', alias: '345678901234' })) + '; path=/; secure';</script>`;
    expect((await judged(inject(base(), '<head>', cookie))).text).toBe(PROD_TEXT);
  });

  test('a head session-data meta disagreeing with the host label: unknown account, still production', async () => {
    const html = base().replace(/<meta name="awsc-session-data"[^>]*>/, devMeta);
    expect((await judged(html)).text).toMatch(/^PRODUCTION Unknown account Note the sources disagree: awsc-session-data meta 3456-7890-1234, host name 1234-5678-9012, .* Could be alfie-production Why\?$/);
  });

  test('a session-data meta disagreeing with the navigation, on a classic host: unknown account, never development', async () => {
    const html = inject(fixtureHtml('classic-switched-role.html'), '<nav aria-label="AWS console navigation">', DEV_BUTTON);
    const { text, title } = await judged(html, 'classic-switched-role.html');
    expect(text).toMatch(/^PRODUCTION Unknown account Note the sources disagree: /);
    expect(text).not.toContain('DEVELOPMENT');
    expect(title).toBe('[PROD] Instances | EC2 | us-east-1');
  });

  test('a source that appears late and contradicts the banner turns it into "unknown account" at once, production kept', async () => {
    const { page, errors } = await open('classic-switched-role.html');
    expect((await bannerFacts(page)).text).toBe(PROD_TEXT);
    // The page's own script renders a navigation that names another account.
    await page.evaluate((button) => document.querySelector('#awsc-nav-header nav')!.insertAdjacentHTML('afterbegin', button), DEV_BUTTON);
    expect(await bannerText(page, (t) => t.includes('Unknown account'))).toMatch(/^PRODUCTION Unknown account Note the sources disagree: .*Could be alfie-production Why\?$/);
    expect(await page.title()).toBe('[PROD] Instances | EC2 | us-east-1');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('and the other way: a late production source on a development page keeps the tab from looking like development', async () => {
    const { page } = await open('nav-2025-button-title.html');
    await page.evaluate(() => window.dispatchEvent(new Event('fixture-render-nav')));
    await bannerText(page, (t) => t.startsWith('DEVELOPMENT'));
    await page.evaluate(() => {
      const meta = document.createElement('meta');
      meta.name = 'awsc-session-data';
      meta.content = JSON.stringify({ accountId: '123456789012', sessionARN: 'arn:aws:sts::123456789012:assumed-role/AlfieReadOnly/alice' });
      document.head.appendChild(meta);
    });
    expect(await bannerText(page, (t) => t.startsWith('PRODUCTION'))).toMatch(/^PRODUCTION Unknown account Note the sources disagree: awsc-session-data meta 1234-5678-9012, account button title 3456-7890-1234 Could be alfie-production Why\?$/);
    await page.close();
  });
});

describe('"Why?": what each source said, on demand', () => {
  test('the banner shows the report under it and copies it as plain text; nothing secret is in it', async () => {
    const { page, errors } = await open('nav-2024-span-title-sso.html');
    const origin = new URL(page.url()).origin;
    await session.browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const why = await page.waitForSelector('aria/Why this account: what the page said');
    expect(await why!.evaluate((el) => el.getAttribute('aria-expanded'))).toBe('false');
    await why!.click();
    const panel = await page.waitForSelector('aria/Why this account[role="region"]');
    const report = await panel!.evaluate((el) => el.querySelector('pre')!.textContent);
    expect(report).toBe(
      [
        'Role Switchboard: who is this console tab? eu-west-1.console.aws.amazon.com (partition aws)',
        'Account 4567-8901-2345, permission set DataEngineer: decided by the account button title',
        '- awsc-session-data meta: not found',
        '- host name: no account',
        '- account button title: 4567-8901-2345, role AWSReservedSSO_DataEngineer_0123456789abcdef, decided',
        '- account menu: not found',
        '- aws-userInfo cookie: 4567-8901-2345, role AWSReservedSSO_DataEngineer_0123456789abcdef, agrees',
      ].join('\n'),
    );
    for (const secret of ['alice@example.com', 'keybase', 'fixture-keybase', 'd-1234567890', 'awsapps']) expect(report).not.toContain(secret);
    await (await page.waitForSelector('aria/Copy the report as plain text'))!.click();
    // The banner is drawn again with the button saying so (a new element: read it afresh).
    const copied = async () => (await page.waitForSelector('aria/Copy the report as plain text'))!.evaluate((el) => el.textContent);
    for (let i = 0; i < 50 && (await copied()) !== 'Copied'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await copied()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);
    // Closed again with its button; the banner's own height never changed.
    await (await page.waitForSelector('aria/Why this account: what the page said'))!.click();
    expect(await page.$('aria/Why this account[role="region"]')).toBeNull();
    expect((await bannerFacts(page)).height).toBe(30);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the popup shows the verdict of the active console tab, and the report on demand', async () => {
    const { page } = await open('cookie-only.html');
    const popup = await openActionPopup(session, page);
    const summary = await find(popup, '.tab-why summary');
    expect(await summary.evaluate((el) => el.textContent)).toBe(
      'This tab: Unknown account: only the aws-userInfo cookie names an account, and it says who signed in, not which account this tab is in',
    );
    await summary.click();
    const report = await find(popup, '.tab-why pre');
    expect(await report.evaluate((el) => el.textContent)).toContain('- aws-userInfo cookie: 1234-5678-9012, role AlfieReadOnly, who signed in (says who signed in; never decides alone)');
    expect(await popup.$eval('.tab-why button', (el) => el.textContent)).toBe('Copy report');
    await popup.close();
    await page.close();
  });
});

describe('the European Sovereign Cloud and the new access portals', () => {
  const EUSC_SIGN_IN = 'https://eusc-de-east-1.signin.amazonaws-eusc.eu/switchrole';
  const fields = (body: string | undefined) => Object.fromEntries(new URLSearchParams(body ?? ''));
  async function switchFrom(tab: Page, profile: string): Promise<SwitchOutcome> {
    const entry = importConfig(E2E_CONFIG).entries.find((e) => e.profile === profile)!;
    await tab.bringToFront();
    return options.evaluate(
      async (pageUrl, request) => {
        const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
        const [active] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        if (active?.url !== pageUrl) throw new Error(`the active tab is ${active?.url}`);
        return c.runtime.sendMessage({ type: 'switch-role', tabId: active.id, ...request });
      },
      tab.url(),
      { entry, newTab: false },
    ) as Promise<SwitchOutcome>;
  }

  test('on an ESC console the banner knows the partition, and a switch is the console\'s own POST to the regional sign-in host', async () => {
    const start = fixtureUrl('eusc-iam-user.html');
    const { page, requests, errors } = await open('eusc-iam-user.html', undefined, (request: HTTPRequest) =>
      request.url() === EUSC_SIGN_IN && request.method() === 'POST' ? { body: '<!doctype html><title>switched</title>' } : null,
    );
    expect((await bannerFacts(page)).text).toBe('STAGING sovereign Account 7890-1234-5678 Note IAM user sign-in IAM user alice Hide Why?');
    const outcome = await switchFrom(page, 'sovereign-staging');
    expect(outcome).toMatchObject({ method: 'console-post', status: 'done' });
    await page.waitForFunction(() => document.title === 'switched');
    const post = requests.find((r) => r.method === 'POST' && r.url === EUSC_SIGN_IN)!;
    expect(fields(post.body)).toMatchObject({ action: 'switchFromBasis', account: '789012345678', roleName: 'EuOps', csrf: 'fixture-csrf-token-0123456789', redirect_uri: encodeURIComponent(start) });
    expect(post.headers.origin).toBe('https://eusc-de-east-1.console.amazonaws-eusc.eu');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('from elsewhere, the ESC switch link goes to the regional sign-in host, whose pre-filled form submits itself once', async () => {
    const signIn: Responder = (request) => {
      if (request.url().startsWith(`${EUSC_SIGN_IN}?`) && request.method() === 'GET') {
        return { body: fixtureHtml('signin-switchrole.html'), headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'nonce-fx'; style-src 'nonce-fx'" } };
      }
      if (request.url() === EUSC_SIGN_IN && request.method() === 'POST') return { body: '<!doctype html><title>switched</title>' };
      return null;
    };
    const { page, requests } = await open('no-identity.html', undefined, signIn);
    const outcome = await switchFrom(page, 'sovereign-staging');
    expect(outcome.message).toBe('Opened the switch-role page for sovereign-staging (7890-1234-5678, EuOps) in this tab; it submits itself.');
    await page.waitForFunction(() => document.title === 'switched', { timeout: 10000 });
    const get = requests.find((r) => r.url.startsWith(`${EUSC_SIGN_IN}?`))!;
    expect(new URL(get.url).searchParams.get('account')).toBe('789012345678');
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(fields(posts[0]!.body)).toMatchObject({ account: '789012345678', roleName: 'EuOps' });
    await page.close();
  });

  test('an SSO profile on a new-style portal host opens its console shortcut there, without a warning', async () => {
    const start = fixtureUrl('classic-switched-role.html');
    const portal = 'https://acme-corp.eu-west-1.portal.amazonaws.com/start/';
    const { page } = await open('classic-switched-role.html', undefined, (request) => (request.url().startsWith(portal) ? { body: '<!doctype html><title>portal</title>' } : null));
    const outcome = await switchFrom(page, 'portal-dev');
    expect(outcome).toEqual({ method: 'link', status: 'done', message: 'Opened the IAM Identity Center sign-in for portal-dev (8901-2345-6789, Developer) in this tab.' });
    await page.waitForFunction(() => location.host === 'acme-corp.eu-west-1.portal.amazonaws.com', { timeout: 10000 });
    expect(page.url()).toBe(`${portal}#/console?account_id=890123456789&role_name=Developer&destination=${encodeURIComponent(start)}`);
    await page.close();
  });
});

describe('a start URL that is not an AWS access portal', () => {
  const LOOKALIKE = `${E2E_CONFIG}
[profile lookalike-dev]
sso_session = lookalike
sso_account_id = 890123456789
sso_role_name = Developer

[sso-session lookalike]
sso_start_url = https://d-1234567890.awsapps.com.login-help.example/start
sso_region = eu-west-1
`;

  test('is warned about on import, with its line, and again whenever its link opens; the profile is kept', async () => {
    const { page: importPage } = await importThroughPage(session, LOOKALIKE);
    try {
      const text = await importPage.evaluate(() => document.body.innerText);
      const line = LOOKALIKE.split('\n').findIndex((l) => l.includes('login-help')) + 1;
      expect(line).toBeGreaterThan(1);
      // The import page lists it among its problems, by line (however it lays the line out).
      expect(text).toMatch(new RegExp(`Line ${line}\\b[^]{0,40}the start URL host d-1234567890\\.awsapps\\.com\\.login-help\\.example is not an AWS access portal`));
      expect(text).toContain('check the address before you open lookalike-dev.');
      const lookalike = 'https://d-1234567890.awsapps.com.login-help.example/start/';
      const { page } = await open('no-identity.html', undefined, (request) => (request.url().startsWith(lookalike) ? { body: '<!doctype html><title>look-alike</title>' } : null));
      const entry = importConfig(LOOKALIKE).entries.find((e) => e.profile === 'lookalike-dev')!;
      await page.bringToFront();
      const outcome = (await importPage.evaluate(
        async (pageUrl, request) => {
          const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
          const [active] = await c.tabs.query({ active: true, lastFocusedWindow: true });
          if (active?.url !== pageUrl) throw new Error(`the active tab is ${active?.url}`);
          return c.runtime.sendMessage({ type: 'switch-role', tabId: active.id, ...request });
        },
        page.url(),
        { entry, newTab: false },
      )) as SwitchOutcome;
      expect(outcome.message).toBe(
        "Opened the IAM Identity Center sign-in for lookalike-dev (8901-2345-6789, Developer) in this tab. Its start URL's host d-1234567890.awsapps.com.login-help.example is not an AWS access portal: check the page before you sign in.",
      );
      await page.close();
    } finally {
      await importThroughPage(session, E2E_CONFIG, importPage);
      await importPage.close();
    }
  });
});
