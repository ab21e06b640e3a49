// One role in the list. The main control is a single button whose accessible name starts
// with the profile name; copying the link and pinning are separate, smaller buttons.
// Everything shown comes from the user's config: text nodes only, never markup.
import type { CatalogueEntry, SessionMark } from '../core';
import { EnvBadge } from './env-badge';
import { formatAccountId, permissionSetOf } from '../core/aws-names';

export interface RoleRowProps {
  entry: CatalogueEntry;
  /** One line (the popup's compact density) or two. */
  compact?: boolean;
  /** Name the account visibly (the compact list does on the first row of an account's run; the name is always in the accessible text). */
  showAccount?: boolean;
  showRegion?: boolean;
  id: string;
  active: boolean;
  here: boolean;
  /** Its console session, when it has one the extension knows of (issue 13). */
  session?: SessionMark;
  pinned: boolean;
  copied: boolean;
  interactive: boolean;
  onSwitch?: (entry: CatalogueEntry, newTab: boolean) => void;
  onCopy?: (entry: CatalogueEntry) => void;
  onTogglePin?: (entry: CatalogueEntry) => void;
}

/** The partitions outside the commercial cloud, said in words on every row of theirs. */
const PARTITION_MARKS: Partial<Record<CatalogueEntry['partition'], string>> = { 'aws-us-gov': 'GovCloud', 'aws-cn': 'China', 'aws-eusc': 'EU Sovereign' };

function Where({ entry, showRegion }: { entry: CatalogueEntry; showRegion: boolean }) {
  const mark = PARTITION_MARKS[entry.partition];
  return (
    <>
      {showRegion && entry.region && <span class="role-region">{entry.region}</span>}
      {mark && <span class={`partition-mark partition-${entry.partition}`}>{mark}</span>}
    </>
  );
}

/** The organisation's roles (browser policy) say so, quietly: a word beside the name. */
function OrganisationMark({ entry }: { entry: CatalogueEntry }) {
  if (entry.origin !== 'organisation') return null;
  return (
    <span class="org-mark" title="From your organisation's policy">
      organisation
    </span>
  );
}

type SummaryProps = { entry: CatalogueEntry; here: boolean; session?: SessionMark; showAccount: boolean; showRegion: boolean };

/** The row's console session. (Here is signed in by definition: only a countdown or a warning adds to it.) */
function SessionMarker({ session, here }: { session?: SessionMark; here: boolean }) {
  if (!session || (here && session.text === 'Signed in')) return null;
  return (
    <span class={`session-marker is-${session.tone}`} title={session.title}>
      {session.text}
    </span>
  );
}

/** The profile name and what is said beside it: here, its session, the organisation's mark. */
function ProfileMarks({ entry, here, session }: Pick<SummaryProps, 'entry' | 'here' | 'session'>) {
  return (
    <>
      <span class="role-profile">{entry.profile}</span>
      {here && <span class="here-marker">You are here</span>}
      <SessionMarker session={session} here={here} />
      <OrganisationMark entry={entry} />
    </>
  );
}

/** The account as shown (its alias, else its ID) and, under an alias, the ID on hover. */
function accountText(entry: CatalogueEntry): { text: string; title?: string } {
  return { text: entry.accountAlias ?? formatAccountId(entry.accountId ?? ''), title: entry.accountAlias && entry.accountId ? formatAccountId(entry.accountId) : undefined };
}

function roleText(entry: CatalogueEntry): { text: string; title?: string } {
  // An Identity Center role named in full (`…/AWSReservedSSO_<set>_<hash>`) is shown by its permission set.
  const set = entry.kind === 'role' ? permissionSetOf(entry.roleName) : null;
  return { text: entry.kind === 'sso' ? `SSO ${entry.roleName}` : set ? `SSO ${set}` : entry.roleName, title: entry.kind === 'role' && set ? entry.roleName : undefined };
}

/** One line: profile, here, environment, role, region and partition, and the account at the right (once per run). */
function CompactSummary({ entry, here, session, showAccount, showRegion }: SummaryProps) {
  const account = accountText(entry);
  const role = roleText(entry);
  return (
    <span class="role-line">
      <ProfileMarks entry={entry} here={here} session={session} />
      <EnvBadge entry={entry} />
      <span class="role-name" title={role.title}>
        {role.text}
      </span>
      <Where entry={entry} showRegion={showRegion} />
      <span class={showAccount ? 'role-account' : 'role-account visually-hidden'} title={account.title}>
        {account.text}
      </span>
    </span>
  );
}

function RoleSummary({ entry, here, session, showRegion }: SummaryProps) {
  const account = accountText(entry);
  const role = roleText(entry);
  return (
    <>
      <span class="role-line">
        <ProfileMarks entry={entry} here={here} session={session} />
      </span>
      <span class="role-meta">
        <EnvBadge entry={entry} />
        <span class="role-account" title={account.title}>
          {account.text}
        </span>
        <span class="role-name" title={role.title}>
          {role.text}
        </span>
        <Where entry={entry} showRegion={showRegion} />
      </span>
    </>
  );
}

export function RoleRow(props: RoleRowProps) {
  const { entry, id, interactive } = props;
  const Summary = props.compact ? CompactSummary : RoleSummary;
  const summary = <Summary entry={entry} here={props.here} session={props.session} showAccount={props.showAccount ?? true} showRegion={props.showRegion ?? false} />;
  if (!interactive) {
    return (
      <div class="role-main" id={id} title={entry.profile}>
        {summary}
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
        {summary}
      </button>
      <span class="row-actions">
        {/* One Tab stop per row (the role): ← → reach these from it (popup keys). */}
        <button type="button" class="icon-button" tabIndex={-1} aria-label={`Copy link for ${entry.profile}`} title="Copy the switch link" onClick={() => props.onCopy?.(entry)}>
          {props.copied ? <span class="copied">Copied</span> : <CopyIcon />}
        </button>
        <button
          type="button"
          class={`icon-button pin${props.pinned ? ' pinned' : ''}`}
          tabIndex={-1}
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
