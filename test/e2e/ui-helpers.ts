// Helpers for the import page / popup end-to-end tests: drive the real pages of the built
// extension in Chromium. No mocks: storage, the service worker and the popup are the shipped code.
import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionSession } from './harness';
import { EXAMPLE_CONFIG } from '../../src/core/config/example-config';

/** Issue 3's seed example, exactly as the import page offers it. */
export const SEED_CONFIG = EXAMPLE_CONFIG;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps the page's main thread (its content scripts' too) busy for `ms` from its next task, so
 * that it answers the extension late. A message task, not a timer: a hidden tab's timers are slowed.
 */
export async function busyMainThread(page: Page, ms: number): Promise<void> {
  await page.evaluate((busyMs) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      for (const end = Date.now() + busyMs; Date.now() < end; );
    };
    channel.port2.postMessage(0);
  }, ms);
}

/**
 * Finds an element by selector (CSS or `aria/Name[role=...]`), polling with timers: pages in
 * background tabs get no animation frames, which puppeteer's own waits may rely on.
 */
export async function find(page: Page, selector: string, timeout = 10000): Promise<ElementHandle<Element>> {
  const end = Date.now() + timeout;
  for (;;) {
    const handle = await page.$(selector);
    if (handle) return handle;
    if (Date.now() > end) throw new Error(`${selector} not found within ${timeout} ms`);
    await sleep(50);
  }
}

/** waitForFunction with timer polling (works in background tabs). */
export async function until<T>(page: Page, fn: (arg: T) => unknown, arg?: T, timeout = 10000) {
  return page.waitForFunction(fn as (arg: unknown) => unknown, { polling: 50, timeout }, arg);
}

/** Puts text into the "AWS config" box the way a paste does (value + input event). */
export async function pasteConfig(page: Page, text: string): Promise<void> {
  const box = await find(page, 'aria/AWS config');
  await box.evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Clicks the button named `name` once it is enabled (a page enables buttons as its data arrives). */
export async function clickButton(page: Page, name: string): Promise<void> {
  // Background tabs get no animation frames, and clicks and AX queries may wait for one.
  await page.bringToFront();
  const button = await find(page, `aria/${name}[role="button"]`);
  await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled, { polling: 50, timeout: 10000 }, button);
  await button.click();
}

/** The import page's primary button: "Import" when nothing is stored, "Replace my config" after. */
export async function clickImport(page: Page, mode: 'replace' | 'merge' = 'replace'): Promise<void> {
  await page.bringToFront();
  await (await find(page, `[data-testid="import-${mode}"]`)).click();
}

/** Waits until the result line changes from `previous`, or the import asks for confirmation. */
async function importOutcome(page: Page, previous: string): Promise<'result' | 'confirm'> {
  const handle = await until(
    page,
    (before: string) => {
      if (document.querySelector('[data-testid="confirm-change"]')) return 'confirm';
      const text = document.querySelector('.result')?.textContent ?? '';
      return text && text !== before && !text.includes('Importing') ? 'result' : false;
    },
    previous,
    30000,
  );
  return (await handle.jsonValue()) as 'result' | 'confirm';
}

/** Says yes to the question an import or restore asks before it removes roles. */
export async function confirmChange(page: Page): Promise<void> {
  await page.bringToFront();
  await (await find(page, '[data-testid="confirm-change"] .button.danger')).click();
  await until(page, () => !document.querySelector('[data-testid="confirm-change"]'));
}

const resultText = (page: Page) => page.evaluate(() => document.querySelector('.result')?.textContent ?? '');

/**
 * Opens the import page and waits until its first reads are in (`main[aria-busy=false]`): until
 * then the stored status, history and organisation panels still arrive above the settings and
 * move them, so a click could land on whatever has moved under the pointer.
 */
export async function openImportPage(session: ExtensionSession): Promise<Page> {
  const page = await session.openPage('options.html');
  await until(page, () => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
  return page;
}

/**
 * Opens the import page, pastes `text`, presses Import (or Add to my config) and waits for the
 * outcome; returns the page. An import that removes roles asks first: `confirm` (the default)
 * says yes; with `confirm: false` the question is left open and `asked` is true.
 */
export async function importThroughPage(
  session: ExtensionSession,
  text: string,
  page?: Page,
  options: { mode?: 'replace' | 'merge'; confirm?: boolean } = {},
): Promise<{ page: Page; result: string; asked: boolean }> {
  const importPage = page ?? (await openImportPage(session));
  await pasteConfig(importPage, text);
  await until(importPage, () => !!document.querySelector('[data-testid="preview-summary"]'), undefined, 30000);
  const before = await resultText(importPage);
  await clickImport(importPage, options.mode);
  const outcome = await importOutcome(importPage, before);
  if (outcome === 'result') return { page: importPage, result: await resultText(importPage), asked: false };
  if (options.confirm === false) return { page: importPage, result: before, asked: true };
  await (await find(importPage, '[data-testid="confirm-change"] .button.danger')).click();
  await until(importPage, () => !document.querySelector('[data-testid="confirm-change"]'));
  await importOutcome(importPage, before);
  return { page: importPage, result: await resultText(importPage), asked: true };
}

/** A plain web page (served by interception, nothing leaves the machine) to open the popup over. */
export async function openWebTab(session: ExtensionSession, url = 'https://example.test/'): Promise<{ page: Page; requests: string[] }> {
  const page = await session.browser.newPage();
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    requests.push(request.url());
    if (request.isNavigationRequest()) {
      void request.respond({ status: 200, contentType: 'text/html', body: '<!doctype html><title>page</title><p>page</p>' });
    } else void request.abort();
  });
  await page.goto(url);
  return { page, requests };
}

