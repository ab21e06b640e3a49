// Issue 15 §3 proof: long lists that scan. Over issue 15's examples' catalogue (40 accounts × 3
// roles): the compact density shows at least 16 roles; the account is named once per run of an
// account; app groups fold and stay folded; Home/End/PageUp/PageDown; one Tab stop per row.
// And: the region where a group's roles differ by it, GovCloud/China/Sovereign Cloud in words,
// the config's own order as a setting.
import type { Page } from 'puppeteer-core';
import { fortyAccounts } from '../fixtures/forty-accounts';
import { useCleanExtension } from './clean-session';
import type { ExtensionSession } from './harness';
import { importThroughPage, inWorker, openActionPopup, openWebTab, renderedRows, until, waitForRecord, type RowInfo } from './ui-helpers';

jest.setTimeout(90000);

let session: ExtensionSession;
useCleanExtension((launched) => (session = launched));

const entriesOf = (rows: (RowInfo | string)[]) => rows.filter((r): r is RowInfo => typeof r !== 'string');
const active = async (popup: Page) => entriesOf(await renderedRows(popup)).find((r) => r.active)?.profile;

async function popupOver(config: string): Promise<Page> {
  await importThroughPage(session, config);
  const { page: tab } = await openWebTab(session);
  return openActionPopup(session, tab);
}

async function patchSettings(patch: Record<string, unknown>): Promise<void> {
  const items = (await inWorker(session, (s) => s.sync.get('settings'))) as { settings?: Record<string, unknown> };
  const next = { ...(items.settings ?? {}), ...patch };
  await session.worker.evaluate((value) => (globalThis as unknown as { chrome: { storage: { sync: { set(i: unknown): Promise<void> } } } }).chrome.storage.sync.set({ settings: value }), next);
}

test('compact: at least 16 roles fully in view, one line each; the account named once per run of an account', async () => {
  const popup = await popupOver(fortyAccounts());
  const inView = await popup.$eval('.role-list', (list) => {
    const box = list.getBoundingClientRect();
    return Array.from(list.querySelectorAll('.row-entry')).filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    }).length;
  });
  expect(inView).toBeGreaterThanOrEqual(16);
  // Each account has three roles in a row: its ID is shown on the first, and only read out (not shown) on the others.
  const runs = await popup.$$eval('.row-entry', (rows) =>
    rows
      .map((row) => ({ top: new DOMMatrix(getComputedStyle(row).transform).m42, account: row.querySelector('.role-main .role-account') }))
      .sort((a, b) => a.top - b.top)
      .map(({ account }) => (account?.classList.contains('visually-hidden') ? `hidden ${account.textContent}` : `shown ${account?.textContent}`)),
  );
  expect(runs.slice(0, 6)).toEqual([
    expect.stringMatching(/^shown \d{4}-\d{4}-\d{4}$/),
    expect.stringMatching(/^hidden \d{4}-\d{4}-\d{4}$/),
    expect.stringMatching(/^hidden \d{4}-\d{4}-\d{4}$/),
    expect.stringMatching(/^shown \d{4}-\d{4}-\d{4}$/),
    expect.stringMatching(/^hidden /),
    expect.stringMatching(/^hidden /),
  ]);
  expect(runs[0]!.slice(6)).toBe(runs[1]!.slice(7));
  expect(runs[3]!.slice(6)).not.toBe(runs[0]!.slice(6));
  // The hidden ones are still in the role's accessible name.
  const second = entriesOf(await renderedRows(popup))[1]!;
  expect(second.text).toMatch(/\d{4}-\d{4}-\d{4}$/);
});

test('an app group folds from its header and stays folded the next time the popup opens', async () => {
  const popup = await popupOver(fortyAccounts());
  const rows = await renderedRows(popup);
  expect(rows[0]).toBe('# billing');
  const toggle = await popup.$('.row-header[data-app="billing"] .group-toggle');
  expect(await toggle!.evaluate((b) => b.getAttribute('aria-expanded'))).toBe('true');
  await toggle!.click();
  await until(popup, () => !document.querySelector('.row-entry[data-profile^="billing-"]'));
  expect(await popup.$eval('.row-header[data-app="billing"] .group-toggle', (b) => b.getAttribute('aria-expanded'))).toBe('false');
  // The folded header still counts its roles, and the next group follows it.
  expect(await popup.$eval('.row-header[data-app="billing"] .group-count', (c) => c.textContent)).toBe('12 roles');
  expect((await renderedRows(popup))[1]).toBe('# catalog');
  await waitForRecord<{ collapsedApps?: string[] }>(session, 'sync', 'settings', (s) => s?.collapsedApps?.includes('billing') === true);

  const { page: tab } = await openWebTab(session);
  const again = await openActionPopup(session, tab);
  expect((await renderedRows(again)).slice(0, 2)).toEqual(['# billing', '# catalog']);
  // A search still finds the folded group's roles.
  await again.type('aria/Search roles', 'billing prod ro');
  await until(again, () => document.querySelector('.row-entry')?.getAttribute('data-profile') === 'billing-prod-readonly');
});

