// The popup's bottom line: a switch under way or done, else the last status message, else the
// keys (what Esc does next).
import type { SwitchView } from './use-switch';

export interface StatusBarProps {
  outcome: SwitchView;
  status: string;
  /** Show the key hints (there are roles to move through). */
  hints: boolean;
  escAction: string;
}

export function StatusBar({ outcome, status, hints, escAction }: StatusBarProps) {
  const progress = outcome.phase === 'pending' || outcome.phase === 'done';
  return (
    <div class={`status-bar${outcome.phase === 'done' ? ' is-done' : ''}`} role="status" aria-live="polite">
      {progress ? (
        <>
          {outcome.phase === 'done' && (
            <span class="status-icon" aria-hidden="true">
              ✓
            </span>
          )}
          <span class="status-text" title={outcome.message}>
            {outcome.message}
          </span>
        </>
      ) : status ? (
        <span class="status-text">{status}</span>
      ) : (
        hints &&
        outcome.phase !== 'confirm' && (
          <span class="status-text key-hint" aria-hidden="true">
            <kbd>↑</kbd>
            <kbd>↓</kbd> move · <kbd>Enter</kbd> switch · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> new tab · <kbd>Esc</kbd> {escAction}
          </span>
        )
      )}
    </div>
  );
}
