// Issue 15 §6: the popup's first render and keystrokes, measured from outside its code. A script
// installed before any of the page's own (CDP Page.addScriptToEvaluateOnNewDocument) watches the
// DOM with a MutationObserver and notes, on the page's clock (0 = navigation start):
// - when the first role button (`button.role-main`) is in the DOM; on a static extension page
//   holding one button, when that button is; and when the frame that first shows it on screen
//   was painted (Element Timing: the observer marks the button before any frame can paint it,
//   since observer callbacks run before rendering). Both pages are opened alternately in the same run,
//   from one copy of the build (the static page is added to that copy only, never shipped), so the
//   ratio compares like with like on whatever machine runs it;
// - on two floor pages, popup.html with its scripts replaced by one that adds a button: at once
//   (what any script costs the page), or once it has read the records the popup's first screen
//   needs from storage, as the popup reads them (what any popup that lists roles from extension
//   storage costs before it has built anything);
// - for every input event in the search box, the time from the event's time stamp until the DOM
//   changed in answer and a layout of it was done (the observer forces that layout).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, KeyInput, Page } from 'puppeteer-core';
import { generateConfig } from '../e2e/ui-helpers';
import { launchExtension } from './extension-browser';
import { settle } from './settle';
import { printTable } from './table';
import { importConfigThroughPage } from './popup';
import { REPO_ROOT } from './repo-root';
import { POINTER_KEY, RECORD_KEYS } from '../../src/core/storage/storage-keys';

const ROLES = 5000;
const OPENS = 25;
const STATIC_PAGE = 'bench-static.html';
/** The static pages' stylesheet: public/styles.css as it is. */
const STATIC_STYLES = 'bench-static.css';
/** The static page, plus the popup's two scripts loaded and compiled but not run: the cost of loading them. */
const SCRIPTS_PAGE = 'bench-scripts.html';
/** popup.html whose one script adds a button and does nothing else. */
const ONE_SCRIPT_PAGE = 'bench-one-script.html';
/** popup.html whose one script adds the button once the popup's first-screen records are read (readFirstScreenItems' keys, both areas at once). */
const STORAGE_PAGE = 'bench-storage.html';