test('Home, End, PageDown, PageUp move the active role; one Tab stop per row, ← → reach its buttons', async () => {
  const popup = await popupOver(fortyAccounts());
  // The whole list first: until it replaces the first screen (the head, 40 of the 120 roles), End
  // goes to the head's last role, which then stays active (a refresh never moves the role under Enter).
  await until(popup, () => performance.getEntriesByName('rsb:complete').length > 0);
  await popup.keyboard.press('End');
  expect(await active(popup)).toBe('search-prod-readonly');
  await popup.keyboard.press('Home');
  expect(await active(popup)).toBe('billing-dev-admin');
  await popup.keyboard.press('PageDown');
  const afterPage = await active(popup);
  expect(afterPage).not.toBe('billing-dev-admin');
  await popup.keyboard.press('PageUp');
  expect(await active(popup)).toBe('billing-dev-admin');

  // Tab from the search box: the first group's fold button, then the first role, then the second role (not its copy button).
  const focused = () => popup.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return el.closest('.row-entry') ? `${el.className.split(' ')[0]} ${el.closest('.row-entry')!.getAttribute('data-profile')}` : el.className;
  });
  await popup.keyboard.press('Tab');
  expect(await focused()).toBe('group-toggle');
  await popup.keyboard.press('Tab');
  expect(await focused()).toBe('role-main billing-dev-admin');
  await popup.keyboard.press('Tab');
  expect(await focused()).toBe('role-main billing-dev-poweruser');
  await popup.keyboard.press('ArrowRight');
  expect(await focused()).toBe('icon-button billing-dev-poweruser');
  await popup.keyboard.press('ArrowRight');
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Pin billing-dev-poweruser');
  await popup.keyboard.press('ArrowLeft');
  await popup.keyboard.press('ArrowLeft');
  expect(await focused()).toBe('role-main billing-dev-poweruser');
});

const WHERE_CONFIG = `[default]
region = us-east-1

[profile shop-dev]
role_arn = arn:aws:iam::111111111111:role/Dev
source_profile = default

[profile shop-dev-us]
role_arn = arn:aws:iam::111111111111:role/Dev
region = us-west-2
source_profile = default

[profile shop-dev-eu]
role_arn = arn:aws:iam::111111111111:role/Dev
region = eu-central-1
source_profile = default

[profile zeta-prod]
role_arn = arn:aws:iam::222222222222:role/Ops
region = us-east-1
source_profile = default

[profile gov-ops-test]
role_arn = arn:aws-us-gov:iam::567890123456:role/GovOps
source_profile = default

[profile cnops-staging]
role_arn = arn:aws-cn:iam::678901234567:role/team/CnDeploy
source_profile = default

[profile sovereign-staging]
role_arn = arn:aws-eusc:iam::789012345678:role/EuOps
region = eusc-de-east-1
source_profile = default
`;

test('the region where roles of a group differ by it; GovCloud, China and Sovereign Cloud marked; the config order as a setting', async () => {
  const popup = await popupOver(WHERE_CONFIG);
  const rowOf = (profile: string) =>
    popup.$eval(`.row-entry[data-profile="${profile}"]`, (row) => ({
      region: row.querySelector('.role-region')?.textContent ?? null,
      mark: row.querySelector('.partition-mark')?.textContent ?? null,
    }));
  expect(await rowOf('shop-dev-us')).toEqual({ region: 'us-west-2', mark: null });
  expect(await rowOf('shop-dev-eu')).toEqual({ region: 'eu-central-1', mark: null });
  // zeta has one role: its region says nothing a row would need.
  expect(await rowOf('zeta-prod')).toEqual({ region: null, mark: null });
  expect((await rowOf('gov-ops-test')).mark).toBe('GovCloud');
  expect((await rowOf('cnops-staging')).mark).toBe('China');
  expect((await rowOf('sovereign-staging')).mark).toBe('EU Sovereign');

  await patchSettings({ listOrder: 'config' });
  const { page: tab } = await openWebTab(session);
  const inOrder = await openActionPopup(session, tab);
  const rows = await renderedRows(inOrder);
  expect(rows[0]).toBe('# All roles, in config order');
  expect(entriesOf(rows).map((r) => r.profile)).toEqual(['shop-dev', 'shop-dev-us', 'shop-dev-eu', 'zeta-prod', 'gov-ops-test', 'cnops-staging', 'sovereign-staging']);
});
