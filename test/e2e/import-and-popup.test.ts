// Issue 3 proof: paste the seed config on the import page, import, then use the real action
// popup: grouping and order, production red and labelled, keyboard filtering and switching
// (the switch-role URL the tab opens), recent, pinning, copying, two pages kept consistent,
// undo, export, diagnostics that select their line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { decodeConfig, localCopySchema, readSyncSnapshot } from '../../src/core/storage';
import { E2E_CONFIG, findBanner, fixtureUrl, multiSessionEndpoint, openConsoleTab, waitForBannerIndex } from './console-pages';
import { collectErrors, type ExtensionSession } from './harness';
import {
  accessibleName,
  clickButton,
  confirmChange,
  dumpStorage,
  find,
  until,
  importThroughPage,
  openActionPopup,
  openImportPage,
  openWebTab,
  pasteConfig,
  renderedRows,
  SEED_CONFIG,
  sleep,
  type RowInfo,
  waitForRecent,
} from './ui-helpers';
import { useCleanExtension } from './clean-session';

jest.setTimeout(60000);

let session: ExtensionSession;
useCleanExtension((launched) => (session = launched));

const entriesOf = (rows: (RowInfo | string)[]) => rows.filter((r): r is RowInfo => typeof r !== 'string');

async function waitForSignInRequest(requests: string[]): Promise<URL> {
  for (let i = 0; i < 100; i++) {
    const hit = requests.find((u) => u.startsWith('https://signin.aws.amazon.com/'));
    if (hit) return new URL(hit);
    await sleep(50);
  }
  throw new Error(`no switch-role request; saw ${requests.join(', ')}`);
}

