// The banner's "Why?" panel in a real Firefox (Debian's firefox-esr, WebDriver BiDi). The panel's
// script is not a manifest content script: the background injects it when asked
// (scripting.executeScript with files), and the banner then calls what it left in the content
// scripts' shared world. That sharing is what this checks in Firefox (Chromium's e2e reads the
// panel's text; here the closed shadow roots are out of reach, so the panel is found by where it is).
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixtureUrl, serveFixtures } from './console-pages';
import { waitInFirefox } from './firefox-harness';
import { SEED_CONFIG } from './ui-helpers';

const DIST = path.resolve(__dirname, '../..', process.env.EXT_DIST ?? 'dist', 'firefox');
const firefoxPath = () => [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p): p is string => !!p && fs.existsSync(p))!;

let browser: Browser;

beforeAll(async () => {
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
  await browser.installExtension(DIST);
  // A fresh install opens the import page: import the seed config there.
  const deadline = Date.now() + 30000;
  let importPage: Page | undefined;
  while (!importPage && Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if ((await page.evaluate(() => location.href).catch(() => '')).endsWith('/options.html')) importPage = page;
    }
    if (!importPage) await new Promise((r) => setTimeout(r, 200));
  }
  await importPage!.waitForSelector('textarea');
  await importPage!.$eval('textarea', (el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, SEED_CONFIG);
  await (await importPage!.waitForSelector('[data-testid="import-replace"]'))!.click();
  await waitInFirefox(importPage!, () => /import/i.test(document.querySelector('.result')?.textContent ?? '') && !/Importing/.test(document.querySelector('.result')?.textContent ?? ''), undefined, 30000);
}, 90000);

afterAll(async () => {
  await browser?.close();
});

test('"Why?" opens the panel under the banner, and closes it again', async () => {
  const page = await browser.newPage();
  await serveFixtures(page);
  await page.goto(fixtureUrl('classic-switched-role.html'));
  await waitInFirefox(page, () => document.title.startsWith('[PROD] '), undefined, 15000);
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  // The production banner's last control, at the bar's right end, is "Why?".
  const whyButton = { x: width - 30, y: 15 };
  const panelHere = () => page.evaluate((x) => document.elementFromPoint(x, 60)?.tagName.toLowerCase(), width - 100);
  expect(await page.evaluate(() => document.querySelector('role-switchboard-why'))).toBeNull();
  await page.mouse.click(whyButton.x, whyButton.y);
  await waitInFirefox(page, () => !!document.querySelector('role-switchboard-why'), undefined, 15000);
  expect(await panelHere()).toBe('role-switchboard-why');
  await page.mouse.click(whyButton.x, whyButton.y);
  await waitInFirefox(page, () => !document.querySelector('role-switchboard-why'), undefined, 15000);
  expect(await panelHere()).not.toBe('role-switchboard-why');
  await page.close();
});
