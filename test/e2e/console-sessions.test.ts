// Issue 13 proof: which profiles are signed in and how long each has left, on console fixture
// pages in the real browser. Sessions come from what the tabs' content scripts report and from
// the switches the extension makes; the countdown ticks in the tab with the tab's clock, which
// these tests move forward inside the content scripts' own world (page.extensionRealms(): a
// world no page script can reach), never through anything a page could set.
import type { Page } from 'puppeteer-core';
import { forgetSessions, useConsoleExtension } from './clean-session';
import { collectErrors, type ExtensionSession } from './harness';
import { accessibleName, busyMainThread, find, openActionPopup, openWebTab, sleep, until, waitForRecord } from './ui-helpers';
import { bannerFacts, E2E_CONFIG, findBanner, fixtureHtml, fixtureUrl, multiSessionEndpoint, openConsoleTab, serveFixtures, type CapturedRequest, type Responder } from './console-pages';
import type { CatalogueEntry } from '../../src/core/types';
import { importConfig } from '../../src/core/catalogue/import-config';
import type { SessionsOverview, SwitchOutcome } from '../../src/core/protocol/messages';

jest.setTimeout(60000);

let session: ExtensionSession;
let options: Page;

useConsoleExtension((launched, importPage) => {
  session = launched;
  options = importPage;
});

type Chrome = typeof import('webextension-polyfill');

beforeEach(async () => {
  for (const page of await session.browser.pages()) if (page !== options) await page.close();
  await forgetSessions(session);
});

const MIN = 60_000;
const SIGN_IN = 'https://signin.aws.amazon.com/switchrole';
const DEV = fixtureUrl('multi-session.html');
const QA = fixtureUrl('multi-session-qa.html');

function entryOf(profile: string): CatalogueEntry {
  const entry = importConfig(E2E_CONFIG).entries.find((e) => e.profile === profile);
  if (!entry) throw new Error(`no entry ${profile}`);
  return entry;
}

/** The popup's switch message for `tab` (made the active tab), sent from an extension page. */
async function switchFrom(tab: Page, profile: string, extra: { confirmReentry?: boolean; signInAgain?: boolean } = {}): Promise<SwitchOutcome> {
  await tab.bringToFront();
  return options.evaluate(
    async (pageUrl, request) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [active] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      // Without the tabs permission a tab's URL shows only on our hosts: a web page's reads as none.
      const onOurHosts = /\.aws\.amazon\.com\//.test(pageUrl);
      if (!active || (onOurHosts ? active.url !== pageUrl : active.url !== undefined)) throw new Error(`the active tab is ${active?.url}, not ${pageUrl}`);
      return c.runtime.sendMessage({ type: 'switch-role', tabId: active.id, ...request });
    },
    tab.url(),
    { entry: entryOf(profile), newTab: false, ...extra },
  ) as Promise<SwitchOutcome>;
}

const overview = (): Promise<SessionsOverview> =>
  options.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'sessions' })) as Promise<SessionsOverview>;

