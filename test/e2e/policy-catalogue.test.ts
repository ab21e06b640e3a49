// Issue 14 end to end with Chromium's real policy engine: the organisation's profiles join the
// user's own in the catalogue every page reads, and in the popup with an "organisation" mark; an
// account the policy calls production banners as production although the user's own profile
// calls it `dev` (and when no profile names it at all); a locked setting wins over the user's, is
// shown locked on the import page and refused by the write path; a config with errors is listed
// and everything valid stays; allowPersonalConfig false hides the user's own (kept, and back when
// allowed again) and turns importing off; Export marks the organisation's profiles; each change
// to the policy file is picked up live. (A copy of the build with a second test-only key, so
// that this file's policy never reaches the other e2e files' browsers.)
import { decodeCatalogueCache } from '../../src/core/storage';
import { launchWithExtension, type ExtensionSession } from './harness';
import { bannerFacts, fixtureHtml, openConsoleTab } from './console-pages';
import { chromiumPolicy, extensionCopy, SECOND_TEST_EXTENSION_ID, SECOND_TEST_EXTENSION_KEY, type ExtensionCopy, type PolicyFile } from './policy-files';
import type { Page } from 'puppeteer-core';
import { clickButton, find, importThroughPage, renderedRows, sleep, until, waitForRecord, openImportPage } from './ui-helpers';

jest.setTimeout(90000);

const ORG_CONFIG = '[profile shop-dev]\nrole_arn = arn:aws:iam::111111111111:role/Developer\n\n[profile shop-prod]\nrole_arn = arn:aws:iam::222222222222:role/ReadOnly\n';
/** The user's own: account 222222222222 under a name that says dev. */
const PERSONAL = '[profile shop-dev-mine]\nrole_arn = arn:aws:iam::222222222222:role/AlfieReadOnly\n';

let copy: ExtensionCopy;
let policy: PolicyFile;
let session: ExtensionSession;

beforeAll(async () => {
  copy = await extensionCopy('chrome', SECOND_TEST_EXTENSION_KEY);
  policy = chromiumPolicy({ config: ORG_CONFIG, accounts: { '222222222222': { app: 'shop', production: true } }, titlePrefix: false }, 'role-switchboard-e2e-catalogue', SECOND_TEST_EXTENSION_ID);
  session = await launchWithExtension(copy.dir);
}, 90000);

afterAll(async () => {
  try {
    await session?.close();
  } finally {
    policy?.remove();
    copy?.remove();
  }
});

type Entry = { profile: string; origin?: string; isProduction: boolean; env: string };

/** The catalogue every page reads, once `accept` says it is the expected one (the background merges the policy in). */
async function catalogueWhere(accept: (profiles: string[]) => boolean, what: string, timeout = 40000): Promise<Entry[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const raw = await waitForRecord<unknown>(session, 'local', 'catalogue.cache', () => true);
    const entries = ((await decodeCatalogueCache(raw))?.catalogue.entries ?? []) as Entry[];
    if (accept(entries.map((e) => e.profile))) return entries;
    if (Date.now() > deadline) throw new Error(`the catalogue never became ${what}: ${entries.map((e) => e.profile).join(', ')}`);
    await sleep(100);
  }
}

/** The catalogue once it holds `profiles`. */
const catalogueWith = (profiles: string[], timeout = 40000): Promise<Entry[]> =>
  catalogueWhere((names) => profiles.every((p) => names.includes(p)), `one with ${profiles.join(', ')}`, timeout);

/** The test's policy page: the real write paths (src/platform/storage) of the test copy. */
async function probePage(): Promise<Page> {
  const page = await session.openPage('policy-probe.html');
  await until(page, () => 'policyProbe' in globalThis);
  return page;
}
type Probe = { policyProbe: { saveSettings(patch: object): Promise<string | null>; importText(text: string): Promise<string> } };

test('the organisation\'s profiles join the user\'s own, marked as the organisation\'s; its production account stays production', async () => {
  await importThroughPage(session, PERSONAL);
  const entries = await catalogueWith(['shop-dev', 'shop-prod', 'shop-dev-mine']);
  const byName = Object.fromEntries(entries.map((e) => [e.profile, e]));
  expect(byName['shop-dev']).toMatchObject({ origin: 'organisation', isProduction: false });
  expect(byName['shop-prod']).toMatchObject({ origin: 'organisation', isProduction: true });
  // The user's own profile says dev; the policy says its account is production.
  expect(byName['shop-dev-mine']!.origin).toBeUndefined();
  expect(byName['shop-dev-mine']).toMatchObject({ isProduction: true, env: 'production' });
});

