// Issue 14 §3 with Firefox's real policy engine (Debian's firefox-esr): a system-wide
// /etc/firefox/policies/policies.json whose 3rdparty section names a copy of the build with a
// test-only gecko id, installed as a temporary add-on; read through storage.managed by the real
// src/platform/policy-store.ts (the probe page). Firefox reads policy when it starts, so each
// part starts its own Firefox.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_POLICY_RESTART_NOTE, type OrganisationPolicy } from '../../src/core/policy';
import { findExtensionPage, firefoxPath, waitInFirefox } from './firefox-harness';
import { extensionCopy, firefoxPolicy, type ExtensionCopy, type PolicyFile } from './policy-files';

const POLICY = {
  config: '[profile shop-dev]\nrole_arn = arn:aws:iam::111111111111:role/Developer\n',
  accounts: { '222222222222': { app: 'shop', production: true }, '333333333333': { app: 'billing', production: 'yes' } },
  bannerEnabled: 'yes',
  titlePrefix: true,
};

let copy: ExtensionCopy;
let policy: PolicyFile | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  copy = await extensionCopy('firefox');
}, 60000);

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    policy?.remove();
    copy?.remove();
  }
});

/** A fresh Firefox with the copy installed, on the probe page. */
async function startFirefox(): Promise<Page> {
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
  await browser.installExtension(copy.dir);
  const page = await findExtensionPage(browser, 'options.html');
  await page.evaluate(() => {
    location.href = 'policy-probe.html';
  });
  await waitInFirefox(page, () => 'policyProbe' in globalThis, undefined, 30000);
  return page;
}

async function stopFirefox(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

const read = (page: Page) => page.evaluate(() => (globalThis as unknown as { policyProbe: { readPolicy(): Promise<OrganisationPolicy> } }).policyProbe.readPolicy());
const raw = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { policyProbe: { raw(): Promise<unknown> } }).policyProbe.raw().then(
      (values) => ({ values }),
      (error: Error) => ({ error: error.message }),
    ),
  );

test('without a policy, Firefox refuses storage.managed, which reads as no organisation; a policy written meanwhile waits for a restart', async () => {
  const page = await startFirefox();
  expect(await raw(page)).toEqual({ error: 'Managed storage manifest not found' });
  expect(await read(page)).toEqual({ active: false, config: null, accounts: {}, locked: {}, allowPersonalConfig: true, problems: [] });
  policy = firefoxPolicy(POLICY);
  expect((await read(page)).active).toBe(false);
  await stopFirefox();
}, 90000);

test("after a restart Firefox hands the 3rdparty values to the temporary add-on as written (no schema), and the parser keeps what is valid", async () => {
  const page = await startFirefox();
  expect(await raw(page)).toEqual({ values: POLICY });
  const parsed = await read(page);
  expect(parsed.config!.catalogue.entries.map((e) => [e.profile, e.origin])).toEqual([['shop-dev', 'organisation']]);
  // Unlike Chromium, one bad field costs only itself: the rest of that account and every other account apply.
  expect(parsed.accounts).toEqual({
    '222222222222': { app: 'shop', production: true, env: 'production', envLabel: 'production' },
    '333333333333': { app: 'billing', production: false },
  });
  expect(parsed.locked).toEqual({ titlePrefix: true });
  expect(parsed.problems.map((p) => p.message)).toEqual([
    'Account 333333333333: production must be true or false; it is ignored.',
    'bannerEnabled must be true or false; it is ignored.',
  ]);
  // The import page says how a change arrives here: after a restart (Chrome's says "within seconds").
  await page.evaluate(() => {
    location.href = 'options.html';
  });
  await waitInFirefox(page, () => !!document.querySelector('[data-testid="policy-changes"]'), undefined, 30000);
  expect(await page.evaluate(() => document.querySelector('[data-testid="policy-changes"]')!.textContent)).toBe(FIREFOX_POLICY_RESTART_NOTE);
  // The problems are listed there too, and the one profile is counted.
  expect(await page.evaluate(() => document.querySelector('[data-testid="organisation"] .notice-title')?.textContent)).toBe("Your organisation's accounts: 1 error");
  expect(await page.evaluate(() => document.querySelector('[data-testid="organisation"]')!.textContent)).toContain('publishes 1 role.');
  await stopFirefox();
}, 90000);
