// Storage that never loses a config: Chromium's real storage.sync quota, a config too big for
// sync, a missing chunk, an interrupted save and garbage (from an older version or damage).
// Each time the UI says what happened and shows the last good config; nothing crashes.
import type { Page } from 'puppeteer-core';
import { chunkKey, encodeConfig, itemBytes, planSyncWrite, POINTER_KEY, SYNC_QUOTA } from '../../src/core/storage';
import { collectErrors, type ExtensionSession } from './harness';
import { clickButton, confirmChange, dumpStorage, find, generateConfig, importThroughPage, inWorker, SEED_CONFIG, syncSet, until, openImportPage } from './ui-helpers';
import { useCleanExtension } from './clean-session';

jest.setTimeout(60000);

let session: ExtensionSession;
useCleanExtension((launched) => (session = launched));

async function openPopup(): Promise<{ popup: Page; errors: string[] }> {
  const popup = await session.browser.newPage();
  const errors = collectErrors(popup);
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await find(popup, '.row-entry, .empty-state');
  return { popup, errors };
}

/** The popup paints from its cache first and verifies the whole config right after: wait for the verdict. */
async function waitForProblem(page: Page, text: string): Promise<string> {
  await until(page, (t: string) => Array.from(document.querySelectorAll('.notice')).some((n) => n.textContent?.includes(t)), text);
  return problemText(page);
}

const problemText = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('.notice')).map((n) => n.textContent ?? '').join(' | '));
const profiles = (page: Page) => page.$$eval('.row-entry', (rows) => rows.map((r) => r.getAttribute('data-profile')));
const countText = (page: Page) => page.$eval('.header-count', (el) => el.textContent ?? '');

test("the codec counts storage.sync quota exactly as Chromium does (per item, incl. key, JSON quotes, UTF-8, '<' escaping)", async () => {
  const cases = [
    { name: 'ascii', value: 'a'.repeat(SYNC_QUOTA.perItemBytes - 1 - 2) },
    { name: 'utf8', value: 'é'.repeat(3000) + 'a'.repeat(SYNC_QUOTA.perItemBytes - 1 - 2 - 6000) },
    { name: 'lt', value: '<'.repeat(10) + 'a'.repeat(SYNC_QUOTA.perItemBytes - 1 - 2 - 60) },
  ];
  for (const c of cases) expect(itemBytes('q', c.value)).toBe(SYNC_QUOTA.perItemBytes);
  const results = await session.worker.evaluate(async (list: { name: string; value: string }[]) => {
    const chrome = (globalThis as unknown as { chrome: { storage: { sync: { set(i: object): Promise<void>; remove(k: string): Promise<void> } } } }).chrome;
    const out: Record<string, string> = {};
    for (const { name, value } of list) {
      for (const [suffix, v] of [['fits', value], ['over', `${value}a`]] as const) {
        try {
          await chrome.storage.sync.set({ q: v });
          out[`${name}-${suffix}`] = 'ok';
        } catch (e) {
          out[`${name}-${suffix}`] = String((e as Error).message);
        }
        await chrome.storage.sync.remove('q');
      }
    }
    return out;
  }, cases);
  for (const c of cases) {
    expect(results[`${c.name}-fits`]).toBe('ok');
    expect(results[`${c.name}-over`]).toMatch(/quota/i);
  }
});

