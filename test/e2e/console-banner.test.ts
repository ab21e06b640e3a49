// Issue 4 proof, banner side: console fixture pages served offline at their real URLs, the
// catalogue imported through the real import page, the shipped content script in Chromium.
// Asserts what the banner says and its colours, the production title prefix, that the console
// header stays visible and clickable, survival of single-page navigation, the settings, the
// "where am I?" answer, and that no error is logged.
import { useConsoleExtension } from './clean-session';
import { collectErrors, type ExtensionSession } from './harness';
import { sleep } from './ui-helpers';
import {
  bannerFacts,
  consoleFixtures,
  findBanner,
  fixtureUrl,
  headerIsClickable,
  openConsoleTab,
  rgb,
} from './console-pages';
import type { Page } from 'puppeteer-core';
import { whereAmIResponseSchema } from '../../src/core/protocol/messages';

jest.setTimeout(30000);

let session: ExtensionSession;
let options: Page;

useConsoleExtension((launched, importPage) => {
  session = launched;
  options = importPage;
});

async function open(fixture: string, extra?: Parameters<typeof openConsoleTab>[1], overrides?: Record<string, string>) {
  const { page, requests } = await openConsoleTab(session, extra, overrides);
  const errors = collectErrors(page);
  await page.goto(fixtureUrl(fixture));
  await findBanner(page);
  return { page, requests, errors };
}

/** The settings as the user changes them: the import page's settings panel. */
async function setCheckbox(label: string, checked: boolean): Promise<void> {
  await options.bringToFront();
  await options.evaluate(
    (text, want) => {
      const box = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.includes(text))?.querySelector('input');
      if (!box) throw new Error(`no setting "${text}"`);
      if ((box as HTMLInputElement).checked !== want) (box as HTMLInputElement).click();
    },
    label,
    checked,
  );
}
async function setPosition(position: 'top' | 'bottom'): Promise<void> {
  await options.evaluate((value) => (document.querySelector(`input[name="banner-position"][value="${value}"]`) as HTMLInputElement).click(), position);
}

const PRODUCTION_RED = rgb('#d13212');
// Tabs in the background get no animation frames: poll by time where a tab may be behind another.
const POLL = { polling: 100, timeout: 10000 };

// Every banner ends with its "Why?" button (issue 11), after "Hide" where it has one.
test.each([
  ['classic-switched-role.html', 'PRODUCTION alfie Profile alfie-production Account 1234-5678-9012 (alfie-prod) Role AlfieReadOnly Why?'],
  ['multi-session.html', 'DEVELOPMENT alfie Profile alfie-development Account 3456-7890-1234 Role AlfieFullAccess Hide Why?'],
  ['multi-session-qa.html', 'QA alfie Profile alfie-qa Account 2345-6789-0123 Role AlfieDeployment Hide Why?'],
  ['multi-session-production.html', 'PRODUCTION alfie Profile alfie-production Account 1234-5678-9012 (alfie-prod) Role AlfieReadOnly Why?'],
  ['sso-permission-set.html', 'STAGING data-lake Profile data-lake-staging Account 4567-8901-2345 Permission set DataEngineer Hide Why?'],
  ['govcloud.html', 'TEST gov-ops Profile gov-ops-test Account 5678-9012-3456 Role GovOps Hide Why?'],
  ['china.html', 'STAGING cnops Profile cnops-staging Account 6789-0123-4567 (cx-cn) Role CnDeploy Hide Why?'],
  ['eusc-iam-user.html', 'STAGING sovereign Account 7890-1234-5678 Note IAM user sign-in IAM user alice Hide Why?'],
  ['classic-iam-user.html', 'Account 1111-2222-3333 (acme-identity) — not in your profiles IAM user alice Hide Why?'],
  ['unknown-account.html', 'Account 9999-8888-7777 (someone-else) — not in your profiles Role Admin Hide Why?'],
  ['no-identity.html', 'Unknown account Note this page does not say which account it is signed in to Hide Why?'],
  // The console's real forms (aws-facts §3.1), in fixtures of our own.
  ['nav-2024-span-title-sso.html', 'STAGING data-lake Profile data-lake-staging Account 4567-8901-2345 Permission set DataEngineer Hide Why?'],
  ['nav-2024-alias.html', 'PRODUCTION ledger Profile ledger-production Account ledger-prod Role LedgerAdmin Why?'],
  ['account-menu-2023-sso.html', 'TEST checkout Profile checkout-test Account 2345-6789-0123 Permission set QaTester Hide Why?'],
  ['cookie-only.html', 'Unknown account Note only the aws-userInfo cookie names an account, and it says who signed in, not which account this tab is in Hide Why?'],
])('%s: the banner says exactly who this is, and the header stays visible and clickable', async (fixture, text) => {
  const { page, errors } = await open(fixture);
  const facts = await bannerFacts(page);
  expect(facts.text).toBe(text);
  const header = await headerIsClickable(page);
  expect(header).toMatchObject({ hit: 'nav-services', opened: 'services-menu' });
  // The banner sits above the header, never on it.
  expect(facts.top).toBe(0);
  expect(header.headerTop).toBe(facts.bottom);
  expect(errors).toEqual([]);
  await page.close();
});

