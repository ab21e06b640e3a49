// The rows of the role list (popup and import preview): app headers and entries, in the
// popup's fixed order. Pure, so the order is unit-tested without a browser.
import type { CatalogueEntry, FilterMatch } from '../core';

export type RowSection = 'pinned' | 'recent' | 'app' | 'unknown-base';

export type Row =
  | {
      kind: 'header';
      key: string;
      title: string;
      count: number;
      section: RowSection;
      /** An app group's key (lower-cased app): the header can fold it. */
      app?: string;
      /** Its entries are folded away. */
      collapsed?: boolean;
    }
  | {
      kind: 'entry';
      key: string;
      entry: CatalogueEntry;
      section: RowSection;
      /** The first of a run of entries in one account, in its group: the compact list names the account here only. */
      accountLead?: boolean;
      /** Entries of its group differ by region (`dev` and `dev-us`): the row shows its region. */
      showRegion?: boolean;
    };

const accountKey = (e: CatalogueEntry) => `${e.partition}:${e.accountId ?? e.accountAlias ?? ''}`;

/** Marks, group by group (a header starts one), where an account's run starts and whether regions differ. */
function markGroups(rows: Row[]): Row[] {
  let start = 0;
  while (start < rows.length) {
    let end = start + 1;
    while (end < rows.length && rows[end]!.kind !== 'header') end++;
    const regions = new Set<string>();
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      if (row.kind === 'entry') regions.add(row.entry.region ?? '');
    }
    let previous: string | null = null;
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      if (row.kind !== 'entry') continue;
      const key = accountKey(row.entry);
      row.accountLead = key !== previous;
      row.showRegion = regions.size > 1 && row.entry.region !== undefined;
      previous = key;
    }
    start = end;
  }
  return rows;
}


/**
 * Groups consecutive ordered entries into app sections; `counts` (lower-cased app → count)
 * overrides the counts seen; the entries of apps in `collapsed` are left out (their header says
 * how many).
 */
function appRows(ordered: readonly CatalogueEntry[], rows: Row[], keyPrefix: string, counts?: Readonly<Record<string, number>>, collapsed?: ReadonlySet<string>): void {
  let i = 0;
  while (i < ordered.length) {
    const app = ordered[i]!.app;
    const lower = app.toLowerCase();
    let j = i;
    while (j < ordered.length && ordered[j]!.app.toLowerCase() === lower) j++;
    const folded = collapsed?.has(lower) ?? false;
    rows.push({ kind: 'header', key: `${keyPrefix}h:${lower}`, title: app, count: counts?.[lower] ?? j - i, section: 'app', app: lower, collapsed: collapsed ? folded : undefined });
    if (!folded) for (let k = i; k < j; k++) rows.push({ kind: 'entry', key: `${keyPrefix}e:${ordered[k]!.profile}`, entry: ordered[k]!, section: 'app' });
    i = j;
  }
}

export interface RowOptions {
  /** Pinned profile names, in the user's order. */
  favourites?: readonly string[];
  /** Recently switched profile names, most recent first. */
  recent?: readonly string[];
  /** Entries that pinned or recent names may refer to besides `ordered` (the head's extras). */
  extra?: readonly CatalogueEntry[];
  /** Full per-app counts when `ordered` is only the start of the catalogue (the head). */
  appCounts?: Readonly<Record<string, number>>;
  /** Lower-cased apps whose groups are folded (given: the headers can fold). */
  collapsed?: readonly string[];
  /** 'config': after Pinned and Recent, every role in the config's own order, in one group. */
  order?: 'grouped' | 'config';
  /** "Only roles I can reach from here": the profiles whose base account is unknown, listed apart at the end. */
  unknownBase?: ReadonlySet<string>;
}

export const UNKNOWN_BASE_TITLE = 'Base account unknown (not filtered)';

