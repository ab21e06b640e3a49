// Carries out a switch the popup asked for (switchTo → background), along the path
// switch-plan.ts chose, and says in plain words what happened. Any console path that turns out
// not to work on the page falls back to the documented link, and says so.
import {
  consolePartition,
  isAccessPortalHost,
  isMultiSessionMode,
  multiSessionsIn,
  openSessionsOf,
  reSignInQuestion,
  sessionKey,
  sixthSessionQuestion,
  timeLeftText,
  startUrlHost,
  combineIdentity,
  withSwitchMarker,
  type CatalogueEntry,
  type ConsoleIdentity,
  type SwitchOutcome,
  type SwitchRoleRequest,
  type SessionView,
} from '../core';
import { formatAccountId } from '../core/aws-names';
import { mainWorldClassicSwitch, mainWorldMultiSessionSwitch } from '../page-world/console-switch';
import { ACTED_ON_TAB_WAIT_MS, focusTab, getTab, navigate, openBlankTab, runInMainWorld, type TabInfo } from '../platform/console-tabs';
import { hostOf, whereAmINow } from './console-answer';
import { pushRecent } from '../platform/storage';
import { currentSessions, switchStarted } from './sessions';
import { settingsInForce } from './organisation';
import { issue, newNonce } from './autosubmit-registry';
import { consolePage, linkPlan, planSwitch, type SwitchContext, type SwitchPlan } from './switch-plan';

/**
 * The tab the switch starts from and who it is signed in as, once its page has answered (see
 * whereAmINow: a page the user left meanwhile is not planned with).
 */
async function startingTab(tabId: number | undefined): Promise<{ tab: TabInfo | null; identity: ConsoleIdentity | null }> {
  const asked = tabId !== undefined ? await getTab(tabId) : null;
  if (!asked || !isConsoleUrl(asked.url)) return { tab: asked, identity: null };
  const { tab, reply } = await whereAmINow(asked.id, ACTED_ON_TAB_WAIT_MS);
  return { tab, identity: reply ? combineIdentity(reply.readings, reply.host) : null };
}

const describe = (entry: CatalogueEntry): string =>
  `${entry.profile} (${entry.accountId ? formatAccountId(entry.accountId) : entry.accountAlias}, ${entry.roleName})`;

/** Said with every opening of an SSO profile whose start URL is not on an AWS access portal host (never silently). */
function portalWarning(entry: CatalogueEntry): string {
  const host = entry.ssoStartUrl ? (startUrlHost(entry.ssoStartUrl) ?? '') : '';
  return entry.kind === 'sso' && !isAccessPortalHost(host) ? ` Its start URL's host ${host} is not an AWS access portal: check the page before you sign in.` : '';
}

async function openLink(plan: Extract<SwitchPlan, { method: 'link' }>, context: SwitchContext, prefix = ''): Promise<SwitchOutcome> {
  const { entry } = context;
  let url = plan.url;
  // The tab exists before the marked link loads in it, so the one-time marker is bound to it
  // before the sign-in page can present it (a new tab opens blank first).
  const newTab = plan.newTab || !context.tab;
  const tabId = newTab ? await openBlankTab() : context.tab!.id;
  // A role switch lands in the tab; Identity Center sessions last as their permission set says, which no page tells.
  if (tabId !== null && entry.kind === 'role') await switchStarted(tabId, entry);
  if (plan.autoSubmit && tabId !== null) {
    const nonce = newNonce();
    url = withSwitchMarker(url, nonce);
    const account = entry.accountId ?? entry.accountAlias ?? '';
    await issue(nonce, { account, roleName: entry.roleName, partition: entry.partition }, tabId);
  }
  await navigate(url, tabId);
  const where = plan.newTab || !context.tab ? 'a new tab' : 'this tab';
  const what =
    entry.kind === 'sso'
      ? `Opened the IAM Identity Center sign-in for ${describe(entry)} in ${where}.${portalWarning(entry)}`
      : plan.autoSubmit
        ? `Opened the switch-role page for ${describe(entry)} in ${where}; it submits itself.`
        : `Opened the switch-role page for ${describe(entry)} in ${where}; press "Switch Role" there.`;
  return { method: 'link', status: 'done', message: `${prefix}${what}` };
}

/**
 * Where the profile already has a live session in another tab, or one this extension started
 * (with no tab left), Enter goes there instead of signing in again; null when it has none.
 */
async function goToSession(entry: CatalogueEntry, tabId: number | undefined, views: SessionView[], now: number): Promise<SwitchOutcome | null> {
  const live = openSessionsOf(views, entry).filter((v) => v.status === 'live');
  if (live.length === 0 || live.some((v) => tabId !== undefined && v.tabIds.includes(tabId))) return null;
  const left = (v: SessionView) => (v.endsAt !== undefined ? ` (${timeLeftText(v.endsAt, now)})` : '');
  const withTab = live.find((v) => v.tabIds.length > 0);
  if (withTab && (await focusTab(withTab.tabIds[0]!))) {
    return { method: 'session', status: 'done', message: `${entry.profile} is signed in already${left(withTab)}: went to its tab.` };
  }
  const started = live.find((v) => v.record.started && safeConsoleUrl(v.record.started.landing, entry));
  if (!started) return null;
  await navigate(started.record.started!.landing, null);
  return { method: 'session', status: 'done', message: `${entry.profile} is signed in already${left(started)}: opened its session in a new tab.` };
}

/**
 * The question before a switch (by `method`) that signs a multi-session session of the profile
 * out, or opens a sixth; null when there is none.
 */
