// Chromium with the built extension, for the benchmarks that measure its pages.
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromePath } from '../e2e/harness';

export async function launchExtension(dist: string): Promise<{ browser: Browser; id: string }> {
  const browser = await puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    pipe: true,
    enableExtensions: [dist],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), { timeout: 30000 });
  return { browser, id: new URL(target.url()).host };
}
