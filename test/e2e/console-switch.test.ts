// Issue 4 proof, switching side: every path is asserted by the requests it really sends,
// captured by interception (form fields of the classic POST, the multi-session JSON call and
// its headers, the sign-in page's auto-submitted form, the URLs opened). Switches start where
// users start them: the real popup (Enter on a filtered role) or, for the paths the popup
// cannot drive yet (re-entry confirmation), the same message the popup's switchTo sends.
import type { HTTPRequest, Page } from 'puppeteer-core';
import { forgetSessions, useConsoleExtension } from './clean-session';
import { collectErrors, type ExtensionSession } from './harness';
import { busyMainThread, openActionPopup, sleep, waitForRecord } from './ui-helpers';
import { bannerFacts, E2E_CONFIG, findBanner, fixtureHtml, fixtureUrl, openConsoleTab, type CapturedRequest, type Responder } from './console-pages';
import type { CatalogueEntry } from '../../src/core/types';
import { importConfig } from '../../src/core/catalogue/import-config';
import type { SwitchOutcome } from '../../src/core/protocol/messages';

jest.setTimeout(30000);

let session: ExtensionSession;
let options: Page;

useConsoleExtension((launched, importPage) => {
  session = launched;
  options = importPage;
});

// Each test is one switch path: the sessions an earlier test signed in (which a switch would go
// to instead of signing in again, issue 13) are forgotten. test/e2e/console-sessions.test.ts
// is about them.
beforeEach(() => forgetSessions(session));

const SIGN_IN = 'https://signin.aws.amazon.com/switchrole';
const formFields = (body: string | undefined): Record<string, string> => Object.fromEntries(new URLSearchParams(body ?? ''));

/**
 * The catalogue entry the popup hands to switchTo: made by the same importer the extension
 * runs on the imported text (the stored form is the storage module's business).
 */
/** Waits until the stored settings say the switch form is (or is not) submitted for the user. */
async function waitForSetting(autoSubmit: boolean): Promise<void> {
  await waitForRecord<{ autoSubmitSwitchForm?: boolean }>(session, 'sync', 'settings', (s) => s?.autoSubmitSwitchForm === autoSubmit);
}

async function entryOf(profile: string): Promise<CatalogueEntry> {
  const entry = importConfig(E2E_CONFIG).entries.find((e) => e.profile === profile);
  if (!entry) throw new Error(`no entry ${profile}`);
  return entry;
}

type SwitchExtra = { newTab?: boolean; confirmReentry?: boolean; signInAgain?: boolean };
/** The import page's record of the switch message it sent last. */
type SentSwitch = { switching: Promise<SwitchOutcome>; switchDone: boolean };

/**
 * Sends the popup's switch message from an extension page, for `tab`, which is made the active
 * tab first (the popup's switchTo sends the active tab's ID), without waiting for the answer
 * (switchAnswer waits for it). Answers the tab's ID.
 */
async function startSwitchFrom(tab: Page, profile: string, extra: SwitchExtra = {}): Promise<number> {
  const entry = await entryOf(profile);
  await tab.bringToFront();
  return options.evaluate(
    async (pageUrl, request) => {
      const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
      const [active] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      if (active?.url !== pageUrl || active.id === undefined) throw new Error(`the active tab is ${active?.url}, not ${pageUrl}`);
      const sent = globalThis as unknown as SentSwitch;
      sent.switchDone = false;
      sent.switching = (c.runtime.sendMessage({ type: 'switch-role', tabId: active.id, ...request }) as Promise<SwitchOutcome>).finally(() => (sent.switchDone = true));
      return active.id;
    },
    tab.url(),
    { entry, newTab: extra.newTab ?? false, confirmReentry: extra.confirmReentry, signInAgain: extra.signInAgain },
  );
}

/** The answer to the switch message startSwitchFrom sent. */
function switchAnswer(): Promise<SwitchOutcome> {
  return options.evaluate(() => (globalThis as unknown as SentSwitch).switching);
}

/** Sends the popup's switch message for `tab` (see startSwitchFrom) and answers its outcome. */
async function switchFrom(tab: Page, profile: string, extra: SwitchExtra = {}): Promise<SwitchOutcome> {
  await startSwitchFrom(tab, profile, extra);
  return switchAnswer();
}

