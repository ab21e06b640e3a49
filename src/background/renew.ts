// The banner's "Renew" (issue 13 §2): the same switch again, from the tab whose session runs
// out, landing on the same page. Only for sessions this extension started: the tab's session
// record names the profile it switched to.
import { importConfig, MESSAGE, type SwitchOutcome } from '../core';
import { loadCatalogue } from '../platform/storage';
import { organisationPart } from './organisation';
import { sessionOfTab } from './sessions';
import { switchRole } from './switch-role';

export async function renewSession(tabId: number): Promise<SwitchOutcome> {
  const session = await sessionOfTab(tabId);
  if (!session?.landing || !session.profile) {
    return { method: 'none', status: 'failed', message: 'Role Switchboard did not start this session, so it cannot renew it. Sign in again the way you did.' };
  }
  const { catalogue } = await loadCatalogue({ build: importConfig, organisation: organisationPart });
  const entry = catalogue.entries.find((e) => e.profile === session.profile);
  if (!entry) return { method: 'none', status: 'failed', message: `The profile ${session.profile} is no longer in your config, so this session cannot be renewed.` };
  return switchRole({ type: MESSAGE.switchRole, entry, tabId, newTab: false, confirmReentry: true, signInAgain: true }, true);
}