test('the seed example imports as alfie: development, qa, production; production red and labelled PROD; Enter switches', async () => {
  const { page: options, result } = await importThroughPage(session, SEED_CONFIG);
  const optionErrors = collectErrors(options);
  expect(result).toContain('Imported 3 roles');

  // The preview shows the same grouping the popup will.
  const preview = await renderedRows(options, '.preview-list .role-list');
  expect(preview).toEqual(['# alfie', expect.objectContaining({ profile: 'alfie-development' }), expect.objectContaining({ profile: 'alfie-qa' }), expect.objectContaining({ profile: 'alfie-production' })]);

  const { page: tab, requests } = await openWebTab(session);
  const popup = await openActionPopup(session, tab);
  const errors = collectErrors(popup);

  // Opens with the search box focused, named "Search roles".
  expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search roles');
  expect(await popup.$('aria/Search roles')).not.toBeNull();

  const rows = await renderedRows(popup);
  expect(rows[0]).toBe('# alfie');
  const alfie = entriesOf(rows);
  expect(alfie.map((r) => r.profile)).toEqual(['alfie-development', 'alfie-qa', 'alfie-production']);
  expect(alfie.map((r) => r.env)).toEqual(['development', 'test', 'production']);
  expect(alfie.map((r) => r.prod)).toEqual([false, false, true]);

  // Each role is one button whose accessible name starts with the profile name and shows env,
  // account and role.
  const name = await accessibleName(popup, '.row-entry[data-profile="alfie-production"] .role-main');
  expect(name.startsWith('alfie-production')).toBe(true);
  expect(name).toContain('PROD');
  expect(name).toContain('1234-5678-9012');
  expect(name).toContain('AlfieReadOnly');
  expect(await accessibleName(popup, '.row-entry[data-profile="alfie-qa"] .role-main')).toMatch(/^alfie-qa.*qa.*AlfieDeployment.*2345-6789-0123/);

  // Production is red (border, name, PROD label) and says PROD in text; qa is not red.
  const colours = await popup.$eval('.row-entry[data-profile="alfie-production"]', (row) => ({
    border: getComputedStyle(row).borderLeftColor,
    name: getComputedStyle(row.querySelector('.role-profile')!).color,
    label: row.querySelector('.prod-label')?.textContent,
    labelBg: getComputedStyle(row.querySelector('.prod-label')!).backgroundColor,
  }));
  const isRed = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
    return r > 150 && g < 100 && b < 100;
  };
  expect(colours.label).toBe('PROD');
  expect(isRed(colours.border)).toBe(true);
  expect(isRed(colours.labelBg)).toBe(true);
  expect(isRed(colours.name)).toBe(true);
  const qaBorder = await popup.$eval('.row-entry[data-profile="alfie-qa"]', (row) => getComputedStyle(row).borderLeftColor);
  expect(isRed(qaBorder)).toBe(false);
  expect(await popup.$$eval('.row-entry[data-profile="alfie-qa"] .prod-label', (els) => els.length)).toBe(0);

  // A plain web page is no console: nothing is marked "you are here".
  expect(await popup.$$eval('.is-here, .here-marker', (els) => els.length)).toBe(0);

  // Type to filter; the best match is active; Enter switches in the current tab.
  await popup.keyboard.type('alfie prod');
  await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
  const filtered = entriesOf(await renderedRows(popup));
  expect(filtered.map((r) => r.profile)).toEqual(['alfie-production']);
  expect(filtered[0]!.active).toBe(true);
  const activeId = await popup.$eval('aria/Search roles', (el) => el.getAttribute('aria-activedescendant'));
  expect(await popup.$eval(`#${activeId}`, (el) => el.closest('.row-entry')?.getAttribute('data-profile'))).toBe('alfie-production');

  // This tab is no console page: the switch opens a new tab and leaves this one (issue 15 §2).
  const before = new Set(session.browser.targets());
  const opened = session.browser.waitForTarget((t) => !before.has(t) && t.url().startsWith('https://signin.aws.amazon.com/'), { timeout: 10000 });
  await popup.keyboard.press('Enter').catch(() => {});
  const url = new URL((await opened).url());
  expect(requests.some((u) => u.startsWith('https://signin.aws.amazon.com/'))).toBe(false);
  expect(url.pathname).toBe('/switchrole');
  expect(url.searchParams.get('account')).toBe('123456789012');
  expect(url.searchParams.get('roleName')).toBe('AlfieReadOnly');
  expect(url.searchParams.get('displayName')).toBe('alfie-production');
  expect(errors).toEqual([]);
  expect(optionErrors).toEqual([]);

  // The switch is remembered: Recent lists it on top next time.
  await waitForRecent(session, 'alfie-production');
  const { page: tab2 } = await openWebTab(session);
  const popup2 = await openActionPopup(session, tab2);
  const again = await renderedRows(popup2);
  expect(again.slice(0, 2)).toEqual(['# Recent', expect.objectContaining({ profile: 'alfie-production' })]);
  const stored = await dumpStorage(session);
  expect(stored.local.recent).toEqual(['alfie-production']);
});

test('on a console tab the popup marks the role you are in ("You are here"), asked from the tab', async () => {
  await importThroughPage(session, SEED_CONFIG);
  const { page } = await openConsoleTab(session);
  await page.goto(fixtureUrl('classic-switched-role.html'));
  const popup = await openActionPopup(session, page);
  await until(popup, () => !!document.querySelector('.row-entry.is-here'));
  expect(await popup.$$eval('.row-entry.is-here', (els) => els.map((e) => e.getAttribute('data-profile')))).toEqual(['alfie-production']);
  expect(await accessibleName(popup, '.row-entry.is-here .role-main')).toMatch(/^alfie-production You are here/);
});

