// Who signed in on the active tab, and "Switch back" to it (issue 15 §2): both asked of the
// background, which reads the tab and knows the switches it made (src/background/switch-back.ts).
// No answer means unknown: the filter then hides nothing and no "Switch back" is offered.
import { MESSAGE, basisSchema, switchOutcomeSchema, type Basis, type SwitchOutcome } from '../core';
import { browser } from '../platform/browser';
import { getActiveTab } from '../platform/tabs';

export async function loadBasis(): Promise<Basis | null> {
  try {
    const tab = await getActiveTab();
    if (!tab) return null;
    const parsed = basisSchema.safeParse(await browser.runtime.sendMessage({ type: MESSAGE.basis, tabId: tab.id }));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function switchBack(): Promise<SwitchOutcome> {
  const failed = (message: string): SwitchOutcome => ({ method: 'none', status: 'failed', message });
  try {
    const tab = await getActiveTab();
    if (!tab) return failed('There is no active tab to switch back.');
    const parsed = switchOutcomeSchema.safeParse(await browser.runtime.sendMessage({ type: MESSAGE.switchBack, tabId: tab.id }));
    return parsed.success ? parsed.data : failed('The extension did not answer: nothing was changed.');
  } catch {
    return failed('The extension did not answer: nothing was changed.');
  }
}
