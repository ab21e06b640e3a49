// The ONE module that reads AWS console internals (docs/aws-facts.md §1.1, §3): the identity
// sources, the console's header and footer, the sign-in page's switch form. All of them are
// undocumented and can change without notice: when the console changes, this file and its
// fixture test (console-internals.test.ts, test/fixtures/console/*.html) are the fix. Everything
// here reads raw claims; src/core/console/console-identity.ts judges them (fail closed).
// Never by class name (hashed CSS modules) nor by label text (translated): ids, data-testids,
// attributes and values only.
//
// Content scripts only (keep it tiny, no zod); no side effects at import. What runs in the
// page's own world for a switch is in src/page-world/, the requests it sends in
// src/core/console/switch-request.ts.
import type { IdentityReading, IdentitySource } from '../core/console/console-identity';
import { isPlainObject } from '../core/plain-object';

/**
 * The console's own navigation header (`#consoleNavHeader` before 2021): the banner must never
 * cover it, and the navigation readers look nowhere else. An account button or copy control
 * anywhere else on the page (a decoy in a service page, a help panel) is never read.
 */
export const HEADER_SELECTOR = '#awsc-nav-header, [data-testid="awsc-nav-header"], #consoleNavHeader';

const SESSION_DATA_META = 'meta[name="awsc-session-data"]';
const REGION_META = 'meta#awsc-mezz-region, meta[name="awsc-mezz-region"]';
const USER_INFO_COOKIE = 'aws-userInfo';
/** Multi-session host: `<12-digit account>-<8 chars>.<region>.console.aws.amazon.com`. */
const SESSION_HOST_LABEL = /^(\d{12})-([0-9a-z]{8})\./;
/** Classic regional host: `<region>.console.aws.amazon.com` (also after a session label). */
const HOST_REGION = /(?:^|\.)((?:[a-z]{2}|eusc)(?:-[a-z]+)+-\d{1,2})\.console\./;

