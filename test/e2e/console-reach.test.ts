// Issue 15 §2 proof in the real browser: "Only roles I can reach from here" and "Switch back", on
// console fixture pages served at their real URLs by request interception. The filter is driven
// from the real popup; what Switch back does is asserted by the requests it really sends and the
// tab it really focuses.
import type { HTTPRequest, Page } from 'puppeteer-core';
import { forgetSessions } from './clean-session';
import { collectErrors, launchWithExtension, type ExtensionSession } from './harness';
import { clearStorage, find, importThroughPage, openActionPopup, sleep, syncSet, until, waitForRecord } from './ui-helpers';
import { findBanner, fixtureHtml, fixtureUrl, multiSessionEndpoint, openConsoleTab, serveFixtures, waitForBannerIndex, type CapturedRequest, type Responder } from './console-pages';
import { importConfig } from '../../src/core/catalogue/import-config';
import type { SwitchOutcome } from '../../src/core/protocol/messages';

jest.setTimeout(60000);

/**
 * AWS Extend Switch Roles style: the user signs in to 111122223333 (`identity`, the account the
 * fixtures' aws-userInfo cookie names) and switches to the alfie roles; the partner roles start
 * from another base account (one by aws_account_id, one by mfa_serial); loose-dev's base is not
 * in the config; data-lake-staging is an Identity Center role.
 */
const REACH_CONFIG = `[default]
region = us-east-1
[profile identity]
aws_account_id = 111122223333
[profile partner-base]
aws_account_id = 999988887777
[profile alfie-development]
role_arn = arn:aws:iam::345678901234:role/AlfieFullAccess
source_profile = identity
[profile alfie-qa]
role_arn = arn:aws:iam::234567890123:role/AlfieDeployment
source_profile = identity
[profile alfie-production]
role_arn = arn:aws:iam::123456789012:role/AlfieReadOnly
source_profile = identity
[profile partner-test]
role_arn = arn:aws:iam::444455556666:role/PartnerAudit
source_profile = partner-base
[profile partner-staging]
role_arn = arn:aws:iam::555566667777:role/PartnerAudit
mfa_serial = arn:aws:iam::999988887777:mfa/alice
source_profile = default
[profile loose-dev]
role_arn = arn:aws:iam::666677778888:role/Loose
credential_source = Environment
[profile data-lake-staging]
sso_session = corp
sso_account_id = 456789012345
sso_role_name = DataEngineer
[sso-session corp]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
`;

const ALL = ['alfie-development', 'alfie-qa', 'alfie-production', 'partner-test', 'partner-staging', 'loose-dev', 'data-lake-staging'];
const SIGN_IN = 'https://signin.aws.amazon.com/switchrole';
type Chrome = typeof import('webextension-polyfill');

let session: ExtensionSession;
let options: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await clearStorage(session);
  options = (await importThroughPage(session, REACH_CONFIG)).page;
  await waitForBannerIndex(session, '123456789012');
}, 60000);
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  for (const page of await session.browser.pages()) if (page !== options) await page.close();
  await forgetSessions(session);
});

/** The filter's setting, written as the popup writes it (the other settings at their defaults). */
const setFilter = (on: boolean) => syncSet(session, { settings: { onlyReachable: on } });

async function consoleTab(fixture: string, extra?: Responder, overrides?: Record<string, string>): Promise<{ page: Page; requests: CapturedRequest[] }> {
  const tab = await openConsoleTab(session, extra, overrides);
  await tab.page.goto(fixtureUrl(fixture));
  await findBanner(tab.page);
  return tab;
}

const listed = (popup: Page) => popup.$$eval('.row-entry', (rows) => rows.map((r) => r.getAttribute('data-profile')));
const groups = (popup: Page) => popup.$$eval('.row-header .group-name', (h) => h.map((e) => e.textContent));
const reachLine = (popup: Page) => popup.$eval('[data-testid="reach-line"]', (p) => p.textContent);

test('on a signed-in classic page the filter hides exactly the roles of another base account; the toggle is kept', async () => {
  await setFilter(false);
  const { page } = await consoleTab('classic-switched-role.html');
  const popup = await openActionPopup(session, page);
  const errors = collectErrors(popup);
  expect(new Set(await listed(popup))).toEqual(new Set(ALL));
  // From the keyboard: the toggle is a native checkbox after the list; focused, Space turns it on.
  await popup.focus('.reach-toggle input');
  await popup.keyboard.press('Space');
  await until(popup, () => !document.querySelector('[data-profile="partner-test"]'));
  expect(new Set(await listed(popup))).toEqual(new Set(ALL.filter((p) => !p.startsWith('partner-'))));
  expect(await groups(popup)).toContain('Base account unknown (not filtered)');
  expect(await popup.$eval('.section-unknown-base ~ .row-entry[data-profile="loose-dev"]', (r) => r.getAttribute('data-profile'))).toBe('loose-dev');
  expect(await reachLine(popup)).toBe('Reachable from alice @ 1111-2222-3333: 2 roles of other base accounts hidden; 1 role whose base account is unknown listed apart.');
  await waitForRecord<{ onlyReachable?: boolean }>(session, 'sync', 'settings', (s) => s?.onlyReachable === true);

  // Search with the filter on: only what it shows.
  await popup.focus('input.search');
  await popup.keyboard.type('alfie');
  await popup.waitForFunction(() => document.querySelectorAll('.row-entry').length === 3);
  await popup.keyboard.type(' audit');
  await popup.waitForFunction(() => document.querySelectorAll('.row-entry').length === 0 && !!document.querySelector('.no-match'));
  expect(errors).toEqual([]);
});