test('arrows move the active role, Ctrl+Enter opens a new tab, Esc clears then closes', async () => {
  await importThroughPage(session, SEED_CONFIG);
  const { page: tab, requests } = await openWebTab(session);
  const popup = await openActionPopup(session, tab);
  const active = async () => entriesOf(await renderedRows(popup)).find((r) => r.active)?.profile;
  // Nothing is active until the user moves (issue 15 §2); then the first role.
  expect(await active()).toBeUndefined();
  await popup.keyboard.press('ArrowDown');
  expect(await active()).toBe('alfie-development');
  await popup.keyboard.press('ArrowDown');
  expect(await active()).toBe('alfie-qa');
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown'); // stays on the last one
  expect(await active()).toBe('alfie-production');
  await popup.keyboard.press('ArrowUp');
  expect(await active()).toBe('alfie-qa');

  const before = new Set(session.browser.targets());
  const newTarget = session.browser.waitForTarget((t) => !before.has(t) && t.url().startsWith('https://signin.aws.amazon.com/'), { timeout: 10000 });
  // The popup closes as the new tab takes focus: key-up events may find it gone.
  await popup.keyboard.down('Control');
  await popup.keyboard.press('Enter').catch(() => {});
  await popup.keyboard.up('Control').catch(() => {});
  const opened = new URL((await newTarget).url());
  expect(opened.searchParams.get('account')).toBe('234567890123');
  expect(opened.searchParams.get('roleName')).toBe('AlfieDeployment');
  // The current tab was left alone.
  expect(requests.some((u) => u.startsWith('https://signin.aws.amazon.com/'))).toBe(false);

  // Esc: first clears the query, then closes the popup.
  const { page: tab2 } = await openWebTab(session);
  const popup2 = await openActionPopup(session, tab2);
  await popup2.keyboard.type('zzzz');
  await find(popup2, '.no-match');
  expect(await popup2.$eval('.no-match', (el) => el.textContent)).toContain('No role matches');
  await popup2.keyboard.press('Escape');
  expect(await popup2.$eval('aria/Search roles', (el) => (el as HTMLInputElement).value)).toBe('');
  await find(popup2, '.row-entry');
  const closed = new Promise<void>((resolve) => popup2.once('close', () => resolve()));
  // The popup closes while the key is still down: the key-up may find it gone.
  await popup2.keyboard.press('Escape').catch(() => {});
  await Promise.race([closed, sleep(5000).then(() => Promise.reject(new Error('popup did not close')))]);
  expect(popup2.isClosed()).toBe(true);
});

