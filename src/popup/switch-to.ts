// The one seam through which the popup switches roles. The background chooses the path
// (src/background/switch-plan.ts): the classic console's own switch on a console tab, the
// multi-session switch into a new session, or the documented link (with auto-submit when the
// settings allow it), and answers with what happened. The background runs the switch because
// the popup closes as soon as a tab takes focus.
//
// The popup shows `message` in every case. `status`:
// - 'done': the switch is under way (the popup may close), and recorded as recent;
// - 'needs-confirmation': multi-session re-entry or a sixth session; ask the user, then call
//   again with `confirmReentry: true`;
// A profile with a live session is gone to (its tab, or where it landed) unless `signInAgain`.
// - 'failed': nothing changed; keep the popup open with the message.
import { switchOutcomeSchema, type CatalogueEntry, type SwitchOutcome, type SwitchRoleRequest } from '../core';
import { browser } from '../platform/browser';
import { pushRecent } from '../platform/storage';
import { getActiveTab, openUrl } from '../platform/tabs';

export type { SwitchOutcome };

export async function switchTo(
  entry: CatalogueEntry,
  options: { newTab: boolean; confirmReentry?: boolean; signInAgain?: boolean },
): Promise<SwitchOutcome> {
  const tab = await getActiveTab();
  const request: SwitchRoleRequest = {
    type: 'switch-role',
    entry,
    tabId: tab?.id,
    newTab: options.newTab,
    confirmReentry: options.confirmReentry,
    signInAgain: options.signInAgain,
  };
  let answer: unknown;
  try {
    answer = await browser.runtime.sendMessage(request);
  } catch {
    answer = undefined;
  }
  const parsed = switchOutcomeSchema.safeParse(answer);
  if (parsed.success) return parsed.data;
  // No (valid) answer from the background: the link always works. (The background records a
  // switch as recent; here nobody else does.)
  await openUrl(entry.url, { newTab: options.newTab, tabId: tab?.id });
  await pushRecent(entry.profile, entry).catch(() => {});
  return { method: 'link', status: 'done', message: `Opened the switch link for ${entry.profile}.` };
}
