// The popup: search, the grouped role list, switching. Keyboard first: the search box keeps
// focus; ↑/↓ move the active role (aria-activedescendant), Enter switches in this tab,
// Ctrl/Cmd+Enter in a new tab, Esc clears the query and then closes the popup.
// A switch answers with a status (src/popup/switch-to.ts): "done" shows the message and closes
// the popup; "needs-confirmation" asks here, focus on "Switch anyway" (Enter confirms, Esc
// cancels); "failed" stays open with the message as an alert.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, IncrementalFilter, orderForDisplay, type CatalogueEntry, type Settings } from '../core';
import { openImportPage } from '../platform/pages';
import { loadCatalogue, loadRecent, onStorageChanged, pushRecent, readSettings, toggleFavourite, type FirstScreen, type LoadedCatalogue, type LoadedHead } from '../platform/storage';
import { plural } from '../ui/format';
import { Notice } from '../ui/notice';
import { RoleList, rowId } from '../ui/role-list';
import { buildFilteredRows, buildRows, firstEntryRow, moveActive, type Row } from '../ui/rows';
import { PasteImport } from './paste-import';
import { switchTo } from './switch-to';
import { askWhereAmI, type HereAnswer } from './where-am-i';

const LIST_ID = 'roles';
const PAGE_STEP = 8;
/** How long the popup shows "switched" before it closes. */
const DONE_CLOSE_MS = 1200;

/** Where the last switch got to; the background's SwitchOutcome status, plus "pending". */
type SwitchView =
  | { phase: 'idle' }
  | { phase: 'pending'; message: string }
  | { phase: 'done'; message: string }
  | { phase: 'confirm'; entry: CatalogueEntry; newTab: boolean; message: string }
  | { phase: 'failed'; message: string };

type LoadState = { status: 'loading' } | { status: 'ready'; loaded: LoadedCatalogue };

/** Performance marks read by `npm run bench` (test/bench/popup.ts). */
function markAfterFrame(name: string, start?: number) {
  requestAnimationFrame(() => {
    if (start === undefined) performance.mark(name);
    else performance.measure(name, { start, end: performance.now() });
  });
}

export interface PopupAppProps {
  /** The first-screen reads, started before the app was evaluated (first-screen.ts). */
  firstScreen: Promise<FirstScreen>;
  /** Their result, when it came before the first render. */
  initial?: FirstScreen;
}

