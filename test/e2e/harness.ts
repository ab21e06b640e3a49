// Launches the real Chromium with the built extension (dist/chrome) for end-to-end tests.
// No mocks: the service worker, storage, popup and content scripts are the shipped code.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';

// EXT_DIST points the tests at another build folder (webpack `--env outDir=...`).
export const DIST = path.resolve(__dirname, '../..', process.env.EXT_DIST ?? 'dist', 'chrome');

export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && fs.existsSync(p));
  if (!found) throw new Error('No Chromium found: install Debian\'s chromium (apt-get install -y chromium) or set CHROME_PATH.');
  return found;
}

export interface ExtensionSession {
  browser: Browser;
  extensionId: string;
  worker: WebWorker;
  /** Opens an extension page (e.g. `popup.html`) in a new tab. */
  openPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

/** `extensionDir`: another unpacked copy of the build (the policy tests load one with a test-only key). */
export async function launchWithExtension(extensionDir = DIST): Promise<ExtensionSession> {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no build: run \`npm run build\` first.`);
  }
  const browser = await puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // launch() resolves before the extension is installed: wait for its service worker.
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://') && t.url().endsWith('/background.js'),
    { timeout: 30000 },
  );
  const extensionId = new URL(target.url()).host;
  const worker = (await target.worker())!;
  await waitForWorkerReady(worker);
  // A fresh install opens the import page (first-run experience). Close it so every test
  // starts from the same tabs; waiting for it also proves the first-run page opens.
  const welcome = await browser.waitForTarget((t) => t.url() === `chrome-extension://${extensionId}/options.html`, { timeout: 15000 });
  await (await welcome.page())?.close();
  return {
    browser,
    extensionId,
    worker,
    async openPage(file: string) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * The service worker target appears before its extension APIs are bound: evaluating in it
 * too early sees `chrome` undefined. Wait until `chrome.storage` exists.
 */
export async function waitForWorkerReady(worker: WebWorker): Promise<void> {
  const deadline = Date.now() + 15000;
  while ((await worker.evaluate('typeof chrome !== "undefined" && !!chrome.storage')) !== true) {
    if (Date.now() > deadline) throw new Error('the service worker never got its extension APIs');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Collects uncaught page errors and console errors so tests can assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