function sessionQuestion(method: 'multi-session' | 'link', entry: CatalogueEntry, views: SessionView[], fromTab: number): SwitchOutcome | null {
  const existing = openSessionsOf(views, entry)[0];
  if (existing) return { method, status: 'needs-confirmation', confirm: 're-sign-in', message: reSignInQuestion(entry.profile, existing, fromTab) };
  const sixth = sixthSessionQuestion(multiSessionsIn(views, entry.partition));
  return sixth ? { method, status: 'needs-confirmation', confirm: 'sixth-session', message: sixth } : null;
}

/**
 * Carries out the switch and, once it is under way, records the profile as recent here: the
 * popup closes as soon as a new tab takes focus, often before it could write anything.
 * `renew`: the banner's "Renew" (src/background/renew.ts): the same switch again from the tab
 * whose session runs out, landing on the same page (in that tab, also in multi-session mode).
 */
export async function switchRole(request: SwitchRoleRequest, renew = false): Promise<SwitchOutcome> {
  const outcome = await runSwitch(request, renew);
  if (outcome.status === 'done') await pushRecent(request.entry.profile, request.entry).catch(() => {});
  return outcome;
}

async function runSwitch(request: SwitchRoleRequest, renew: boolean): Promise<SwitchOutcome> {
  const { entry } = request;
  const { tab, identity } = await startingTab(request.tabId);
  const onConsole = !!tab && isConsoleUrl(tab.url);
  const settings = await settingsInForce();
  const { views, now } = await currentSessions();
  if (!request.signInAgain && !renew) {
    const there = await goToSession(entry, request.tabId, views, now);
    if (there) return there;
  }
  // A page that is not the console (a wiki, a ticket) is not navigated away unless the user said so.
  const newTab = request.newTab || (!onConsole && settings.otherTabSwitch === 'new-tab');
  const context: SwitchContext = { entry, newTab, tab, identity, autoSubmit: settings.autoSubmitSwitchForm, renew };
  const plan = planSwitch(context);

  switch (plan.method) {
    case 'none':
      return { method: 'none', status: 'failed', message: plan.message };

    case 'link': {
      // In multi-session mode a sign-in through a link (switch-role or access portal) also takes
      // one of the five sessions, or signs the profile's own session out: ask as the console's
      // own switch does. (Classic mode holds one session, which any switch replaces.)
      const multi = isMultiSessionMode(views, entry.partition);
      const question = multi && !request.confirmReentry && !renew ? sessionQuestion('link', entry, views, request.tabId ?? -1) : null;
      if (question) return question;
      return openLink(plan, context);
    }

    case 'console-post': {
      await switchStarted(plan.tabId, entry);
      let result: Awaited<ReturnType<typeof mainWorldClassicSwitch>> | undefined;
      try {
        result = await runInMainWorld(plan.tabId, mainWorldClassicSwitch, [plan.action, plan.fields]);
      } catch {
        result = undefined;
      }
      if (result?.ok) {
        return { method: 'console-post', status: 'done', message: `Switching this tab to ${describe(entry)}; it reloads on the same page.` };
      }
      const fallback = linkPlan(context, consolePage(context), 'no console switch token');
      return openLink(fallback, context, "The console's own switch was not available on this page. ");
    }

    case 'multi-session': {
      // (Renewing signs out a session that ran out: nothing to ask.)
      const question = request.confirmReentry || renew ? null : sessionQuestion('multi-session', entry, views, plan.tabId);
      if (question) return question;
      let result: Awaited<ReturnType<typeof mainWorldMultiSessionSwitch>> | undefined;
      try {
        result = await runInMainWorld(plan.tabId, mainWorldMultiSessionSwitch, [plan.url, plan.body]);
      } catch {
        result = undefined;
      }
      if (!result) {
        const fallback = linkPlan({ ...context, newTab: true }, consolePage(context), 'multi-session switch unavailable');
        return openLink(fallback, { ...context, newTab: true }, 'The console did not answer the multi-session switch. ');
      }
      const destination = result.destination ? safeConsoleUrl(result.destination, entry) : null;
      if (!destination) {
        const why =
          result.status === 0
            ? 'The switch request did not reach AWS.'
            : result.destination
              ? 'AWS answered with an address that is not an AWS console page, so it was not opened.'
              : `AWS did not open a new session: the role signed in here may not assume ${entry.roleName} in account ` +
                `${entry.accountId ? formatAccountId(entry.accountId) : entry.accountAlias}.`;
        return { method: 'multi-session', status: 'failed', message: `${why} Nothing was changed.` };
      }
      // The tab exists before the new session's page loads in it, so its report finds the switch recorded.
      const into = renew ? plan.tabId : await openBlankTab();
      // The new session remembers the one it was switched from: "Switch back" goes there.
      const from = !renew && identity ? (sessionKey(identity) ?? undefined) : undefined;
      if (into !== null) await switchStarted(into, entry, from);
      await navigate(destination, into);
      return renew
        ? { method: 'multi-session', status: 'done', message: `Renewed ${describe(entry)} as a new session, on the same page.` }
        : { method: 'multi-session', status: 'done', message: `Opened ${describe(entry)} as a new session in a new tab.` };
    }
  }
}

function isConsoleUrl(value: string | undefined): boolean {
  const host = hostOf(value);
  return host !== null && consolePartition(host) !== null;
}

/** The JSON answer's destination is opened only when it is an https console page of the entry's partition. */
function safeConsoleUrl(value: string, entry: CatalogueEntry): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && consolePartition(url.hostname) === entry.partition ? url.href : null;
  } catch {
    return null;
  }
}