test('production: entry red, white text, PRODUCTION label, cannot be hidden, [PROD] title', async () => {
  const { page, errors } = await open('classic-switched-role.html');
  const facts = await bannerFacts(page);
  expect(facts.background).toBe(PRODUCTION_RED);
  expect(facts.color).toBe('rgb(255, 255, 255)');
  expect(facts.hasHideButton).toBe(false);
  expect(await page.title()).toBe('[PROD] Instances | EC2 | us-east-1');
  expect(errors).toEqual([]);
  await page.close();
});

test('non-production: its environment colour and no title prefix; it collapses to a stripe and comes back', async () => {
  const { page } = await open('multi-session.html');
  const facts = await bannerFacts(page);
  expect(facts.background).not.toBe(PRODUCTION_RED);
  expect(facts.background).not.toBe('rgba(0, 0, 0, 0)');
  expect(await page.title()).toBe('S3 buckets');
  const hide = await page.waitForSelector('aria/Hide account banner');
  await hide!.click();
  const stripe = await page.waitForSelector('aria/Show account banner: DEVELOPMENT · alfie · Profile alfie-development · Account 3456-7890-1234 · Role AlfieFullAccess');
  expect(await stripe!.evaluate((el) => el.getBoundingClientRect().height)).toBe(6);
  expect(await page.$('aria/AWS account[role="region"]')).toBeNull();
  // The header moved up with the stripe and is still clickable.
  expect(await headerIsClickable(page)).toMatchObject({ hit: 'nav-services', opened: 'services-menu', headerTop: 6 });
  await stripe!.click();
  expect((await bannerFacts(page)).height).toBe(30);
  await page.close();
});

test('the header stays visible and clickable after scrolling, whether it is sticky, fixed or in the page flow', async () => {
  for (const fixture of ['multi-session.html', 'classic-switched-role.html', 'sso-permission-set.html']) {
    const { page } = await open(fixture);
    await page.evaluate(() => window.scrollTo(0, 1200));
    await sleep(50);
    const header = await page.$eval('#awsc-nav-header', (el) => el.getBoundingClientRect().top);
    const banner = await bannerFacts(page);
    expect({ fixture, bannerTop: banner.top }).toEqual({ fixture, bannerTop: 0 });
    if (fixture === 'sso-permission-set.html') {
      // An in-flow header scrolls away with the page; the banner stays.
      expect(header).toBeLessThan(0);
    } else {
      expect({ fixture, header }).toEqual({ fixture, header: 30 });
      expect(await headerIsClickable(page)).toMatchObject({ hit: 'nav-services', opened: 'services-menu' });
    }
    await page.close();
  }
});

test('the banner is in a closed shadow root: the page sees only an empty host, and no other profile', async () => {
  const { page } = await open('classic-switched-role.html');
  const seen = await page.evaluate(() => {
    const host = document.querySelector('role-switchboard-banner') as HTMLElement;
    return { shadowRoot: host.shadowRoot, children: host.childElementCount, html: document.documentElement.outerHTML, text: document.body.innerText };
  });
  expect(seen.shadowRoot).toBeNull();
  expect(seen.children).toBe(0);
  for (const secret of ['alfie-qa', 'alfie-development', 'data-lake-staging', 'AlfieDeployment', '234567890123', 'alfie-production']) {
    expect(seen.html).not.toContain(secret);
  }
  await page.close();
});