test('on a console page of that account the banner says PRODUCTION; the locked title-prefix setting (off) wins over the user\'s (on)', async () => {
  const url = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Shop';
  const html = fixtureHtml('classic-switched-role.html').replaceAll('123456789012', '222222222222').replaceAll('1234-5678-9012', '2222-2222-2222').replaceAll('alfie-prod', 'shop-live');
  const { page } = await openConsoleTab(session, undefined, { [url]: html });
  // The banner index follows the merged catalogue.
  await waitForRecord(session, 'local', 'bannerIndex:meta', (meta) => !!(meta as { accounts?: string[] } | undefined)?.accounts?.includes('222222222222'));
  await page.goto(url);
  const facts = await bannerFacts(page);
  expect(facts.text).toMatch(/^PRODUCTION /);
  expect(facts.text).toContain('2222-2222-2222');
  expect(await page.title()).not.toMatch(/^\[PROD\]/);
  // The user's own setting is still "on": the policy only overrides it.
  expect(((await waitForRecord<{ titlePrefix?: boolean }>(session, 'sync', 'settings', () => true)) ?? {}).titlePrefix ?? true).toBe(true);
  await page.close();
});

test('a change to the policy file is picked up live: a new organisation profile appears, without a reinstall', async () => {
  policy.write({ config: `${ORG_CONFIG}\n[profile billing-qa]\nrole_arn = arn:aws:iam::333333333333:role/Developer\n`, accounts: { '222222222222': { app: 'shop', production: true } } });
  const entries = await catalogueWith(['billing-qa', 'shop-dev-mine'], 60000);
  expect(entries.find((e) => e.profile === 'billing-qa')).toMatchObject({ origin: 'organisation' });
});

test('the popup lists the organisation\'s roles with a quiet "organisation" mark, in the same app group as the user\'s own', async () => {
  await catalogueWith(['billing-qa', 'shop-dev-mine']);
  const popup = await session.openPage('popup.html');
  await until(popup, () => !!document.querySelector('.row-entry[data-profile="billing-qa"]'));
  const marks = await popup.$$eval('.row-entry', (rows) =>
    Object.fromEntries(rows.map((row) => [(row as HTMLElement).dataset.profile, row.querySelector('.org-mark')?.textContent ?? null])),
  );
  expect(marks).toEqual({ 'shop-dev': 'organisation', 'shop-prod': 'organisation', 'billing-qa': 'organisation', 'shop-dev-mine': null });
  // One "shop" group holds both: the organisation's development role, then production, where the
  // user's own profile (production by the organisation's word) sits beside the organisation's.
  const rows = (await renderedRows(popup)).map((r) => (typeof r === 'string' ? r : r.profile));
  const start = rows.indexOf('# shop') + 1;
  const next = rows.findIndex((r, i) => i >= start && r.startsWith('# '));
  const shop = rows.slice(start, next === -1 ? rows.length : next);
  expect([...shop].sort()).toEqual(['shop-dev', 'shop-dev-mine', 'shop-prod']);
  // The mark is text beside the name: the switch button's accessible name still starts with the profile.
  expect(await popup.$eval('.row-entry[data-profile="shop-dev"] .role-main', (b) => b.textContent)).toMatch(/^shop-devorganisation/);
  await popup.close();
});

test('locked settings are shown locked on the import page ("Set by your organisation"), and the settings\' write path refuses them', async () => {
  policy.write({ config: ORG_CONFIG, accounts: { '222222222222': { app: 'shop', production: true }, '444444444444': { production: true } }, titlePrefix: false, bannerEnabled: true });
  const page = await openImportPage(session);
  await until(page, () => (document.querySelector('[data-setting="titlePrefix"] input') as HTMLInputElement | null)?.disabled === true, undefined, 40000);
  const controls = await page.$$eval('[data-setting]', (labels) =>
    labels.map((label) => {
      const input = label.querySelector('input')!;
      return [(label as HTMLElement).dataset.setting, input.checked, input.disabled, label.querySelector('.locked-note')?.textContent ?? null];
    }),
  );
  expect(controls).toEqual([
    ['bannerEnabled', true, true, 'Set by your organisation'],
    ['titlePrefix', false, true, 'Set by your organisation'],
    ['autoSubmitSwitchForm', true, false, null],
  ]);
  const panel = await page.$eval('[data-testid="organisation"]', (el) => el.textContent ?? '');
  expect(panel).toContain('publishes 2 roles');
  expect(panel).toContain('the [PROD] prefix of production tab titles (off)');
  expect(await page.$eval('[data-testid="policy-changes"]', (el) => el.textContent)).toBe('A change to the policy applies here within seconds, without reinstalling the extension.');
  // The write path itself: a locked setting is refused; another is saved.
  const probe = await probePage();
  expect(await probe.evaluate(() => (globalThis as unknown as Probe).policyProbe.saveSettings({ titlePrefix: true }))).toBe('the [PROD] prefix of production tab titles is set by your organisation');
  expect(await probe.evaluate(() => (globalThis as unknown as Probe).policyProbe.saveSettings({ bannerPosition: 'bottom' }))).toBeNull();
  const stored = await waitForRecord<{ titlePrefix?: boolean; bannerPosition?: string }>(session, 'sync', 'settings', (s) => s?.bannerPosition === 'bottom');
  expect(stored!.titlePrefix ?? true).toBe(true);
  await probe.evaluate(() => (globalThis as unknown as Probe).policyProbe.saveSettings({ bannerPosition: 'top' }));
  await Promise.all([page.close(), probe.close()]);
});

