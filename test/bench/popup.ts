// Popup bench (issue 3): with 5,000 typical role profiles imported into the built extension in
// Chromium, the time from opening the popup to the role list rendered, and the time per filter
// keystroke; plus how many typical profiles fit in storage.sync. Figures come from inside the
// page: the popup marks `rsb:rendered` (navigation start → first frame after the list is in
// the DOM) and measures `rsb:filter` (input event → first frame after the filtered list).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { bytesOutsideConfig, DEFAULT_SETTINGS, encodeConfig, planSyncWrite, SYNC_QUOTA } from '../../src/core';
import { generateConfig } from '../e2e/ui-helpers';
import { launchExtension } from './extension-browser';
import { settle } from './settle';
import { printTable } from './table';

const ROLES = 5000;
const OPENS = 25;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const sleep = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

/** Largest profile count whose config fits in storage.sync next to the default settings. */
async function syncCapacity(ownAccounts: boolean): Promise<{ fits: number; bytes: number }> {
  const other = bytesOutsideConfig({ settings: DEFAULT_SETTINGS });
  const fits = async (n: number) => planSyncWrite(await encodeConfig(generateConfig(n, { ownAccounts, seed: 11 })), 'abcdefgh', other.bytes, Date.now(), other.items);
  let lo = 100;
  let hi = 40000;
  while (hi - lo > 50) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await fits(mid)).fits) lo = mid;
    else hi = mid;
  }
  return { fits: lo, bytes: (await fits(lo)).bytes };
}

/** Imports `text` on a fresh extension's import page; answers how long Import took to say Imported. */
export async function importConfigThroughPage(browser: Browser, id: string, text: string): Promise<number> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  const box = await page.waitForSelector('#config-text');
  await box!.evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  const start = Date.now();
  await page.evaluate(() => (document.querySelector('[data-testid="import-replace"]') as HTMLButtonElement).click());
  await page.waitForFunction(() => /Imported/.test(document.querySelector('.result')?.textContent ?? ''), { timeout: 60000, polling: 20 });
  const elapsed = Date.now() - start;
  await page.close();
  return elapsed;
}

interface Marks {
  /** Scripts evaluated (the entry module starts). */
  start: number;
  /** Catalogue, settings and recent read from storage. */
  data: number;
  /** First frame after the list is in the DOM (its first screen, from the catalogue head). */
  rendered: number;
  /** First frame after the whole catalogue is in the list (scrollable to the end, searchable). */
  complete: number;
}

async function renderedMark(page: Page): Promise<Marks> {
  await page.waitForFunction(() => performance.getEntriesByName('rsb:complete').length > 0, { timeout: 30000, polling: 10 });
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return { start: at('rsb:start'), data: at('rsb:data'), rendered: at('rsb:rendered'), complete: at('rsb:complete') };
  });
}

