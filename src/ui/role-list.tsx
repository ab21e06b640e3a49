// The role list, windowed: only the rows in view (plus a few) are in the DOM, so 5,000 roles
// render and filter within a frame. Rows have fixed heights (header / entry), so positions
// are a prefix sum and the scroll bar is exact; the list's box never changes size while
// filtering, so nothing around it jumps.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CatalogueEntry, SessionMark } from '../core';
import { RoleRow } from './role-row';
import type { Row } from './rows';

export type Density = 'compact' | 'comfortable';
/** Row heights by density: comfortable rows have two lines; compact ones one (16+ roles in the popup). */
export const ROW_HEIGHTS: Record<Density, { header: number; entry: number }> = {
  comfortable: { header: 30, entry: 52 },
  compact: { header: 24, entry: 24 },
};
/** Rows drawn beyond each end of the box, so that scrolling shows no gap before the next render. */
const OVERSCAN = 6;
/** The box's height until its ResizeObserver reports it: the popup's list is about 445 px. */
const FIRST_HEIGHT_GUESS = 480;

export interface RoleListProps {
  rows: readonly Row[];
  /** Accessible name of the list. */
  label: string;
  idPrefix: string;
  /** Row index of the active entry (keyboard), or -1. */
  activeIndex?: number;
  interactive?: boolean;
  hereProfile?: string | null;
  /** Profiles with a console session: their marks (issue 13). */
  sessions?: ReadonlyMap<string, SessionMark>;
  favourites?: ReadonlySet<string>;
  copiedProfile?: string | null;
  onSwitch?: (entry: CatalogueEntry, newTab: boolean) => void;
  onCopy?: (entry: CatalogueEntry) => void;
  onTogglePin?: (entry: CatalogueEntry) => void;
  /** Called after a render that changed the rows (for timing marks). */
  onRendered?: () => void;
  /** Keys pressed while focus is inside the list (the popup routes arrows and typing). */
  onListKeyDown?: (event: KeyboardEvent) => void;
  density?: Density;
  /** Given: app headers are buttons that fold their group (lower-cased app). */
  onToggleGroup?: (app: string) => void;
}

export function rowId(prefix: string, index: number): string {
  return `${prefix}-${index}`;
}

