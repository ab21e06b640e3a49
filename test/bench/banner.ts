// Banner figures (issue 4): the console content script's minified size, and the time from
// DOMContentLoaded to the banner painted, measured in Chromium on fixture pages served offline.
// The content script sets the performance mark `role-switchboard:banner-painted` once its first
// banner has been painted (a message posted from a requestAnimationFrame callback runs after
// that frame); the page's performance timeline shares marks across worlds, so the page reads it.
// Targets: ≤ 16 KB (issue 12 §4), ≤ 50 ms.
import { REPO_ROOT } from './repo-root'; // first: fixes paths before the e2e helpers load
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, DIST } from '../e2e/harness';
import { importThroughPage } from '../e2e/ui-helpers';
import { E2E_CONFIG, fixtureUrl, openConsoleTab, setFixtureRoot, waitForBannerIndex } from '../e2e/console-pages';
import { settle } from './settle';
import { printTable } from './table';

const LOADS = 25;
const KB = 1024;

function sizeRow(file: string): (string | number)[] {
  const code = fs.readFileSync(path.join(DIST, file));
  const gzip = zlib.gzipSync(code, { level: 9 }).length;
  return [file, code.length, (code.length / KB).toFixed(2), (gzip / KB).toFixed(2), file === 'content.js' ? '≤ 16 KB' : ''];
}

/**
 * One load: ms from DOMContentLoaded (start) to the painted mark, and, for reference, to the
 * page's own first contentful paint (the frame the browser would have produced anyway).
 */
async function paintDelay(page: Page, url: string): Promise<{ banner: number; page: number }> {
  // Via about:blank: the fixture URLs have a hash, and going to the same URL again would only
  // scroll, not load.
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  const handle = await page.waitForFunction(
    () => {
      const mark = performance.getEntriesByName('role-switchboard:banner-painted')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return mark && fcp && nav ? { banner: mark.startTime - nav.domContentLoadedEventStart, page: fcp.startTime - nav.domContentLoadedEventStart } : false;
    },
    { polling: 20, timeout: 10000 },
  );
  return (await handle.jsonValue()) as { banner: number; page: number };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function bigConfig(profiles: number): string {
  let text = E2E_CONFIG;
  for (let i = 0; i < profiles; i++) {
    const account = String(100000000000 + i * 7919).padStart(12, '0');
    const env = ['dev', 'qa', 'staging', 'prod'][i % 4];
    text += `\n[profile team${i % 250}-${env}-${i}]\nrole_arn = arn:aws:iam::${account}:role/Role${i % 13}\nsource_profile = default\n`;
  }
  return text;
}

export async function run(): Promise<void> {
  setFixtureRoot(path.join(REPO_ROOT, 'test/fixtures/console'));
  printTable(['script', 'bytes', 'KB', 'gzip KB', 'target'], ['content.js', 'signin.js', 'why.js'].filter((f) => fs.existsSync(path.join(DIST, f))).map(sizeRow));
  console.log('');

  const machine = await settle();
  const rows: (string | number)[][] = [];
  for (const catalogue of [{ name: '7 profiles', text: E2E_CONFIG }, { name: '5,000 profiles', text: bigConfig(4993) }]) {
    const session = await launchWithExtension();
    try {
      await importThroughPage(session, catalogue.text);
      await waitForBannerIndex(session, '123456789012');
      for (const fixture of ['classic-switched-role.html', 'unknown-account.html']) {
        const { page } = await openConsoleTab(session);
        const url = fixtureUrl(fixture);
        await paintDelay(page, url); // warm-up: first load compiles the content script
        const times: number[] = [];
        const pageTimes: number[] = [];
        for (let i = 0; i < LOADS; i++) {
          const t = await paintDelay(page, url);
          times.push(t.banner);
          pageTimes.push(t.page);
        }
        times.sort((a, b) => a - b);
        pageTimes.sort((a, b) => a - b);
        rows.push([
          catalogue.name,
          fixture,
          LOADS,
          quantile(times, 0.5).toFixed(1),
          quantile(times, 0.9).toFixed(1),
          times[times.length - 1]!.toFixed(1),
          quantile(pageTimes, 0.5).toFixed(1),
          '≤ 50 ms',
        ]);
        await page.close();
      }
    } finally {
      await session.close();
    }
  }
  printTable(['catalogue', 'page', 'loads', 'median ms', 'p90 ms', 'max ms', "page's own FCP, median ms", 'target'], rows);
  console.log(
    '\nDOMContentLoaded → banner painted (the frame after it was attached), headless Chromium, fixture pages served by' +
      ` interception. For reference, DOMContentLoaded → the page's own first contentful paint on the same loads. (${machine}.)`,
  );
}
