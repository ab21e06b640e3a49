// Chooses how to switch into a profile (pure, unit-tested):
// 1. Classic console tab of the same partition → the console's own switch POST (docs/aws-facts.md
//    §1.2), landing on the same page in the new role.
// 2. Multi-session console tab of the same partition → the JSON switch (§1.3), which opens a new
//    session in a new tab.
// 3. Anything else (not a console tab, identity unknown, another partition, SSO profile, a new
//    tab asked for on a classic console, which switches the whole browser session anyway) →
//    the documented link; for role links with our auto-submit marker when the user allows it.
import {
  SWITCH_ROLE_PATH,
  classicSwitchFields,
  consolePartition,
  entryHasRole,
  multiSessionSwitchBody,
  multiSessionSwitchUrl,
  signInHost,
  ssoConsoleUrl,
  switchRoleUrl,
  withoutSessionLabel,
  type CatalogueEntry,
  type ConsoleIdentity,
  type SwitchTarget,
} from '../core';

export interface SwitchContext {
  entry: CatalogueEntry;
  newTab: boolean;
  /** The tab the user is on, with its URL when it is a host we may see. */
  tab: { id: number; url?: string } | null;
  /** What the tab's content script says (null: no answer, not a console tab). */
  identity: ConsoleIdentity | null;
  /** settings.autoSubmitSwitchForm */
  autoSubmit: boolean;
  /** "Renew" on the banner: the same switch again, from the tab of the session that runs out. */
  renew?: boolean;
}

export type SwitchPlan =
  | { method: 'link'; url: string; newTab: boolean; autoSubmit: boolean; reason: string }
  | { method: 'console-post'; tabId: number; action: string; fields: Record<string, string> }
  | { method: 'multi-session'; tabId: number; url: string; body: Record<string, string> }
  | { method: 'none'; message: string };

/** The console page URL to land on, when the tab is a console page of the entry's partition. */
export function consolePage(context: SwitchContext): URL | null {
  if (!context.tab?.url) return null;
  let url: URL;
  try {
    url = new URL(context.tab.url);
  } catch {
    return null;
  }
  return url.protocol === 'https:' && consolePartition(url.hostname) === context.entry.partition ? url : null;
}

/** The link path (also the fallback when a console path turns out not to work on the page). */
export function linkPlan(context: SwitchContext, page: URL | null, reason: string): Extract<SwitchPlan, { method: 'link' }> {
  const { entry } = context;
  const destination = page ? withoutSessionLabel(page.href) : undefined;
  if (entry.kind === 'sso') {
    const url =
      entry.ssoStartUrl && entry.accountId
        ? ssoConsoleUrl({ startUrl: entry.ssoStartUrl, accountId: entry.accountId, permissionSet: entry.roleName, destination })
        : entry.url;
    return { method: 'link', url, newTab: context.newTab, autoSubmit: false, reason };
  }
  const account = entry.accountId ?? entry.accountAlias;
  const url = account
    ? switchRoleUrl({ partition: entry.partition, account, roleName: entry.roleName, displayName: entry.displayName, color: entry.color, production: entry.isProduction, redirectUri: destination })
    : entry.url;
  return { method: 'link', url, newTab: context.newTab, autoSubmit: context.autoSubmit, reason };
}

export function planSwitch(context: SwitchContext): SwitchPlan {
  const { entry, identity, tab } = context;
  const page = consolePage(context);
  if (entry.kind === 'sso') return linkPlan(context, page, 'IAM Identity Center profiles sign in through their start page.');
  if (!page || !tab) return linkPlan(context, null, 'This tab is not an AWS console page of that partition.');
  if (!identity || identity.accountId === null || identity.partition !== entry.partition) {
    return linkPlan(context, page, 'The console page did not say who is signed in.');
  }
  if (identity.principalKind === 'root') {
    return { method: 'none', message: 'The root user cannot switch roles. Sign in as an IAM user or role first.' };
  }
  const sameAccount = entry.accountId !== undefined ? entry.accountId === identity.accountId : entry.accountAlias === identity.accountAlias;
  if (sameAccount && entryHasRole(entry, identity) && !context.newTab && !context.renew) {
    return { method: 'none', message: `This tab is already signed in as ${entry.profile}.` };
  }
  const account = entry.accountId ?? entry.accountAlias!;
  const target: SwitchTarget = {
    account,
    roleName: entry.roleName,
    displayName: entry.displayName,
    color: entry.color.replace(/^#/, ''),
    redirectUri: page.href,
  };
  if (identity.multiSession) {
    if (!identity.sessionId || !identity.signInEndpoint) {
      return linkPlan(context, page, 'This multi-session console page did not name its session.');
    }
    return {
      method: 'multi-session',
      tabId: tab.id,
      url: multiSessionSwitchUrl(identity.signInEndpoint, identity.sessionId),
      body: multiSessionSwitchBody(target),
    };
  }
  if (context.newTab) {
    return linkPlan(context, page, 'A classic console switch changes the whole browser session, so a new tab uses the switch link.');
  }
  const host = identity.signInEndpoint ?? signInHost(identity.partition, identity.region);
  return { method: 'console-post', tabId: tab.id, action: `https://${host}${SWITCH_ROLE_PATH}`, fields: classicSwitchFields(target) };
}
