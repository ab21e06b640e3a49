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
 * Waits until `fn` returns something truthy in the page. Not page.waitForFunction: it builds its
 * predicate with `new Function` inside the page, which the extension pages' CSP (and the console
 * fixtures') refuses in Firefox 140 ("call to Function() blocked by CSP"); page.evaluate is not
 * affected. A poll of the page's own state, every 100 ms.
 */
export async function waitInPage<A>(page: Page, fn: (arg: A) => unknown, options: { timeout?: number } = {}, arg?: A): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 30000);
  for (;;) {
    if (await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Waiting for ${fn.toString().slice(0, 120)} timed out`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
