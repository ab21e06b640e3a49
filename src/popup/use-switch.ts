// A switch and its outcome: the background's SwitchOutcome status (switch-to.ts), plus
// "pending". "done" shows the message and closes the popup; "needs-confirmation" asks here;
// "failed" stays open with the message.
import { useCallback, useRef, useState } from 'preact/hooks';
import type { CatalogueEntry } from '../core';
import type { PopupData } from './popup-data';

/** How long the popup shows "switched" before it closes. */
export const DONE_CLOSE_MS = 1200;

export type SwitchView =
  | { phase: 'idle' }
  | { phase: 'pending'; message: string }
  | { phase: 'done'; message: string }
  | { phase: 'confirm'; entry: CatalogueEntry; newTab: boolean; signInAgain: boolean; confirm?: 're-sign-in' | 'sixth-session'; message: string }
  | { phase: 'failed'; message: string };

export interface SwitchControl {
  outcome: SwitchView;
  setOutcome(view: SwitchView): void;
  /** `signInAgain`: Shift+Enter, even when the profile has a live session (else the switch goes to it). */
  doSwitch(entry: CatalogueEntry, newTab: boolean, confirmReentry?: boolean, signInAgain?: boolean): Promise<void>;
}

/** `onStart` runs when a switch starts (the popup clears its status line); `onFailedFocus` when focus needs a home after a failure. */
export function useSwitch(data: PopupData, onStart: () => void, onFailedFocus: () => void): SwitchControl {
  const [outcome, setOutcome] = useState<SwitchView>({ phase: 'idle' });
  const switching = useRef(false);
  const doSwitch = useCallback(
    async (entry: CatalogueEntry, newTab: boolean, confirmReentry = false, signInAgain = false) => {
      // One switch at a time: a second Enter while the background works would start another.
      if (switching.current) return;
      switching.current = true;
      setOutcome({ phase: 'pending', message: `Switching to ${entry.profile}…` });
      onStart();
      try {
        const result = await data.switchTo(entry, signInAgain ? { newTab, confirmReentry, signInAgain } : { newTab, confirmReentry });
        if (result.status === 'needs-confirmation') {
          setOutcome({ phase: 'confirm', entry, newTab, signInAgain, confirm: result.confirm, message: result.message });
          return;
        }
        if (result.status === 'failed') {
          setOutcome({ phase: 'failed', message: result.message });
          // After "Switch anyway" the question (and the focused button) is gone: back to the search.
          if (document.activeElement === document.body || !document.activeElement) onFailedFocus();
          return;
        }
        setOutcome({ phase: 'done', message: result.message });
        // The switch is under way in a tab: the popup has done its job once the user could read that.
        setTimeout(() => data.close(), DONE_CLOSE_MS);
      } catch (error) {
        setOutcome({ phase: 'failed', message: `Could not switch to ${entry.profile}: ${error instanceof Error ? error.message : String(error)}` });
      } finally {
        switching.current = false;
      }
    },
    [data, onStart, onFailedFocus],
  );
  return { outcome, setOutcome, doSwitch };
}