/** Runs in each page before its own scripts: no closure, the browser serialises it. */
function observeFromOutside(): void {
  const state = { first: null as number | null, painted: null as number | null, keystrokes: [] as number[] };
  (window as unknown as { __outside: typeof state }).__outside = state;
  const selector = location.pathname.endsWith('/popup.html') ? 'button.role-main' : 'button';
  let pending: number | null = null;
  document.addEventListener('input', (event) => (pending = event.timeStamp), true);
  new MutationObserver(() => {
    const button = state.first === null ? document.querySelector(selector) : null;
    if (button !== null) {
      state.first = performance.now();
      // Its text is what paints, in the button or in an element inside it.
      for (const element of [button, ...button.querySelectorAll('*')]) element.setAttribute('elementtiming', 'first-role');
    }
    if (pending !== null) {
      // The list updated: lay it out, then note the time.
      void document.documentElement.getBoundingClientRect().height;
      void document.querySelector('.role-list')?.scrollHeight;
      state.keystrokes.push(performance.now() - pending);
      pending = null;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEntry[] & { renderTime: number }[]) if (state.painted === null) state.painted = entry.renderTime;
  }).observe({ type: 'element', buffered: true });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? NaN;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const range = (values: number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

/**
 * A copy of the build with pages added: one static page (one button, no script); the same page
 * loading the popup's scripts, where popup.js is wrapped in a function nobody calls (shared.js
 * only registers its modules when it runs): what loading them costs on its own; and the two
 * floor pages.
 */
function copyWithStaticPages(dist: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsb-bench-'));
  fs.cpSync(dist, dir, { recursive: true });
  // (The scripts come before the button: as in the popup, the button waits for them.) The static
  // pages link the whole stylesheet, as the import page did before the pages' scripts carried it.
  fs.copyFileSync(path.join(REPO_ROOT, 'public/styles.css'), path.join(dir, STATIC_STYLES));
  const page = (scripts: string) =>
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>static</title><link rel="stylesheet" href="${STATIC_STYLES}">${scripts}</head>` +
    '<body class="popup"><button type="button">One button</button></body></html>\n';
  fs.writeFileSync(path.join(dir, STATIC_PAGE), page(''));
  fs.writeFileSync(path.join(dir, 'bench-popup-unrun.js'), `(function(){${fs.readFileSync(path.join(dir, 'popup.js'), 'utf8')}\n});\n`);
  fs.writeFileSync(path.join(dir, SCRIPTS_PAGE), page('<script src="shared.js"></script><script src="bench-popup-unrun.js"></script>'));
  // The floors are popup.html itself (its inline styles, its root, its scripts where they are)
  // with the popup's two scripts replaced by one: only what the script does differs.
  const popupHtml = fs.readFileSync(path.join(dir, 'popup.html'), 'utf8');
  const popupScripts = '<script src="shared.js"></script>\n  <script src="popup.js"></script>';
  if (!popupHtml.includes(popupScripts)) throw new Error(`popup.html no longer loads ${popupScripts}: update the bench's floor pages.`);
  const floor = (script: string) => popupHtml.replace(popupScripts, `<script src="${script}"></script>`);
  const addButton = "const button = document.createElement('button');\nbutton.type = 'button';\nbutton.textContent = 'One button';\ndocument.getElementById('root').append(button);\n";
  fs.writeFileSync(path.join(dir, 'bench-one-script.js'), addButton);
  fs.writeFileSync(path.join(dir, ONE_SCRIPT_PAGE), floor('bench-one-script.js'));
  const sync = JSON.stringify([POINTER_KEY, RECORD_KEYS.settings]);
  const local = JSON.stringify([RECORD_KEYS.head, RECORD_KEYS.current, RECORD_KEYS.recent]);
  fs.writeFileSync(path.join(dir, 'bench-storage.js'), `Promise.all([chrome.storage.sync.get(${sync}), chrome.storage.local.get(${local})]).then(() => {\n${addButton}});\n`);
  fs.writeFileSync(path.join(dir, STORAGE_PAGE), floor('bench-storage.js'));
  return dir;
}

async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 460, height: 580 });
  await page.evaluateOnNewDocument(observeFromOutside);
  await page.goto(url);
  return page;
}

interface FirstSeen {
  /** In the DOM. */
  first: number;
  /** On screen: the paint of the frame that first showed it. */
  painted: number;
}

async function firstAt(page: Page): Promise<FirstSeen> {
  const handle = await page.waitForFunction(
    () => {
      const { first, painted } = (window as unknown as { __outside: { first: number | null; painted: number | null } }).__outside;
      return first !== null && painted !== null && { first, painted };
    },
    { timeout: 30000, polling: 10 },
  );
  return (await handle.jsonValue()) as FirstSeen;
}

