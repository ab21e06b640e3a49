// What the console's own switch sends (docs/aws-facts.md §1.2, §1.3): the classic switch form's
// fields and the multi-session switch's URL and JSON body. Pure request builders: the background
// plans with them (background/switch-plan.ts) and the page-world functions send them
// (src/page-world/console-switch.ts).

/** Path of the classic switch POST and of the pre-filled switch page on the sign-in host. */
export const SWITCH_ROLE_PATH = '/switchrole';

/** The console refuses a displayName over 64 characters. */
const MAX_DISPLAY_NAME = 64;

export interface SwitchTarget {
  account: string;
  roleName: string;
  displayName: string;
  /** 6 hex digits, no `#`. */
  color: string;
  /** Where to land after the switch. */
  redirectUri: string;
}

/** Without the multi-session label (`https://<account>-<8 chars>.`): a new session must not land in the old session's host. */
export const withoutSessionLabel = (url: string): string => url.replace(/^https:\/\/\d{12}-[0-9a-z]{8}\./, 'https://');

/** The classic console's switch form fields, except the CSRF token the page adds itself. */
export function classicSwitchFields(target: SwitchTarget): Record<string, string> {
  return {
    action: 'switchFromBasis',
    src: 'nav',
    mfaNeeded: '0',
    roleName: target.roleName,
    account: target.account,
    displayName: target.displayName.slice(0, MAX_DISPLAY_NAME),
    color: target.color,
    // docs/aws-facts.md §1.2: the destination is percent-encoded inside the field value.
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
    displayName: target.displayName.slice(0, MAX_DISPLAY_NAME),
    redirectUri: withoutSessionLabel(target.redirectUri),
    roleName: target.roleName,
  };
}

/**
 * The classic console's exit-role form (docs/aws-facts.md §1.5): back to the identity that signed
 * in, landing on `redirectUri`. POSTed to the same `/switchrole`, with the page's CSRF token
 * added by the page itself, like the switch.
 */
export function basisSwitchFields(redirectUri: string): Record<string, string> {
  return { action: 'switchToBasis', src: 'nav', redirect_uri: encodeURIComponent(redirectUri) };
}

/** A multi-session console URL moved to another session's host label (`<account>-<8 chars>`), same page; null when it has none. */
export function inSession(url: string, sessionId: string): string | null {
  return /^https:\/\/\d{12}-[0-9a-z]{8}\./.test(url) ? url.replace(/^https:\/\/\d{12}-[0-9a-z]{8}\./, `https://${sessionId}.`) : null;
}
