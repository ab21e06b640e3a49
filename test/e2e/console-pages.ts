// Console fixture pages served offline at their real URLs (request interception), and what the
// banner and switch tests need around them. Nothing leaves the machine: console and sign-in
// requests get fixture answers, everything else is aborted.
import fs from 'node:fs';
import path from 'node:path';
import type { ElementHandle, HTTPRequest, Page } from 'puppeteer-core';
import type { ExtensionSession } from './harness';
import { EXAMPLE_CONFIG } from '../../src/core/config/example-config';

let FIXTURES = path.resolve(__dirname, '../fixtures/console');

/** For the bench, which runs compiled from another folder. */
export function setFixtureRoot(dir: string): void {
  FIXTURES = dir;
}

/** A strict page policy: inline styles without the nonce are refused, so the banner must not need any. */
export const FIXTURE_CSP =
  "default-src 'none'; script-src 'nonce-fx'; style-src 'nonce-fx'; " +
  'connect-src https://signin.aws.amazon.com https://*.signin.aws.amazon.com; ' +
  // form-action also governs where a form's redirects may go: back to the console.
  "form-action 'self' https://signin.aws.amazon.com https://*.signin.aws.amazon.com https://signin.amazonaws-us-gov.com https://signin.amazonaws.cn https://*.console.aws.amazon.com " +
  'https://*.signin.amazonaws-eusc.eu https://*.console.amazonaws-eusc.eu';

/**
 * The seed example plus an SSO profile, one profile per other partition (GovCloud, China, the
 * European Sovereign Cloud), an account named by alias, an Identity Center role named in full,
 * and an SSO profile on a new-style access portal host.
 */
export const E2E_CONFIG = `${EXAMPLE_CONFIG}
[profile data-lake-staging]
sso_session = corp
sso_account_id = 456789012345
sso_role_name = DataEngineer

[sso-session corp]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1

[profile gov-ops-test]
role_arn = arn:aws-us-gov:iam::567890123456:role/GovOps
source_profile = default

[profile cnops-staging]
role_arn = arn:aws-cn:iam::678901234567:role/team/CnDeploy
source_profile = default

[profile ledger-production]
role_arn = arn:aws:iam::777788889999:role/LedgerAdmin
aws_account_alias = ledger-prod
source_profile = default

[profile checkout-test]
role_arn = arn:aws:iam::234567890123:role/AWSReservedSSO_QaTester_0123456789abcdef
source_profile = default

[profile sovereign-staging]
role_arn = arn:aws-eusc:iam::789012345678:role/EuOps
region = eusc-de-east-1
source_profile = default

[profile portal-dev]
sso_session = next-portal
sso_account_id = 890123456789
sso_role_name = Developer

[sso-session next-portal]
sso_start_url = https://acme-corp.eu-west-1.portal.amazonaws.com/start
sso_region = eu-west-1
`;