export async function run(): Promise<void> {
  const dist = path.resolve(process.cwd(), process.env.EXT_DIST ?? 'dist', 'chrome');
  if (!fs.existsSync(path.join(dist, 'manifest.json'))) throw new Error(`${dist} has no build: run the build first.`);
  const copy = copyWithStaticPages(dist);
  const machine = await settle();
  const { browser, id } = await launchExtension(copy);
  try {
    await importConfigThroughPage(browser, id, generateConfig(ROLES));
    const popup: number[] = [];
    const staticPage: number[] = [];
    const popupPainted: number[] = [];
    const staticPainted: number[] = [];
    const paintedOf = new Map<number[], number[]>([[popup, popupPainted], [staticPage, staticPainted]]);
    const scriptsPage: number[] = [];
    const oneScriptPage: number[] = [];
    const storagePage: number[] = [];
    const pages = [['popup.html', popup], [STATIC_PAGE, staticPage], [SCRIPTS_PAGE, scriptsPage], [ONE_SCRIPT_PAGE, oneScriptPage], [STORAGE_PAGE, storagePage]] as const;
    // In turn, so all see the same machine, and each round starts one page later, so none
    // always opens first or after the same page; each page fresh in a new tab.
    for (let i = 0; i < OPENS; i++) {
      for (const [file, into] of [...pages.slice(i % pages.length), ...pages.slice(0, i % pages.length)]) {
        const page = await open(browser, `chrome-extension://${id}/${file}`);
        const seen = await firstAt(page);
        into.push(seen.first);
        paintedOf.get(into)?.push(seen.painted);
        await page.close();
      }
    }

    const page = await open(browser, `chrome-extension://${id}/popup.html`);
    await firstAt(page);
    await page.waitForFunction(() => performance.getEntriesByName('rsb:complete').length > 0, { timeout: 30000, polling: 10 });
    await page.bringToFront();
    const queries = ['payments prod', 'admin', '1234', 'ledg dev readonly', 'data-lake staging', 'xyz'];
    let typed = 0;
    const answered = () => page.evaluate(() => (window as unknown as { __outside: { keystrokes: number[] } }).__outside.keystrokes.length);
    for (const query of queries) {
      for (const key of [...query.split(''), ...query.split('').map(() => 'Backspace')] as KeyInput[]) {
        const before = await answered();
        await page.keyboard.press(key);
        typed++;
        // The next key once this one is answered (or after 1 s: a key that changes nothing, like a trailing space).
        await page
          .waitForFunction((n: number) => (window as unknown as { __outside: { keystrokes: number[] } }).__outside.keystrokes.length > n, { timeout: 1000, polling: 5 }, before)
          .catch(() => undefined);
      }
    }
    const keystrokes = await page.evaluate(() => (window as unknown as { __outside: { keystrokes: number[] } }).__outside.keystrokes);
    await page.close();

    const ratio = median(popup) / median(staticPage);
    const toStatic = (values: number[]) => `${(median(values) / median(staticPage)).toFixed(2)}×`;
    printTable(
      [`measured from outside the page (${ROLES.toLocaleString('en')} roles imported through the import page, Chromium)`, 'figure', 'target'],
      [
        [`first role button in the DOM after navigation: popup (median of ${OPENS}, range)`, `${ms(median(popup))} (${range(popup)})`, ''],
        [`one button in the DOM: a static extension page, same run (median of ${OPENS}, range)`, `${ms(median(staticPage))} (${range(staticPage)})`, ''],
        ['first role: popup ÷ static page (medians)', `${ratio.toFixed(2)}×`, '≤ 2×'],
        [`first role on screen (the paint of the frame that showed it; Element Timing): popup (median of ${OPENS}, range)`, `${ms(median(popupPainted))} (${range(popupPainted)})`, ''],
        [`  the static page's button on screen (median of ${OPENS}, range)`, `${ms(median(staticPainted))} (${range(staticPainted)})`, ''],
        ['  on screen: popup ÷ static page (medians)', `${(median(popupPainted) / median(staticPainted)).toFixed(2)}×`, ''],
        [`  floor: popup.html whose one script just adds a button (median of ${OPENS}, range)`, `${ms(median(oneScriptPage))} (${range(oneScriptPage)})`, ''],
        ['  … ÷ static page (medians)', toStatic(oneScriptPage), ''],
        [`  floor: … adds it once it has read the popup's first-screen records (median of ${OPENS}, range)`, `${ms(median(storagePage))} (${range(storagePage)})`, ''],
        ['  … ÷ static page (medians)', toStatic(storagePage), ''],
        ['  popup − that floor: loading its scripts, its own code, its checks and its first rows (medians)', ms(median(popup) - median(storagePage)), ''],
        ['  popup ÷ that floor (medians)', `${(median(popup) / median(storagePage)).toFixed(2)}×`, ''],
        [`  the static page loading the popup's scripts without running them (median of ${OPENS}, range)`, `${ms(median(scriptsPage))} (${range(scriptsPage)})`, ''],
        ['  … ÷ static page: what loading the scripts alone costs (medians)', toStatic(scriptsPage), ''],
        [`input event → list updated and laid out (median of ${keystrokes.length})`, ms(median(keystrokes)), ''],
        ['  … 95th percentile', ms(percentile(keystrokes, 0.95)), '≤ 16 ms'],
        ['  … worst', ms(Math.max(...keystrokes)), ''],
      ],
    );
    console.log(`\n(${machine}; ${keystrokes.length} of ${typed} keystrokes changed the list)`);
  } finally {
    await browser.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
