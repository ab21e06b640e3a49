// `npm run screenshots`: the README's pictures, taken from the real build (dist/chrome, or
// EXT_DIST) in Chromium: the popup with grouped roles and production in red, the import page
// with a diagnostic and a skipped profile, and the banner on a production console page; each in
// the light and the dark theme. Console pages are the offline fixtures (test/fixtures/console),
// served at their real URLs by request interception: nothing leaves the machine.
//
// The config is invented (three apps, four environments); its alfie accounts are the ones the
// console fixtures are signed in to, so the banner and "You are here" have something to show.
// First: finds the repository root and makes EXT_DIST absolute before the harness reads it.
import { REPO_ROOT } from '../bench/repo-root';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { findBanner, fixtureUrl, openConsoleTab, setFixtureRoot, waitForBannerIndex } from '../e2e/console-pages';
import { launchWithExtension, type ExtensionSession } from '../e2e/harness';
import { find, importThroughPage, openActionPopup, openWebTab, pasteConfig, until } from '../e2e/ui-helpers';
import { fortyAccounts } from '../fixtures/forty-accounts';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');

export const SHOWCASE_CONFIG = `[default]
region = eu-west-1

[profile alfie-development]
role_arn = arn:aws:iam::345678901234:role/AlfieFullAccess
source_profile = default

[profile alfie-qa]
role_arn = arn:aws:iam::234567890123:role/AlfieDeployment
source_profile = default

[profile alfie-staging]
role_arn = arn:aws:iam::456701234589:role/AlfieDeployment
source_profile = default

[profile alfie-production]
role_arn = arn:aws:iam::123456789012:role/AlfieReadOnly
source_profile = default

[profile ledger-dev]
role_arn = arn:aws:iam::520416873301:role/LedgerDeveloper
source_profile = default

[profile ledger-qa]
role_arn = arn:aws:iam::520416873302:role/LedgerDeveloper
source_profile = default

[profile ledger-staging]
role_arn = arn:aws:iam::520416873303:role/LedgerOperator
source_profile = default

[profile ledger-prod]
role_arn = arn:aws:iam::520416873304:role/LedgerReadOnly
source_profile = default

[profile search-dev]
sso_session = acme
sso_account_id = 618293047155
sso_role_name = SearchEngineer

[profile search-prod]
sso_session = acme
sso_account_id = 618293047199
sso_role_name = ReadOnlyAccess

[sso-session acme]
sso_start_url = https://acme-example.awsapps.com/start
sso_region = eu-west-1
`;

/** The showcase config plus what the import page has to point out: a line the AWS CLI cannot read, a warning, profiles that cannot open a console. */
const WITH_PROBLEMS = `${SHOWCASE_CONFIG}
[profile ledger-sandbox]
role_arn = arn:aws:iam::520416873305:role/LedgerDeveloper
source_profile = ci
region eu-west-2

[profile legacy-cli]
region = us-west-2
output = json
`;

type Theme = 'light' | 'dark';

