// Issue 10 items 2-4, in the real build: no import removes roles without asking, Undo is a
// history, "Add to my config" merges, writes from two pages at once all land, and odd input
// (a lone surrogate, an over-large paste, a sync area full of other data) gets a plain message.
import type { Page } from 'puppeteer-core';
import { POINTER_KEY } from '../../src/core/storage/storage-keys';
import { collectErrors, type ExtensionSession } from './harness';
import { useCleanExtension } from './clean-session';
import { clickButton, clickImport, confirmChange, dumpStorage, find, generateConfig, importThroughPage, pasteConfig, SEED_CONFIG, syncSet, until, openImportPage } from './ui-helpers';

jest.setTimeout(60000);

let session: ExtensionSession;
useCleanExtension((launched) => (session = launched));

const storedSum = async () => ((await dumpStorage(session)).local['config.current'] as { sum: string } | undefined)?.sum;
const storedStatus = (page: Page) => page.$eval('[data-testid="stored-status"]', (el) => el.textContent ?? '');
const resultText = (page: Page) => page.$eval('.result', (el) => el.textContent ?? '');

test('with 120 roles stored, a text with 0 usable roles asks first; Cancel keeps every role; only a yes removes them', async () => {
  const big = generateConfig(120, { seed: 9 });
  const { page, result } = await importThroughPage(session, big);
  expect(result).toContain('Imported 120 roles');
  const errors = collectErrors(page);
  const before = await storedSum();

  const { asked } = await importThroughPage(session, '# [profile shop-dev]\n# role_arn = arn:aws:iam::111122223333:role/Ops\n', page, { confirm: false });
  expect(asked).toBe(true);
  const dialog = await find(page, '[data-testid="confirm-change"]');
  expect(await dialog.evaluate((el) => el.getAttribute('role'))).toBe('alertdialog');
  expect(await dialog.evaluate((el) => el.querySelector('h3')?.textContent)).toBe('This import has no usable roles: it would remove all 120 roles you have.');
  expect(await dialog.evaluate((el) => el.querySelector('.confirm-counts')?.textContent)).toBe('0 roles added · 120 roles removed · 0 roles changed · 0 roles unchanged');
  expect(await dialog.evaluate((el) => el.querySelector('.button.danger')?.textContent)).toBe('Remove all 120 roles');
  // Nothing was saved while it asks.
  expect(await storedSum()).toBe(before);

  await clickButton(page, 'Cancel');
  await until(page, () => !document.querySelector('[data-testid="confirm-change"]') && document.querySelector('.result')?.textContent?.endsWith('Nothing was changed.'));
  expect(await storedSum()).toBe(before);
  expect(await storedStatus(page)).toContain('120 roles');

  await clickImport(page);
  await confirmChange(page);
  await until(page, () => document.querySelector('[data-testid="stored-status"]')?.textContent?.includes(': 0 roles,'));
  expect(await storedSum()).not.toBe(before);
  expect(errors).toEqual([]);
});

test('Undo walks back through the history one import at a time; each item has its date and counts and can be restored', async () => {
  const configs = [SEED_CONFIG, generateConfig(7, { seed: 1 }), generateConfig(12, { seed: 2 })];
  let page: Page | undefined;
  for (const text of configs) page = (await importThroughPage(session, text, page)).page;
  const options = page!;
  await until(options, () => document.querySelectorAll('[data-testid="history-item"]').length === 3);
  const items = () => options.$$eval('[data-testid="history-item"]', (els) => els.map((el) => el.textContent ?? ''));
  const listed = await items();
  expect(listed.map((t) => /(\d+) roles?/.exec(t)?.[1])).toEqual(['12', '7', '3']);
  expect(listed[0]).toContain('Current');
  for (const t of listed) expect(t).toMatch(/Imported \d+\/\d+\/\d{4}, \d+:\d+:\d+/);

  // Undo twice: 12 → 7 → 3 (a swap would go back to 12).
  for (const roles of ['7 roles', '3 roles']) {
    await clickButton(options, 'Undo import');
    await confirmChange(options);
    await until(options, (r: string) => document.querySelector('[data-testid="stored-status"]')?.textContent?.includes(`: ${r},`), roles);
  }
  expect((await items()).map((t) => t.includes('Current'))).toEqual([false, false, true]);
  expect(await find(options, 'aria/Undo import[role="button"]').then((b) => b.evaluate((el) => (el as HTMLButtonElement).disabled))).toBe(true);

  // Any item can be restored: back to the newest.
  await (await find(options, '[data-testid="history-item"]:first-child button')).click();
  await confirmChange(options);
  await until(options, () => document.querySelector('[data-testid="stored-status"]')?.textContent?.includes(': 12 roles,'));
  expect(await resultText(options)).toContain('Restored a config with 12 roles');
  expect((await items()).map((t) => t.includes('Current'))).toEqual([true, false, false]);
});

