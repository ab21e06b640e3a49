// The popup's title row: the brand, how many roles (and matches), the way to the import page.
import type { ComponentChildren } from 'preact';
import { plural } from '../ui/format';

export interface PopupHeaderProps {
  /** Role count shown when there is one; `matches` too while a query is typed. */
  total?: number;
  matches?: number;
  /** `3 of 5 sessions` in multi-session mode, else ''. */
  sessions?: string;
  onOpenImport(): void;
  /** Before the import button: the reach filter's toggle. */
  extra?: ComponentChildren;
}

export function PopupHeader({ total, matches, sessions, onOpenImport, extra }: PopupHeaderProps) {
  return (
    <header class="popup-header">
      <h1 class="brand">
        <span class="brand-mark" aria-hidden="true" />
        Role Switchboard
      </h1>
      <span class="header-count" aria-live="polite">
        {total ? (matches !== undefined ? `${matches.toLocaleString('en')} of ${plural(total, 'role')}` : plural(total, 'role')) : ''}
      </span>
      {sessions && (
        <span class="header-sessions" title="Console sessions signed in now in multi-session mode, of the five the console allows (those Role Switchboard has seen)">
          {sessions}
        </span>
      )}
      {extra}
      <button type="button" class="header-button" onClick={onOpenImport} title="Import a config and change settings">
        Import &amp; settings
      </button>
    </header>
  );
}