test('a config too big for sync is kept in local storage and the UI says so; a smaller one goes back to sync', async () => {
  // 8,000 profiles, each in its own random account: over 100 KB compressed.
  const big = generateConfig(8000, { ownAccounts: true, seed: 3 });
  const encoded = await encodeConfig(big);
  expect(planSyncWrite(encoded, 'g', 0).fits).toBe(false);

  await importThroughPage(session, SEED_CONFIG);
  const { page: options, result } = await importThroughPage(session, big);
  expect(result).toContain('Imported 8,000 roles');
  expect(result).toContain('Your config is in local storage only: it is too big for sync');
  await until(options, () => document.querySelector('[data-testid="stored-status"]')?.textContent?.includes('in this browser only'));

  const dump = await dumpStorage(session);
  expect(dump.sync[POINTER_KEY]).toMatchObject({ where: 'local' });
  expect(Object.keys(dump.sync).filter((k) => k.startsWith('c.'))).toEqual([]);

  const { popup, errors } = await openPopup();
  await waitForProblem(popup, 'Your config is in local storage only: it is too big for sync');
  expect(await countText(popup)).toBe('8,000 roles');

  // Undo brings the small config back, into sync, and the open popup follows.
  const { page: again } = { page: options };
  await again.bringToFront();
  await clickButton(again, 'Undo import');
  await confirmChange(again);
  await until(again, () => document.querySelector('.result')?.textContent?.includes('Restored'));
  await until(popup, () => document.querySelector('.header-count')?.textContent === '3 roles');
  expect(await problemText(popup)).toBe('');
  expect((await dumpStorage(session)).sync[POINTER_KEY]).toMatchObject({ where: 'sync' });
  expect(errors).toEqual([]);
});

test('two large configs in a row: when old and new do not fit side by side, the old generation makes room first', async () => {
  const a = generateConfig(3800, { ownAccounts: true, seed: 21 });
  const b = generateConfig(3800, { ownAccounts: true, seed: 22 });
  const [ea, eb] = [await encodeConfig(a), await encodeConfig(b)];
  const [pa, pb] = [planSyncWrite(ea, 'g1', 0), planSyncWrite(eb, 'g2', 0)];
  expect(pa.fits && pb.fits).toBe(true);
  expect(pa.bytes + pb.bytes).toBeGreaterThan(SYNC_QUOTA.totalBytes);

  await importThroughPage(session, a);
  const { result } = await importThroughPage(session, b);
  expect(result).toContain('Saved in sync storage');
  const dump = await dumpStorage(session);
  const pointer = dump.sync[POINTER_KEY] as { gen: string; n: number; sum: string; where: string };
  expect(pointer).toMatchObject({ where: 'sync', sum: eb.sum });
  // Only the new generation's chunks are left, all of them.
  const chunks = Object.keys(dump.sync).filter((k) => k.startsWith('c.'));
  expect(chunks.sort()).toEqual(Array.from({ length: pointer.n }, (_, i) => chunkKey(pointer.gen, i)).sort());

  const { popup, errors } = await openPopup();
  await until(popup, () => document.querySelectorAll('.notice').length === 0 && document.querySelector('.header-count')?.textContent === '3,800 roles');
  // Undo brings back the first one (kept in this browser's storage meanwhile).
  const options = await openImportPage(session);
  await clickButton(options, 'Undo import');
  await confirmChange(options);
  await until(options, () => document.querySelector('.result')?.textContent?.includes('Restored'));
  expect(((await dumpStorage(session)).sync[POINTER_KEY] as { sum: string }).sum).toBe(ea.sum);
  expect(errors).toEqual([]);
});

test('a missing chunk: the popup and the import page say so and show the last good config', async () => {
  const medium = generateConfig(2500, { ownAccounts: true, seed: 5 });
  await importThroughPage(session, medium);
  const before = await dumpStorage(session);
  const pointer = before.sync[POINTER_KEY] as { gen: string; n: number };
  expect(pointer.n).toBeGreaterThanOrEqual(2);
  await inWorker(session, async (s) => {
    const p = (await s.sync.get('cfg')).cfg as { gen: string };
    await s.sync.remove(`c.${p.gen}.1`);
  });
  expect((await dumpStorage(session)).sync[chunkKey(pointer.gen, 1)]).toBeUndefined();

  const { popup, errors } = await openPopup();
  const problem = await waitForProblem(popup, 'The synced config is incomplete');
  expect(problem).toContain(`The synced config is incomplete: part 2 of ${pointer.n} is missing`);
  expect(problem).toContain('Showing the last good config saved in this browser.');
  expect(await countText(popup)).toBe('2,500 roles');

  const options = await openImportPage(session);
  await until(options, () => document.querySelector('.stored-status-wrap')?.textContent?.includes('part 2 of'));

  // Importing again repairs sync; the open popup clears its message.
  await importThroughPage(session, medium, options);
  await until(popup, () => !document.querySelector('.notice'));
  expect(await countText(popup)).toBe('2,500 roles');
  expect(errors).toEqual([]);
});