/** Moves the entries of `unknownBase` out of `ordered` into their own group after the others. */
function withUnknownBase(ordered: readonly CatalogueEntry[], rows: Row[], unknownBase: ReadonlySet<string> | undefined, build: (rest: readonly CatalogueEntry[]) => void): Row[] {
  if (!unknownBase || unknownBase.size === 0) {
    build(ordered);
    return markGroups(rows);
  }
  const apart = ordered.filter((e) => unknownBase.has(e.profile));
  build(ordered.filter((e) => !unknownBase.has(e.profile)));
  if (apart.length > 0) {
    rows.push({ kind: 'header', key: 'unknown-base', title: UNKNOWN_BASE_TITLE, count: apart.length, section: 'unknown-base' });
    for (const entry of apart) rows.push({ kind: 'entry', key: `u:${entry.profile}`, entry, section: 'unknown-base' });
  }
  return markGroups(rows);
}

/** The config's own order: by the line each profile starts on. */
export function configOrder(entries: readonly CatalogueEntry[]): CatalogueEntry[] {
  return entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.line - b.e.line || a.i - b.i).map(({ e }) => e);
}

/** All rows for an empty query: Pinned, Recent, then every app. */
export function buildRows(ordered: readonly CatalogueEntry[], options: RowOptions = {}): Row[] {
  const rows: Row[] = [];
  const byProfile = new Map(ordered.map((e) => [e.profile, e]));
  for (const e of options.extra ?? []) if (!byProfile.has(e.profile)) byProfile.set(e.profile, e);
  const pinned = (options.favourites ?? []).map((p) => byProfile.get(p)).filter((e): e is CatalogueEntry => !!e);
  if (pinned.length > 0) {
    rows.push({ kind: 'header', key: 'pinned', title: 'Pinned', count: pinned.length, section: 'pinned' });
    for (const entry of pinned) rows.push({ kind: 'entry', key: `p:${entry.profile}`, entry, section: 'pinned' });
  }
  const recent = (options.recent ?? []).map((p) => byProfile.get(p)).filter((e): e is CatalogueEntry => !!e);
  if (recent.length > 0) {
    rows.push({ kind: 'header', key: 'recent', title: 'Recent', count: recent.length, section: 'recent' });
    for (const entry of recent) rows.push({ kind: 'entry', key: `r:${entry.profile}`, entry, section: 'recent' });
  }
  if (options.order === 'config') {
    return withUnknownBase(configOrder(ordered), rows, options.unknownBase, (rest) => {
      if (rest.length === 0) return;
      rows.push({ kind: 'header', key: 'config', title: 'All roles, in config order', count: rest.length, section: 'app' });
      for (const entry of rest) rows.push({ kind: 'entry', key: `c:${entry.profile}`, entry, section: 'app' });
    });
  }
  const collapsed = options.collapsed ? new Set(options.collapsed) : undefined;
  return withUnknownBase(ordered, rows, options.unknownBase, (rest) => appRows(rest, rows, '', options.appCounts, collapsed));
}

/**
 * Rows for a filtered list: still grouped by app so the environment context stays, apps in
 * order of their best match, entries best match first (ties keep the fixed env order, because
 * the filter index is built over `ordered`).
 */
export function buildFilteredRows(ordered: readonly CatalogueEntry[], matches: readonly FilterMatch[], unknownBase?: ReadonlySet<string>): Row[] {
  const buckets = new Map<string, CatalogueEntry[]>();
  for (const m of matches) {
    const entry = ordered[m.index]!;
    const key = entry.app.toLowerCase();
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = [];
      buckets.set(key, bucket);
    }
    bucket.push(entry);
  }
  const rows: Row[] = [];
  return withUnknownBase(([] as CatalogueEntry[]).concat(...buckets.values()), rows, unknownBase, (rest) => appRows(rest, rows, ''));
}

export function firstEntryRow(rows: readonly Row[]): number {
  return rows.findIndex((r) => r.kind === 'entry');
}

/** The next entry row from `from` in direction `step` (±1, or ±n for page moves), clamped. */
export function moveActive(rows: readonly Row[], from: number, step: number): number {
  if (rows.length === 0) return -1;
  const dir = step > 0 ? 1 : -1;
  let target = Math.max(0, Math.min(rows.length - 1, from + step));
  // Land on an entry, searching in the direction of travel first, then back.
  for (let i = target; i >= 0 && i < rows.length; i += dir) if (rows[i]!.kind === 'entry') return i;
  for (let i = target; i >= 0 && i < rows.length; i -= dir) if (rows[i]!.kind === 'entry') return i;
  target = from;
  return target;
}
