// "Only roles I can reach from here" and "Switch back" (issue 15 §2): the toggle (kept in the
// settings), what it does on this tab in one line, and the way back to the identity that
// signed in when the tab is in a switched role. Every name is page content: rendered as text.
// They take no line of the list's height unless they have something to say (16 compact rows).
import type { Basis } from '../core';
import { plural } from '../ui/format';
import type { RoleRows } from './use-role-rows';

export interface ReachBarProps {
  on: boolean;
  /** Who signed in on the tab: undefined while asked, null when nothing answered. */
  basis: Basis | null | undefined;
  reach: RoleRows['reach'];
  onToggle(on: boolean): void;
  onSwitchBack(): void;
}

/** What the filter does on this tab, in words. */
function reachLine(basis: Basis | null | undefined, reach: RoleRows['reach']): string {
  if (basis === undefined) return 'Asking this tab who signed in…';
  if (!basis) return 'Cannot tell who signed in: this is not an AWS console tab that answered. Nothing is hidden.';
  if (!basis.known) return `Cannot tell who signed in: ${basis.reason}. Nothing is hidden.`;
  const hidden = reach?.hidden ?? 0;
  const apart = reach?.unknownBase.size ?? 0;
  const kept = apart > 0 ? `; ${plural(apart, 'role')} whose base account is unknown listed apart` : '';
  return `Reachable from ${basis.text}: ${hidden > 0 ? `${plural(hidden, 'role')} of other base accounts hidden` : 'none hidden'}${kept}.`;
}

/** The toggle, in the header row (it adds no line, and the Tab order search → list stays). */
export function ReachToggle({ on, onToggle }: Pick<ReachBarProps, 'on' | 'onToggle'>) {
  return (
    <label class="reach-toggle" title="Only roles I can reach from here: those whose base account is the account this tab signed in to">
      <input type="checkbox" checked={on} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} />
      Reachable only<span class="visually-hidden">: only roles I can reach from here</span>
    </label>
  );
}

/** Below the list, only when there is something to say: what the filter does here, and Switch back. */
export function ReachBar({ on, basis, reach, onSwitchBack }: Omit<ReachBarProps, 'onToggle'>) {
  const back = basis?.known && basis.switched === true ? basis : null;
  if (!on && !back) return null;
  return (
    <div class="reach-bar">
      {on && (
        <p class="reach-line muted" role="status" data-testid="reach-line">
          {reachLine(basis, reach)}
        </p>
      )}
      {back && (
        <button type="button" class="switch-back" data-testid="switch-back" onClick={onSwitchBack}>
          Switch back (to {back.text})
        </button>
      )}
    </div>
  );
}