async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  await until(page, (dark: boolean) => matchMedia('(prefers-color-scheme: dark)').matches === dark, theme === 'dark');
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/** Fonts loaded and two frames painted: nothing is mid-layout when the picture is taken. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

const written: string[] = [];
async function save(page: Page, name: string, clip: { x: number; y: number; width: number; height: number }): Promise<void> {
  await settle(page);
  const file = path.join(OUT, `${name}.png`);
  // The action popup's window may be smaller than its page in headless Chromium: capture the clip whole.
  await page.screenshot({ path: file as `${string}.png`, clip, captureBeyondViewport: true });
  written.push(file);
}

async function popupShots(session: ExtensionSession): Promise<void> {
  // Over a production console tab: the popup marks the role you are in.
  const { page: tab } = await openConsoleTab(session);
  await tab.goto(fixtureUrl('classic-switched-role.html'));
  await findBanner(tab);
  const popup = await openActionPopup(session, tab);
  await until(popup, () => !!document.querySelector('.row-entry.is-here'));
  const size = await popup.evaluate(() => ({ width: document.body.offsetWidth, height: document.body.offsetHeight }));
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(popup, theme);
    await save(popup, theme === 'light' ? 'popup' : 'popup-dark', { x: 0, y: 0, ...size });
  }
  await popup.close();
  await tab.close();
}

async function importShots(session: ExtensionSession): Promise<void> {
  const page = await session.openPage('options.html');
  await page.setViewport({ width: 1080, height: 900 });
  await pasteConfig(page, WITH_PROBLEMS);
  await find(page, '.issue-error');
  await find(page, '.issue-skipped');
  // A click on the error selects its line in the text box, as a user would see it.
  await page.click('.issue-error');
  // (Focusing the text box scrolled the page: back to the top for the picture.)
  await page.evaluate(() => window.scrollTo(0, 0));
  // The picture: the header and the two cards (config and preview), not the settings below.
  const clip = await page.evaluate(() => {
    const grid = document.querySelector('.options-grid')!.getBoundingClientRect();
    const main = document.querySelector('.options-main')!.getBoundingClientRect();
    return { x: main.x, y: 0, width: main.width, height: Math.ceil(grid.bottom + 16) };
  });
  await page.setViewport({ width: 1080, height: Math.max(900, clip.height) });
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await save(page, theme === 'light' ? 'import' : 'import-dark', clip);
  }
  await page.close();
}

async function bannerShots(session: ExtensionSession): Promise<void> {
  const { page } = await openConsoleTab(session);
  await page.setViewport({ width: 1100, height: 400 });
  await page.goto(fixtureUrl('classic-switched-role.html'));
  await findBanner(page);
  // The banner and the console header beneath it, and a little of the page.
  await save(page, 'banner-production', { x: 0, y: 0, width: 1100, height: 140 });
  await page.close();
}

/** The compact popup over issue 15's examples' catalogue (40 accounts × 3 roles): 16+ roles in view, the account once per run. */
async function compactPopupShot(session: ExtensionSession): Promise<void> {
  await importThroughPage(session, fortyAccounts());
  const { page: tab } = await openWebTab(session);
  const popup = await openActionPopup(session, tab);
  await setTheme(popup, 'light');
  // A query's answer, as a user sees it: grouped, the best match under Enter.
  await popup.type('aria/Search roles', 'prod ro');
  await until(popup, () => document.querySelector('.row-entry.is-active')?.getAttribute('data-profile') === 'billing-prod-readonly');
  await popup.$eval('aria/Search roles', (el) => {
    (el as HTMLInputElement).value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await popup.keyboard.press('ArrowDown');
  await until(popup, () => !!document.querySelector('.row-entry.is-active'));
  const size = await popup.evaluate(() => ({ width: document.body.offsetWidth, height: document.body.offsetHeight }));
  await save(popup, 'popup-compact', { x: 0, y: 0, ...size });
  await popup.close();
  await tab.close();
}

/** The banner of a profile whose app, name, alias and role are all long, at 800 px: it still fits, production first. */
const LONG_PROFILE = { account: '210987654321', alias: 'settlement-reconciliation-payments-prod', role: 'SettlementReconciliationReadOnlyOperator' };
const LONG_CONFIG = `${SHOWCASE_CONFIG}
[profile settlement-reconciliation-platform-production]
role_arn = arn:aws:iam::${LONG_PROFILE.account}:role/${LONG_PROFILE.role}
aws_account_alias = ${LONG_PROFILE.alias}
source_profile = default
`;

async function longBannerShot(session: ExtensionSession): Promise<void> {
  await importThroughPage(session, LONG_CONFIG);
  await waitForBannerIndex(session, LONG_PROFILE.account);
  const html = fs
    .readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'banner-fit', 'long-names.html'), 'utf8')
    .replaceAll('ACCOUNT_ID', LONG_PROFILE.account)
    .replaceAll('ACCOUNT_ALIAS', LONG_PROFILE.alias)
    .replaceAll('ROLE_NAME', LONG_PROFILE.role);
  const url = /Served at: (\S+)/.exec(html)![1]!;
  const { page } = await openConsoleTab(session, undefined, { [url]: html });
  await page.setViewport({ width: 800, height: 400 });
  await page.goto(url);
  await findBanner(page);
  await save(page, 'banner-long-names', { x: 0, y: 0, width: 800, height: 120 });
  await page.close();
}

async function main(): Promise<void> {
  setFixtureRoot(path.join(REPO_ROOT, 'test', 'fixtures', 'console'));
  fs.mkdirSync(OUT, { recursive: true });
  const session = await launchWithExtension();
  try {
    await importThroughPage(session, SHOWCASE_CONFIG);
    await waitForBannerIndex(session, '123456789012');
    await popupShots(session);
    await importShots(session);
    await bannerShots(session);
    await longBannerShot(session);
    await compactPopupShot(session);
  } finally {
    await session.close();
  }
  for (const file of written) console.log(`${path.relative(REPO_ROOT, file)}  ${(fs.statSync(file).size / 1024).toFixed(1)} KB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
