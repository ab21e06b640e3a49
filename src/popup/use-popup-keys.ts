// The popup's keys, on its main element. Keyboard first: the search box keeps focus; ↑/↓,
// PageUp/PageDown and Home/End move the active role (aria-activedescendant; Home/End while the
// box is empty, or with Ctrl, since in a query they move the caret), Enter switches in this tab
// (or goes to the profile's live session), Shift+Enter signs in again, Ctrl/Cmd+Enter in a new tab, Esc puts away what is open (the question, a failure, the
// query) and then closes the popup. Typing anywhere goes to the search box. Tab stops once per
// row (its role button, or a group's fold button); ←/→ on a row reach its copy and pin buttons.
import type { RefObject } from 'preact';
import type { ActiveRow } from './use-active-row';

export const PAGE_STEP = 8;

export interface PopupKeyActions {
  search: RefObject<HTMLInputElement>;
  active: ActiveRow;
  query: string;
  switchActive(newTab: boolean, signInAgain: boolean): void;
  /** Esc: returns false when there was nothing left to put away (then the popup closes). */
  escape(): boolean;
  close(): void;
}

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP };

export function popupKeyHandler(actions: PopupKeyActions): (event: KeyboardEvent) => void {
  const { search, active } = actions;
  return (event) => {
    const inSearch = event.target === search.current;
    const step = STEPS[event.key];
    if (step !== undefined) {
      event.preventDefault();
      active.move(step);
      search.current?.focus();
      return;
    }
    if ((event.key === 'Home' || event.key === 'End') && (!inSearch || !actions.query || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      active.edge(event.key === 'Home' ? -1 : 1);
      search.current?.focus();
      return;
    }
    if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !inSearch && moveInRow(event)) return;
    if (event.key === 'Enter') {
      // On a focused button Enter is that button's click; only the search box routes it.
      if (inSearch && active.entry) {
        event.preventDefault();
        actions.switchActive(event.ctrlKey || event.metaKey, event.shiftKey);
      }
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!actions.escape()) actions.close();
      return;
    }
    // Typing anywhere goes to the search box, except Space, which presses the focused button.
    if (!inSearch && event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey && !(event.target instanceof HTMLTextAreaElement)) {
      search.current?.focus();
    }
  };
}

/** ←/→ between the buttons of the focused row (role, copy, pin); true when it moved. */
function moveInRow(event: KeyboardEvent): boolean {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const row = target?.closest('.row-entry');
  if (!target || !row) return false;
  const buttons = Array.from(row.querySelectorAll<HTMLButtonElement>('button'));
  const next = buttons[buttons.indexOf(target as HTMLButtonElement) + (event.key === 'ArrowRight' ? 1 : -1)];
  if (!next) return false;
  event.preventDefault();
  next.focus();
  return true;
}
