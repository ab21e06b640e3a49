// Content script on the sign-in hosts. It does nothing unless the URL carries our switch marker
// (src/core/console/switch-marker.ts): then it asks the background whether that one-time marker
// is genuine for this tab, waits for the pre-filled switch-role form, checks the form holds
// exactly the account and role the background expects, and submits it once.
import { readSwitchMarker, withoutSwitchMarker } from '../core/console/switch-marker';
import { isSwitchAutosubmitReply } from '../core/protocol/guards';
import { MESSAGE } from '../core/protocol/message-names';
import type { SwitchAutosubmitRequest } from '../core/protocol/messages';
import { ext } from '../platform/native';
import { findSignInSwitchForm } from './console-internals';

const FORM_WAIT_MS = 15_000;

/**
 * Says on the page why the form was not submitted for the user, although the address carried
 * our marker: a link someone else made, or a form that holds another account or role. Text only,
 * in a closed shadow root that page script cannot reach.
 */
function sayNotSubmitted(why: string): void {
  const host = document.createElement('role-switchboard-note');
  const root = host.attachShadow({ mode: 'closed' });
  const note = document.createElement('div');
  note.setAttribute('role', 'status');
  note.setAttribute('aria-label', 'Role Switchboard');
  note.style.cssText =
    'position:fixed;left:12px;right:12px;bottom:12px;z-index:2147483647;padding:10px 14px;border-radius:6px;' +
    'background:#fff5e0;color:#5c3b00;border:1px solid #d08a00;font:14px/1.4 system-ui,sans-serif';
  note.textContent = `Role Switchboard did not submit this form: ${why}`;
  root.append(note);
  (document.body ?? document.documentElement).append(host);
}

function waitForForm(): Promise<ReturnType<typeof findSignInSwitchForm>> {
  return new Promise((resolve) => {
    const found = findSignInSwitchForm(document);
    if (found) return resolve(found);
    const observer = new MutationObserver(() => {
      const form = findSignInSwitchForm(document);
      if (form) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(form);
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, FORM_WAIT_MS);
  });
}

async function autoSubmit(api: NonNullable<typeof ext>, nonce: string): Promise<void> {
  // Take the marker out of the address first: a reload or a bookmark never submits again.
  try {
    history.replaceState(history.state, '', `${location.pathname}${location.search}${withoutSwitchMarker(location.hash)}`);
  } catch {
    // A page state the content script may not pass on (Firefox Xrays): the nonce is one-time anyway.
  }
  const request: SwitchAutosubmitRequest = { type: MESSAGE.switchAutosubmit, nonce };
  let answer: unknown;
  try {
    answer = await api.runtime.sendMessage(request);
  } catch {
    answer = null;
  }
  if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  if (!isSwitchAutosubmitReply(answer) || !answer.submit) {
    sayNotSubmitted('this link was not opened by Role Switchboard just now. Check the account and role before you press "Switch Role".');
    return;
  }
  const found = await waitForForm();
  if (!found || found.account !== answer.account || found.roleName !== answer.roleName) {
    sayNotSubmitted('the form does not hold the account and role you chose.');
    return;
  }
  const { form, submitter } = found;
  if (submitter && (submitter as HTMLButtonElement).form === form && (submitter as HTMLButtonElement).type === 'submit') {
    form.requestSubmit(submitter);
  } else {
    form.requestSubmit();
  }
}

const nonce = readSwitchMarker(location.hash);
if (nonce && ext && window.top === window) void autoSubmit(ext, nonce);
