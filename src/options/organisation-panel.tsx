// What the organisation's browser policy sets, on the import page (docs/administrators.md): its
// roles, whether the user may add their own, the settings it locked, the problems in what it
// wrote, and how a change to it arrives. Policy values are untrusted text: rendered as text only.
import { FIREFOX_POLICY_RESTART_NOTE, LOCKABLE_SETTING_NAMES } from '../core';
import { plural } from '../ui/format';
import { Notice } from '../ui/notice';
import type { OrganisationPageView } from './import-page-data';

export const LIVE_POLICY_NOTE = 'A change to the policy applies here within seconds, without reinstalling the extension.';

export function OrganisationPanel({ view }: { view: OrganisationPageView | null }) {
  if (!view?.active) return null;
  const hasErrors = view.problems.length > 0;
  return (
    <section class="card organisation-card" aria-labelledby="organisation-title" data-testid="organisation">
      <div class="card-head">
        <h2 id="organisation-title">Set by your organisation</h2>
        <span class="muted small">Browser policy</span>
      </div>
      <p>
        {view.profiles > 0
          ? `Your organisation publishes ${plural(view.profiles, 'role')}. The popup lists them with your own, marked “organisation”; where you and your organisation name the same account, its environment and production flag win.`
          : 'Your organisation manages this extension but publishes no roles of its own.'}
      </p>
      {!view.personalAllowed && (
        <p data-testid="personal-not-allowed">
          <strong>Only your organisation's roles are shown.</strong> It does not allow profiles of your own in this browser, so importing is turned off. A config you imported before stays saved, and comes back if your organisation allows it again.
        </p>
      )}
      {view.locked.length > 0 && (
        <p>
          It sets {view.locked.map((l) => `${LOCKABLE_SETTING_NAMES[l.key]} (${l.value ? 'on' : 'off'})`).join(', ')}: shown below as “set by your organisation”.
        </p>
      )}
      {hasErrors &&
        view.problems.map((group) => (
          <Notice key={group.heading} tone="warning" title={group.heading}>
            <p>Everything else in the policy applies, and your own profiles are kept. Please tell whoever manages your browser:</p>
            <ul class="policy-problems">
              {group.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          </Notice>
        ))}
      {view.notices.map((notice) => (
        <p key={notice} class="muted">
          {notice}
        </p>
      ))}
      <p class="help" data-testid="policy-changes">
        {view.changes === 'restart' ? FIREFOX_POLICY_RESTART_NOTE : LIVE_POLICY_NOTE}
      </p>
    </section>
  );
}
