// Issue 15 §5 "The import page teaches", in the real build: the app, env and color keys are
// explained on the page with an example that copies and imports as it says; a [default] with no
// role is not reported as a problem; a secret is told about once; the page's colour fills the
// window however short the page is.
import { useCleanExtension } from './clean-session';
import type { ExtensionSession } from './harness';
import { clickButton, find, importThroughPage, pasteConfig, until, openImportPage } from './ui-helpers';

jest.setTimeout(60000);

let session: ExtensionSession;
useCleanExtension((launched) => (session = launched));

test('the app, env and color keys are explained on the page, with an example that copies, and imports as explained', async () => {
  const page = await openImportPage(session);
  const help = await find(page, '[data-testid="keys-help"]');
  const text = await help.evaluate((el) => el.textContent ?? '');
  for (const key of ['app = payments', 'env = production', 'color = d13212']) expect(text).toContain(key);
  await session.browser.defaultBrowserContext().overridePermissions(`chrome-extension://${session.extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  await clickButton(page, 'Copy example');
  await until(page, () => [...document.querySelectorAll('[data-testid="keys-help"] button')].some((b) => b.textContent === 'Copied'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.$eval('[data-testid="keys-example"]', (el) => el.textContent));
  // The example does what the page says: app payments, production, the colour given.
  await pasteConfig(page, copied);
  await until(page, () => !!document.querySelector('[data-testid="preview-summary"]'), undefined, 30000);
  expect(await page.$eval('[data-testid="preview-summary"]', (el) => el.textContent)).toMatch(/^1 role in 1 app · 1 production · 0 skipped profiles · 0 errors, 0 warnings/);
  expect(await page.$eval('.preview-list .group-name', (el) => el.textContent)).toBe('payments');
  await page.close();
});

test('a [default] with no role of its own is not reported as a problem: said quietly, not counted as skipped', async () => {
  const config = '[default]\nregion = eu-west-1\noutput = json\n\n[profile shop-dev]\nrole_arn = arn:aws:iam::111111111111:role/Dev\nsource_profile = default\n';
  const page = await openImportPage(session);
  await pasteConfig(page, config);
  await until(page, () => !!document.querySelector('[data-testid="preview-summary"]'), undefined, 30000);
  expect(await page.$eval('[data-testid="preview-summary"]', (el) => el.textContent)).toMatch(/0 skipped profiles · 0 errors, 0 warnings$/);
  expect(await page.$$eval('.issue-skipped', (items) => items.length)).toBe(0);
  expect(await page.$eval('[data-testid="expected-skip"]', (el) => el.textContent)).toBe("[default] (line 1) is not listed, as expected: it has no role of its own, and holds the AWS CLI's defaults.");
  const { result } = await importThroughPage(session, config, page);
  expect(result).toContain('Imported 1 role');
  expect(result).not.toMatch(/skipped/);
  // A profile skipped for a real reason is still reported.
  await pasteConfig(page, `${config}\n[profile broken]\nrole_arn = arn:aws:iam::12:role/X\n`);
  await until(page, () => /1 skipped profile /.test(document.querySelector('[data-testid="preview-summary"]')?.textContent ?? ''), undefined, 30000);
  expect(await page.$$eval('.issue-skipped .issue-profile', (items) => items.map((i) => i.textContent))).toEqual(['broken']);
  await page.close();
});

test('a secret is told about once: in the secrets notice, not again among the problems', async () => {
  const config =
    '[default]\nregion = eu-west-1\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n[profile shop-dev]\nrole_arn = arn:aws:iam::111111111111:role/Dev\nsource_profile = default\n';
  const page = await openImportPage(session);
  await pasteConfig(page, config);
  await until(page, () => !!document.querySelector('[data-testid="removed-secrets"]'), undefined, 30000);
  const listed = await page.$$eval('[data-testid="removed-secrets"] li', (items) => items.map((i) => i.textContent));
  expect(listed).toEqual(['Line 3 [default] the key aws_access_key_id', 'Line 4 [default] the key aws_secret_access_key']);
  // The whole page mentions the removed keys in that one notice.
  const notices = await page.$$eval('.preview .notice', (els) => els.map((el) => el.querySelector('.notice-title')?.textContent ?? ''));
  expect(notices).toEqual(['Secrets found: they will not be stored']);
  expect(await page.$$eval('.issue', (items) => items.map((i) => i.textContent))).toEqual([]);
  expect(await page.$eval('[data-testid="preview-summary"]', (el) => el.textContent)).toMatch(/0 skipped profiles · 0 errors, 0 warnings$/);
  expect(await page.$eval('.preview', (el) => (el.textContent!.match(/aws_access_key_id/g) ?? []).length)).toBe(1);
  await page.close();
});

test("the page's colour fills the window, however short the page", async () => {
  const page = await openImportPage(session);
  await find(page, '[data-testid="keys-help"]');
  await page.setViewport({ width: 1280, height: 4000 });
  const colours = await page.evaluate(() => {
    const at = (x: number, y: number) => document.elementFromPoint(x, y);
    const bottom = at(5, innerHeight - 5)!;
    return {
      body: getComputedStyle(document.body).backgroundColor,
      html: getComputedStyle(document.documentElement).backgroundColor,
      bodyHeight: document.body.getBoundingClientRect().height,
      innerHeight,
      bottom: getComputedStyle(bottom).backgroundColor,
      bottomTag: bottom.tagName,
    };
  });
  expect(colours.bodyHeight).toBeGreaterThanOrEqual(colours.innerHeight);
  expect(colours.html).toBe(colours.body);
  expect(colours.bottomTag).toBe('BODY');
  await page.close();
});
