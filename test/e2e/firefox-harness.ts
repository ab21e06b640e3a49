// Debian's firefox-esr with an extension installed as a temporary add-on, driven over WebDriver
// BiDi (firefox-smoke.test.ts, policy-firefox.test.ts). BiDi refuses to navigate to
// moz-extension:// URLs, so tests enter the extension through the import page that a fresh
// install opens by itself, and move between its pages by navigating from there.
import fs from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';

export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p): p is string => !!p && fs.existsSync(p));
  if (!found) throw new Error("No Firefox found: install Debian's firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_PATH.");
  return found;
}

/**
 * The page now showing moz-extension://…/file. BiDi reports such tabs' URL as about:blank, so
 * ask each page where it is.
 */
export async function findExtensionPage(browser: Browser, file: string): Promise<Page> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (/^moz-extension:\/\/[^/]+\//.test(href) && href.endsWith(`/${file}`)) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Firefox never showed the extension's ${file}`);
}

/**
 * Waits until `predicate` holds in the page. Firefox (140.12 ESR here) applies the page's CSP to
 * what WebDriver BiDi evaluates, and puppeteer's waitForFunction builds its predicate with
 * `new Function` inside the page, which every extension page and console fixture forbids
 * ("call to Function() blocked by CSP"). page.evaluate sends the function itself, so this asks
 * the same question each animation-frame-sized interval instead: it polls the page's state (no
 * fixed sleep stands in for an event), and fails with the predicate's text on timeout.
 */
export async function waitInFirefox<A>(page: Page, predicate: (arg: A) => boolean, arg: A, timeout = 30000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // A navigation in flight destroys the context: that is "not yet", not a failure.
    if (await page.evaluate(predicate as (a: unknown) => boolean, arg as unknown).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Firefox: timed out after ${timeout} ms waiting for ${predicate.toString()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