test('on a page with no readable sign-in the filter says it cannot tell and hides nothing', async () => {
  await setFilter(true);
  const { page } = await consoleTab('no-identity.html');
  const popup = await openActionPopup(session, page);
  await until(popup, () => document.querySelector('[data-testid="reach-line"]')?.textContent?.startsWith('Cannot tell') === true);
  expect(await reachLine(popup)).toBe('Cannot tell who signed in: this page does not say who signed in. Nothing is hidden.');
  expect(new Set(await listed(popup))).toEqual(new Set(ALL));
  expect(await popup.$('[data-testid="switch-back"]')).toBeNull();
});

test("classic console: Switch back POSTs the console's exit-role form (switchToBasis) with the page's token, landing on the same page", async () => {
  const start = fixtureUrl('classic-switched-role.html');
  let back = false;
  const { page, requests } = await consoleTab('classic-switched-role.html', (request: HTTPRequest) => {
    if (request.url() === SIGN_IN && request.method() === 'POST') {
      back = true;
      return { status: 302, headers: { Location: decodeURIComponent(new URLSearchParams(request.postData() ?? '').get('redirect_uri') ?? '') }, body: '' };
    }
    // Back as the IAM user who signed in.
    if (back && request.url().replace(/#.*$/, '') === start.replace(/#.*$/, '')) return { body: fixtureHtml('classic-iam-user.html') };
    return null;
  });
  const popup = await openActionPopup(session, page);
  const button = await find(popup, '[data-testid="switch-back"]');
  expect(await button.evaluate((b) => b.textContent)).toBe('Switch back (to alice @ 1111-2222-3333)');
  // Keyboard reachable: focused and pressed with Enter.
  await button.focus();
  await popup.keyboard.press('Enter').catch(() => {}); // the popup may close while the key is down
  let post: CapturedRequest | undefined;
  while (!(post = requests.find((r) => r.method === 'POST' && r.url === SIGN_IN))) await sleep(50);
  expect(Object.fromEntries(new URLSearchParams(post.body ?? ''))).toEqual({
    action: 'switchToBasis',
    src: 'nav',
    redirect_uri: encodeURIComponent(start),
    csrf: 'fixture-csrf-token-0123456789',
  });
  // The page reloads as the sign-in (the fixture of the IAM user), on the same page.
  const deadline = Date.now() + 10000;
  while ((await page.title().catch(() => '')) !== 'Console Home' && Date.now() < deadline) await sleep(50);
  expect(await page.title()).toBe('Console Home');
  expect(page.url()).toBe(start);
});

test('multi-session console: Switch back goes to the session the role was switched from', async () => {
  const DEV = fixtureUrl('multi-session.html');
  const QA = fixtureUrl('multi-session-qa.html');
  const { page: dev } = await consoleTab('multi-session.html', multiSessionEndpoint('345678901234-abcd1234', QA));
  // Before any switch the extension made, a multi-session tab's basis is unknown: no Switch back.
  const first = await openActionPopup(session, dev);
  await until(first, () => document.querySelector('.reach-bar') !== null);
  expect(await first.$('[data-testid="switch-back"]')).toBeNull();
  await first.close();

  const opened = session.browser.waitForTarget((t) => t.url() === QA, { timeout: 10000 });
  await dev.bringToFront();
  const entry = importConfig(REACH_CONFIG).entries.find((e) => e.profile === 'alfie-qa')!;
  const outcome = (await options.evaluate(
    async (request) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [active] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      return c.runtime.sendMessage({ type: 'switch-role', tabId: active!.id, newTab: false, entry: request });
    },
    entry,
  )) as SwitchOutcome;
  expect(outcome).toMatchObject({ method: 'multi-session', status: 'done' });
  const qa = (await (await opened).asPage())!;
  // The tab the extension opened is served the fixture too (it loads again, now intercepted).
  await serveFixtures(qa);
  await qa.reload();
  await findBanner(qa);

  const popup = await openActionPopup(session, qa);
  const button = await find(popup, '[data-testid="switch-back"]');
  expect(await button.evaluate((b) => b.textContent)).toBe('Switch back (to AlfieFullAccess @ 3456-7890-1234)');
  await button.click().catch(() => {}); // the popup closes as the other tab takes focus
  await until(dev, () => document.visibilityState === 'visible');
  expect(await qa.evaluate(() => document.visibilityState)).toBe('hidden');
  expect(dev.url()).toBe(DEV);

  // With no tab of that session left, this page (S3 buckets) opens on that session's host, in a
  // new tab: which is DEV's address, the fixtures being the same page in two sessions.
  await dev.close();
  const again = await openActionPopup(session, qa);
  const reopened = session.browser.waitForTarget((t) => t.url() === QA.replace('234567890123-qrst5678', '345678901234-abcd1234'), { timeout: 10000 });
  await (await find(again, '[data-testid="switch-back"]')).click().catch(() => {});
  await reopened;
  expect(qa.url()).toBe(QA);
});
