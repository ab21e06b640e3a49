// The ONE module that knows AWS console internals (aws-facts §1.2, §1.3, §3). All of them are
// undocumented and can change without notice: when the console changes, this file and its
// fixture test (test/unit/console-internals.test.ts, test/fixtures/console/*.html) are the fix.
// Everything here reads raw claims; src/core/console-identity.ts judges them (fail closed).
//
// Imported by the content scripts (keep it tiny, no zod) and by the background (the main-world
// functions, the switch fields). No side effects at import.
import type { IdentityReading } from '../core/console-identity';

/** The console's own navigation header: the banner must never cover it or its menus. */
export const HEADER_SELECTOR = '#awsc-nav-header, [data-testid="awsc-nav-header"]';

const SESSION_DATA_META = 'meta[name="awsc-session-data"]';
const REGION_META = 'meta#awsc-mezz-region, meta[name="awsc-mezz-region"]';
const ACCOUNT_ID_COPY = '[data-testid="awsc-copy-accountid"]';
const USER_INFO_COOKIE = 'aws-userInfo';
/** Multi-session host: `<12-digit account>-<8 chars>.<region>.console.aws.amazon.com`. */
const SESSION_HOST_LABEL = /^(\d{12})-([0-9a-z]{8})\./;
/** Classic regional host: `<region>.console.aws.amazon.com` (also after a session label). */
const HOST_REGION = /(?:^|\.)([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.console\./;

function parseJson(text: string | null | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Source 1: `<meta name="awsc-session-data" content="{json}">`, server-rendered in the page head. */
export function readSessionData(doc: Document): IdentityReading | null {
  const data = parseJson(doc.querySelector(SESSION_DATA_META)?.getAttribute('content'));
  if (!data) return null;
  const multiSession = data.prismModeEnabled === true;
  return {
    source: 'session-data',
    // A string, as the facts describe; anything else (even a number) is no account ID.
    accountId: data.accountId,
    accountAlias: data.accountAlias,
    arn: data.sessionARN,
    multiSession,
    sessionId: multiSession ? data.sessionDifferentiator : undefined,
    signInEndpoint: data.signInEndpoint,
  };
}

/** Source 2: the multi-session host label, and the region a regional host names. */
export function readHost(hostname: string): IdentityReading | null {
  const host = hostname.toLowerCase();
  const label = SESSION_HOST_LABEL.exec(host);
  const region = HOST_REGION.exec(host)?.[1];
  if (!label && !region) return null;
  return label
    ? { source: 'host-label', accountId: label[1], sessionId: `${label[1]}-${label[2]}`, multiSession: true, region }
    : { source: 'host-label', region };
}

/** The visible text next to a copy button (the button copies; its sibling shows the value). */
function siblingText(doc: Document, selector: string): string | undefined {
  const button = doc.querySelector(selector);
  return button?.previousElementSibling?.textContent?.trim() || undefined;
}

/**
 * Source 3: the navigation bar, rendered by the console's script some time after load. Only the
 * explicit "copy account ID" control counts: the account menu can list other sessions' accounts.
 * The user-name text next to `awsc-copy-username` is not read: its wording differs between
 * sign-in kinds and languages, and a name we would have to guess the format of is no source.
 */
export function readNavigation(doc: Document): IdentityReading | null {
  const accountText = siblingText(doc, ACCOUNT_ID_COPY);
  const digits = accountText && /^(\d{4})-?(\d{4})-?(\d{4})$/.exec(accountText);
  const region = doc.querySelector(REGION_META)?.getAttribute('content')?.trim();
  if (!digits && !region) return null;
  return {
    source: 'navigation',
    accountId: digits ? `${digits[1]}${digits[2]}${digits[3]}` : undefined,
    region,
  };
}

/** Source 4: cookie `aws-userInfo`, URL-encoded JSON. Weak: it can describe the original sign-in. */
export function readUserInfoCookie(cookie: string): IdentityReading | null {
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== USER_INFO_COOKIE) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
    const data = parseJson(decoded);
    return data ? { source: 'cookie', arn: data.arn, accountAlias: data.alias } : null;
  }
  return null;
}

/** Every identity source of a console page, for `combineIdentity`. */
export function readIdentitySources(doc: Document, hostname: string): IdentityReading[] {
  let cookie = '';
  try {
    cookie = doc.cookie;
  } catch {
    // Sandboxed documents throw on cookie access: that source is simply absent.
  }
  return [readSessionData(doc), readHost(hostname), readNavigation(doc), readUserInfoCookie(cookie)].filter(
    (r): r is IdentityReading => r !== null,
  );
}

/** The console's navigation header, if the page has one. */
export function findConsoleHeader(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(HEADER_SELECTOR);
}

// ---------------------------------------------------------------------------------------------
// Switching (aws-facts §1.2, §1.3).

/** Path of the classic switch POST and of the pre-filled switch page on the sign-in host. */
export const SWITCH_ROLE_PATH = '/switchrole';

export interface SwitchTarget {
  account: string;
  roleName: string;
  displayName: string;
  /** 6 hex digits, no `#`. */
  color: string;
  /** Where to land after the switch. */
  redirectUri: string;
}

/** The classic console's switch form fields, except the CSRF token the page adds itself. */
export function classicSwitchFields(target: SwitchTarget): Record<string, string> {
  return {
    action: 'switchFromBasis',
    src: 'nav',
    mfaNeeded: '0',
    roleName: target.roleName,
    account: target.account,
    displayName: target.displayName.slice(0, 64),
    color: target.color,
    // aws-facts §1.2: the destination is percent-encoded inside the field value.
    redirect_uri: encodeURIComponent(target.redirectUri),
  };
}

/** The multi-session switch endpoint for the current session. */
export function multiSessionSwitchUrl(signInEndpoint: string, sessionId: string): string {
  return `https://${signInEndpoint}/sessions/${encodeURIComponent(sessionId)}/v1/switchrole`;
}

/** The multi-session switch JSON body (`redirectUri` without the session label). */
export function multiSessionSwitchBody(target: SwitchTarget): Record<string, string> {
  return {
    account: target.account,
    color: target.color,
    displayName: target.displayName.slice(0, 64),
    redirectUri: target.redirectUri.replace(/^https:\/\/\d{12}-[0-9a-z]{8}\./, 'https://'),
    roleName: target.roleName,
  };
}

export type MainWorldResult = { ok: true } | { ok: false; reason: 'no-token' | 'no-body' };

/**
 * Runs in the console page's MAIN world via `scripting.executeScript` (serialised: it must not
 * use anything from this module's scope). Reads the page's CSRF token (`AWSC.Auth.getMbtc()`,
 * which only the page's own script holds) and submits the classic switch form, exactly as the
 * console's own menu does. The token never leaves the page. The submit waits one task so the
 * result reaches the extension before the page navigates away.
 */
export function mainWorldClassicSwitch(action: string, fields: Record<string, string>): MainWorldResult {
  let token: unknown;
  try {
    const auth = (window as unknown as { AWSC?: { Auth?: { getMbtc?: () => unknown } } }).AWSC?.Auth;
    token = typeof auth?.getMbtc === 'function' ? auth.getMbtc() : undefined;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'no-token' };
  if (!document.body) return { ok: false, reason: 'no-body' };
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = action;
  form.target = '_top';
  form.style.display = 'none';
  const all: Record<string, string> = { ...fields, csrf: token };
  for (const name of Object.keys(all)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = all[name]!;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  setTimeout(() => HTMLFormElement.prototype.submit.call(form), 0);
  return { ok: true };
}

export interface MultiSessionSwitchResult {
  /** HTTP status, 0 when the request failed before an answer. */
  status: number;
  /** The new session's URL, when the answer names one. */
  destination: string | null;
}

/**
 * Runs in the console page's MAIN world (serialised, self-contained): the multi-session switch is
 * a JSON POST from the page's own context, with its cookies and the CSRF header the console sends.
 */
export async function mainWorldMultiSessionSwitch(url: string, body: Record<string, string>): Promise<MultiSessionSwitchResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-PROTECTION': '1' },
      body: JSON.stringify(body),
    });
    let destination: string | null = null;
    try {
      const json: unknown = await response.json();
      const value = json && typeof json === 'object' ? (json as { destination?: unknown }).destination : undefined;
      destination = typeof value === 'string' && value !== '' ? value : null;
    } catch {
      destination = null;
    }
    return { status: response.status, destination };
  } catch {
    return { status: 0, destination: null };
  }
}

// ---------------------------------------------------------------------------------------------
// The sign-in host's pre-filled switch-role page (aws-facts §1.1).

export interface SignInSwitchForm {
  form: HTMLFormElement;
  account: string;
  roleName: string;
  submitter: HTMLElement | null;
}

/** The pre-filled switch form on the sign-in page, or null while it is not (yet) there. */
export function findSignInSwitchForm(doc: Document): SignInSwitchForm | null {
  const account = doc.querySelector<HTMLInputElement>('form input[name="account"], form input#account');
  const form = account?.form;
  if (!account || !form) return null;
  const roleName = form.querySelector<HTMLInputElement>('input[name="roleName"], input#roleName');
  if (!roleName) return null;
  const submitter = form.querySelector<HTMLElement>('#input_switchrole_button, button[type="submit"], input[type="submit"]');
  return { form, account: account.value.trim(), roleName: roleName.value.trim(), submitter };
}