test('single-page navigation: the title prefix survives title rewrites, and the banner comes back when removed', async () => {
  const { page, errors } = await open('classic-switched-role.html');
  await page.evaluate(() => {
    document.title = 'Volumes | EC2';
  });
  await page.waitForFunction(() => document.title === '[PROD] Volumes | EC2');
  await page.evaluate(() => {
    document.querySelector('title')!.remove();
    const title = document.createElement('title');
    title.textContent = 'Security Groups | EC2';
    document.head.append(title);
  });
  await page.waitForFunction(() => document.title === '[PROD] Security Groups | EC2');
  // The title settles: no loop of rewrites (counted over the next frames, in which a loop would go on).
  const rewrites = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let count = 0;
        const watch = new MutationObserver((records) => (count += records.length));
        watch.observe(document.head, { subtree: true, childList: true, characterData: true });
        requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => (watch.disconnect(), resolve(count)))));
      }),
  );
  expect(rewrites).toBe(0);
  expect(await page.title()).toBe('[PROD] Security Groups | EC2');

  await page.evaluate(() => document.querySelector('role-switchboard-banner')!.remove());
  await findBanner(page);
  expect((await bannerFacts(page)).text).toContain('alfie-production');
  // A page script restyling our host to hide it (found by review): our style comes back.
  await page.evaluate(() => (document.querySelector('role-switchboard-banner') as HTMLElement).style.setProperty('display', 'none', 'important'));
  await page.waitForFunction(() => document.querySelector('role-switchboard-banner')!.getBoundingClientRect().height > 0, POLL);

  // The console re-renders its whole body: banner and header placement survive.
  await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    document.body.replaceWith(body);
  });
  // Wait until the banner is back in place and the new header can be hit where it is drawn.
  await page.waitForFunction(() => {
    const host = document.querySelector('role-switchboard-banner') as HTMLElement | null;
    const services = document.querySelector('#nav-services')!.getBoundingClientRect();
    const hit = document.elementFromPoint(services.left + services.width / 2, services.top + services.height / 2);
    return !!host && host.getBoundingClientRect().height > 0 && hit?.id === 'nav-services';
  }, POLL);
  expect((await bannerFacts(page)).top).toBe(0);
  expect(await headerIsClickable(page)).toMatchObject({ hit: 'nav-services', opened: 'services-menu' });
  expect(errors).toEqual([]);
  await page.close();
});

test('"where am I?" answers with the identity and the matched profile, for the popup', async () => {
  const { page } = await open('multi-session.html');
  const answer = await options.evaluate(async (url) => {
    const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    const tabs = await c.tabs.query({});
    const tab = tabs.find((t) => t.url === url)!;
    return c.tabs.sendMessage(tab.id!, { type: 'where-am-i' });
  }, fixtureUrl('multi-session.html'));
  // Issue 12: the content script answers with the page's readings, not its conclusions (it
  // carries no report code); the popup and the background judge them with the same judge.
  expect(Object.keys(answer as object).sort()).toEqual(['host', 'profile', 'readings']);
  const parsed = whereAmIResponseSchema.safeParse(answer);
  // Issue 11: on a multi-session host the host label decides; each source's verdict and the
  // plain-text report come along for the popup's "Why?".
  expect(parsed.success && parsed.data).toEqual({
    identity: {
      accountId: '345678901234',
      roleName: 'AlfieFullAccess',
      principalKind: 'assumed-role',
      partition: 'aws',
      region: 'us-east-1',
      sessionId: '345678901234-abcd1234',
      multiSession: true,
      signInEndpoint: 'us-east-1.signin.aws.amazon.com',
      source: 'host-label',
      sources: [
        { source: 'session-data', verdict: 'agrees', account: '3456-7890-1234', principal: 'role AlfieFullAccess' },
        { source: 'host-label', verdict: 'decided', account: '3456-7890-1234' },
          { source: 'cookie', verdict: 'unusable', note: 'not read on a multi-session tab, where it may describe another session' },
      ],
    },
    profile: 'alfie-development',
    verdict: 'Account 3456-7890-1234, role AlfieFullAccess: decided by the host name',
    report: [
      'Role Switchboard: who is this console tab? 345678901234-abcd1234.us-east-1.console.aws.amazon.com (partition aws)',
      'Account 3456-7890-1234, role AlfieFullAccess: decided by the host name',
      '- awsc-session-data meta: 3456-7890-1234, role AlfieFullAccess, agrees',
      '- host name: 3456-7890-1234, decided',
      '- account button title: not found',
      '- account menu: not found',
      '- aws-userInfo cookie: unusable (not read on a multi-session tab, where it may describe another session)',
    ].join('\n'),
  });
  await page.close();
});