export async function run(): Promise<void> {
  const dist = path.resolve(process.cwd(), process.env.EXT_DIST ?? 'dist', 'chrome');
  if (!fs.existsSync(path.join(dist, 'manifest.json'))) throw new Error(`${dist} has no build: run the build first.`);

  const typical = generateConfig(ROLES);
  const encoded = await encodeConfig(typical);
  const plan = planSyncWrite(encoded, 'abcdefgh', bytesOutsideConfig({ settings: DEFAULT_SETTINGS }).bytes);
  const [shared, own] = [await syncCapacity(false), await syncCapacity(true)];

  const machine = await settle();
  const { browser, id } = await launchExtension(dist);
  try {
    const importMs = await importConfigThroughPage(browser, id, typical);

    // Open the popup page fresh, several times (warm browser, as a user's would be).
    const tabOpens: Marks[] = [];
    for (let i = 0; i < OPENS; i++) {
      const page = await browser.newPage();
      await page.setViewport({ width: 460, height: 580 });
      await page.goto(`chrome-extension://${id}/popup.html`);
      tabOpens.push(await renderedMark(page));
      const rows = await page.$$eval('.row-entry', (els) => els.length);
      if (rows === 0 || rows > 60) throw new Error(`unexpected rendered row count ${rows}`);
      await page.close();
    }

    // The real toolbar popup.
    const actionOpens: Marks[] = [];
    const extension = (await browser.extensions()).get(id);
    const host = await browser.newPage();
    await host.setRequestInterception(true);
    host.on('request', (r) => void (r.isNavigationRequest() ? r.respond({ status: 200, contentType: 'text/html', body: '<title>x</title>' }) : r.abort()));
    await host.goto('https://example.test/');
    for (let i = 0; extension && i < 5; i++) {
      const before = new Set(browser.targets());
      await host.bringToFront();
      await host.triggerExtensionAction(extension);
      const target = await browser.waitForTarget((t) => !before.has(t) && t.url().endsWith('/popup.html'), { timeout: 10000 });
      const popup = (await target.asPage())!;
      actionOpens.push(await renderedMark(popup));
      await popup.close();
      await sleep(100);
    }

    // Keystrokes: type queries into the search box one key at a time, then delete them.
    const page = await browser.newPage();
    await page.setViewport({ width: 460, height: 580 });
    await page.goto(`chrome-extension://${id}/popup.html`);
    await renderedMark(page);
    await page.bringToFront();
    const queries = ['payments prod', 'admin', '1234', 'ledg dev readonly', 'data-lake staging', 'xyz'];
    for (const query of queries) {
      for (const ch of query) {
        await page.keyboard.type(ch);
        await sleep(25);
      }
      for (let i = 0; i < query.length; i++) {
        await page.keyboard.press('Backspace');
        await sleep(25);
      }
    }
    await sleep(100);
    const keystrokes = await page.evaluate(() => performance.getEntriesByName('rsb:filter').map((e) => e.duration));
    const expected = queries.reduce((n, q) => n + q.length * 2, 0);

    printTable(
      ['measure (5,000 roles, Chromium)', 'figure', 'target'],
      [
        [`popup opened → list rendered (popup.html, median of ${OPENS})`, ms(median(tabOpens.map((m) => m.rendered))), '≤ 100 ms'],
        [`  … best / worst of ${OPENS}`, `${ms(Math.min(...tabOpens.map((m) => m.rendered)))} / ${ms(Math.max(...tabOpens.map((m) => m.rendered)))}`, ''],
        ['  … of which: page + scripts (→ rsb:start)', ms(median(tabOpens.map((m) => m.start))), ''],
        ['  … of which: first-screen data read (→ rsb:data)', ms(median(tabOpens.map((m) => m.data - m.start))), ''],
        ['  … of which: list built + first frame (→ rsb:rendered)', ms(median(tabOpens.map((m) => m.rendered - m.data))), ''],
        [`popup opened → all ${ROLES.toLocaleString('en')} roles in the list (median)`, ms(median(tabOpens.map((m) => m.complete))), ''],
        [`toolbar popup opened → list rendered (median of ${actionOpens.length})`, actionOpens.length ? ms(median(actionOpens.map((m) => m.rendered))) : 'n/a', '≤ 100 ms'],
        [`filter keystroke → next frame (median of ${keystrokes.length})`, ms(median(keystrokes)), '≤ 16 ms'],
        ['  … 95th percentile', ms(percentile(keystrokes, 0.95)), ''],
        ['  … worst', ms(Math.max(...keystrokes)), ''],
        ['import through the import page (paste → saved)', `${importMs} ms`, ''],
      ],
    );
    console.log(`\n(${machine}; figures grow with load)`);
    if (keystrokes.length !== expected) console.log(`\n(note: ${keystrokes.length} of ${expected} keystrokes measured)`);
    console.log('');
    printTable(
      ['storage.sync capacity', 'figure'],
      [
        [`${ROLES.toLocaleString('en')} typical profiles: config text`, `${(encoded.textBytes / 1024).toFixed(0)} KB`],
        [`${ROLES.toLocaleString('en')} typical profiles: compressed (deflate-raw)`, `${(encoded.compressedBytes / 1024).toFixed(1)} KB`],
        [`${ROLES.toLocaleString('en')} typical profiles: sync quota used (chunks + pointer)`, `${(plan.bytes / 1024).toFixed(1)} KB of ${SYNC_QUOTA.totalBytes / 1024} KB, ${plan.pointer.n} chunks`],
        ['typical profiles that fit in sync (5 roles per account)', `${shared.fits.toLocaleString('en')} (±50)`],
        ['worst case: every profile its own random account', `${own.fits.toLocaleString('en')} (±50)`],
      ],
    );
  } finally {
    await browser.close();
  }
}