/** Opens the real action popup over `tab` (as the toolbar button does). */
export async function openActionPopup(session: ExtensionSession, tab: Page): Promise<Page> {
  const extension = (await session.browser.extensions()).get(session.extensionId);
  if (!extension) throw new Error('extension not found');
  const before = new Set(session.browser.targets());
  await tab.bringToFront();
  await tab.triggerExtensionAction(extension);
  const target = await session.browser.waitForTarget((t) => !before.has(t) && t.url() === `chrome-extension://${session.extensionId}/popup.html`, { timeout: 10000 });
  const popup = (await target.asPage())!;
  await find(popup, '.row-entry, .empty-state, .no-match');
  return popup;
}

export interface RowInfo {
  profile: string;
  env: string;
  section: string;
  prod: boolean;
  active: boolean;
  text: string;
}

/** The rendered rows, top to bottom: app headers as `# name`, entries as their profile. */
export async function renderedRows(page: Page, scope = '.role-list'): Promise<(RowInfo | string)[]> {
  return page.$eval(scope, (list) =>
    Array.from(list.querySelectorAll('.row'))
      .map((row) => ({ row: row as HTMLElement, top: new DOMMatrix(getComputedStyle(row).transform).m42 }))
      .sort((a, b) => a.top - b.top)
      .map(({ row }) =>
        row.classList.contains('row-header')
          ? `# ${row.querySelector('.group-name')?.textContent ?? ''}`
          : {
              profile: row.dataset.profile ?? '',
              env: row.dataset.env ?? '',
              section: '',
              prod: row.classList.contains('is-prod'),
              active: row.classList.contains('is-active'),
              text: row.querySelector('.role-main')?.textContent ?? '',
            },
      ),
  );
}

/** Everything in the three storage areas, read by the service worker. */
export async function dumpStorage(session: ExtensionSession): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown>; session: Record<string, unknown> }> {
  return session.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<Record<string, unknown>> }> } }).chrome;
    return { sync: await c.storage.sync!.get(null), local: await c.storage.local!.get(null), session: await c.storage.session!.get(null) };
  });
}

/** Runs `code` against chrome.storage in the service worker (to plant faults). */
export async function inWorker<T>(session: ExtensionSession, fn: (storage: { sync: StorageArea; local: StorageArea }) => Promise<T>): Promise<T> {
  return session.worker.evaluate(`(${fn.toString()})(chrome.storage)`) as Promise<T>;
}

export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
}

/** Closes every page the previous test left open, so stale popups or tabs cannot answer for new ones. */
export async function closePages(session: ExtensionSession): Promise<void> {
  for (const page of await session.browser.pages()) await page.close().catch(() => {});
}

export async function clearStorage(session: ExtensionSession): Promise<void> {
  await inWorker(session, async (s) => {
    await s.sync.clear();
    await s.local.clear();
  });
}

/** Accessible name of an element, as the browser's accessibility tree computes it. */
export async function accessibleName(page: Page, selector: string): Promise<string> {
  const handle = await find(page, selector);
  const snapshot = await page.accessibility.snapshot({ root: handle, interestingOnly: false });
  return snapshot?.name ?? '';
}

/**
 * A deterministic config of `profiles` role profiles. `accountsPerProfile` 1 gives every
 * profile its own random account (hard to compress); the default shares an account between
 * the five roles of an app environment, as real organisations do.
 */
export function generateConfig(profiles: number, options: { seed?: number; ownAccounts?: boolean } = {}): string {
  let state = options.seed ?? 7;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const words = ['payments', 'ledger', 'search', 'identity', 'billing', 'data-lake', 'reporting', 'orders', 'catalog', 'checkout', 'notify', 'auth', 'gateway', 'media', 'analytics'];
  const envs = ['dev', 'test', 'staging', 'prod', 'sandbox'];
  const roles = ['Admin', 'ReadOnly', 'Deploy', 'PowerUser', 'Developer'];
  const account = () => String(Math.floor(random() * 1e12)).padStart(12, '0');
  const lines = ['[default]', 'region = us-east-1'];
  let made = 0;
  for (let app = 0; made < profiles; app++) {
    const name = `${words[app % words.length]}-${words[Math.floor(random() * words.length)]}${app}`;
    for (const env of envs) {
      let id = account();
      for (const role of roles) {
        if (made >= profiles) break;
        if (options.ownAccounts) id = account();
        lines.push(`[profile ${name}-${env}-${role.toLowerCase()}]`, `role_arn = arn:aws:iam::${id}:role/${role}`, 'source_profile = default');
        if (random() < 0.2) lines.push('region = eu-west-1');
        made++;
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

type ChromeStorage = { chrome: { storage: { sync: StorageArea; local: StorageArea } } };

/** Writes items straight into storage.sync from the service worker (to plant faults). */
export async function syncSet(session: ExtensionSession, items: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate((values) => (globalThis as unknown as ChromeStorage).chrome.storage.sync.set(values), items);
}

/** Polls a storage record (read by the service worker) until `accept` takes it; returns it. */
export async function waitForRecord<T>(session: ExtensionSession, area: 'sync' | 'local', key: string, accept: (value: T | undefined) => boolean, timeout = 10000): Promise<T | undefined> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = (await session.worker.evaluate(
      (a: string, k: string) => (globalThis as unknown as { chrome: { storage: Record<string, { get(k: string): Promise<Record<string, unknown>> }> } }).chrome.storage[a]!.get(k).then((items) => items[k]),
      area,
      key,
    )) as T | undefined;
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`storage.${area} "${key}" never became what was expected: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

/** Waits until the recent roles list `profile` first (a switch records it after it is under way). */
export async function waitForRecent(session: ExtensionSession, profile: string): Promise<void> {
  await waitForRecord<string[]>(session, 'local', 'recent', (recent) => recent?.[0] === profile);
}