export function fixtureHtml(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The URL a fixture documents itself as served at. */
export function fixtureUrl(name: string): string {
  const m = /Served at: (\S+)/.exec(fixtureHtml(name));
  if (!m) throw new Error(`${name} has no "Served at:" line`);
  return m[1]!;
}

export const consoleFixtures = (): string[] => fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.html') && !f.startsWith('signin'));

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Responder = (request: HTTPRequest) => { status?: number; contentType?: string; headers?: Record<string, string>; body: string } | null;

/**
 * Serves console fixtures on `page`: a navigation to a fixture's URL (hash ignored) gets its
 * HTML; `extra` may answer other requests (sign-in pages, switch calls); all else is aborted.
 * Every request is recorded.
 */
/** Firefox's WebDriver BiDi does not expose request bodies: undefined there, not a throw. */
function postDataOf(request: HTTPRequest): string | undefined {
  try {
    return request.postData();
  } catch {
    return undefined;
  }
}

export async function serveFixtures(page: Page, extra: Responder = () => null, overrides: Record<string, string> = {}): Promise<CapturedRequest[]> {
  const byUrl = new Map<string, string>();
  for (const name of consoleFixtures()) byUrl.set(fixtureUrl(name).replace(/#.*$/, ''), fixtureHtml(name));
  for (const [url, html] of Object.entries(overrides)) byUrl.set(url.replace(/#.*$/, ''), html);
  const captured: CapturedRequest[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    captured.push({ method: request.method(), url: request.url(), headers: request.headers(), body: postDataOf(request) });
    const answer = extra(request);
    if (answer) {
      void request.respond({ status: answer.status ?? 200, contentType: answer.contentType ?? 'text/html', headers: answer.headers, body: answer.body });
      return;
    }
    // The browser asks for a favicon after each load: an empty answer, not a logged failure.
    if (new URL(request.url()).pathname === '/favicon.ico') {
      void request.respond({ status: 204, body: '' });
      return;
    }
    const html = request.method() === 'GET' ? byUrl.get(request.url().replace(/#.*$/, '')) : undefined;
    if (html !== undefined) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': FIXTURE_CSP }, body: html });
    } else {
      void request.abort();
    }
  });
  return captured;
}

/** A new tab serving fixtures, cookies cleared (fixtures set their own). */
export async function openConsoleTab(session: ExtensionSession, extra?: Responder, overrides?: Record<string, string>): Promise<{ page: Page; requests: CapturedRequest[] }> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const client = await page.createCDPSession();
  await client.send('Network.clearBrowserCookies');
  await client.detach();
  const requests = await serveFixtures(page, extra, overrides);
  return { page, requests };
}

/**
 * The multi-session switch endpoint of `sessionId` on the sign-in host: answers the CORS preflight
 * as that host does for the console origin, and the POST with `destination` to open.
 */
export function multiSessionEndpoint(sessionId: string, destination: string): Responder {
  const url = `https://us-east-1.signin.aws.amazon.com/sessions/${sessionId}/v1/switchrole`;
  return (request) => {
    if (request.url() !== url) return null;
    const headers = {
      'Access-Control-Allow-Origin': request.headers().origin ?? '*',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'content-type, x-csrf-protection',
    };
    if (request.method() === 'OPTIONS') return { status: 204, headers, body: '' };
    return { status: 200, contentType: 'application/json', headers, body: JSON.stringify({ destination }) };
  };
}

/**
 * The banner's region, found through the accessibility tree: the banner lives in a CLOSED
 * shadow root, which page script (and CSS selectors) cannot enter but the browser's
 * accessibility tree, like a screen reader, sees.
 */
export async function findBanner(page: Page, timeout = 5000): Promise<ElementHandle<Element>> {
  // Background tabs get no animation frames, which the selector wait relies on.
  await page.bringToFront();
  const handle = await page.waitForSelector('aria/AWS account[role="region"]', { timeout });
  return handle!;
}

export interface BannerFacts {
  text: string;
  background: string;
  color: string;
  top: number;
  bottom: number;
  height: number;
  hasHideButton: boolean;
}

export async function bannerFacts(page: Page): Promise<BannerFacts> {
  const banner = await findBanner(page);
  return banner.evaluate((el) => {
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
      // Without the session's timer (issue 13), which comes when the background knows the session: bannerSession() reads it.
      text: Array.from(el.children as HTMLCollectionOf<HTMLElement>)
        .filter((c) => c.getAttribute('role') !== 'timer')
        .map((c) => c.innerText)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
      background: style.backgroundColor,
      color: style.color,
      top: rect.top,
      bottom: rect.bottom,
      height: rect.height,
      hasHideButton: !!el.querySelector('button[aria-label="Hide account banner"]'),
    };
  });
}

/**
 * Is the console header's Services button what the user would hit at its centre, and does a
 * real click reach it? (elementFromPoint in the page retargets to our host if we covered it.)
 */
export async function headerIsClickable(page: Page): Promise<{ hit: string; opened: string | null; headerTop: number }> {
  const point = await page.$eval('#nav-services', (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, headerTop: document.getElementById('awsc-nav-header')!.getBoundingClientRect().top };
  });
  const hit = await page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y);
    return el ? el.id || el.tagName.toLowerCase() : 'nothing';
  }, point);
  await page.evaluate(() => document.body.removeAttribute('data-opened'));
  await page.mouse.click(point.x, point.y);
  const opened = await page.evaluate(() => document.body.getAttribute('data-opened'));
  // Close the menu again.
  await page.mouse.click(point.x, point.y);
  return { hit, opened, headerTop: point.headerTop };
}

export const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** Waits until the background has written a banner index listing `accountId`. */
export async function waitForBannerIndex(session: ExtensionSession, accountId: string): Promise<void> {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    const listed = await session.worker.evaluate(async (id) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { accounts?: string[] } | undefined>> } } } }).chrome;
      const meta = (await c.storage.local.get('bannerIndex:meta'))['bannerIndex:meta'];
      return !!meta?.accounts?.includes(id);
    }, accountId);
    if (listed) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the banner index never listed ${accountId}`);
}
