// The popup's middle: loading, no roles yet, no match, or the role list.
import type { CatalogueEntry, SessionMark } from '../core';
import { RoleList, type Density } from '../ui/role-list';
import type { Row } from '../ui/rows';
import { EmptyState } from './empty-state';
import type { RoleRows } from './use-role-rows';

export interface RoleAreaProps {
  view: RoleRows;
  query: string;
  listId: string;
  activeIndex: number;
  hereProfile: string | null;
  sessions: ReadonlyMap<string, SessionMark>;
  favourites: ReadonlySet<string>;
  copiedProfile: string | null;
  onSwitch(entry: CatalogueEntry, newTab: boolean): void;
  onCopy(entry: CatalogueEntry): void;
  onTogglePin(entry: CatalogueEntry): void;
  onOpenImport(): void;
  density: Density;
  onToggleGroup(app: string): void;
}

function NoMatch({ query }: { query: string }) {
  return (
    <div class="no-match">
      <p>
        No role matches <q>{query}</q>.
      </p>
      <p class="muted">Search looks at profile, app, environment, account ID or alias, and role name.</p>
    </div>
  );
}

export function RoleArea(props: RoleAreaProps) {
  const { view, query } = props;
  const { ready, total, matches, headOnly } = view;
  const rows: readonly Row[] = view.rows;
  return (
    <section class="list-area" aria-label="Roles">
      {!ready && <p class="placeholder">Loading your roles…</p>}
      {ready && total === 0 && <EmptyState onOpenImport={props.onOpenImport} />}
      {ready && total > 0 && matches === 0 && headOnly && <p class="placeholder">Searching all roles…</p>}
      {ready && total > 0 && matches === 0 && !headOnly && <NoMatch query={query.trim()} />}
      {ready && total > 0 && matches > 0 && (
        <RoleList
          rows={rows}
          label={query.trim() ? 'Matching roles' : 'Roles by app and environment'}
          idPrefix={props.listId}
          activeIndex={props.activeIndex}
          hereProfile={props.hereProfile}
          sessions={props.sessions}
          favourites={props.favourites}
          copiedProfile={props.copiedProfile}
          onSwitch={props.onSwitch}
          onCopy={props.onCopy}
          onTogglePin={props.onTogglePin}
          density={props.density}
          onToggleGroup={props.onToggleGroup}
        />
      )}
    </section>
  );
}