export function PopupApp({ firstScreen, initial }: PopupAppProps) {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings>(initial?.settings ?? DEFAULT_SETTINGS);
  const [recent, setRecent] = useState<string[]>(initial?.recent ?? []);
  const [here, setHere] = useState<HereAnswer>({ profile: null });
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<{ rows: readonly Row[] | null; index: number }>({ rows: null, index: -1 });
  const [status, setStatus] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const [settingsProblem, setSettingsProblem] = useState<string | undefined>(initial?.settingsProblem);
  const [head, setHead] = useState<LoadedHead | null>(initial?.head ?? null);
  const [outcome, setOutcome] = useState<SwitchView>({ phase: 'idle' });
  const search = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const switching = useRef(false);
  const inputStart = useRef<number | undefined>(undefined);
  const renderedOnce = useRef(false);

  // Keeps the loaded state when a reload found the same config, so the list and the active
  // row do not reset.
  const accept = useCallback((loaded: LoadedCatalogue) => {
    setLoad((previous) =>
      previous.status === 'ready' && previous.loaded.sum === loaded.sum && previous.loaded.problem === loaded.problem && previous.loaded.source === loaded.source
        ? previous
        : { status: 'ready', loaded },
    );
  }, []);

  const verifyCatalogue = useCallback(async () => {
    // (No importer here: a stale cache is rebuilt by the background, which has it.)
    accept(await loadCatalogue({ verify: true }));
  }, [accept]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // 1. First paint from the head (the first screen, a few KB); 2. the whole catalogue from
    // the cache; 3. the whole config read and verified (chunks, checksum), problems shown.
    let full = false;
    const loadFull = () =>
      void loadCatalogue().then((loaded) => {
        full = true;
        accept(loaded);
        setTimeout(() => void verifyCatalogue(), 0);
      });
    void firstScreen.then((first) => {
      // (Same objects as `initial` when the first render had them: then nothing re-renders.)
      setSettings(first.settings);
      setSettingsProblem(first.settingsProblem);
      setRecent(first.recent);
      const loadedHead = first.head;
      if (loadedHead && !full) {
        setHead(loadedHead);
        // Decode the whole catalogue after the first screen is painted, not before.
        requestAnimationFrame(() => setTimeout(loadFull, 0));
      } else loadFull();
    }, loadFull);
    void askWhereAmI().then(setHere);
    const unsubscribe = onStorageChanged((change) => {
      if (change.settings) void readSettings().then((s) => setSettings(s.settings));
      if (change.recent) void loadRecent().then(setRecent);
      if (change.config || change.catalogue) {
        // A save touches several records: reload once it has settled.
        clearTimeout(timer);
        timer = setTimeout(() => void verifyCatalogue(), 60);
      }
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [accept, verifyCatalogue, firstScreen]);

  // Until the full catalogue is there, the head stands in for it (first screen only).
  const headOnly = load.status !== 'ready' && head !== null;
  const entries = load.status === 'ready' ? load.loaded.catalogue.entries : head ? head.head.first : null;
  const preordered = headOnly || (load.status === 'ready' && !!load.loaded.ordered);
  // Entries from the cache are stored in display order; others are grouped here.
  const ordered = useMemo(() => (entries ? (preordered ? entries : orderForDisplay(entries)) : []), [entries, preordered]);
  const filter = useMemo(() => new IncrementalFilter(ordered), [ordered]);
  const rows = useMemo(() => {
    if (query.trim()) return buildFilteredRows(ordered, filter.filter(query));
    return buildRows(ordered, {
      favourites: settings.favourites,
      recent,
      extra: headOnly ? head!.head.extra : undefined,
      appCounts: headOnly ? head!.head.appCounts : undefined,
    });
  }, [ordered, filter, query, settings.favourites, recent, headOnly, head]);
  const favourites = useMemo(() => new Set(settings.favourites), [settings.favourites]);

  // The active row resets to the first match whenever the rows change (derived, no extra render).
  const activeIndex = active.rows === rows ? active.index : firstEntryRow(rows);
  const activeRow = activeIndex >= 0 ? rows[activeIndex] : undefined;
  const activeEntry = activeRow?.kind === 'entry' ? activeRow.entry : undefined;

  // Build the search index and warm the matcher while the user reads, not on the first
  // keystroke: for the first screen's entries, then again for the whole catalogue.
  useEffect(() => {
    const timer = setTimeout(() => filter.warm(), 50);
    return () => clearTimeout(timer);
  }, [filter]);

  const completeOnce = useRef(false);
  useLayoutEffect(() => {
    if (load.status !== 'ready' && !headOnly) return;
    if (load.status === 'ready' && !completeOnce.current) {
      completeOnce.current = true;
      markAfterFrame('rsb:complete');
    }
    if (!renderedOnce.current) {
      renderedOnce.current = true;
      markAfterFrame('rsb:rendered');
    }
    if (inputStart.current !== undefined) {
      markAfterFrame('rsb:filter', inputStart.current);
      inputStart.current = undefined;
    }
  }, [rows, load.status, headOnly]);

  const doSwitch = useCallback(async (entry: CatalogueEntry, newTab: boolean, confirmReentry = false) => {
    // One switch at a time: a second Enter while the background works would start another.
    if (switching.current) return;
    switching.current = true;
    setOutcome({ phase: 'pending', message: `Switching to ${entry.profile}…` });
    setStatus('');
    try {
      const result = await switchTo(entry, { newTab, confirmReentry });
      if (result.status === 'needs-confirmation') {
        setOutcome({ phase: 'confirm', entry, newTab, message: result.message });
        return;
      }
      if (result.status === 'failed') {
        setOutcome({ phase: 'failed', message: result.message });
        // After "Switch anyway" the question (and the focused button) is gone: back to the search.
        if (document.activeElement === document.body || !document.activeElement) search.current?.focus();
        return;
      }
      setOutcome({ phase: 'done', message: result.message });
      await pushRecent(entry.profile, entry).catch(() => {});
      // The switch is under way in a tab: the popup has done its job once the user could read that.
      setTimeout(() => window.close(), DONE_CLOSE_MS);
    } catch (error) {
      setOutcome({ phase: 'failed', message: `Could not switch to ${entry.profile}: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      switching.current = false;
    }
  }, []);

  const cancelConfirm = useCallback(() => {
    setOutcome({ phase: 'idle' });
    setStatus('Switch cancelled: nothing was changed.');
    search.current?.focus();
  }, []);

  // The question takes focus, so Enter confirms and Esc cancels without reaching for the mouse.
  useEffect(() => {
    if (outcome.phase === 'confirm') confirmButton.current?.focus();
  }, [outcome]);

  const doCopy = useCallback(async (entry: CatalogueEntry) => {
    try {
      await navigator.clipboard.writeText(entry.url);
      setCopied(entry.profile);
      setStatus(`Copied the switch link for ${entry.profile}.`);
      setTimeout(() => setCopied((p) => (p === entry.profile ? null : p)), 1500);
    } catch {
      setStatus('Could not copy the link: the browser refused clipboard access.');
    }
  }, []);

  const doPin = useCallback(async (entry: CatalogueEntry) => {
    const next = await toggleFavourite(entry.profile, entry);
    setSettings(next);
    setStatus(next.favourites.includes(entry.profile) ? `Pinned ${entry.profile}.` : `Unpinned ${entry.profile}.`);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    const inSearch = event.target === search.current;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
      case 'PageDown':
      case 'PageUp': {
        event.preventDefault();
        const step = (event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : event.key === 'PageDown' ? PAGE_STEP : -PAGE_STEP) as number;
        setActive({ rows, index: moveActive(rows, activeIndex < 0 ? -1 : activeIndex, step) });
        search.current?.focus();
        return;
      }
      case 'Enter':
        // On a focused button Enter is that button's click; only the search box routes it.
        if (inSearch && activeEntry) {
          event.preventDefault();
          void doSwitch(activeEntry, event.ctrlKey || event.metaKey);
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (outcome.phase === 'confirm') cancelConfirm();
        else if (outcome.phase === 'failed') {
          // First Esc puts the failure away (the message stays in the status bar), like a query.
          setStatus(outcome.message);
          setOutcome({ phase: 'idle' });
          search.current?.focus();
        } else if (query) {
          setQuery('');
          search.current?.focus();
        } else window.close();
        return;
      default:
        // Typing anywhere goes to the search box, except Space, which presses the focused button.
        if (!inSearch && event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey && !(event.target instanceof HTMLTextAreaElement)) {
          search.current?.focus();
        }
    }
  };

  const ready = load.status === 'ready' || headOnly;
  const loaded: { problem?: string } | null = load.status === 'ready' ? load.loaded : head;
  const total = load.status === 'ready' ? load.loaded.catalogue.entries.length : (head?.head.count ?? 0);
  const matches = query.trim() ? rows.filter((r) => r.kind === 'entry').length : total;

  return (
    <main class="popup-main" onKeyDown={onKeyDown}>
      <header class="popup-header">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true" />
          Role Switchboard
        </h1>
        <span class="header-count" aria-live="polite">
          {ready && total > 0 ? (query.trim() ? `${matches.toLocaleString('en')} of ${plural(total, 'role')}` : plural(total, 'role')) : ''}
        </span>
        <button type="button" class="header-button" onClick={() => void openImportPage()} title="Import a config and change settings">
          Import &amp; settings
        </button>
      </header>
      <div class="search-wrap">
        <input
          ref={search}
          class="search"
          type="search"
          aria-label="Search roles"
          placeholder="Search roles: app, env, account, role…"
          autoFocus
          autoComplete="off"
          spellcheck={false}
          value={query}
          aria-controls={ready && matches > 0 ? `${LIST_ID}-list` : undefined}
          aria-activedescendant={activeIndex >= 0 ? rowId(LIST_ID, activeIndex) : undefined}
          onInput={(e) => {
            inputStart.current = e.timeStamp;
            setQuery((e.currentTarget as HTMLInputElement).value);
            if (outcome.phase === 'failed' || outcome.phase === 'done') setOutcome({ phase: 'idle' });
          }}
        />
      </div>
      {(loaded?.problem || settingsProblem) && (
        <Notice tone="warning" title="Storage problem">
          {[loaded?.problem, settingsProblem].filter(Boolean).join(' ')}
        </Notice>
      )}
      <section class="list-area" aria-label="Roles">
        {!ready && <p class="placeholder">Loading your roles…</p>}
        {ready && total === 0 && <EmptyState />}
        {ready && total > 0 && matches === 0 && headOnly && <p class="placeholder">Searching all roles…</p>}
        {ready && total > 0 && matches === 0 && !headOnly && (
          <div class="no-match">
            <p>
              No role matches <q>{query.trim()}</q>.
            </p>
            <p class="muted">Search looks at profile, app, environment, account ID or alias, and role name.</p>
          </div>
        )}
        {ready && total > 0 && matches > 0 && (
          <RoleList
            rows={rows}
            label={query.trim() ? 'Matching roles' : 'Roles by app and environment'}
            idPrefix={LIST_ID}
            activeIndex={activeIndex}
            hereProfile={here.profile}
            favourites={favourites}
            copiedProfile={copied}
            onSwitch={(entry, newTab) => void doSwitch(entry, newTab)}
            onCopy={(entry) => void doCopy(entry)}
            onTogglePin={(entry) => void doPin(entry)}
          />
        )}
      </section>
      {outcome.phase === 'confirm' && (
        <div class="confirm-bar" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
          <p id="confirm-title" class="confirm-title">
            Sign out the open session?
          </p>
          <p id="confirm-text" class="confirm-text">
            {outcome.message}
          </p>
          <div class="confirm-actions">
            <button
              type="button"
              ref={confirmButton}
              class="button warning"
              onClick={() => void doSwitch(outcome.entry, outcome.newTab, true)}
            >
              Switch anyway
            </button>
            <button type="button" class="button" onClick={cancelConfirm}>
              Cancel
            </button>
            <span class="confirm-keys" aria-hidden="true">
              Enter switch · Esc cancel
            </span>
          </div>
        </div>
      )}
      {outcome.phase === 'failed' && (
        <div class="switch-failed">
          <Notice tone="error" title="Not switched">
            {outcome.message}
          </Notice>
        </div>
      )}
      {here.why && <TabWhy {...here.why} />}
      <div class={`status-bar${outcome.phase === 'done' ? ' is-done' : ''}`} role="status" aria-live="polite">
        {outcome.phase === 'pending' || outcome.phase === 'done' ? (
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
          ready &&
          total > 0 &&
          outcome.phase !== 'confirm' && (
            <span class="status-text key-hint" aria-hidden="true">
              <kbd>↑</kbd>
              <kbd>↓</kbd> move · <kbd>Enter</kbd> switch · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> new tab · <kbd>Esc</kbd>{' '}
              {outcome.phase === 'failed' ? 'dismiss' : query ? 'clear' : 'close'}
            </span>
          )
        )}
      </div>
    </main>
  );
}

/** What the banner of the active console tab says and why, on demand, with the report to copy. */
function TabWhy({ verdict, report }: { verdict: string; report: string }) {
  const [copied, setCopied] = useState('');
  return (
    <details class="tab-why">
      <summary>This tab: {verdict}</summary>
      <pre>{report}</pre>
      <button
        type="button"
        class="button"
        onClick={() => navigator.clipboard.writeText(report).then(() => setCopied('Copied'), () => setCopied('Copy failed: select the text above'))}
      >
        {copied || 'Copy report'}
      </button>
    </details>
  );
}

function EmptyState() {
  return (
    <div class="empty-state">
      <h2>No roles yet</h2>
      <p>
        Import your AWS config (<code>~/.aws/config</code>) and every role you can switch to appears here, grouped by app and
        environment. Secrets in it are removed before anything is saved.
      </p>
      <button type="button" class="button primary" onClick={() => void openImportPage()}>
        Open the import page
      </button>
      <PasteImport />
    </div>
  );
}