export function RoleList(props: RoleListProps) {
  const { rows, activeIndex = -1, idPrefix, interactive = true, density = 'comfortable', onToggleGroup } = props;
  const compact = density === 'compact';
  const { header: HEADER_HEIGHT, entry: ENTRY_HEIGHT } = ROW_HEIGHTS[density];
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // null until the box's first size report; the first render then draws what fits in the guess
  // and no overscan (nothing scrolls before the report), which is ~25% less to build before the
  // first role exists (issue 15 §6).
  const [measured, setMeasured] = useState<number | null>(null);
  const viewport = measured ?? FIRST_HEIGHT_GUESS;
  const overscan = measured === null ? 0 : OVERSCAN;

  const offsets = useMemo(() => {
    const out = new Float64Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) out[i + 1] = out[i]! + (rows[i]!.kind === 'header' ? HEADER_HEIGHT : ENTRY_HEIGHT);
    return out;
  }, [rows, HEADER_HEIGHT, ENTRY_HEIGHT]);
  const total = offsets[rows.length]!;

  // The box's height comes from a ResizeObserver, whose first report arrives after the first
  // layout: reading clientHeight here would force a layout in the middle of the first render
  // (~7 ms of the popup's first paint with 5,000 roles). Until then, the guess below.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setMeasured(el.clientHeight || FIRST_HEIGHT_GUESS));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // New rows (a new query): back to the top, then the active row in view (also once the box's
  // real height is known: the popup opens at "you are here", which may be below the first
  // guess). One effect, so the second step starts from where the first left the box. (The
  // scrollTop state follows the box's scroll events, so no layout is forced to read it.)
  const shownRows = useRef(rows);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const fresh = shownRows.current !== rows;
    shownRows.current = rows;
    const from = fresh ? 0 : scrollTop;
    let next = from;
    if (activeIndex >= 0 && activeIndex < rows.length) {
      const top = offsets[activeIndex]!;
      const bottom = offsets[activeIndex + 1]!;
      // Show the app header above the first entry of a group too.
      const headerAbove = activeIndex > 0 && rows[activeIndex - 1]!.kind === 'header' ? HEADER_HEIGHT : 0;
      if (top - headerAbove < from) next = top - headerAbove;
      else if (bottom > from + viewport) next = bottom - viewport;
    }
    if (next !== scrollTop) {
      el.scrollTop = next;
      setScrollTop(el.scrollTop);
    }
  }, [activeIndex, rows, viewport]);

  const { onRendered } = props;
  useEffect(() => {
    onRendered?.();
  }, [rows, onRendered]);

  // Visible range by binary search on the offsets.
  let first = 0;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= scrollTop) lo = mid + 1;
    else hi = mid;
  }
  first = Math.max(0, lo - overscan);
  let last = lo;
  while (last < rows.length && offsets[last]! < scrollTop + viewport) last++;
  last = Math.min(rows.length, last + overscan);

  const items = [];
  for (let i = first; i < last; i++) {
    const row = rows[i]!;
    const style = { transform: `translateY(${offsets[i]}px)`, height: `${row.kind === 'header' ? HEADER_HEIGHT : ENTRY_HEIGHT}px` };
    if (row.kind === 'header') {
      const title = (
        <>
          <span class="group-name">{row.title}</span>
          <span class="group-count">
            {row.count}
            <span class="visually-hidden">{row.count === 1 ? ' role' : ' roles'}</span>
          </span>
        </>
      );
      const app = row.app;
      items.push(
        <div key={row.key} class={`row row-header section-${row.section}${row.collapsed ? ' is-collapsed' : ''}`} role="listitem" style={style} data-app={app}>
          <h2 class="group-title">
            {onToggleGroup && app !== undefined && interactive ? (
              <button type="button" class="group-toggle" id={rowId(idPrefix, i)} aria-expanded={!row.collapsed} onClick={() => onToggleGroup(app)}>
                <span class="chevron" aria-hidden="true" />
                {title}
              </button>
            ) : (
              title
            )}
          </h2>
        </div>,
      );
      continue;
    }
    const entry = row.entry;
    const here = !!props.hereProfile && props.hereProfile === entry.profile;
    const classes = ['row', 'row-entry', entry.isProduction ? 'is-prod' : '', i === activeIndex ? 'is-active' : '', here ? 'is-here' : ''].filter(Boolean).join(' ');
    items.push(
      <div key={row.key} class={classes} role="listitem" style={{ ...style, '--env-color': entry.color }} data-profile={entry.profile} data-env={entry.env}>
        <RoleRow
          entry={entry}
          compact={compact}
          showAccount={!compact || row.accountLead !== false}
          showRegion={row.showRegion ?? false}
          id={rowId(idPrefix, i)}
          active={i === activeIndex}
          here={here}
          session={props.sessions?.get(entry.profile)}
          pinned={props.favourites?.has(entry.profile) ?? false}
          copied={props.copiedProfile === entry.profile}
          interactive={interactive}
          onSwitch={props.onSwitch}
          onCopy={props.onCopy}
          onTogglePin={props.onTogglePin}
        />
      </div>,
    );
  }

  return (
    <div
      class={`role-list density-${density}`}
      ref={scroller}
      id={`${idPrefix}-list`}
      // A list without buttons (the import preview) would be a scroll box the keyboard cannot
      // reach: make the box itself focusable (arrows and Page keys scroll it) and name it.
      tabIndex={interactive ? undefined : 0}
      role={interactive ? undefined : 'region'}
      aria-label={interactive ? undefined : `${props.label} (scrolls)`}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={props.onListKeyDown}
    >
      <div class="role-list-inner" role="list" aria-label={props.label} style={{ height: `${total}px` }}>
        {items}
      </div>
    </div>
  );
}