/** Switches with the real popup over `tab`: filter, Enter. Returns the popup's status text. */
async function switchWithPopup(tab: Page, query: string): Promise<void> {
  const popup = await openActionPopup(session, tab);
  const errors = collectErrors(popup);
  await popup.keyboard.type(query);
  await popup.waitForFunction((q) => document.querySelectorAll('.row-entry').length === 1 && !!q, {}, query);
  await popup.keyboard.press('Enter');
  expect(errors).toEqual([]);
}

async function waitFor<T>(what: string, get: () => T | undefined, timeout = 10000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** CORS answers as the sign-in host gives them to the console origin. */
function cors(request: HTTPRequest): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': request.headers().origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'content-type, x-csrf-protection',
  };
}

/** The multi-session endpoint: answers preflights, and POSTs with `answer`. */
function multiSessionEndpoint(sessionId: string, answer: { status: number; json: unknown }): Responder {
  const url = `https://us-east-1.signin.aws.amazon.com/sessions/${sessionId}/v1/switchrole`;
  return (request) => {
    if (request.url() !== url) return null;
    if (request.method() === 'OPTIONS') return { status: 204, headers: cors(request), body: '' };
    return { status: answer.status, contentType: 'application/json', headers: cors(request), body: JSON.stringify(answer.json) };
  };
}

const jsonCalls = (requests: CapturedRequest[]) => requests.filter((r) => r.method === 'POST' && r.url.includes('/v1/switchrole'));

/** The classic sign-in endpoint: the switch POST answers with the form's redirect_uri, where the page at `start` then shows the new role. */
function classicSwitchServer(start: string): Responder {
  let switched = false;
  return (request) => {
    if (request.url() === SIGN_IN && request.method() === 'POST') {
      switched = true;
      return { status: 302, headers: { Location: decodeURIComponent(formFields(request.postData()).redirect_uri ?? '') }, body: '' };
    }
    if (switched && request.url() === start) return { body: fixtureHtml('classic-switched-role.html') };
    return null;
  };
}

test('classic console: the popup switches with the console\'s own POST, token from the page, landing on the same page in the new role', async () => {
  const start = fixtureUrl('classic-iam-user.html');
  const { page, requests } = await openConsoleTab(session, classicSwitchServer(start));
  const errors = collectErrors(page);
  await page.goto(start);
  expect((await bannerFacts(page)).text).toContain('not in your profiles');

  await switchWithPopup(page, 'alfie prod');
  const post = await waitFor('the switch POST', () => requests.find((r) => r.method === 'POST' && r.url === SIGN_IN));
  expect(formFields(post.body)).toEqual({
    action: 'switchFromBasis',
    src: 'nav',
    mfaNeeded: '0',
    roleName: 'AlfieReadOnly',
    account: '123456789012',
    displayName: 'alfie-production',
    color: expect.stringMatching(/^[0-9a-f]{6}$/),
    redirect_uri: encodeURIComponent(start),
    csrf: 'fixture-csrf-token-0123456789',
  });
  // A top-level form POST from the page (the browser sends the page as origin).
  expect(post.headers.origin).toBe('https://us-east-1.console.aws.amazon.com');
  await page.waitForFunction(() => document.title.startsWith('[PROD] '), { timeout: 10000, polling: 100 });
  expect(page.url()).toBe(start);
  expect((await bannerFacts(page)).text).toContain('PRODUCTION alfie Profile alfie-production');
  expect(errors).toEqual([]);
  await page.close();
});

test('classic console too busy to answer at once: the switch waits for it and still uses the console\'s own POST', async () => {
  const start = fixtureUrl('classic-iam-user.html');
  const { page, requests } = await openConsoleTab(session, classicSwitchServer(start));
  await page.goto(start);
  await bannerFacts(page);
  // The switch asks the page who it is meanwhile (it used to give up after 500 ms and open the link).
  await busyMainThread(page, 1500);
  const outcome = await switchFrom(page, 'alfie-production');
  expect(outcome).toMatchObject({ method: 'console-post', status: 'done' });
  // Landed in the new role (the POST went out first), by the console's POST only.
  await page.waitForFunction(() => document.title.startsWith('[PROD] '), { timeout: 10000, polling: 100 });
  expect(requests.filter((r) => r.method === 'POST' && r.url === SIGN_IN)).toHaveLength(1);
  await page.close();
});

