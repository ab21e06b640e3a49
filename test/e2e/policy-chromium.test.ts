// Issue 14 §3 with Chromium's real policy engine: a policy file in /etc/chromium/policies/managed
// for a copy of the build with a test-only key (policy-files.ts says why), read through
// storage.managed by the real src/platform/policy-store.ts (the probe page).
import type { Page } from 'puppeteer-core';
import type { OrganisationPolicy } from '../../src/core/policy';
import { launchWithExtension, type ExtensionSession } from './harness';
import { chromiumPolicy, extensionCopy, TEST_EXTENSION_ID, type ExtensionCopy, type PolicyFile } from './policy-files';

const ORG_CONFIG = '[profile shop-dev]\nrole_arn = arn:aws:iam::111111111111:role/Developer\n\n[profile shop-prod]\nrole_arn = arn:aws:iam::222222222222:role/ReadOnly\n';

/** What the administrator wrote, with three values the schema does not allow. */
const FIRST_POLICY = {
  config: ORG_CONFIG,
  accounts: { '222222222222': { app: 'shop', production: true, colour: 'red' } },
  bannerEnabled: true,
  titlePrefix: 'yes',
  allowPersonalConfig: false,
  theme: 'dark',
};

let copy: ExtensionCopy;
let policy: PolicyFile;
let session: ExtensionSession;
let probe: Page;
let launchedAt: number;

beforeAll(async () => {
  copy = await extensionCopy('chrome');
  policy = chromiumPolicy(FIRST_POLICY);
  launchedAt = Date.now();
  session = await launchWithExtension(copy.dir);
  probe = await session.openPage('policy-probe.html');
}, 90000);

afterAll(async () => {
  try {
    await session?.close();
  } finally {
    policy?.remove();
    copy?.remove();
  }
});

const read = (page: Page) => page.evaluate(() => (globalThis as unknown as { policyProbe: { readPolicy(): Promise<OrganisationPolicy> } }).policyProbe.readPolicy());
const raw = (page: Page) => page.evaluate(() => (globalThis as unknown as { policyProbe: { raw(): Promise<Record<string, unknown>> } }).policyProbe.raw());
const changes = (page: Page) => page.evaluate(() => (globalThis as unknown as { policyProbe: { changes: { at: number; policy: OrganisationPolicy }[] } }).policyProbe.changes);

test('the copy has the id its manifest key gives: a fixed id, whatever folder it is loaded from', () => {
  expect(session.extensionId).toBe(TEST_EXTENSION_ID);
  expect(copy.dir).not.toContain(TEST_EXTENSION_ID);
});

test('the extension reads the policy through storage.managed: config, accounts, locked settings', async () => {
  // Chromium loads policy for an extension a moment after the extension starts.
  await probe.waitForFunction(() => (globalThis as unknown as { policyProbe: { raw(): Promise<object> } }).policyProbe.raw().then((v) => Object.keys(v).length > 0), { polling: 100, timeout: 30000 });
  console.log(`Chromium: the policy reached storage.managed ${Date.now() - launchedAt} ms after launch`);
  const parsed = await read(probe);
  expect(parsed.active).toBe(true);
  expect(parsed.config!.catalogue.entries.map((e) => [e.profile, e.origin, e.isProduction])).toEqual([
    ['shop-dev', 'organisation', false],
    ['shop-prod', 'organisation', true],
  ]);
  expect(parsed.accounts).toEqual({ '222222222222': { app: 'shop', production: true, env: 'production', envLabel: 'production' } });
  expect(parsed.locked).toEqual({ bannerEnabled: true });
  expect(parsed.allowPersonalConfig).toBe(false);
});

test('values that do not match managed-schema.json are dropped by Chromium: absent, so nothing to report', async () => {
  const values = await raw(probe);
  expect(Object.keys(values).sort()).toEqual(['accounts', 'allowPersonalConfig', 'bannerEnabled', 'config']);
  // A wrong type (titlePrefix "yes") and an unknown key (theme) are gone; an unknown field inside
  // an account is removed from it, and the rest of the account stays.
  expect(values.accounts).toEqual({ '222222222222': { app: 'shop', production: true } });
  expect((await read(probe)).problems).toEqual([]);
});

