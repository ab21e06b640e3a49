// Issue 14 §2-3 end to end with Chromium's real policy engine: the organisation's profiles join
// the user's own in the catalogue every page reads; an account the policy calls production
// banners as production although the user's own profile calls it `dev`; a locked setting wins
// over the user's; a change to the policy file is picked up live. (A copy of the build with a
// second test-only key, so that this file's policy never reaches the other e2e files' browsers.)
import { decodeCatalogueCache } from '../../src/core/storage';
import { launchWithExtension, type ExtensionSession } from './harness';
import { bannerFacts, fixtureHtml, openConsoleTab } from './console-pages';
import { chromiumPolicy, extensionCopy, SECOND_TEST_EXTENSION_ID, SECOND_TEST_EXTENSION_KEY, type ExtensionCopy, type PolicyFile } from './policy-files';
import { importThroughPage, sleep, waitForRecord } from './ui-helpers';

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

/** The catalogue every page reads, once it holds `profiles` (the background merges the policy in). */
async function catalogueWith(profiles: string[], timeout = 40000): Promise<Entry[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const raw = await waitForRecord<unknown>(session, 'local', 'catalogue.cache', () => true);
    const entries = ((await decodeCatalogueCache(raw))?.catalogue.entries ?? []) as Entry[];
    if (profiles.every((p) => entries.some((e) => e.profile === p))) return entries;
    if (Date.now() > deadline) throw new Error(`the catalogue never held ${profiles.join(', ')}: ${entries.map((e) => e.profile).join(', ')}`);
    await sleep(100);
  }
}

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