test('copy link, pin to the top, and two open pages stay consistent', async () => {
  await importThroughPage(session, SEED_CONFIG);
  const popup = await session.openPage('popup.html');
  await find(popup, '.row-entry');
  const errors = collectErrors(popup);
  await session.browser.defaultBrowserContext().overridePermissions(`chrome-extension://${session.extensionId}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);

  await clickButton(popup, 'Copy link for alfie-qa');
  await until(popup, () => document.querySelector('.row-entry[data-profile="alfie-qa"] .copied')?.textContent === 'Copied');
  const copied = await popup.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).searchParams.get('roleName')).toBe('AlfieDeployment');
  expect(await popup.$eval('.status-bar', (el) => el.textContent)).toContain('Copied the switch link for alfie-qa');

  await clickButton(popup, 'Pin alfie-production');
  await until(popup, () => document.querySelector('.row-header .group-name')?.textContent === 'Pinned');
  const rows = await renderedRows(popup);
  expect(rows.slice(0, 2)).toEqual(['# Pinned', expect.objectContaining({ profile: 'alfie-production' })]);
  expect((await dumpStorage(session)).sync.settings).toMatchObject({ favourites: ['alfie-production'] });

  // A second page (the import page) imports another config: the open popup follows.
  await importThroughPage(session, '[profile billing-staging]\nrole_arn = arn:aws:iam::111122223333:role/Ops\n');
  await until(popup, () => !!document.querySelector('.row-entry[data-profile="billing-staging"]'));
  expect(await popup.$$eval('.row-entry[data-profile^="alfie"]', (els) => els.length)).toBe(0);
  expect(errors).toEqual([]);
});

test('a text with no profiles (all commented out) says what was expected, as a warning', async () => {
  const { page, result } = await importThroughPage(session, '# [profile shop-dev]\n# role_arn = arn:aws:iam::111122223333:role/Ops\n');
  expect(result).toContain('Imported 0 roles. The text has no profiles: paste the whole of ~/.aws/config');
  expect(await page.$eval('.result .notice', (el) => el.className)).toContain('notice-warning');
  await page.close();
});

test('undo import restores the previous config; export downloads the stored one', async () => {
  const { page: options } = await importThroughPage(session, SEED_CONFIG);
  const second = '[profile billing-prod]\nrole_arn = arn:aws:iam::111122223333:role/Ops\n';
  const { result } = await importThroughPage(session, second, options);
  expect(result).toContain('Imported 1 role');
  await until(options, () => document.querySelector('[data-testid="stored-status"]')?.textContent?.includes('1 role,'));

  await clickButton(options, 'Undo import');
  // Undo removes billing-prod, so it asks first.
  await confirmChange(options);
  await until(options, () => document.querySelector('.result')?.textContent?.includes('Restored a config with 3 roles'));
  await until(options, () => document.querySelector('[data-testid="stored-status"]')?.textContent?.includes('3 roles,'));
  const popup = await session.openPage('popup.html');
  await find(popup, '.row-entry');
  expect(entriesOf(await renderedRows(popup)).map((r) => r.profile)).toEqual(['alfie-development', 'alfie-qa', 'alfie-production']);

  // Export: a download of the stored text (secret-free), no network.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsb-export-'));
  const cdp = await options.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  await clickButton(options, 'Export');
  let exported = '';
  for (let i = 0; i < 100 && !exported; i++) {
    const file = fs.readdirSync(dir).find((f) => !f.endsWith('.crdownload'));
    if (file) exported = fs.readFileSync(path.join(dir, file), 'utf8');
    else await sleep(50);
  }
  expect(exported).toBe(SEED_CONFIG);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('clicking a diagnostic selects its line in the text box; CLI-fatal errors are named but the valid part imports', async () => {
  const options = await openImportPage(session);
  const text = `${SEED_CONFIG}[profile broken-dev]\nthis line has no delimiter\nrole_arn = arn:aws:iam::555566667777:role/Dev\n`;
  await pasteConfig(options, text);
  await find(options, '.issue-error');
  expect(await options.$eval('.preview', (el) => el.textContent)).toContain('The AWS CLI would reject this file:');
  const line = await options.$eval('.issue-error .issue-line', (el) => Number(el.textContent!.replace(/\D/g, '')));
  expect(line).toBe(13);
  await options.click('.issue-error');
  const selection = await options.$eval('aria/AWS config', (el) => {
    const t = el as HTMLTextAreaElement;
    return { focused: document.activeElement === t, selected: t.value.slice(t.selectionStart, t.selectionEnd) };
  });
  expect(selection).toEqual({ focused: true, selected: 'this line has no delimiter' });

  const result = (await importThroughPage(session, text, options)).result;
  expect(result).toMatch(/Imported [34] roles/);
  const popup = await session.openPage('popup.html');
  await find(popup, '.row-entry');
  expect(entriesOf(await renderedRows(popup)).map((r) => r.profile)).toEqual(expect.arrayContaining(['alfie-development', 'alfie-qa', 'alfie-production']));
});

test('a click switches; the file picker loads a config file; settings are saved to sync', async () => {
  // File picker: the file's text lands in the box and the preview follows.
  const options = await openImportPage(session);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rsb-file-')), 'config');
  fs.writeFileSync(file, SEED_CONFIG);
  const picker = await find(options, 'input[type="file"]');
  await (picker as ElementHandle<HTMLInputElement>).uploadFile(file);
  await until(options, () => (document.querySelector('#config-text') as HTMLTextAreaElement).value.includes('[profile alfie-qa]'));
  expect(await options.$eval('aria/AWS config', (el) => (el as HTMLTextAreaElement).value)).toBe(SEED_CONFIG);
  await until(options, () => document.querySelector('[data-testid="preview-summary"]')?.textContent?.startsWith('3 roles'));
  await importThroughPage(session, SEED_CONFIG, options);

  // Settings: saved at once, in sync storage, validated.
  await options.bringToFront();
  await (await find(options, 'aria/Bottom[role="radio"]')).click();
  await (await find(options, 'aria/Show the banner on console pages Production accounts always keep a banner.[role="checkbox"]')).click();
  let settings: unknown;
  for (let i = 0; i < 50; i++) {
    settings = (await dumpStorage(session)).sync.settings;
    if ((settings as { bannerEnabled?: boolean } | undefined)?.bannerEnabled === false) break;
    await sleep(50);
  }
  expect(settings).toMatchObject({ bannerPosition: 'bottom', bannerEnabled: false });

  // With "Uses that tab", a click on a role switches in the current (non-console) tab.
  await (await find(options, 'input[name="other-tab-switch"][value="this-tab"]')).click();
  for (let i = 0; i < 50; i++) {
    settings = (await dumpStorage(session)).sync.settings;
    if ((settings as { otherTabSwitch?: string } | undefined)?.otherTabSwitch === 'this-tab') break;
    await sleep(50);
  }
  expect(settings).toMatchObject({ otherTabSwitch: 'this-tab' });
  const { page: tab, requests } = await openWebTab(session);
  const popup = await openActionPopup(session, tab);
  await popup.click('.row-entry[data-profile="alfie-qa"] .role-main');
  const url = await waitForSignInRequest(requests);
  expect(url.searchParams.get('account')).toBe('234567890123');
  expect(url.searchParams.get('roleName')).toBe('AlfieDeployment');
});

test('dropping the config file on the text box loads it (with a drop overlay while dragging)', async () => {
  const options = await openImportPage(session);
  await find(options, 'aria/AWS config');
  // A real DataTransfer carrying a File, through the page's own drag and drop handlers.
  const overlay = await options.evaluate((text) => {
    const zone = document.querySelector('#config-text')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'config', { type: '' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return new Promise<string>((resolve) =>
      requestAnimationFrame(() => {
        const shown = document.querySelector('.drop-overlay')?.textContent ?? '';
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        resolve(shown);
      }),
    );
  }, SEED_CONFIG);
  expect(overlay).toBe('Drop your config file to load it');
  await until(options, () => (document.querySelector('#config-text') as HTMLTextAreaElement).value.includes('[profile alfie-qa]'));
  expect(await options.$eval('aria/AWS config', (el) => (el as HTMLTextAreaElement).value)).toBe(SEED_CONFIG);
  expect(await options.$('.drop-overlay')).toBeNull();
  await until(options, () => document.querySelector('[data-testid="preview-summary"]')?.textContent?.startsWith('3 roles'));
  expect(await options.$eval('.result', (el) => el.textContent)).toContain('Loaded config.');
  await options.close();
});

test('the empty popup explains itself, links to the import page and imports from its paste box', async () => {
  const { page: tab } = await openWebTab(session);
  const popup = await openActionPopup(session, tab);
  expect(await popup.$eval('.empty-state', (el) => el.textContent)).toContain('No roles yet');
  const existing = new Set(session.browser.targets());
  const openedOptions = session.browser.waitForTarget((t) => !existing.has(t) && t.url() === `chrome-extension://${session.extensionId}/options.html`, { timeout: 10000 });
  // (The popup closes as the import page takes focus, maybe before a mouse click's release is
  // delivered: the button is pressed in the page, and the page that opens is the proof.)
  await (await find(popup, 'aria/Open the import page[role="button"]')).evaluate((b) => (b as HTMLButtonElement).click()).catch(() => {});
  expect(await openedOptions).toBeTruthy();

  const popup2 = await session.openPage('popup.html');
  await find(popup2, '.empty-state');
  const box = await find(popup2, 'aria/Or paste your config here');
  await box!.evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, SEED_CONFIG);
  await clickButton(popup2, 'Import pasted config');
  await find(popup2, '.row-entry[data-profile="alfie-production"]');
  expect(entriesOf(await renderedRows(popup2))).toHaveLength(3);
});