test('an account that only the policy\'s `accounts` lists, as production, banners PRODUCTION (no profile names it)', async () => {
  const url = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Other';
  const html = fixtureHtml('classic-switched-role.html').replaceAll('123456789012', '444444444444').replaceAll('1234-5678-9012', '4444-4444-4444');
  const { page } = await openConsoleTab(session, undefined, { [url]: html });
  await waitForRecord(session, 'local', 'bannerIndex:meta', (meta) => !!(meta as { accounts?: string[] } | undefined)?.accounts?.includes('444444444444'), 40000);
  await page.goto(url);
  const facts = await bannerFacts(page);
  expect(facts.text).toMatch(/^PRODUCTION /);
  expect(facts.text).toContain('4444-4444-4444');
  expect(facts.text).toContain('role not in your profiles');
  await page.close();
});

test("a policy config with errors: the import page lists them (\"Your organisation's config: 2 errors\"), and everything valid stays, the user's own profiles too", async () => {
  const broken = '[profile shop-dev]\nrole_arn = arn:aws:iam::111111111111:role/Developer\nthis line has no equals sign\n\n[profile shop-prod]\nrole_arn = arn:aws:iam::222222222222:role/ReadOnly\nregion = us-east-1\nregion = eu-west-1\n';
  policy.write({ config: broken, accounts: { '222222222222': { app: 'shop', production: true } } });
  const page = await openImportPage(session);
  await until(page, () => !!document.querySelector('[data-testid="organisation"] .notice'), undefined, 40000);
  const notice = await page.$eval('[data-testid="organisation"] .notice', (el) => ({ title: el.querySelector('.notice-title')?.textContent, items: [...el.querySelectorAll('li')].map((li) => li.textContent) }));
  expect(notice.title).toBe("Your organisation's config: 2 errors (lines 3, 8)");
  expect(notice.items).toHaveLength(2);
  expect(notice.items[0]).toMatch(/^Line 3: "this line has no equals sign" is not a \[section\]/);
  expect(notice.items[1]).toMatch(/^Line 8: the key "region" appears twice/);
  const entries = await catalogueWith(['shop-dev', 'shop-prod', 'shop-dev-mine']);
  expect(entries.map((e) => e.profile).sort()).toEqual(['shop-dev', 'shop-dev-mine', 'shop-prod']);
  await page.close();
});

test("allowPersonalConfig false: only the organisation's roles; the import page says so and offers no import; the write path refuses; allowed again, the user's own come back", async () => {
  policy.write({ config: ORG_CONFIG, allowPersonalConfig: false });
  await catalogueWhere((names) => !names.includes('shop-dev-mine') && names.includes('shop-dev'), "the organisation's alone");
  const page = await openImportPage(session);
  await find(page, '[data-testid="import-off"]', 40000);
  expect(await page.$('[data-testid="import-replace"]')).toBeNull();
  expect(await page.$('textarea')).toBeNull();
  expect(await page.$eval('[data-testid="personal-not-allowed"]', (el) => el.textContent)).toContain('importing is turned off');
  const probe = await probePage();
  expect(await probe.evaluate((text) => (globalThis as unknown as Probe).policyProbe.importText(text), '[profile zoo]\nrole_arn = arn:aws:iam::555555555555:role/Dev\n')).toBe(
    'your organisation allows only its own roles in this browser, so your own config cannot be changed; it stays saved as it is',
  );
  policy.write({ config: ORG_CONFIG });
  const back = await catalogueWith(['shop-dev-mine']);
  expect(back.some((e) => e.profile === 'zoo')).toBe(false);
  await find(page, '[data-testid="import-replace"]', 40000);
  await Promise.all([page.close(), probe.close()]);
});

test("Export: the user's own config, then the organisation's profiles, commented out under a heading that says they came from its policy", async () => {
  const page = await openImportPage(session);
  await find(page, '[data-testid="organisation"]', 40000);
  // The file the Export button downloads, caught where the page makes it.
  await page.evaluate(() => {
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      (globalThis as unknown as { exported: Promise<string> }).exported = blob.text();
      return make(blob);
    };
  });
  await clickButton(page, 'Export');
  await until(page, () => /Exported/.test(document.querySelector('.result')?.textContent ?? ''));
  const text = await page.evaluate(() => (globalThis as unknown as { exported: Promise<string> }).exported);
  expect(text.startsWith(PERSONAL)).toBe(true);
  expect(text.slice(PERSONAL.length)).toBe(
    "\n# From your organisation's browser policy\n# (2 profiles, commented out: they are set by your organisation, not part of your own config.)\n#\n" +
      '# [profile shop-dev]\n# role_arn = arn:aws:iam::111111111111:role/Developer\n#\n# [profile shop-prod]\n# role_arn = arn:aws:iam::222222222222:role/ReadOnly\n',
  );
  expect(await page.$eval('.result', (el) => el.textContent)).toContain("Your organisation's 2 profiles are at the end");
  await page.close();
});
