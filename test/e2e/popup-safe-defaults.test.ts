// Issue 15 §2 proof: opening the popup never puts a role under Enter by itself (a pinned
// production role included); on a console tab the list opens at "you are here", which works for
// Identity Center roles, aliases and role paths; a switch from a tab that is not a console page
// opens a new tab unless the setting says otherwise.
import type { Page } from 'puppeteer-core';
import { fixtureUrl, openConsoleTab } from './console-pages';
import { useConsoleExtension } from './clean-session';
import type { ExtensionSession } from './harness';
import { find, inWorker, openActionPopup, openWebTab, renderedRows, sleep, until, type RowInfo, openImportPage } from './ui-helpers';

jest.setTimeout(60000);

let session: ExtensionSession;
useConsoleExtension((launched) => (session = launched));

const entriesOf = (rows: (RowInfo | string)[]) => rows.filter((r): r is RowInfo => typeof r !== 'string');
const activeDescendant = (popup: Page) => popup.$eval('aria/Search roles', (el) => el.getAttribute('aria-activedescendant'));

async function setSettings(patch: Record<string, unknown>): Promise<void> {
  await inWorker(session, (s) => s.sync.get('settings')).then(async (items) => {
    const next = { ...((items as Record<string, Record<string, unknown>>).settings ?? {}), ...patch };
    await session.worker.evaluate((value) => (globalThis as unknown as { chrome: { storage: { sync: { set(i: unknown): Promise<void> } } } }).chrome.storage.sync.set({ settings: value }), next);
  });
}

afterEach(async () => {
  await setSettings({ favourites: [], otherTabSwitch: 'new-tab' });
});

test('a pinned production role is not pre-selected: nothing is active until the user types or moves', async () => {
  await setSettings({ favourites: ['alfie-production'] });
  const { page: tab } = await openWebTab(session);
  const popup = await openActionPopup(session, tab);
  const rows = await renderedRows(popup);
  expect(rows.slice(0, 2)).toEqual(['# Pinned', expect.objectContaining({ profile: 'alfie-production', prod: true })]);
  expect(entriesOf(rows).filter((r) => r.active)).toEqual([]);
  expect(await activeDescendant(popup)).toBeNull();
  // Enter with nothing active does nothing: no switch, the popup stays open with its list.
  await popup.keyboard.press('Enter');
  expect(popup.isClosed()).toBe(false);
  expect(await popup.$eval('.status-bar', (el) => el.textContent)).not.toContain('Switching');
  // Moving selects the first role; typing selects the best match.
  await popup.keyboard.press('ArrowDown');
  expect(entriesOf(await renderedRows(popup)).find((r) => r.active)?.profile).toBe('alfie-production');
  await popup.keyboard.type('alfie qa');
  await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
  expect(entriesOf(await renderedRows(popup)).find((r) => r.active)?.profile).toBe('alfie-qa');
});

// Fixture → the profile it is in: an IAM role (classic), an Identity Center permission set (SSO
// profile), an account known by alias only (2024 navigation), a role with a path (China).
const HERE: Array<[string, string, string]> = [
  ['classic-switched-role.html', 'alfie-production', 'IAM role'],
  ['sso-permission-set.html', 'data-lake-staging', 'Identity Center permission set'],
  ['nav-2024-alias.html', 'ledger-production', 'account alias'],
  ['china.html', 'cnops-staging', 'role path (role/team/CnDeploy)'],
];

test.each(HERE)('on %s the list opens at "you are here": %s (%s)', async (fixture, profile) => {
  await setSettings({ favourites: ['alfie-production'] });
  const { page } = await openConsoleTab(session);
  await page.goto(fixtureUrl(fixture));
  const popup = await openActionPopup(session, page);
  await until(popup, () => !!document.querySelector('.row-entry.is-here.is-active'));
  const here = entriesOf(await renderedRows(popup)).filter((r) => r.active);
  expect(here.map((r) => r.profile)).toEqual([profile]);
  const id = await activeDescendant(popup);
  expect(await popup.$eval(`#${id}`, (el) => el.closest('.row-entry')?.getAttribute('data-profile'))).toBe(profile);
  expect(await popup.$eval(`#${id}`, (el) => el.textContent)).toContain('You are here');
  // In view.
  const visible = await popup.$eval(`#${id}`, (el) => {
    const r = el.getBoundingClientRect();
    const box = document.querySelector('.role-list')!.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom ? true : JSON.stringify([r.top, r.bottom, box.top, box.bottom, document.querySelector(".role-list")!.scrollTop, window.innerHeight]);
  });
  expect(visible).toBe(true);
});

test('from a tab that is not a console page, Enter opens a new tab and leaves the page; the setting switches that page instead', async () => {
  const { page: tab, requests } = await openWebTab(session);
  const popup = await openActionPopup(session, tab);
  await popup.keyboard.type('alfie qa');
  await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
  const before = new Set(session.browser.targets());
  const opened = session.browser.waitForTarget((t) => !before.has(t) && t.url().startsWith('https://signin.aws.amazon.com/'), { timeout: 10000 });
  await popup.keyboard.press('Enter').catch(() => {});
  const url = new URL((await opened).url());
  expect(url.searchParams.get('roleName')).toBe('AlfieDeployment');
  expect(requests.some((u) => u.startsWith('https://signin.aws.amazon.com/'))).toBe(false);
  expect(tab.url()).toBe('https://example.test/');

  await setSettings({ otherTabSwitch: 'this-tab' });
  const { page: tab2, requests: requests2 } = await openWebTab(session);
  const popup2 = await openActionPopup(session, tab2);
  await popup2.keyboard.type('alfie qa');
  await until(popup2, () => document.querySelectorAll('.row-entry').length === 1);
  await popup2.keyboard.press('Enter').catch(() => {});
  for (let i = 0; i < 100 && !requests2.some((u) => u.startsWith('https://signin.aws.amazon.com/')); i++) await sleep(50);
  expect(requests2.find((u) => u.startsWith('https://signin.aws.amazon.com/'))).toContain('roleName=AlfieDeployment');
});

test('the import page has the setting, and it is saved to sync', async () => {
  const page = await openImportPage(session);
  const radio = await find(page, 'input[name="other-tab-switch"][value="this-tab"]');
  await radio.click();
  for (let i = 0; i < 100; i++) {
    const stored = (await inWorker(session, (s) => s.sync.get('settings'))) as { settings?: { otherTabSwitch?: string } };
    if (stored.settings?.otherTabSwitch === 'this-tab') break;
    await sleep(50);
  }
  const stored = (await inWorker(session, (s) => s.sync.get('settings'))) as { settings?: { otherTabSwitch?: string } };
  expect(stored.settings?.otherTabSwitch).toBe('this-tab');
});
