// The popup: search, the grouped role list, switching. Composed of small parts over hooks:
// the data (use-popup-store.ts, through the PopupData interface, so tests render it with fake
// data), the rows for a query (use-role-rows.ts), the active row (use-active-row.ts), the
// switch and its outcome (use-switch.ts), the keys (use-popup-keys.ts).
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sessionCountText, sessionMarks, type CatalogueEntry } from '../core';
import type { FirstScreen } from '../platform/storage';
import { Notice } from '../ui/notice';
import { rowId } from '../ui/role-list';
import { firstEntryRow } from '../ui/rows';
import type { PopupData } from './popup-data';
import { PopupHeader } from './popup-header';
import { ReachBar } from './reach-bar';
import { RoleArea } from './role-area';
import { StatusBar } from './status-bar';
import { ConfirmBar, SwitchFailed } from './switch-panels';
import { TabWhy } from './tab-why';
import { useActiveRow } from './use-active-row';
import { hereRow, useHereProfile } from './use-here';
import { popupKeyHandler } from './use-popup-keys';
import { usePopupStore } from './use-popup-store';
import { useRenderMarks } from './use-render-marks';
import { useRoleRows } from './use-role-rows';
import { DONE_CLOSE_MS, useSwitch } from './use-switch';

const LIST_ID = 'roles';
const COPIED_MS = 1500;

export interface PopupAppProps {
  data: PopupData;
  /** The first-screen reads' result, when it came before the first render. */
  initial?: FirstScreen;
}

export function PopupApp({ data, initial }: PopupAppProps) {
  const store = usePopupStore(data, initial);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const view = useRoleRows(store, query);
  const hereProfile = useHereProfile(store.here, view.ordered);
  const typed = !!query.trim();
  const active = useActiveRow(view.rows, typed ? firstEntryRow(view.rows) : hereRow(view.rows, hereProfile), query);
  const markInput = useRenderMarks(data.marks, view.rows, store.load.status === 'ready', view.ready);
  const focusSearch = useCallback(() => search.current?.focus(), []);
  // Focused as soon as it is in the DOM: the browser applies `autofocus` only at its next
  // rendering step (a popup that is not shown yet has none), and keys typed before then reached
  // no element that routes them, so the start of a query typed at once was lost.
  useLayoutEffect(focusSearch, [focusSearch]);
  const clearStatus = useCallback(() => setStatus(''), []);
  const { outcome, setOutcome, doSwitch } = useSwitch(data, clearStatus, focusSearch);
  const favourites = useMemo(() => new Set(store.settings.favourites), [store.settings.favourites]);
  const marks = useMemo(() => sessionMarks(store.sessions, store.sessions?.now ?? 0), [store.sessions]);

  const toggleReach = (on: boolean) =>
    void data.setOnlyReachable(on).then(store.setSettings, () => setStatus('Could not save the setting: the filter stays as it was.'));
  const doSwitchBack = async () => {
    setOutcome({ phase: 'pending', message: 'Switching back…' });
    const result = await data.switchBack();
    if (result.status === 'done') {
      setOutcome({ phase: 'done', message: result.message });
      setTimeout(() => data.close(), DONE_CLOSE_MS);
    } else setOutcome({ phase: 'failed', message: result.message });
  };
  const cancelConfirm = () => {
    setOutcome({ phase: 'idle' });
    setStatus('Switch cancelled: nothing was changed.');
    focusSearch();
  };
  const doCopy = async (entry: CatalogueEntry) => {
    try {
      await data.copyText(entry.url);
      setCopied(entry.profile);
      setStatus(`Copied the switch link for ${entry.profile}.`);
      setTimeout(() => setCopied((p) => (p === entry.profile ? null : p)), COPIED_MS);
    } catch {
      setStatus('Could not copy the link: the browser refused clipboard access.');
    }
  };
  const doPin = async (entry: CatalogueEntry) => {
    const next = await data.toggleFavourite(entry.profile, entry);
    store.setSettings(next);
    setStatus(next.favourites.includes(entry.profile) ? `Pinned ${entry.profile}.` : `Unpinned ${entry.profile}.`);
  };
  const escape = (): boolean => {
    if (outcome.phase === 'confirm') cancelConfirm();
    else if (outcome.phase === 'failed') {
      // First Esc puts the failure away (the message stays in the status bar), like a query.
      setStatus(outcome.message);
      setOutcome({ phase: 'idle' });
      focusSearch();
    } else if (query) {
      setQuery('');
      focusSearch();
    } else return false;
    return true;
  };
  const onKeyDown = popupKeyHandler({
    search,
    active,
    query,
    switchActive: (newTab, signInAgain) => active.entry && void doSwitch(active.entry, newTab, false, signInAgain),
    escape,
    close: data.close,
  });

  const { ready, total, matches } = view;
  return (
    <main class="popup-main" onKeyDown={onKeyDown}>
      <PopupHeader total={ready ? total : 0} matches={typed ? matches : undefined} sessions={sessionCountText(store.sessions)} onOpenImport={() => void data.openImportPage()} />
      <div class="search-wrap">
        <input
          ref={search}
          class="search"
          type="search"
          aria-label="Search roles"
          placeholder="Search roles: app, env, account, role…"
          autoComplete="off"
          spellcheck={false}
          value={query}
          aria-controls={ready && matches > 0 ? `${LIST_ID}-list` : undefined}
          aria-activedescendant={active.index >= 0 ? rowId(LIST_ID, active.index) : undefined}
          onInput={(e) => {
            markInput(e.timeStamp);
            setQuery((e.currentTarget as HTMLInputElement).value);
            if (outcome.phase === 'failed' || outcome.phase === 'done') setOutcome({ phase: 'idle' });
          }}
        />
      </div>
      {view.problem && (
        <Notice tone="warning" title="Storage problem">
          {view.problem}
        </Notice>
      )}
      <RoleArea
        view={view}
        query={query}
        listId={LIST_ID}
        activeIndex={active.index}
        hereProfile={hereProfile}
        sessions={marks}
        favourites={favourites}
        copiedProfile={copied}
        onSwitch={(entry, newTab) => void doSwitch(entry, newTab)}
        onCopy={(entry) => void doCopy(entry)}
        onTogglePin={(entry) => void doPin(entry)}
        onOpenImport={() => void data.openImportPage()}
        density={store.settings.density}
        onToggleGroup={(app) => void data.toggleCollapsedApp(app).then(store.setSettings)}
      />
      {/* Below the list: the list keeps the first Tab stops after the search box. */}
      <ReachBar on={store.settings.onlyReachable} basis={store.basis} reach={view.reach} onToggle={toggleReach} onSwitchBack={() => void doSwitchBack()} />
      {outcome.phase === 'confirm' && (
        <ConfirmBar
          message={outcome.message}
          title={outcome.confirm === 'sixth-session' ? 'Open a sixth session?' : 'Sign out the open session?'}
          onConfirm={() => void doSwitch(outcome.entry, outcome.newTab, true, outcome.signInAgain)}
          onCancel={cancelConfirm}
        />
      )}
      {outcome.phase === 'failed' && <SwitchFailed message={outcome.message} />}
      {store.here.why && <TabWhy {...store.here.why} copyText={data.copyText} />}
      <StatusBar outcome={outcome} status={status} hints={ready && total > 0} escAction={outcome.phase === 'failed' ? 'dismiss' : query ? 'clear' : 'close'} />
    </main>
  );
}