test('a tab that leaves the console while the switch waits for it is planned as it is then: not navigated away, the switch opens a new tab', async () => {
  const start = fixtureUrl('classic-iam-user.html');
  const elsewhere = 'https://wiki.example.com/runbook';
  const { page, requests } = await openConsoleTab(session, classicSwitchServer(start), { [elsewhere]: '<!doctype html><title>Runbook</title><p>The runbook</p>' });
  await page.goto(start);
  await bannerFacts(page);
  // Busy for longer than the switch waits (3 s): this page never answers, whatever the machine's speed.
  await busyMainThread(page, 5000);
  // The popup's switch message, not waited for.
  const tabId = await startSwitchFrom(page, 'alfie-production');
  // While the switch waits for the busy page, the user goes elsewhere in that tab. (A second in,
  // the switch is still waiting: nothing else in it takes that long.)
  await sleep(1000);
  expect(await options.evaluate(() => (globalThis as unknown as SentSwitch).switchDone)).toBe(false);
  const opened = session.browser.waitForTarget((t) => t.url().startsWith(`${SIGN_IN}?`), { timeout: 10000 });
  await options.evaluate((id, url) => (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.tabs.update(id, { url }), tabId, elsewhere);
  const outcome = await switchAnswer();
  // Planned with the page the tab shows now (not a console page): a new tab, the runbook stays.
  expect(outcome).toEqual({ method: 'link', status: 'done', message: 'Opened the switch-role page for alfie-production (1234-5678-9012, AlfieReadOnly) in a new tab; it submits itself.' });
  const signIn = await opened;
  expect(page.url()).toBe(elsewhere);
  expect(requests.some((r) => r.method === 'POST')).toBe(false);
  await (await signIn.page())?.close();
  await page.close();
});

test('classic console without the page\'s token: falls back to the link and says why', async () => {
  const start = fixtureUrl('classic-iam-user.html');
  const withoutToken = fixtureHtml('classic-iam-user.html').replace(/window\.AWSC = .*\n/, '');
  const { page, requests } = await openConsoleTab(session, undefined, { [start]: withoutToken });
  await page.goto(start);
  await findBanner(page);
  const outcome = await switchFrom(page, 'alfie-production');
  expect(outcome).toEqual({
    method: 'link',
    status: 'done',
    message: "The console's own switch was not available on this page. Opened the switch-role page for alfie-production (1234-5678-9012, AlfieReadOnly) in this tab; it submits itself.",
  });
  const get = await waitFor('the switch-role page', () => requests.find((r) => r.url.startsWith(`${SIGN_IN}?`)));
  const url = new URL(get.url);
  expect(url.searchParams.get('account')).toBe('123456789012');
  expect(url.searchParams.get('redirect_uri')).toBe(start);
  expect(requests.some((r) => r.method === 'POST')).toBe(false);
  await page.close();
});

test('multi-session console: the JSON switch from the page, and the new session opens in a new tab', async () => {
  const destination = fixtureUrl('multi-session-qa.html');
  const { page, requests } = await openConsoleTab(session, multiSessionEndpoint('345678901234-abcd1234', { status: 200, json: { destination } }));
  const errors = collectErrors(page);
  await page.goto(fixtureUrl('multi-session.html'));
  await findBanner(page);
  const opened = session.browser.waitForTarget((t) => t.url() === destination, { timeout: 10000 });

  const outcome = await switchFrom(page, 'alfie-qa');
  expect(outcome).toEqual({ method: 'multi-session', status: 'done', message: 'Opened alfie-qa (2345-6789-0123, AlfieDeployment) as a new session in a new tab.' });
  const [call] = jsonCalls(requests);
  expect(call).toBeDefined();
  expect(call!.url).toBe('https://us-east-1.signin.aws.amazon.com/sessions/345678901234-abcd1234/v1/switchrole');
  expect(call!.headers['x-csrf-protection']).toBe('1');
  expect(call!.headers['content-type']).toBe('application/json');
  expect(call!.headers.origin).toBe('https://345678901234-abcd1234.us-east-1.console.aws.amazon.com');
  expect(JSON.parse(call!.body!)).toEqual({
    account: '234567890123',
    color: expect.stringMatching(/^[0-9a-f]{6}$/),
    displayName: 'alfie-qa',
    redirectUri: 'https://us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1',
    roleName: 'AlfieDeployment',
  });
  const target = await opened;
  expect(target.url()).toBe(destination);
  // The old session's tab stays where it was.
  expect(page.url()).toBe(fixtureUrl('multi-session.html'));
  expect(errors).toEqual([]);
  await (await target.asPage())?.close();
  await page.close();
});

test('multi-session console: no destination in the answer → a clear message, nothing opened', async () => {
  const { page, requests } = await openConsoleTab(session, multiSessionEndpoint('345678901234-abcd1234', { status: 403, json: { message: 'denied' } }));
  await page.goto(fixtureUrl('multi-session.html'));
  await findBanner(page);
  const before = (await session.browser.pages()).length;
  const outcome = await switchFrom(page, 'alfie-production');
  expect(outcome).toEqual({
    method: 'multi-session',
    status: 'failed',
    message: 'AWS did not open a new session: the role signed in here may not assume AlfieReadOnly in account 1234-5678-9012. Nothing was changed.',
  });
  expect(jsonCalls(requests)).toHaveLength(1);
  // (The background answers after its last step: a tab it opened would be open already.)
  expect((await session.browser.pages()).length).toBe(before);
  await page.close();
});

test('multi-session console: signing in again to a profile that has a session in another tab asks first', async () => {
  const destination = 'https://345678901234-zzzz9999.us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1';
  const { page: development } = await openConsoleTab(session);
  await development.goto(fixtureUrl('multi-session.html'));
  await findBanner(development);
  const { page: qa, requests } = await openConsoleTab(session, multiSessionEndpoint('234567890123-qrst5678', { status: 200, json: { destination } }));
  await qa.goto(fixtureUrl('multi-session-qa.html'));
  await findBanner(qa);

  const first = await switchFrom(qa, 'alfie-development', { signInAgain: true });
  expect(first).toEqual({
    method: 'multi-session',
    status: 'needs-confirmation',
    confirm: 're-sign-in',
    message: 'alfie-development already has a session, open in 1 other tab. Switching into it again signs that session out, and those tabs with it. Switch anyway?',
  });
  expect(jsonCalls(requests)).toHaveLength(0);

  const opened = session.browser.waitForTarget((t) => t.url() === destination, { timeout: 10000 });
  const confirmed = await switchFrom(qa, 'alfie-development', { signInAgain: true, confirmReentry: true });
  expect(confirmed).toMatchObject({ method: 'multi-session', status: 'done' });
  expect(jsonCalls(requests)).toHaveLength(1);
  await (await (await opened).asPage())?.close();

  // A profile without an open session is switched into without asking.
  const other = await switchFrom(qa, 'alfie-production');
  expect(other.status).toBe('done');
  await development.close();
  await qa.close();
});

/** Serves the sign-in host: its pre-filled switch page, and records (and answers) the form POST. */
const signInPage: Responder = (request) => {
  if (request.url().startsWith(`${SIGN_IN}?`) && request.method() === 'GET') return { body: fixtureHtml('signin-switchrole.html'), headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'nonce-fx'; style-src 'nonce-fx'" } };
  if (request.url() === SIGN_IN && request.method() === 'POST') return { body: '<!doctype html><title>switched</title><p>switched</p>' };
  return null;
};

test('no identity on the page: the popup opens the switch-role link with our marker, and the sign-in form submits itself once', async () => {
  const start = fixtureUrl('no-identity.html');
  const { page, requests } = await openConsoleTab(session, signInPage);
  await page.goto(start);
  expect((await bannerFacts(page)).text).toMatch(/^Unknown account /);

  await switchWithPopup(page, 'alfie qa');
  const post = await waitFor('the auto-submitted form', () => requests.find((r) => r.method === 'POST' && r.url === SIGN_IN));
  expect(formFields(post.body)).toMatchObject({ account: '234567890123', roleName: 'AlfieDeployment', displayName: 'alfie-qa', action: 'switchFromBasis', redirect_uri: start });
  const get = requests.find((r) => r.url.startsWith(`${SIGN_IN}?`))!;
  expect(new URL(get.url).searchParams.get('redirect_uri')).toBe(start);
  expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  await page.close();
});

test('a marker the extension did not issue is never honoured, and the setting turns auto-submit off', async () => {
  const link = `${SIGN_IN}?account=999988887777&roleName=Admin&displayName=evil`;
  const { page, requests } = await openConsoleTab(session, signInPage);
  await page.goto(`${link}#rsb-switch=AAAAAAAAAAAAAAAAAAAAAAAA`);
  await page.waitForSelector('#input_switchrole_button');
  // The marker is gone from the address at once, whatever the verdict.
  expect(await page.evaluate(() => location.hash)).toBe('');
  // The verdict: the page says why it did not submit, and nothing was posted.
  const note = await page.waitForSelector('aria/Role Switchboard[role="status"]', { timeout: 10000 });
  expect(await note!.evaluate((el) => (el as HTMLElement).innerText)).toBe(
    'Role Switchboard did not submit this form: this link was not opened by Role Switchboard just now. Check the account and role before you press "Switch Role".',
  );
  expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

  // Setting off: a switch from the popup opens the link with no marker, and nothing submits.
  await options.bringToFront();
  await options.evaluate(() => {
    const box = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.includes('Submit the pre-filled Switch Role form'))!.querySelector('input')!;
    if (box.checked) box.click();
  });
  await waitForSetting(false);
  try {
    const { page: tab, requests: tabRequests } = await openConsoleTab(session, signInPage);
    await tab.goto(fixtureUrl('no-identity.html'));
    await findBanner(tab);
    const outcome = await switchFrom(tab, 'alfie-qa');
    expect(outcome.message).toBe('Opened the switch-role page for alfie-qa (2345-6789-0123, AlfieDeployment) in this tab; press "Switch Role" there.');
    await tab.waitForSelector('#input_switchrole_button');
    // No marker in the address: the sign-in script never acts, so nothing can be posted.
    expect(tab.url()).not.toContain('rsb-switch');
    expect(tabRequests.filter((r) => r.method === 'POST')).toHaveLength(0);
    await tab.close();
  } finally {
    await options.evaluate(() => {
      const box = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.includes('Submit the pre-filled Switch Role form'))!.querySelector('input')!;
      if (!box.checked) box.click();
    });
    await waitForSetting(true);
  }
  await page.close();
});

