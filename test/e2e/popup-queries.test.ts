// Issue 15 Proof: the query table, typed into the real popup over issue 15's examples' catalogue
// (40 accounts × 3 roles, test/fixtures/forty-accounts.ts): for each query, the role the popup
// puts under Enter (the active row, aria-activedescendant) is the one a person would pick. The
// same table is the search's unit test; here it runs through the built extension's popup.
import type { Page } from 'puppeteer-core';
import { FIRST, fortyAccounts } from '../fixtures/forty-accounts';
import { useCleanExtension } from './clean-session';
import type { ExtensionSession } from './harness';
import { importThroughPage, openActionPopup, openWebTab, until } from './ui-helpers';

jest.setTimeout(120000);

let session: ExtensionSession;
useCleanExtension((launched) => (session = launched));

/** Replaces the query (as typing does: one input event per key) and waits for the list to show it. */
async function query(popup: Page, text: string): Promise<void> {
  await popup.$eval('aria/Search roles', (el) => {
    (el as HTMLInputElement).value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await popup.type('aria/Search roles', text);
  // (Preact renders an input's update in a microtask: once the box holds the query as a later
  // evaluation reads it, the list shows its matches.)
  await until(popup, (q: string) => document.querySelector('.role-list-inner')?.getAttribute('aria-label') === 'Matching roles' && document.querySelector<HTMLInputElement>('input.search')!.value === q, text);
}

/** The profile of the active row, by the search box's aria-activedescendant. */
const underEnter = (popup: Page) =>
  popup.evaluate(() => {
    const id = document.querySelector('input.search')?.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.closest('.row-entry')?.getAttribute('data-profile') ?? null) : null;
  });

const shown = (popup: Page) => popup.$$eval('.row-entry', (rows) => rows.map((r) => r.getAttribute('data-profile')));

let popup: Page;
beforeEach(async () => {
  const { result } = await importThroughPage(session, fortyAccounts());
  expect(result).toContain('Imported 120 roles');
  const { page: tab } = await openWebTab(session);
  popup = await openActionPopup(session, tab);
});

test('each query puts its role under Enter', async () => {
  const got: [string, string | null][] = [];
  for (const [text] of FIRST) {
    await query(popup, text);
    got.push([text, await underEnter(popup)]);
  }
  expect(got).toEqual(FIRST.map(([text, first]) => [text, first]));
});

test('"pay prod" lists only the payments production roles; "pymnts prd" nothing of payments-dev above them', async () => {
  await query(popup, 'pay prod');
  expect(await shown(popup)).toEqual(['payments-prod-admin', 'payments-prod-poweruser', 'payments-prod-readonly']);
  await query(popup, 'pymnts prd');
  const rows = await shown(popup);
  expect(rows.slice(0, 3).every((p) => p!.startsWith('payments-prod-'))).toBe(true);
  expect(rows.indexOf('payments-dev-readonly')).toBeGreaterThan(2);
});