test('Add to my config: new profiles are added, same-named ones are kept and reported, nothing is removed', async () => {
  const { page } = await importThroughPage(session, SEED_CONFIG);
  const second = `[profile alfie-production]
role_arn = arn:aws:iam::999999999999:role/Impostor

[profile billing-dev]
role_arn = arn:aws:iam::111122223333:role/Ops
`;
  const { result, asked } = await importThroughPage(session, second, page, { mode: 'merge' });
  expect(asked).toBe(false);
  expect(result).toContain('Your config now has 4 roles.');
  expect(result).toContain('Added 1 section.');
  expect(result).toContain('Kept yours for 1 same-named section: [profile alfie-production].');
  const text = await page.$eval('#config-text', (el) => (el as HTMLTextAreaElement).value);
  expect(text.startsWith(SEED_CONFIG)).toBe(true);
  expect(text).toContain('[profile billing-dev]');
  expect(text).not.toContain('Impostor');
  await until(page, () => document.querySelector('[data-testid="stored-status"]')?.textContent?.includes(': 4 roles,'));
});

test('many changes at once from two pages (settings on the import page, pins in the popup) all land', async () => {
  const { page: options } = await importThroughPage(session, generateConfig(30, { seed: 4 }));
  const popup = await session.openPage('popup.html');
  await find(popup, '.row-entry');
  const pins = await popup.$$eval('.row-entry', (rows) => rows.map((r) => r.getAttribute('data-profile')!));
  expect(pins.length).toBeGreaterThanOrEqual(8);
  // Every change starts in the same task, before any of them has been written.
  await Promise.all([
    popup.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.row-entry .pin').forEach((b) => b.click())),
    options.evaluate(() => {
      (document.querySelector('input[name="banner-position"][value="bottom"]') as HTMLInputElement).click();
      for (const text of ['Show the banner on console pages', 'Prefix production tab titles with [PROD]', 'Submit the pre-filled Switch Role form for me']) {
        (Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.includes(text))!.querySelector('input') as HTMLInputElement).click();
      }
    }),
  ]);
  const expected = { bannerPosition: 'bottom', bannerEnabled: false, titlePrefix: false, autoSubmitSwitchForm: false };
  const deadline = Date.now() + 10000;
  let settings: Record<string, unknown> = {};
  while (Date.now() < deadline) {
    settings = (await dumpStorage(session)).sync.settings as Record<string, unknown>;
    if (settings && (settings.favourites as string[]).length === pins.length && settings.bannerEnabled === false && settings.autoSubmitSwitchForm === false) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(settings).toMatchObject(expected);
  expect([...(settings.favourites as string[])].sort()).toEqual([...pins].sort());
  // Both pages show what was stored.
  await until(options, () => (document.querySelector('input[name="banner-position"][value="bottom"]') as HTMLInputElement).checked);
  await until(popup, (n: number) => document.querySelectorAll('.pin.pinned').length >= n, Math.min(pins.length, 8));
});

