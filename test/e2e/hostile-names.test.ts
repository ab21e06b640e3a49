// Profile names are untrusted text: markup in them must render as the literal characters and
// execute nothing, in the import preview and in the popup; very long, right-to-left and
// emoji names must not break the layout.
import type { Page } from 'puppeteer-core';
import { collectErrors, type ExtensionSession } from './harness';
import { accessibleName, find, importThroughPage, pasteConfig, until } from './ui-helpers';
import { useCleanExtension } from './clean-session';

jest.setTimeout(60000);

let session: ExtensionSession;
useCleanExtension((launched) => (session = launched));

const IMG = '<img src=x onerror=window.__pwned=1>-prod';
const SCRIPT = '"><script>window.__pwned=2</script>';
const BOLD = '<b>bold</b>-dev';
const LONG = `${'very-long-name-'.repeat(20)}staging`;
const RTL = 'מערכת-תשלומים-prod';
const EMOJI = '🚀-rocket-🔥-dev';
const NAMES = [IMG, SCRIPT, BOLD, LONG, RTL, EMOJI];

const HOSTILE_CONFIG = `[default]
region = us-east-1
[profile "${IMG}"]
role_arn = arn:aws:iam::111111111111:role/Admin
[profile '${SCRIPT}']
role_arn = arn:aws:iam::222222222222:role/Admin
[profile ${BOLD}]
role_arn = arn:aws:iam::333333333333:role/Admin
[profile ${LONG}]
role_arn = arn:aws:iam::444444444444:role/Admin
[profile ${RTL}]
role_arn = arn:aws:iam::555555555555:role/Admin
[profile ${EMOJI}]
role_arn = arn:aws:iam::666666666666:role/Admin
[profile svg-in-role]
role_arn = arn:aws:iam::777777777777:role/<svg/onload=window.__pwned=3>
`;

/** Records CSP violations: an inline handler that tried to run would show up here. */
async function watchViolations(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(e.violatedDirective));
  });
}

async function assertInert(page: Page): Promise<void> {
  const facts = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    violations: (window as unknown as { __violations?: string[] }).__violations ?? [],
    injected: document.querySelectorAll('#root img, #root script, #root b, #root iframe, #root svg:not([aria-hidden="true"])').length,
  }));
  expect(facts).toEqual({ pwned: undefined, violations: [], injected: 0 });
}

test('hostile names in the import preview are text and run nothing', async () => {
  const page = await session.browser.newPage();
  await watchViolations(page);
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  const errors = collectErrors(page);
  await pasteConfig(page, HOSTILE_CONFIG);
  await find(page, '.preview-list .row-entry');
  const shown = await page.$$eval('.preview-list .role-profile', (els) => els.map((e) => e.textContent));
  for (const name of NAMES) expect(shown).toContain(name);
  // The invalid role name is skipped with a reason, shown as text too.
  const skipped = await page.$eval('.preview', (el) => el.textContent ?? '');
  expect(skipped).toContain('svg-in-role');
  await assertInert(page);
  expect(errors).toEqual([]);
});

test('hostile names in the popup are text, run nothing, filter literally and keep the layout', async () => {
  await importThroughPage(session, HOSTILE_CONFIG);
  const popup = await session.browser.newPage();
  await watchViolations(popup);
  await popup.setViewport({ width: 460, height: 580 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const errors = collectErrors(popup);
  await find(popup, '.row-entry');
  // Every name is in the list (scrolling through the windowed list to see them all).
  const seen = new Set<string>();
  for (let top = 0; top < 3000; top += 200) {
    await popup.$eval('.role-list', (el, y) => ((el as HTMLElement).scrollTop = y), top);
    await new Promise((r) => setTimeout(r, 30));
    for (const t of await popup.$$eval('.role-profile', (els) => els.map((e) => e.textContent ?? ''))) seen.add(t);
  }
  for (const name of NAMES) expect(seen).toContain(name);
  await assertInert(popup);

  // Filtering by markup finds it literally; a markup query is echoed as text when nothing matches.
  await popup.$eval('.role-list', (el) => ((el as HTMLElement).scrollTop = 0));
  await popup.type('aria/Search roles', '<img');
  await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
  expect(await popup.$eval('.row-entry .role-profile', (el) => el.textContent)).toBe(IMG);
  // The button's accessible name starts with the literal name.
  expect((await accessibleName(popup, '.row-entry .role-main')).startsWith(IMG)).toBe(true);
  await popup.$eval('aria/Search roles', (el) => {
    (el as HTMLInputElement).value = '<script>window.__pwned=4</script>';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await find(popup, '.no-match');
  expect(await popup.$eval('.no-match q', (el) => el.textContent)).toBe('<script>window.__pwned=4</script>');
  await assertInert(popup);

  // Long, RTL and emoji names: rows keep their height and nothing scrolls sideways.
  await popup.$eval('aria/Search roles', (el) => {
    (el as HTMLInputElement).value = 'very-long';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
  const layout = await popup.evaluate(() => {
    const row = document.querySelector('.row-entry')!.getBoundingClientRect();
    return { height: row.height, rowRight: row.right, width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth };
  });
  // (The compact density's one-line row, ROW_HEIGHTS in src/ui/role-list.tsx.)
  expect(layout.height).toBe(24);
  expect(layout.rowRight).toBeLessThanOrEqual(layout.width);
  expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
  expect(errors).toEqual([]);
});