const SECRETS = [
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'FwoGZXIvYXdzEBYaDEXAMPLESESSIONTOKENVALUE1234567890',
  'IQoJb3JpZ2luX2VjEXAMPLESECURITYTOKENVALUE',
];
const CREDENTIALS_AND_CONFIG = `[default]
aws_access_key_id = ${SECRETS[0]}
aws_secret_access_key = ${SECRETS[1]}
region = us-east-1

[ci]
aws_access_key_id=${SECRETS[2]}
aws_secret_access_key=${SECRETS[3]}
aws_session_token = ${SECRETS[4]}

${SEED_CONFIG.replace('[default]\nregion = us-east-1\n', '').replace('[profile alfie-qa]\n', `[profile alfie-qa]\naws_security_token = ${SECRETS[5]}\n`)}`;

test('a pasted credentials file: the warning names the sections; no secret reaches storage or any page', async () => {
  const options = await openImportPage(session);
  const errors = collectErrors(options);
  await pasteConfig(options, CREDENTIALS_AND_CONFIG);
  const warning = await until(options, () => {
    const notice = Array.from(document.querySelectorAll('.notice')).find((n) => n.textContent?.includes('Secrets found'));
    return notice?.textContent ?? false;
  });
  const text = (await warning.jsonValue()) as string;
  expect(text).toContain('[default]');
  expect(text).toContain('[ci]');
  expect(text).toContain('[profile alfie-qa]');
  expect(text).toContain('aws_secret_access_key');

  // The preview never echoes the text box: no secret anywhere in the page but the box itself.
  const pageText = await options.evaluate(() => document.documentElement.outerHTML + document.body.innerText);
  for (const secret of SECRETS) expect(pageText).not.toContain(secret);

  const { result } = await importThroughPage(session, CREDENTIALS_AND_CONFIG, options);
  expect(result).toContain('Imported 3 roles');
  expect(result).toContain('6 secret lines removed before saving');
  // What stays in the box is what was stored.
  const boxValue = await options.$eval('aria/AWS config', (el) => (el as HTMLTextAreaElement).value);
  for (const secret of SECRETS) expect(boxValue).not.toContain(secret);
  expect(boxValue).toContain('role_arn = arn:aws:iam::123456789012:role/AlfieReadOnly');

  const popup = await session.openPage('popup.html');
  await find(popup, '.row-entry');
  const popupHtml = await popup.evaluate(() => document.documentElement.outerHTML);

  // Every storage area, raw and decoded (the config is stored compressed).
  const dump = await dumpStorage(session);
  const raw = JSON.stringify(dump);
  const synced = readSyncSnapshot(dump.sync);
  expect(synced.status).toBe('ok');
  if (synced.status !== 'ok') return;
  const syncedText = await decodeConfig(synced.data, synced.pointer.sum);
  const localCopies: string[] = [];
  for (const key of ['config.current', 'config.previous']) {
    const copy = localCopySchema.safeParse(dump.local[key]);
    if (copy.success) localCopies.push(await decodeConfig(copy.data.data, copy.data.sum));
  }
  expect(localCopies.length).toBeGreaterThan(0);
  expect(syncedText).toContain('[profile alfie-production]');
  for (const secret of SECRETS) {
    for (const haystack of [raw, syncedText, ...localCopies, popupHtml]) expect(haystack).not.toContain(secret);
  }
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// What the popup does with the background's answer (SwitchOutcome.status), on console fixture
// pages served offline: "failed" keeps the popup open with an alert, "needs-confirmation" asks
// (keyboard first), "done" shows the message and closes.

describe('switch results in the popup', () => {
  const SIGN_IN = 'https://signin.aws.amazon.com/switchrole';

  beforeEach(async () => {
    await importThroughPage(session, E2E_CONFIG);
    await waitForBannerIndex(session, '123456789012');
  });

  const closedWithin = (page: Page, ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (page.isClosed()) return resolve();
      const timer = setTimeout(() => reject(new Error(`the popup was still open after ${ms} ms`)), ms);
      page.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  test('"failed" keeps the popup open with the message as an alert; "done" shows the message, then closes', async () => {
    const start = fixtureUrl('classic-switched-role.html');
    const { page: tab, requests } = await openConsoleTab(session, (request) =>
      request.url() === SIGN_IN && request.method() === 'POST' ? { body: '<!doctype html><title>switched</title><p>switched</p>' } : null,
    );
    await tab.goto(start);
    await findBanner(tab);
    const popup = await openActionPopup(session, tab);
    const errors = collectErrors(popup);

    // Already signed in as alfie-production in this tab: the background refuses.
    await popup.keyboard.type('alfie production');
    await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
    await popup.keyboard.press('Enter');
    const alert = await find(popup, '.switch-failed [role="alert"]');
    expect(await alert.evaluate((el) => (el as HTMLElement).innerText)).toContain('This tab is already signed in as alfie-production.');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search roles');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    // Still open and usable: Esc puts the alert away (the query stays), a new query drives a real switch.
    await popup.keyboard.press('Escape');
    await until(popup, () => !document.querySelector('.switch-failed'));
    expect(await popup.$eval('aria/Search roles', (el) => (el as HTMLInputElement).value)).toBe('alfie production');
    await popup.$eval('aria/Search roles', (el) => (el as HTMLInputElement).select());
    await popup.keyboard.type('alfie qa');
    await until(popup, () => document.querySelectorAll('.row-entry').length === 1 && document.querySelector('.row-entry')?.getAttribute('data-profile') === 'alfie-qa');
    const closed = closedWithin(popup, 10000);
    await popup.keyboard.press('Enter');
    // The classic console's own switch (a POST from the tab); the popup says so before closing.
    const done = await until(popup, () => document.querySelector('.status-bar.is-done')?.textContent ?? false);
    expect(await done.jsonValue()).toBe('✓Switching this tab to alfie-qa (2345-6789-0123, AlfieDeployment); it reloads on the same page.');
    await closed;
    expect(requests.filter((r) => r.method === 'POST' && r.url === SIGN_IN)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  test('"needs-confirmation" (signing in again to a multi-session profile, Shift+Enter) asks in the popup: focus on "Switch anyway", Esc cancels, Enter confirms', async () => {
    const destination = 'https://345678901234-zzzz9999.us-east-1.console.aws.amazon.com/s3/buckets?region=us-east-1';
    // alfie-development has a session in one tab; the popup is opened over another session's tab.
    const { page: development } = await openConsoleTab(session);
    await development.goto(fixtureUrl('multi-session.html'));
    await findBanner(development);
    const { page: qa, requests } = await openConsoleTab(session, multiSessionEndpoint('234567890123-qrst5678', destination));
    await qa.goto(fixtureUrl('multi-session-qa.html'));
    await findBanner(qa);
    const switchCalls = () => requests.filter((r) => r.method === 'POST' && r.url.endsWith('/v1/switchrole'));

    const popup = await openActionPopup(session, qa);
    const errors = collectErrors(popup);
    await popup.keyboard.type('alfie development');
    await until(popup, () => document.querySelector('.row-entry')?.getAttribute('data-profile') === 'alfie-development' && document.querySelectorAll('.row-entry').length === 1);
    // Shift+Enter signs in again (Enter goes to the profile's open tab instead, issue 13).
    const signInAgain = async () => {
      await popup.keyboard.down('Shift');
      await popup.keyboard.press('Enter');
      await popup.keyboard.up('Shift');
    };
    await signInAgain();

    const question = await find(popup, '[role="alertdialog"]');
    expect(await question.evaluate((el) => (el as HTMLElement).innerText)).toContain(
      'alfie-development already has a session, open in 1 other tab. Switching into it again signs that session out, and those tabs with it. Switch anyway?',
    );
    expect(await accessibleName(popup, '[role="alertdialog"]')).toBe('Sign out the open session?');
    await until(popup, () => document.activeElement?.textContent === 'Switch anyway');
    expect(switchCalls()).toHaveLength(0);

    // Esc cancels: the question goes, focus returns to the search, nothing is sent, the popup stays.
    await popup.keyboard.press('Escape');
    await until(popup, () => !document.querySelector('[role="alertdialog"]'));
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search roles');
    expect(await popup.$eval('.status-bar', (el) => el.textContent)).toBe('Switch cancelled: nothing was changed.');
    expect(popup.isClosed()).toBe(false);
    expect(switchCalls()).toHaveLength(0);

    // Ask again; Enter on the focused "Switch anyway" confirms: one switch call, the new session's tab opens.
    await signInAgain();
    await until(popup, () => document.activeElement?.textContent === 'Switch anyway');
    const opened = session.browser.waitForTarget((t) => t.url() === destination, { timeout: 10000 });
    await popup.keyboard.press('Enter').catch(() => {}); // the popup may close while the key is down
    await opened;
    expect(switchCalls()).toHaveLength(1);
    expect(JSON.parse(switchCalls()[0]!.body!)).toMatchObject({ account: '345678901234', roleName: 'AlfieFullAccess', displayName: 'alfie-development' });
    expect(errors).toEqual([]);
  });
});