test('a lone UTF-16 surrogate: a diagnostic with its line, and the rest imports', async () => {
  const text = '[profile ok-dev]\nrole_arn = arn:aws:iam::111122223333:role/Ops\n\n[profile broken\uD800-dev]\nrole_arn = arn:aws:iam::111122224444:role/Ops\n';
  const { page, result } = await importThroughPage(session, text);
  expect(result).toContain('Imported 2 roles.');
  expect(result).toContain('1 line with a broken character repaired.');
  expect(result).not.toMatch(/internal error/i);
  await pasteConfig(page, text);
  const issue = await find(page, '.issue-error');
  expect(await issue.evaluate((el) => el.textContent)).toMatch(/^Line 4error.*broken character/);
});

test('a paste over 5 MB gets the same plain message as a file, and nothing else happens', async () => {
  const page = await openImportPage(session);
  await find(page, '#config-text');
  await page.evaluate(() => {
    const box = document.querySelector('#config-text') as HTMLTextAreaElement;
    box.value = `[profile x]\n# ${'y'.repeat(5.5 * 1024 * 1024)}\n`;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const notice = await find(page, '.preview-card .notice-error');
  expect(await notice.evaluate((el) => el.textContent)).toBe('!The preview failedThe pasted text is 5632 KB: that is not an AWS config (the limit is 5 MB).');
});

test('sync full of other data says so, in KB, and never shows the browser\'s quota error', async () => {
  // 99 KB of someone else's items in sync (another version, another tool): the seed's chunks do not fit beside them.
  const filler: Record<string, string> = {};
  for (let i = 0; i < 13; i++) filler[`other.${i}`] = 'z'.repeat(7600);
  await syncSet(session, filler);
  const { result } = await importThroughPage(session, generateConfig(600, { ownAccounts: true, seed: 8 }));
  expect(result).toMatch(/sync storage is full \(\d+ KB of its 100 KB are used by other data, such as settings\)/);
  expect(result).not.toMatch(/QUOTA|quota/);
  expect((await dumpStorage(session)).sync[POINTER_KEY]).toMatchObject({ where: 'local' });
});

test('a paste too long for the text box stays out of it: its size is shown, the preview and the import read all of it', async () => {
  const page = await openImportPage(session);
  const text = generateConfig(2000, { seed: 6 });
  expect(text.length).toBeGreaterThan(100 * 1024);
  // A real paste from the clipboard (Ctrl+V), as a user makes it.
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.grantPermissions', { origin: `chrome-extension://${session.extensionId}`, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
  await page.bringToFront();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.focus('#config-text');
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  await until(page, () => document.querySelector('[data-testid="preview-summary"]')?.textContent?.startsWith('2,000 roles'));
  expect(await page.$eval('#config-text', (el) => (el as HTMLTextAreaElement).value)).toBe('');
  const lines = text.split('\n').length;
  expect(await page.$eval('[data-testid="big-text"]', (el) => el.textContent)).toBe(
    `${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${lines.toLocaleString('en')} lines: too long to show here. The preview reads all of it; paste or type here to start over.Clear`,
  );
  await clickImport(page);
  await until(page, () => document.querySelector('.result')?.textContent?.includes('Imported 2,000 roles'));
  // What was stored is the whole text.
  const exported = await session.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { sum: string }>> } } } }).chrome;
    return (await c.storage.local.get('config.current'))['config.current']!.sum;
  });
  const { checksumText } = await import('../../src/core/storage');
  expect(exported).toBe(await checksumText(text));
  // Typing starts a new, short text in the box.
  await page.evaluate(() => {
    const box = document.querySelector('#config-text') as HTMLTextAreaElement;
    box.value = '[profile one-dev]\nrole_arn = arn:aws:iam::111122223333:role/Ops\n';
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await until(page, () => !document.querySelector('[data-testid="big-text"]') && document.querySelector('[data-testid="preview-summary"]')?.textContent?.startsWith('1 role'));
});