async function waitFor<T>(what: string, get: () => Promise<T | undefined> | T | undefined, timeout = 10000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The banner's session timer: its text and colours, and whether it offers Renew (undefined while there is none). */
async function chip(page: Page): Promise<{ text: string; background: string; color: string; renew: boolean; label: string } | undefined> {
  const banner = await findBanner(page);
  return banner.evaluate((bar) => {
    const timer = bar.querySelector(':scope > [role="timer"]');
    const text = timer?.querySelector('span') as HTMLElement | null | undefined;
    if (!timer || !text) return undefined;
    const style = getComputedStyle(text);
    const renew = Array.from(timer.querySelectorAll('button')).some((b) => b.textContent === 'Renew');
    return { text: text.textContent!, background: style.backgroundColor, color: style.color, renew, label: timer.getAttribute('aria-label') ?? '' };
  });
}

const chipSaying = (page: Page, text: RegExp) =>
  waitFor(`the chip to say ${text}`, async () => {
    // (While the page loads again, there is no banner to ask yet.)
    const now = await chip(page).catch(() => undefined);
    return now && text.test(now.text) ? now : undefined;
  });

/** Moves the clock of the tab's content scripts `ms` ahead of real time (the chip reads Date.now there). */
async function moveClock(page: Page, ms: number): Promise<void> {
  const realms = page.extensionRealms();
  expect(realms.length).toBeGreaterThan(0);
  for (const realm of realms) {
    await realm.evaluate((offset) => {
      const g = globalThis as unknown as { realNow?: () => number };
      g.realNow ??= Date.now.bind(Date);
      const real = g.realNow;
      Date.now = () => real() + offset;
    }, ms);
  }
}

const formFields = (body: string | undefined): Record<string, string> => Object.fromEntries(new URLSearchParams(body ?? ''));

const jsonCalls = (requests: CapturedRequest[]) => requests.filter((r) => r.method === 'POST' && r.url.includes('/v1/switchrole'));

/** Another multi-session session, written from the development fixture: its own label, account and role. */
function otherSession(accountId: string, label: string, role: string): { url: string; html: string } {
  const html = fixtureHtml('multi-session.html').replaceAll('345678901234-abcd1234', `${accountId}-${label}`).replaceAll('345678901234', accountId).replaceAll('AlfieFullAccess', role);
  return { url: DEV.replace('345678901234-abcd1234', `${accountId}-${label}`), html };
}

async function openAt(url: string, extra?: Responder, overrides?: Record<string, string>): Promise<{ page: Page; requests: CapturedRequest[] }> {
  const tab = await openConsoleTab(session, extra, overrides);
  await tab.page.goto(url);
  await findBanner(tab.page);
  return tab;
}

test('two multi-session tabs: both sessions are live, each with its tab, two of five', async () => {
  const { page: dev } = await openAt(DEV);
  const { page: qa } = await openAt(QA);
  const seen = await overview();
  const byProfile = Object.fromEntries(seen.sessions.map((s) => [s.profile, s]));
  expect(byProfile['alfie-development']).toMatchObject({ status: 'live', tabs: 1, multiSession: true, partition: 'aws' });
  expect(byProfile['alfie-qa']).toMatchObject({ status: 'live', tabs: 1, multiSession: true });
  expect(byProfile['alfie-development']!.endsAt).toBeUndefined();
  expect(seen.multiSession).toEqual([{ partition: 'aws', count: 2 }]);
  expect(seen.limit).toBe(5);

  // The popup marks both, and counts them.
  const popup = await openActionPopup(session, dev);
  const errors = collectErrors(popup);
  await until(popup, () => !!document.querySelector('[data-profile="alfie-qa"] .session-marker'));
  const marks = await popup.$$eval('.row-entry', (rows) =>
    rows.map((r) => [(r as HTMLElement).dataset.profile, r.querySelector('.session-marker')?.textContent ?? null, r.querySelector('.here-marker')?.textContent ?? null]),
  );
  expect(marks).toEqual(
    expect.arrayContaining([
      ['alfie-qa', 'Signed in', null],
      // The tab the popup is over: here, which is signed in by definition.
      ['alfie-development', null, 'You are here'],
      ['alfie-production', null, null],
    ]),
  );
  expect(await popup.$eval('.header-sessions', (el) => el.textContent)).toBe('2 of 5 sessions');
  expect(await popup.$eval('[data-profile="alfie-qa"] .session-marker', (el) => el.getAttribute('title'))).toMatch(/^Signed in \(first seen (just now|1 min ago)\), open in 1 tab: Enter goes there\. Shift\+Enter signs in again\.$/);
  expect(errors).toEqual([]);
  await popup.close();

  // A session no tab shows any more is unknown, never "not signed in".
  await qa.close();
  const after = await overview();
  expect(after.sessions.find((s) => s.profile === 'alfie-qa')).toMatchObject({ status: 'unknown', tabs: 0 });
  expect(after.multiSession).toEqual([{ partition: 'aws', count: 2 }]);
  await dev.close();
});

test('a sixth session: the switch says what will happen and asks first', async () => {
  const ledger = otherSession('777788889999', 'ledg0001', 'LedgerAdmin');
  const other = otherSession('111122223333', 'othr0001', 'Admin');
  const { page: dev, requests } = await openAt(DEV, multiSessionEndpoint('345678901234-abcd1234', fixtureUrl('multi-session-qa.html')));
  await openAt(QA);
  await openAt(fixtureUrl('multi-session-production.html'));
  await openAt(ledger.url, undefined, { [ledger.url]: ledger.html });
  await openAt(other.url, undefined, { [other.url]: other.html });

  const asked = await switchFrom(dev, 'checkout-test');
  expect(asked.status).toBe('needs-confirmation');
  expect(asked.confirm).toBe('sixth-session');
  expect(asked.message).toMatch(/^This browser already has 5 of 5 console sessions: .*alfie-development \(1 tab\).*\. The console allows 5, so another sign-in fails until one of them signs out\. Try anyway\?$/);
  expect(asked.message).toContain('ledger-production (1 tab)');
  expect(asked.message).toContain('account 111122223333 (Admin) (1 tab)');
  expect(jsonCalls(requests)).toHaveLength(0);

  // The popup asks the same, titled for what it is.
  const popup = await openActionPopup(session, dev);
  await popup.keyboard.type('checkout test');
  await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
  await popup.keyboard.press('Enter');
  const question = await find(popup, '[role="alertdialog"]');
  expect(await accessibleName(popup, '[role="alertdialog"]')).toBe('Open a sixth session?');
  expect(await question.evaluate((el) => (el as HTMLElement).innerText)).toContain('The console allows 5, so another sign-in fails');
  expect(await popup.$eval('.header-sessions', (el) => el.textContent)).toBe('5 of 5 sessions');
  await popup.close();
  expect(jsonCalls(requests)).toHaveLength(0);

  // From a page that is not the console, the switch would sign in through a link: that takes a
  // session too, so it asks the same, and opens nothing until the user says yes.
  const { page: web } = await openWebTab(session);
  const signInTabs = () => session.browser.targets().filter((t) => t.url().includes('signin.aws.amazon.com')).length;
  const before = signInTabs();
  const fromWeb = await switchFrom(web, 'checkout-test');
  expect(fromWeb).toMatchObject({ method: 'link', status: 'needs-confirmation', confirm: 'sixth-session' });
  expect(fromWeb.message).toMatch(/^This browser already has 5 of 5 console sessions: /);
  expect(signInTabs()).toBe(before);
  const yes = await switchFrom(web, 'checkout-test', { confirmReentry: true });
  expect(yes).toMatchObject({ method: 'link', status: 'done' });
  await web.bringToFront();

  // Said yes: the switch is tried.
  const tried = await switchFrom(dev, 'checkout-test', { confirmReentry: true });
  expect(tried.status).toBe('done');
  expect(jsonCalls(requests)).toHaveLength(1);
});

test('signing in again to a profile whose session no tab shows asks first, and says it may still be signed in', async () => {
  const { page: qa } = await openAt(QA);
  await waitFor('the qa session', async () => ((await overview()).sessions.some((s) => s.profile === 'alfie-qa') ? true : undefined));
  await qa.close();
  const { page: dev, requests } = await openAt(DEV, multiSessionEndpoint('345678901234-abcd1234', QA));
  const asked = await switchFrom(dev, 'alfie-qa');
  expect(asked).toEqual({
    method: 'multi-session',
    status: 'needs-confirmation',
    confirm: 're-sign-in',
    message: 'alfie-qa already has a session that may still be signed in (no tab shows it now). Switching into it again signs that session out, and any tab of it. Switch anyway?',
  });
  expect(jsonCalls(requests)).toHaveLength(0);
});

test('Enter on a profile with a live session goes to its tab instead of signing in again', async () => {
  const { page: qa } = await openAt(QA);
  const { page: dev, requests } = await openAt(DEV, multiSessionEndpoint('345678901234-abcd1234', QA));
  const popup = await openActionPopup(session, dev);
  const errors = collectErrors(popup);
  await popup.keyboard.type('alfie qa');
  await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
  await popup.keyboard.press('Enter').catch(() => {}); // the popup closes when the tab takes focus, maybe while the key is down
  await until(qa, () => document.visibilityState === 'visible');
  expect(await dev.evaluate(() => document.visibilityState)).toBe('hidden');
  expect(jsonCalls(requests)).toHaveLength(0);
  expect(errors).toEqual([]);
});

test('a tab too busy to answer in time still shows its session: Enter goes there', async () => {
  const { page: qa } = await openAt(QA);
  const { page: dev, requests } = await openAt(DEV, multiSessionEndpoint('345678901234-abcd1234', QA));
  const popup = await openActionPopup(session, dev);
  await popup.keyboard.type('alfie qa');
  await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
  // Busy for longer than the background waits for a tab's answer.
  await busyMainThread(qa, 1500);
  await popup.keyboard.press('Enter').catch(() => {});
  await until(qa, () => document.visibilityState === 'visible');
  expect(jsonCalls(requests)).toHaveLength(0);
});

test('a session the extension started and no tab shows: Enter opens where it landed, in a new tab', async () => {
  const { page: dev, requests } = await openAt(DEV, multiSessionEndpoint('345678901234-abcd1234', QA));
  const opened = session.browser.waitForTarget((t) => t.url() === QA, { timeout: 10000 });
  expect(await switchFrom(dev, 'alfie-qa')).toMatchObject({ method: 'multi-session', status: 'done' });
  const qa = (await (await opened).asPage())!;
  // The tab the extension opened is served the fixture too (it loads again, now intercepted).
  await serveFixtures(qa);
  await qa.reload();
  // The new session's tab counts down from the switch.
  await chipSaying(qa, /^1 h left$/);
  await qa.close();

  const again = session.browser.waitForTarget((t) => t.url() === QA, { timeout: 10000 });
  const outcome = await switchFrom(dev, 'alfie-qa');
  expect(outcome).toEqual({ method: 'session', status: 'done', message: 'alfie-qa is signed in already (1 h left): opened its session in a new tab.' });
  await again;
  expect(jsonCalls(requests)).toHaveLength(1);
});

test('a switch the extension made counts down in the banner, warns in the last five minutes, and Renew lands on the same page', async () => {
  const start = fixtureUrl('classic-iam-user.html');
  let role = 'iam-user';
  const { page, requests } = await openConsoleTab(session, (request) => {
    if (request.url() === SIGN_IN && request.method() === 'POST') {
      role = 'switched';
      return { status: 302, headers: { Location: decodeURIComponent(formFields(request.postData()).redirect_uri ?? '') }, body: '' };
    }
    if (role === 'switched' && request.url() === start) return { body: fixtureHtml('classic-switched-role.html') };
    return null;
  });
  const errors = collectErrors(page);
  await page.goto(start);
  await findBanner(page);
  expect(await switchFrom(page, 'alfie-production')).toMatchObject({ method: 'console-post', status: 'done' });
  await page.waitForFunction(() => document.title.startsWith('[PROD] '), { timeout: 10000, polling: 100 });

  // One hour from the switch (the default), then the clock moves on.
  const fresh = await chipSaying(page, /^1 h left$/);
  expect(fresh.renew).toBe(false);
  await moveClock(page, 19 * MIN);
  const running = await chipSaying(page, /^41 min left$/);
  expect(running.renew).toBe(false);
  await moveClock(page, 56 * MIN);
  const warning = await chipSaying(page, /^4 min left$/);
  expect([warning.background, warning.color, warning.renew]).toEqual(['rgb(255, 213, 0)', 'rgb(0, 0, 0)', true]);
  await moveClock(page, 61 * MIN);
  const expired = await chipSaying(page, /^Session expired$/);
  expect([expired.background, expired.color, expired.renew]).toEqual(['rgb(176, 8, 26)', 'rgb(255, 255, 255)', true]);
  expect((await bannerFacts(page)).text).toContain('PRODUCTION alfie Profile alfie-production');

  // Renew: the same switch again, from this page, back to this page.
  const posts = () => requests.filter((r) => r.method === 'POST' && r.url === SIGN_IN);
  expect(posts()).toHaveLength(1);
  const renew = await page.waitForSelector('aria/Renew the console session: the same switch again, to this page[role="button"]');
  await renew!.click();
  const post = await waitFor('the renewing POST', () => posts()[1]);
  expect(formFields(post.body)).toMatchObject({ roleName: 'AlfieReadOnly', account: '123456789012', redirect_uri: encodeURIComponent(start) });
  // The page loads again (a new content-script world, the real clock): a fresh hour.
  await chipSaying(page, /^1 h left$/);
  expect(page.url()).toBe(start);
  expect(errors).toEqual([]);
});

test('a session the extension did not start (Identity Center): how long ago it was first seen, and no countdown', async () => {
  const { page } = await openAt(fixtureUrl('sso-permission-set.html'));
  const first = await chipSaying(page, /^first seen just now$/);
  expect(first.renew).toBe(false);
  await moveClock(page, 12 * MIN + 5000);
  const later = await chipSaying(page, /^first seen 12 min ago$/);
  expect(later.renew).toBe(false);
  // Hours later still no countdown and nothing to renew: its length is the permission set's.
  await moveClock(page, 13 * 60 * MIN);
  await chipSaying(page, /^first seen 13 h ago$/);
  expect((await bannerFacts(page)).text).not.toMatch(/left|expired|Renew/);
  const seen = await overview();
  expect(seen.sessions.find((s) => s.profile === 'data-lake-staging')).toMatchObject({ status: 'live', tabs: 1, multiSession: false });
});

test('the session length setting sets the countdown of the next switch; a value out of range is said and not saved', async () => {
  const input = await find(options, 'aria/Console session length in minutes[role="spinbutton"]');
  const setLength = async (text: string) => {
    await options.bringToFront();
    await input.click({ count: 3 });
    await options.keyboard.type(text);
  };
  await setLength('5');
  const error = await find(options, '#session-length-error');
  expect(await error.evaluate((el) => el.textContent)).toBe('A whole number of minutes from 15 to 720; 60 is kept.');
  await setLength('90');
  await waitForRecord<{ sessionMinutes?: number }>(session, 'sync', 'settings', (s) => s?.sessionMinutes === 90);
  try {
    const { page: dev } = await openAt(DEV, multiSessionEndpoint('345678901234-abcd1234', QA));
    const opened = session.browser.waitForTarget((t) => t.url() === QA, { timeout: 10000 });
    expect(await switchFrom(dev, 'alfie-qa')).toMatchObject({ method: 'multi-session', status: 'done' });
    const qa = (await (await opened).asPage())!;
    await serveFixtures(qa);
    await qa.reload();
    await chipSaying(qa, /^1 h 30 min left$/);
  } finally {
    await setLength('60');
    await waitForRecord<{ sessionMinutes?: number }>(session, 'sync', 'settings', (s) => s?.sessionMinutes === 60);
  }
});
