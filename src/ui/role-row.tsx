// One role in the list. The main control is a single button whose accessible name starts
// with the profile name; copying the link and pinning are separate, smaller buttons.
// Everything shown comes from the user's config: text nodes only, never markup.
import type { CatalogueEntry } from '../core';
import { EnvBadge } from './env-badge';
import { formatAccountId, permissionSetOf } from '../core/aws-names';

export interface RoleRowProps {
  entry: CatalogueEntry;
  id: string;
  active: boolean;
  here: boolean;
  pinned: boolean;
  copied: boolean;
  interactive: boolean;
  onSwitch?: (entry: CatalogueEntry, newTab: boolean) => void;
  onCopy?: (entry: CatalogueEntry) => void;
  onTogglePin?: (entry: CatalogueEntry) => void;
}

function RoleSummary({ entry, here }: { entry: CatalogueEntry; here: boolean }) {
  const account = entry.accountAlias ?? formatAccountId(entry.accountId ?? '');
  // An Identity Center role named in full (`…/AWSReservedSSO_<set>_<hash>`) is shown by its permission set.
  const set = entry.kind === 'role' ? permissionSetOf(entry.roleName) : null;
  return (
    <>
      <span class="role-line">
        <span class="role-profile">{entry.profile}</span>
        {here && <span class="here-marker">You are here</span>}
        {entry.origin === 'organisation' && (
          <span class="org-mark" title="From your organisation's policy">
            organisation
          </span>
        )}
      </span>
      <span class="role-meta">
        <EnvBadge entry={entry} />
        <span class="role-account" title={entry.accountAlias && entry.accountId ? formatAccountId(entry.accountId) : undefined}>
          {account}
        </span>
        <span class="role-name" title={entry.kind === 'role' && set ? entry.roleName : undefined}>
          {entry.kind === 'sso' ? `SSO ${entry.roleName}` : set ? `SSO ${set}` : entry.roleName}
        </span>
      </span>
    </>
  );
}

export function RoleRow(props: RoleRowProps) {
  const { entry, id, interactive } = props;
  if (!interactive) {
    return (
      <div class="role-main" id={id} title={entry.profile}>
        <RoleSummary entry={entry} here={props.here} />
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        class="role-main"
        id={id}
        title={entry.profile}
        onClick={(e) => props.onSwitch?.(entry, e.ctrlKey || e.metaKey)}
        onAuxClick={(e) => {
          if (e.button === 1) props.onSwitch?.(entry, true);
        }}
      >
        <RoleSummary entry={entry} here={props.here} />
      </button>
      <span class="row-actions">
        <button type="button" class="icon-button" aria-label={`Copy link for ${entry.profile}`} title="Copy the switch link" onClick={() => props.onCopy?.(entry)}>
          {props.copied ? <span class="copied">Copied</span> : <CopyIcon />}
        </button>
        <button
          type="button"
          class={`icon-button pin${props.pinned ? ' pinned' : ''}`}
          aria-label={`Pin ${entry.profile}`}
          aria-pressed={props.pinned}
          title={props.pinned ? 'Unpin' : 'Pin to the top'}
          onClick={() => props.onTogglePin?.(entry)}
        >
          <PinIcon filled={props.pinned} />
        </button>
      </span>
    </>
  );
}

// Icons are drawn by CSS (styles.css, .icon-*): one element each, where an inline <svg> costs up
// to three elements and its attributes on every row of the popup's first render.
function CopyIcon() {
  return <span class="icon icon-copy" aria-hidden="true" />;
}

function PinIcon({ filled }: { filled: boolean }) {
  return <span class={`icon ${filled ? 'icon-pin-filled' : 'icon-pin'}`} aria-hidden="true" />;
}