test('settings: position bottom keeps header menus on top; banner off hides all but production; prefix off', async () => {
  const { page: dev } = await open('multi-session.html');
  const { page: prod } = await open('classic-switched-role.html');
  try {
    await setPosition('bottom');
    // Open tabs follow the setting without a reload.
    await dev.bringToFront();
    let facts = await bannerFacts(dev);
    for (let i = 0; i < 100 && facts.bottom !== 800; i++) {
      await sleep(100);
      facts = await bannerFacts(dev);
    }
    expect(facts.bottom).toBe(800);
    // The end of the page can be scrolled clear of the banner.
    await dev.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const lastLine = await dev.$eval('#last-line', (el) => el.getBoundingClientRect().bottom);
    expect(lastLine).toBeLessThanOrEqual(800 - 30);
    await dev.evaluate(() => window.scrollTo(0, 0));
    expect(await headerIsClickable(dev)).toMatchObject({ hit: 'nav-services', opened: 'services-menu', headerTop: 0 });
    // The tall Services menu reaches the bottom edge: it paints over the banner, not under it.
    // The probe point is taken from the menu's own box (its left edge moves with the fonts the
    // machine has), and it must lie inside the banner's strip, or the check proves nothing.
    await dev.click('#nav-services');
    const probe = await dev.evaluate(() => {
      const menu = document.getElementById('services-menu')!.getBoundingClientRect();
      const x = Math.round(menu.left + menu.width / 2);
      const y = window.innerHeight - 10;
      return { x, y, menuReachesIt: menu.bottom > y, hit: document.elementFromPoint(x, y)?.closest('#services-menu') !== null };
    });
    facts = await bannerFacts(dev);
    expect(probe.y).toBeGreaterThan(facts.top);
    expect(probe.menuReachesIt).toBe(true);
    expect(probe.hit).toBe(true);
    await dev.click('#nav-services');
    await setPosition('top');

    await setCheckbox('Show the banner on console pages', false);
    await dev.waitForFunction(() => (document.querySelector('role-switchboard-banner') as HTMLElement).getBoundingClientRect().height === 0, POLL);
    await dev.bringToFront();
    expect(await dev.$('aria/AWS account[role="region"]')).toBeNull();
    // Production cannot be hidden.
    expect((await bannerFacts(prod)).text).toContain('PRODUCTION');

    await setCheckbox('Prefix production tab titles with [PROD]', false);
    await prod.waitForFunction(() => document.title === 'Instances | EC2 | us-east-1', POLL);
  } finally {
    await setCheckbox('Show the banner on console pages', true);
    await setCheckbox('Prefix production tab titles with [PROD]', true);
    await setPosition('top');
    await prod.waitForFunction(() => document.title === '[PROD] Instances | EC2 | us-east-1', POLL);
    await dev.close();
    await prod.close();
  }
});

test('every fixture gets exactly one banner, in the top frame only', async () => {
  expect(consoleFixtures()).toHaveLength(17);
  const frameHtml = '<!doctype html><title>frame</title><p>inner</p>';
  const { page } = await open('unknown-account.html', (request) =>
    request.url() === 'https://us-west-2.console.aws.amazon.com/lambda/frame' ? { body: frameHtml, headers: { 'Content-Security-Policy': "default-src 'none'" } } : null,
  );
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = 'https://us-west-2.console.aws.amazon.com/lambda/frame';
    document.body.append(frame);
  });
  const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
  await frame.waitForSelector('p');
  // The content script is not even injected into the frame (and is, into the top frame).
  expect(page.mainFrame().extensionRealms().length).toBeGreaterThan(0);
  expect(frame.extensionRealms()).toEqual([]);
  expect(await frame.$('role-switchboard-banner')).toBeNull();
  expect(await page.$$eval('role-switchboard-banner', (els) => els.length)).toBe(1);
  await page.close();
});

test('a damaged index is never trusted: the page shows only what it read, and the background rewrites the index', async () => {
  await session.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    const key = 'bannerIndex:account:123456789012';
    const record = (await c.storage.local.get(key))[key] as { entries: { profile: string }[] };
    // Another generation than the meta's, and a name that must never be shown.
    await c.storage.local.set({ [key]: { generation: 'damaged', entries: record.entries.map((e) => ({ ...e, profile: 'not-a-real-profile' })) } });
  });
  const { page, errors } = await open('classic-switched-role.html');
  const first = (await bannerFacts(page)).text;
  expect(first).not.toContain('not-a-real-profile');
  expect(first).not.toContain('not in your profiles');
  // The page asked the background, which wrote the index again: the banner catches up by itself.
  let facts = await bannerFacts(page);
  for (let i = 0; i < 100 && !facts.text.startsWith('PRODUCTION'); i++) {
    await sleep(100);
    facts = await bannerFacts(page);
  }
  expect(facts.text).toBe('PRODUCTION alfie Profile alfie-production Account 1234-5678-9012 (alfie-prod) Role AlfieReadOnly Why?');
  expect(errors).toEqual([]);
  await page.close();
});
