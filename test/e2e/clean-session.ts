// Jest setup shared by the UI end-to-end files. Kept apart from ui-helpers.ts, which the
// benchmarks and the screenshot script also compile (without jest's globals).
import type { Page } from 'puppeteer-core';
import { E2E_CONFIG, waitForBannerIndex } from './console-pages';
import { launchWithExtension, type ExtensionSession } from './harness';
import { clearStorage, closePages, importThroughPage } from './ui-helpers';

/**
 * One browser per test file, and before each test no open pages and empty storage.
 * `receive` gets the session once it is launched.
 */
export function useCleanExtension(receive: (session: ExtensionSession) => void): void {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    session = await launchWithExtension();
    receive(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    await closePages(session!);
    await clearStorage(session!);
  });
}

/**
 * One browser per test file for the console tests: the console fixtures' config (E2E_CONFIG)
 * imported through the import page and the banner index built for the fixtures' account.
 * `receive` gets the session and the import page (left open, for settings).
 */
export function useConsoleExtension(receive: (session: ExtensionSession, importPage: Page) => void): void {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    session = await launchWithExtension();
    await clearStorage(session);
    const { page } = await importThroughPage(session, E2E_CONFIG);
    await waitForBannerIndex(session, '123456789012');
    receive(session, page);
  }, 60000);
  afterAll(async () => {
    await session?.close();
  });
}

type SessionArea = { chrome: { storage: { session: { get(k: string): Promise<Record<string, { tabs?: Record<string, string> } | undefined>>; remove(k: string): Promise<void> } } } };

/**
 * Forgets the console sessions the background recorded (issue 13), once it has seen the tabs of
 * the previous test close (each closed tab is an update of the record: one still under way would
 * write the old sessions back).
 */
export async function forgetSessions(session: ExtensionSession): Promise<void> {
  const deadline = Date.now() + 10000;
  for (;;) {
    const mapped = await session.worker.evaluate(async () => {
      const state = (await (globalThis as unknown as SessionArea).chrome.storage.session.get('sessions.state'))['sessions.state'];
      return Object.keys(state?.tabs ?? {}).length;
    });
    // (A console tab a failed test left open keeps its mapping: then the deadline ends the wait.)
    if (mapped === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await session.worker.evaluate(() => (globalThis as unknown as SessionArea).chrome.storage.session.remove('sessions.state'));
}