test('SSO profiles open their start page shortcut with this console page as destination', async () => {
  const start = fixtureUrl('classic-switched-role.html');
  const { page } = await openConsoleTab(session, (request) => (request.url().startsWith('https://d-1234567890.awsapps.com/start/') ? { body: '<!doctype html><title>start</title>' } : null));
  await page.goto(start);
  await findBanner(page);
  const outcome = await switchFrom(page, 'data-lake-staging');
  expect(outcome).toMatchObject({ method: 'link', status: 'done' });
  expect(outcome.message).toContain('IAM Identity Center sign-in for data-lake-staging');
  await page.waitForFunction(() => location.host === 'd-1234567890.awsapps.com', { timeout: 10000 });
  expect(page.url()).toBe(`https://d-1234567890.awsapps.com/start/#/console?account_id=456789012345&role_name=DataEngineer&destination=${encodeURIComponent(start)}`);
  await page.close();
});

test('already in that profile: nothing happens, and the popup is told so', async () => {
  const start = fixtureUrl('classic-switched-role.html');
  const { page, requests } = await openConsoleTab(session);
  await page.goto(start);
  await findBanner(page);
  expect(await switchFrom(page, 'alfie-production')).toEqual({ method: 'none', status: 'failed', message: 'This tab is already signed in as alfie-production.' });
  // ('none' is answered before anything is done: nothing was.)
  expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  expect(page.url()).toBe(start);
  await page.close();
});

test('only the extension\'s own pages can start a switch: a content script\'s request is ignored', async () => {
  const start = fixtureUrl('unknown-account.html');
  const { page, requests } = await openConsoleTab(session);
  await page.goto(start);
  await findBanner(page);
  const entry = await entryOf('alfie-production');
  const [realm] = await page.extensionRealms();
  expect(realm).toBeDefined();
  const answer = await realm!.evaluate(async (request) => {
    const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    try {
      return { answer: (await c.runtime.sendMessage(request)) ?? null };
    } catch (error) {
      return { error: String(error) };
    }
  }, { type: 'switch-role', entry, newTab: false });
  expect(answer).not.toHaveProperty('answer.status');
  // (The background refused at once, before any step of a switch.)
  expect(page.url()).toBe(start);
  expect(requests.filter((r) => r.url.includes('signin'))).toHaveLength(0);
  await page.close();
});
