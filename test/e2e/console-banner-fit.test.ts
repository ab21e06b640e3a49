// Issue 15 §4 proof: a banner that always fits. On fixture pages of our own (test/fixtures/
// banner-fit), served at console URLs: a profile whose app, profile name, alias and role are all
// long, at 800 and 900 px; and a console page with its fixed bottom bar (the footer with
// CloudShell). The banner is read through its region (a closed shadow root) as rendered.
import fs from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { collectErrors, launchWithExtension, type ExtensionSession } from './harness';
import { clearStorage, importThroughPage, waitForRecord } from './ui-helpers';
import { bannerFacts, E2E_CONFIG, findBanner, openConsoleTab, waitForBannerIndex, type BannerFacts } from './console-pages';

jest.setTimeout(30000);

const LONG = {
  production: { account: '210987654321', alias: 'settlement-reconciliation-payments-prod', role: 'SettlementReconciliationReadOnlyOperator' },
  staging: { account: '210987654322', alias: 'settlement-reconciliation-payments-stg', role: 'SettlementReconciliationDeploymentOperator' },
};
const APP = 'settlement-reconciliation-platform';
const FIT_CONFIG = `${E2E_CONFIG}
[profile ${APP}-production]
role_arn = arn:aws:iam::${LONG.production.account}:role/${LONG.production.role}
aws_account_alias = ${LONG.production.alias}
source_profile = default

[profile ${APP}-staging]
role_arn = arn:aws:iam::${LONG.staging.account}:role/${LONG.staging.role}
aws_account_alias = ${LONG.staging.alias}
source_profile = default
`;

const FIXTURES = path.resolve(__dirname, '../fixtures/banner-fit');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const servedAt = (html: string) => /Served at: (\S+)/.exec(html)![1]!;

let session: ExtensionSession;
let options: Page;

beforeAll(async () => {
  session = await launchWithExtension();
  await clearStorage(session);
  options = (await importThroughPage(session, FIT_CONFIG)).page;
  await waitForBannerIndex(session, LONG.production.account);
}, 60000);
afterAll(async () => {
  await session?.close();
});

/** Opens `html` at its URL in a window `width` px wide. */
async function openAt(html: string, width: number): Promise<Page> {
  const url = servedAt(html);
  const { page } = await openConsoleTab(session, undefined, { [url]: html });
  await page.setViewport({ width, height: 800 });
  await page.goto(url);
  await findBanner(page);
  return page;
}

function longNamesPage(env: keyof typeof LONG): string {
  const { account, alias, role } = LONG[env];
  return fixture('long-names.html').replaceAll('ACCOUNT_ID', account).replaceAll('ACCOUNT_ALIAS', alias).replaceAll('ROLE_NAME', role);
}

interface Piece {
  text: string;
  left: number;
  right: number;
  width: number;
  /** Shortened: its text does not fit its box. */
  cut: boolean;
  title: string | null;
  tabStop: boolean;
  /** Its minimum width (the `ch` it keeps when shortened), in px. */
  min: number;
}

/** The bar's pieces as laid out, once the bar has settled (the tab stops of cut pieces are set after layout). */
async function layout(bar: ElementHandle<Element>): Promise<{ bar: { left: number; right: number; height: number; text: string }; pieces: Piece[] }> {
  return bar.evaluate(async (el) => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const box = el.getBoundingClientRect();
    // (Not the session's timer, issue 13: it comes when the background knows the session.)
    const children = Array.from(el.children as HTMLCollectionOf<HTMLElement>).filter((c) => c.getAttribute('role') !== 'timer');
    const pieces = children.map((child) => {
      const r = child.getBoundingClientRect();
      return {
        text: child.textContent ?? '',
        left: r.left,
        right: r.right,
        width: r.width,
        cut: child.scrollWidth > child.clientWidth,
        title: child.getAttribute('title'),
        tabStop: child.getAttribute('tabindex') === '0',
        min: Number.parseFloat(getComputedStyle(child).minWidth) || 0,
      };
    });
    const text = children.map((c) => c.innerText).join(' ').replace(/\s+/g, ' ').trim();
    return { bar: { left: box.left, right: box.right, height: box.height, text }, pieces };
  });
}

const piece = (pieces: Piece[], text: string): Piece => {
  const found = pieces.find((p) => p.text === text);
  if (!found) throw new Error(`no piece "${text}" in ${JSON.stringify(pieces.map((p) => p.text))}`);
  return found;
};

