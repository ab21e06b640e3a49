// "Only roles I can reach from here" and "Switch back" (issue 15 §2): the toggle (kept in the
// settings), what it does on this tab in one line, and the way back to the identity that
// signed in when the tab is in a switched role. Every name is page content: rendered as text.
// One line (16 compact rows still fit); the filter's line only while it is on.
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

/** One short line below the list (the list keeps the Tab stops after the search box); a second only while the filter is on. */
export function ReachBar({ on, basis, reach, onToggle, onSwitchBack }: ReachBarProps) {
  const back = basis?.known && basis.switched === true ? basis : null;
  return (
    <div class="reach-bar">
      <label class="reach-toggle">
        <input type="checkbox" checked={on} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} />
        Only roles I can reach from here
      </label>
      {back && (
        <button type="button" class="switch-back" data-testid="switch-back" onClick={onSwitchBack} title={`Switch back (to ${back.text})`}>
          Switch back (to {back.text})
        </button>
      )}
      {on && (
        <p class="reach-line muted" role="status" data-testid="reach-line">
          {reachLine(basis, reach)}
        </p>
      )}
    </div>
  );
}