test('chrome://policy lists the extension and its policies, and shows the dropped one as not set', async () => {
  const page = await session.browser.newPage();
  await page.goto('chrome://policy');
  const ours = await page.waitForFunction(
    (id) => {
      // The page's web components: inside <policy-app> until Chromium ~155, at the top level in
      // Chromium 150; each shadow root carries a <style>, whose text is no part of a row.
      const textOf = (root: Node) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.parentNode?.nodeName !== 'STYLE') text += `${node.textContent} `;
        return text.replace(/\s+/g, ' ').trim();
      };
      const inApps = [...document.querySelectorAll('policy-app')].flatMap((app) => [...(app.shadowRoot ?? app).querySelectorAll('policy-table')]);
      const tables = [...document.querySelectorAll('policy-table'), ...inApps];
      const table = tables.find((t) => textOf(t.shadowRoot ?? t).includes(id));
      if (!table) return null;
      const rows = [...(table.shadowRoot ?? table).querySelectorAll('policy-row')].map((row) => textOf(row.shadowRoot ?? row));
      return rows.length > 0 ? rows : null;
    },
    { polling: 100, timeout: 15000 },
    TEST_EXTENSION_ID,
  );
  const rows = (await ours.jsonValue()) as string[];
  const row = (name: string) => rows.find((r) => r.startsWith(`${name} `)) ?? '';
  expect(row('config')).toMatch(/^config \[profile shop-dev\].* Platform Machine Mandatory OK/);
  expect(row('bannerEnabled')).toMatch(/^bannerEnabled true Platform Machine Mandatory OK/);
  expect(row('titlePrefix')).toMatch(/^titlePrefix Not set\./);
  await page.close();
});

test('a change to the policy file applies live (storage.onChanged, area managed); one bad account drops all of accounts', async () => {
  const before = (await changes(probe)).length;
  const writtenAt = Date.now();
  policy.write({
    config: `${ORG_CONFIG}\n[profile billing-qa]\nrole_arn = arn:aws:iam::333333333333:role/Developer\n`,
    accounts: { '222222222222': { production: true }, '333333333333': { production: 'yes' } },
    bannerEnabled: false,
  });
  await probe.waitForFunction((n) => (globalThis as unknown as { policyProbe: { changes: unknown[] } }).policyProbe.changes.length > n, { polling: 100, timeout: 60000 }, before);
  const [change] = (await changes(probe)).slice(before);
  console.log(`Chromium: a change to the policy file reached onPolicyChanged ${change!.at - writtenAt} ms after the write`);
  expect(change!.policy.config!.catalogue.entries.map((e) => e.profile)).toEqual(['shop-dev', 'shop-prod', 'billing-qa']);
  expect(change!.policy.locked).toEqual({ bannerEnabled: false });
  expect(change!.policy.allowPersonalConfig).toBe(true);
  // Chromium checks a policy as a whole: one account of the wrong shape and `accounts` is gone.
  expect(change!.policy.accounts).toEqual({});
  expect(await read(probe)).toEqual(change!.policy);
});

test('removing the policy file turns the organisation off, live', async () => {
  const before = (await changes(probe)).length;
  const removedAt = Date.now();
  policy.remove();
  await probe.waitForFunction((n) => (globalThis as unknown as { policyProbe: { changes: unknown[] } }).policyProbe.changes.length > n, { polling: 100, timeout: 60000 }, before);
  const [change] = (await changes(probe)).slice(before);
  console.log(`Chromium: removing the policy file reached onPolicyChanged ${change!.at - removedAt} ms after`);
  expect(change!.policy).toEqual({ active: false, config: null, accounts: {}, locked: {}, allowPersonalConfig: true, problems: [] });
});
