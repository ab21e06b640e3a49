// The rows the popup shows for a query: the catalogue (or, until it is in, the head) in
// display order, grouped, filtered by the search.
import { useEffect, useMemo } from 'preact/hooks';
import { IncrementalFilter, filterReachable, orderForDisplay, reachOf, type CatalogueEntry, type ReachView } from '../core';
import { buildFilteredRows, buildRows, type Row } from '../ui/rows';
import type { PopupStore } from './use-popup-store';

export interface RoleRows {
  /** The entries in display order. */
  ordered: readonly CatalogueEntry[];
  rows: readonly Row[];
  /** The head stands in for the catalogue (first screen only). */
  headOnly: boolean;
  /** Something to show: the catalogue or its head. */
  ready: boolean;
  /** Roles in the catalogue, and of them matching the query. */
  total: number;
  matches: number;
  /** A storage problem to show, if any. */
  problem?: string;
  /** "Only roles I can reach from here" is on and the tab's sign-in is known: what it hides and lists apart. */
  reach: ReachView<CatalogueEntry> | null;
}

export function useRoleRows(store: PopupStore, query: string): RoleRows {
  const { load, head, settings, recent } = store;
  // (The head is the start of the grouped order: in the config's order the list waits for the whole catalogue.)
  const headOnly = load.status !== 'ready' && head !== null && settings.listOrder !== 'config';
  const entries = load.status === 'ready' ? load.loaded.catalogue.entries : headOnly ? head!.head.first : null;
  const preordered = headOnly || (load.status === 'ready' && !!load.loaded.ordered);
  // Entries from the cache are stored in display order; others are grouped here.
  const ordered = useMemo(() => (entries ? (preordered ? entries : orderForDisplay(entries)) : []), [entries, preordered]);
  // "Only roles I can reach from here" (issue 15 §2): only with a known sign-in; else nothing is hidden.
  const basis = store.basis;
  const reach = useMemo(() => (settings.onlyReachable && basis?.known ? filterReachable(ordered, basis) : null), [ordered, settings.onlyReachable, basis]);
  const visible = reach ? reach.shown : ordered;
  const filter = useMemo(() => new IncrementalFilter(visible), [visible]);
  const rows = useMemo(() => {
    if (query.trim()) return buildFilteredRows(visible, filter.filter(query), reach?.unknownBase);
    const extra = headOnly ? head!.head.extra : undefined;
    return buildRows(visible, {
      favourites: settings.favourites,
      recent,
      extra: extra && reach && basis?.known ? extra.filter((e) => reachOf(e, basis) !== 'other-base') : extra,
      // (The head's per-app counts are of the whole catalogue: not of what the filter shows.)
      appCounts: headOnly && !reach ? head!.head.appCounts : undefined,
      collapsed: settings.collapsedApps,
      order: settings.listOrder,
      unknownBase: reach?.unknownBase,
    });
  }, [visible, filter, query, settings.favourites, settings.collapsedApps, settings.listOrder, recent, headOnly, head, reach, basis]);

  // Build the search index and warm the matcher while the user reads, not on the first
  // keystroke: for the first screen's entries, then again for the whole catalogue.
  useEffect(() => {
    const timer = setTimeout(() => filter.warm(), 50);
    return () => clearTimeout(timer);
  }, [filter]);

  const total = load.status === 'ready' ? load.loaded.catalogue.entries.length : (head?.head.count ?? 0);
  const matches = query.trim() ? rows.filter((r) => r.kind === 'entry').length : reach ? reach.shown.length : total;
  const loaded: { problem?: string } | null = load.status === 'ready' ? load.loaded : head;
  const problem = [loaded?.problem, store.settingsProblem].filter(Boolean).join(' ') || undefined;
  return { ordered, rows, headOnly, ready: load.status === 'ready' || headOnly, total, matches, problem, reach };
}