test('an interrupted save (pointer written, chunks not) keeps showing the previous config', async () => {
  await importThroughPage(session, SEED_CONFIG);
  // Another browser's save whose chunks sync has not delivered: a pointer to chunks that are not there.
  const other = await encodeConfig('[profile elsewhere-prod]\nrole_arn = arn:aws:iam::999999999999:role/Admin\n');
  const plan = planSyncWrite(other, 'zzzzzz99', 0, Date.now() + 1000);
  await syncSet(session, { [POINTER_KEY]: plan.pointer });

  const { popup, errors } = await openPopup();
  await waitForProblem(popup, 'part 1 of 1 is missing');
  expect(await profiles(popup)).toEqual(['alfie-development', 'alfie-qa', 'alfie-production']);

  // When the chunk arrives, the open popup shows the new config without a message.
  await syncSet(session, plan.chunks);
  await until(popup, () => !!document.querySelector('.row-entry[data-profile="elsewhere-prod"]'));
  expect(await problemText(popup)).toBe('');
  expect(errors).toEqual([]);
});

test('garbage from an older version or damage: clear messages, last good config, salvaged settings, never a crash', async () => {
  await importThroughPage(session, SEED_CONFIG);
  await inWorker(session, async (s) => {
    const chunks = Object.keys(await s.sync.get(null)).filter((k) => k.startsWith('c.'));
    await s.sync.remove(chunks);
    // An "older version" layout, a stray chunk, settings with one bad field, a damaged cache.
    await s.sync.set({ cfg: { v: 0, text: '[profile old]\nrole_arn = arn:aws:iam::123123123123:role/Old\n' }, 'c.junk.0': 42, settings: { bannerEnabled: 'yes', favourites: ['alfie-qa'] } });
    await s.local.set({ 'catalogue.cache': { v: 1, sum: 'x', catalogue: 'nope' } });
  });
  const { popup, errors } = await openPopup();
  const problem = await waitForProblem(popup, 'not in a format this version understands');
  expect(problem).toContain('The synced config record is not in a format this version understands');
  expect(problem).toContain('Showing the last good config saved in this browser.');
  const rows = await profiles(popup);
  // The good favourite survived the bad field next to it.
  expect(rows[0]).toBe('alfie-qa');
  expect(rows.slice(1)).toEqual(['alfie-development', 'alfie-qa', 'alfie-production']);
  expect(errors).toEqual([]);

  // A newer version's record asks for an update.
  await inWorker(session, (s) => s.sync.set({ cfg: { v: 2, gen: 'x' } }));
  await until(popup, () => document.querySelector('.notice')?.textContent?.includes('newer version of Role Switchboard'));

  // Garbage everywhere, the local copy too: an explanation and the empty state, not a blank.
  await inWorker(session, async (s) => {
    await s.sync.set({ cfg: 'garbage' });
    await s.local.set({ 'config.current': { v: 1, sum: 'nonsense' }, 'config.previous': [1, 2, 3] });
  });
  const { popup: popup2, errors: errors2 } = await openPopup();
  await find(popup2, '.empty-state');
  const everything = await waitForProblem(popup2, 'No earlier copy exists');
  expect(everything).toContain('not in a format this version understands');
  expect(everything).toContain('No earlier copy exists in this browser: import your config again.');
  expect(await popup2.$eval('.empty-state', (el) => el.textContent)).toContain('No roles yet');
  expect(errors2).toEqual([]);
  const options = await openImportPage(session);
  const optionErrors = collectErrors(options);
  await until(options, () => document.querySelector('.stored-status-wrap')?.textContent?.includes('No earlier copy exists'));
  expect(optionErrors).toEqual([]);
});