describe.each([800, 900])('long app, profile, alias and role at %i px', (width) => {
  test.each(['production', 'staging'] as const)('%s: environment, account and role stay; app, profile and alias give way first, with an ellipsis', async (env) => {
    const { account, alias, role } = LONG[env];
    const page = await openAt(longNamesPage(env), width);
    const errors = collectErrors(page);
    const { bar, pieces } = await layout(await findBanner(page));
    const id = `${account.slice(0, 4)}-${account.slice(4, 8)}-${account.slice(8)}`;
    // The whole text is still there for screen readers and copy; one line, 30 px.
    const badge = env === 'production' ? 'PRODUCTION' : 'STAGING';
    expect(bar.text).toBe(`${badge} ${APP} Profile ${APP}-${env} Account ${id} (${alias}) Role ${role} ${env === 'production' ? '' : 'Hide '}Why?`);
    expect(bar.height).toBe(30);
    // Nothing is pushed out of the bar: every piece, and the buttons, inside its padding.
    for (const p of pieces) expect({ text: p.text, inside: p.left >= bar.left && p.right <= bar.right - 7.5 }).toEqual({ text: p.text, inside: true });
    // Never shortened: the environment, the labels, the account ID, the buttons.
    for (const text of [badge, 'Profile ', 'Account ', id, 'Role ', 'Why?']) expect({ text, cut: piece(pieces, text).cut }).toEqual({ text, cut: false });
    // Shortened first, each to a few characters and an ellipsis, never to nothing.
    const first = [APP, `${APP}-${env}`, ` (${alias})`].map((text) => piece(pieces, text));
    for (const p of first) {
      expect({ text: p.text, cut: p.cut }).toEqual({ text: p.text, cut: true });
      expect(p.width).toBeGreaterThanOrEqual(p.min - 0.5);
      expect(p.min).toBeGreaterThan(20);
    }
    // The role: whole when that fits; if it must give way, only once the others are as short as
    // they go, never below a dozen characters, and it keeps the room they gave up.
    const rolePiece = piece(pieces, role);
    if (rolePiece.cut) for (const p of first) expect(p.width).toBeLessThanOrEqual(p.min + 1);
    expect(rolePiece.min).toBeGreaterThanOrEqual(12 * 6);
    expect(rolePiece.width).toBeGreaterThanOrEqual(rolePiece.min - 0.5);
    for (const p of first) expect(rolePiece.width).toBeGreaterThan(2 * p.width);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('a shortened fact shows in full on hover (its title) and on keyboard focus (a tooltip), and only while it is shortened', async () => {
  const page = await openAt(longNamesPage('staging'), 800);
  const bar = await findBanner(page);
  const { pieces } = await layout(bar);
  const cut = pieces.filter((p) => p.cut);
  expect(cut.map((p) => p.text)).toEqual(expect.arrayContaining([APP, `${APP}-staging`, ` (${LONG.staging.alias})`]));
  // Hover: the title says the fact in full, label and all.
  expect(piece(pieces, `${APP}-staging`).title).toBe(`Profile ${APP}-staging`);
  expect(piece(pieces, ` (${LONG.staging.alias})`).title).toBe(`Account 2109-8765-4322 (${LONG.staging.alias})`);
  for (const p of cut) expect({ text: p.text, tabStop: p.tabStop }).toEqual({ text: p.text, tabStop: true });
  for (const p of pieces.filter((q) => !q.cut && q.text !== 'Hide' && q.text !== 'Why?')) expect({ text: p.text, tabStop: p.tabStop, title: p.title }).toEqual({ text: p.text, tabStop: false, title: null });

  // Focus: Tab reaches each cut piece in order, and a tooltip under the bar says it in full.
  const focused = () =>
    bar.evaluate((el) => {
      const root = el.getRootNode() as ShadowRoot;
      const tip = root.querySelector('[role="tooltip"]');
      const r = tip?.getBoundingClientRect();
      return {
        active: (root.activeElement as HTMLElement | null)?.textContent ?? null,
        tip: tip?.textContent ?? null,
        tipInWindow: r ? r.left >= 0 && r.right <= window.innerWidth && r.top >= 30 : null,
      };
    });
  const seen: { active: string | null; tip: string | null; tipInWindow: boolean | null }[] = [];
  for (let i = 0; i < 40 && seen.length < cut.length; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (now.active !== null) seen.push(now);
  }
  const full: Record<string, string> = {
    [APP]: APP,
    [`${APP}-staging`]: `Profile ${APP}-staging`,
    [` (${LONG.staging.alias})`]: `Account 2109-8765-4322 (${LONG.staging.alias})`,
    [LONG.staging.role]: `Role ${LONG.staging.role}`,
  };
  expect(seen).toEqual(cut.map((p) => ({ active: p.text, tip: full[p.text], tipInWindow: true })));
  // Focus moves on to the buttons: no tooltip is left behind.
  await page.keyboard.press('Tab');
  expect(await focused()).toEqual({ active: 'Hide', tip: null, tipInWindow: null });

  // Wide enough again: nothing is cut, so nothing extra is a tab stop or has a title of its own.
  await page.setViewport({ width: 1900, height: 800 });
  const wide = await layout(bar);
  expect(wide.pieces.filter((p) => p.cut || p.tabStop || p.title !== null)).toEqual([]);
  await page.close();
});

describe('at the bottom, above the console\'s own fixed bottom bar', () => {
  const footerPage = fixture('footer-bottom-bar.html');

  async function setPosition(position: 'top' | 'bottom'): Promise<void> {
    await options.bringToFront();
    await options.evaluate((value) => (document.querySelector(`input[name="banner-position"][value="${value}"]`) as HTMLInputElement).click(), position);
    await waitForRecord<{ bannerPosition?: string }>(session, 'sync', 'settings', (s) => (s?.bannerPosition ?? 'top') === position);
  }
  /** The banner once it sits where `settled` says (it moves in the frame after a change). */
  async function bannerWhen(page: Page, settled: (facts: BannerFacts) => boolean): Promise<BannerFacts> {
    await page.bringToFront();
    const deadline = Date.now() + 10000;
    let facts = await bannerFacts(page);
    while (!settled(facts) && Date.now() < deadline) {
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      facts = await bannerFacts(page);
    }
    return facts;
  }
  const footerTop = (page: Page) => page.$eval('#console-nav-footer', (el) => el.getBoundingClientRect().top);
  /** What a click at the centre of `selector` hits, and whether the page saw the click. */
  async function hitAndClick(page: Page, selector: string): Promise<{ hit: string; opened: string | null }> {
    const point = await page.$eval(selector, (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id ?? 'nothing', point);
    await page.mouse.click(point.x, point.y);
    return { hit, opened: await page.evaluate(() => document.body.getAttribute('data-opened')) };
  }

  afterAll(async () => {
    await setPosition('top');
  });

  test('the banner sits on the footer\'s top edge, follows it when it grows, and CloudShell stays clickable', async () => {
    await setPosition('bottom');
    const page = await openAt(footerPage, 1280);
    const errors = collectErrors(page);
    let top = await footerTop(page);
    expect(top).toBe(760);
    let facts = await bannerWhen(page, (f) => f.bottom === top);
    expect({ top: facts.top, bottom: facts.bottom, text: facts.text }).toEqual({ top: 730, bottom: 760, text: 'QA alfie Profile alfie-qa Account 2345-6789-0123 Role AlfieDeployment Hide Why?' });
    // The footer's buttons are what a click there hits, and the page gets the click.
    expect(await hitAndClick(page, '#footer-feedback')).toEqual({ hit: 'footer-feedback', opened: null });
    expect(await hitAndClick(page, '#footer-cloudshell')).toEqual({ hit: 'footer-cloudshell', opened: 'cloudshell' });
    // CloudShell opened: the footer is taller, and the banner moves up with it.
    top = await footerTop(page);
    expect(top).toBe(736);
    facts = await bannerWhen(page, (f) => f.bottom === top);
    expect({ top: facts.top, bottom: facts.bottom }).toEqual({ top: 706, bottom: 736 });
    // The end of the page can still be scrolled clear of both.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.$eval('#last-line', (el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(top - 30);
    // The "Why?" panel opens above the banner, not over the footer.
    await (await page.waitForSelector('aria/Why this account: what the page said'))!.click();
    const panel = await page.waitForSelector('aria/Why this account[role="region"]');
    expect(await panel!.evaluate((el) => el.getBoundingClientRect().bottom)).toBe(706);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('when the footer goes, the banner goes back to the window\'s edge; at the top, the footer is left alone', async () => {
    await setPosition('bottom');
    const page = await openAt(footerPage, 1280);
    expect((await bannerWhen(page, (f) => f.bottom === 760)).bottom).toBe(760);
    await page.evaluate(() => document.getElementById('console-nav-footer')!.remove());
    expect((await bannerWhen(page, (f) => f.bottom === 800)).bottom).toBe(800);
    await setPosition('top');
    const top = await openAt(footerPage, 1280);
    expect(await bannerWhen(top, (f) => f.top === 0)).toMatchObject({ top: 0, bottom: 30 });
    expect(await footerTop(top)).toBe(760);
    expect(await hitAndClick(top, '#footer-cloudshell')).toEqual({ hit: 'footer-cloudshell', opened: 'cloudshell' });
    await page.close();
    await top.close();
  });
});
