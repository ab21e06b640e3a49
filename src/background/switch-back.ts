// "Switch back" to the identity that signed in (issue 15 §2), and who that is for the popup.
// - Classic console: the console's own exit-role form (docs/aws-facts.md §1.5), sent from the
//   page's main world by the same function as the one-click switch (it adds the page's token).
// - Multi-session console: a switched role is a session of its own; going back means going to
//   the session it was switched from, which only this extension's own switches record
//   (background/sessions.ts). Its tab is focused, or the same page opens in it in a new tab.
// Who signed in comes from the page (core/console/basis.ts) or those records, never a guess.
import {
  basisSwitchFields,
  inSession,
  signInHost,
  basisFromPage,
  combineIdentity,
  SWITCH_ROLE_PATH,
  type Basis,
  type ConsoleIdentity,
  type SwitchOutcome,
} from '../core';
import { formatAccountId } from '../core/aws-names';
import { mainWorldClassicSwitch } from '../page-world/console-switch';
import { ACTED_ON_TAB_WAIT_MS, focusTab, navigate, runInMainWorld } from '../platform/console-tabs';
import { whereAmINow } from './console-answer';
import { basisSessionOf } from './sessions';

interface TabBasis {
  basis: Basis;
  identity?: ConsoleIdentity;
  url?: string;
  /** Multi-session: the tabs that show the basis session now. */
  basisTabs?: number[];
}

/**
 * Who signed in on the tab, as far as the page and the extension's own records tell. `waitMs`:
 * how long a late page is waited for (the popup's reach line asks on every open and must not
 * hang on a loading page; Switch back acts on the answer and waits longer).
 */
export async function basisOfTab(tabId: number, waitMs?: number): Promise<TabBasis> {
  const { tab, reply } = await whereAmINow(tabId, waitMs);
  if (!tab || !reply) return { basis: { known: false, reason: 'this tab is not an AWS console page that answered' } };
  // The page's readings, judged here: the tab's identity and, from the same readings, who signed in.
  const { readings, host } = reply;
  const identity = combineIdentity(readings, host);
  const basis = basisFromPage(readings, host, identity);
  if (!identity.multiSession || (basis.known && basis.switched === false)) return { basis, identity, url: tab.url };
  const found = await basisSessionOf(identity);
  if (!found) {
    return { basis: { known: false, reason: 'this extension did not switch this session from another one, so which sign-in it came from is unknown' }, identity, url: tab.url };
  }
  const { record, view } = found;
  const name = record.permissionSet ?? record.roleName ?? 'unknown';
  return {
    basis: { known: true, partition: record.partition, accountId: record.accountId, name, text: `${name} @ ${formatAccountId(record.accountId)}`, from: 'the switch this extension made', switched: true, sessionKey: record.key },
    identity,
    url: tab.url,
    basisTabs: view?.tabIds ?? [],
  };
}

const failed = (message: string): SwitchOutcome => ({ method: 'none', status: 'failed', message });

export async function switchBack(tabId: number): Promise<SwitchOutcome> {
  const { basis, identity, url, basisTabs } = await basisOfTab(tabId, ACTED_ON_TAB_WAIT_MS);
  if (!basis.known) return failed(`Cannot switch back: ${basis.reason}.`);
  if (basis.switched !== true || !identity || !url) return failed(`Cannot switch back: this tab is not known to be in a role switched to from ${basis.text}.`);
  return identity.multiSession ? toBasisSession(tabId, basis.sessionKey!, basis.text, url, basisTabs ?? []) : classicSwitchBack(tabId, identity, basis.text, url);
}

async function classicSwitchBack(tabId: number, identity: ConsoleIdentity, text: string, url: string): Promise<SwitchOutcome> {
  const host = identity.signInEndpoint ?? signInHost(identity.partition, identity.region);
  let result: Awaited<ReturnType<typeof mainWorldClassicSwitch>> | undefined;
  try {
    result = await runInMainWorld(tabId, mainWorldClassicSwitch, [`https://${host}${SWITCH_ROLE_PATH}`, basisSwitchFields(url)]);
  } catch {
    result = undefined;
  }
  if (result?.ok) return { method: 'console-post', status: 'done', message: `Switching this tab back to ${text}; it reloads on the same page.` };
  return failed("The console's own switch back was not available on this page (it holds no switch token). Use the console's account menu to switch back.");
}

async function toBasisSession(tabId: number, key: string, text: string, url: string, basisTabs: readonly number[]): Promise<SwitchOutcome> {
  const withTab = basisTabs.find((id) => id !== tabId);
  if (withTab !== undefined && (await focusTab(withTab))) return { method: 'session', status: 'done', message: `Went to the tab of ${text}, the session this role was switched from.` };
  const there = inSession(url, key.slice(key.indexOf('/') + 1));
  if (!there) return failed(`Cannot switch back: this page's address names no session, so the page in ${text}'s session cannot be built.`);
  await navigate(there, null);
  return { method: 'session', status: 'done', message: `Opened this page in the session of ${text} in a new tab.` };
}