function parseJson(text: string | null | undefined): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return isPlainObject(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Source 1: `<meta name="awsc-session-data" content="{json}">`, server-rendered in the page head.
 * Only metas in `document.head` are read (the judge refuses more than one); one elsewhere in the
 * page is reported as ignored, never read: page content can put markup in the body.
 */
export function readSessionData(doc: Document): IdentityReading[] {
  const inHead = Array.from(doc.head?.querySelectorAll(SESSION_DATA_META) ?? []);
  if (inHead.length === 0) {
    return doc.querySelector(SESSION_DATA_META) ? [{ source: 'session-data', unusable: 'outside the page head: ignored' }] : [];
  }
  return inHead.map((meta): IdentityReading => {
    const data = parseJson(meta.getAttribute('content'));
    if (!data) return { source: 'session-data', unusable: 'its content is not a JSON object' };
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
  });
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

/** Elements matching `selector` inside the console header(s), each once, in document order. */
const inHeader = (doc: Document, selector: string): Element[] => [...doc.querySelectorAll(`:is(${HEADER_SELECTOR}) :is(${selector})`)];

/** Said when a navigation control is on the page but in no console header: not read, but reported (a changed console, or a decoy). */
const outside = (doc: Document, selector: string, source: IdentitySource): IdentityReading[] =>
  Array.from(doc.querySelectorAll(selector)).some((el) => !el.closest(HEADER_SELECTOR)) ? [{ source, unusable: 'found outside the console header: not read' }] : [];

/** A value as the page shows it: the `title` (never translated) or the text. */
const valueOf = (el: Element | null | undefined): string | undefined => (el?.getAttribute('title') || el?.textContent || '').trim() || undefined;

/**
 * Source 3: the account button (`#nav-usernameMenu`). Its `title` is `<role>/<user> @ <account
 * or alias>`: on the `<button>` itself by mid-2025, on its inner label span in mid-2024, on the
 * label `<div>` of the pre-2021 `<a>`. Its short visible label and aria-label (`PermissionSet/user`,
 * `Role/session`, or the display name chosen at a switch) go along for the judge to compare.
 * One reading per button in the header: two that differ are a disagreement.
 */
export function readNavButton(doc: Document): IdentityReading[] {
  const out: IdentityReading[] = [];
  for (const button of inHeader(doc, '#nav-usernameMenu')) {
    const titled = button.hasAttribute('title') ? button : button.querySelector('[title]');
    const title = titled?.getAttribute('title') ?? '';
    const at = title.lastIndexOf(' @ ');
    if (at < 0) continue;
    out.push({
      source: 'nav-button',
      principal: title.slice(0, at),
      account: title.slice(at + 3),
      labels: [button.getAttribute('aria-label'), (titled ?? button).textContent],
    });
  }
  return out[0] ? out : outside(doc, '#nav-usernameMenu[title], #nav-usernameMenu [title]', 'nav-button');
}

/**
 * Source 4: the account menu. 2021–2023: the value next to each `awsc-copy-accountid` control
 * (a sibling shows `1234-5678-9012`; the label before it is translated and never read) and the
 * user next to `awsc-copy-username` (its container's `title`, else its sibling's text). Before
 * 2021: the active role's `#awsc-role-display-name-*` when a role is active, else the sign-in's
 * `#awsc-login-display-name-*`. The "Role History" list of other accounts is never read.
 * The menu can be rendered late (when it is first opened): the page is watched for it.
 */
export function readAccountMenu(doc: Document): IdentityReading[] {
  const out: IdentityReading[] = inHeader(doc, '[data-testid="awsc-copy-accountid"]').map((copy) => ({
    source: 'navigation',
    account: copy.previousElementSibling?.textContent?.trim(),
  }));
  for (const copy of inHeader(doc, '[data-testid="awsc-copy-username"]')) {
    const principal = copy.parentElement?.getAttribute('title') || copy.previousElementSibling?.textContent?.trim();
    // Only `<role>/<session>` says what it is; a bare name may be a user or root's account name.
    if (principal?.includes('/')) out.push({ source: 'navigation', principal });
  }
  const active = inHeader(doc, '#awsc-role-display-name-account').length > 0 ? 'role' : 'login';
  const account = valueOf(inHeader(doc, `#awsc-${active}-display-name-account`)[0]);
  const user = valueOf(inHeader(doc, `#awsc-${active}-display-name-user`)[0]);
  // With a role active, the exit-role button's title names who signed in (src/core/console/basis.ts).
  const signedIn = inHeader(doc, '#awsc-exit-role')[0]?.getAttribute('title');
  if (account) out.push(active === 'role' ? { source: 'navigation', account, role: user, signedIn } : { source: 'navigation', account, principal: user });
  return out[0] ? out : outside(doc, '[data-testid="awsc-copy-accountid"], #awsc-login-display-name-account', 'navigation');
}

/** Once more `decodeURIComponent`, for the cookie's twice-encoded `username`; as it is when that fails. */
function decodeAgain(value: unknown): unknown {
  try {
    return typeof value === 'string' ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}

/**
 * Source 5: cookie `aws-userInfo`, URL-encoded JSON `{arn, alias, username, keybase, issuer,
 * signinType}` (docs/aws-facts.md §3.1). Real quirks: `alias` is often the 12-digit account ID;
 * `username` is URL-encoded a second time; values carry JSON escapes (`\u003d`), which JSON.parse
 * undoes; `issuer` is empty, the sign-in URL, or the access portal's console link naming the
 * account and permission set; `signinType` is missing in old cookies. Only arn, alias, username
 * and issuer are read (the judge cross-checks them); `keybase` never is. It says who signed in.
 */
export function readUserInfoCookie(cookie: string): IdentityReading | null {
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== USER_INFO_COOKIE) continue;
    let data: Record<string, unknown> | null;
    try {
      data = parseJson(decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      return null;
    }
    return data ? { source: 'cookie', arn: data.arn, account: data.alias, username: decodeAgain(data.username), issuer: data.issuer } : null;
  }
  return null;
}

/** Every identity source of a console page, for `combineIdentity`. */
export function readIdentitySources(doc: Document, hostname: string): IdentityReading[] {
  const region = doc.querySelector(REGION_META)?.getAttribute('content');
  // The region meta says where, not who: it rides with the host's own region.
  const host = readHost(hostname) ?? (region ? { source: 'host-label' } : null);
  if (host && !host.region) host.region = region;
  const readings = [...readSessionData(doc), ...readNavButton(doc), ...readAccountMenu(doc)];
  if (host) readings.push(host);
  if (host?.multiSession || readings.some((r) => r.multiSession === true)) {
    // A multi-session tab's own script watches a per-session cookie; aws-userInfo may describe another session.
    readings.push({ source: 'cookie', unusable: 'not read on a multi-session tab, where it may describe another session' });
    return readings;
  }
  let cookie = '';
  try {
    cookie = doc.cookie;
  } catch {
    // Sandboxed documents throw on cookie access: that source is simply absent.
  }
  const read = readUserInfoCookie(cookie);
  if (read) readings.push(read);
  return readings;
}

/** The console's navigation header, if the page has one. */
export function findConsoleHeader(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(HEADER_SELECTOR);
}

/**
 * The console's footer (language, feedback, CloudShell), fixed to the bottom of the window:
 * `#console-nav-footer` with `#console-nav-footer-inner` and `data-testid="awsc-nav-footer"` /
 * `#awsc-nav-footer-content` since the 2021 navigation. A bottom banner sits above it.
 */
export function findConsoleFooter(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>('#console-nav-footer, [data-testid="awsc-nav-footer"], #awsc-nav-footer-content');
}

// ---------------------------------------------------------------------------------------------
// The sign-in host's pre-filled switch-role page (docs/aws-facts.md §1.1).

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
