// Where the banner sits, so that it never covers the console's header or its menus:
// - The banner is `position: fixed` at the top (or bottom) edge of the viewport, and the page
//   gives up that strip: padding on <html> moves all in-flow content, including an in-flow or
//   sticky header, below (or above) it.
// - A header that is itself pinned (fixed or sticky at the top, or inside such a container) is
//   moved down by the banner's height, so when it sticks it sticks below the banner.
// - Bottom banners sit one layer below the header's stacking layer, so long header menus that
//   reach the bottom of the window still paint over the banner.
// Everything we change on the page is remembered and restored when the banner hides.
import { findConsoleHeader } from './console-internals';

interface SavedStyle {
  el: HTMLElement;
  prop: string;
  /** The page's inline value and priority, put back on restore. */
  value: string;
  priority: string;
  /** The page's computed length before we changed it, in px. */
  page: number;
}

export interface Placement {
  /** Puts the host on the page (or keeps it there) with this height and edge. Height 0 hides it. */
  update(height: number, position: 'top' | 'bottom'): void;
  /**
   * Re-checks the console header (it renders after load and may be re-rendered).
   * Returns true when the header is found and handled, so the caller can stop watching for it.
   */
  checkHeader(): boolean;
  /** True when our host is no longer in the document (the page removed it). */
  detached(): boolean;
}

export function createPlacement(doc: Document, host: HTMLElement): Placement {
  const win = doc.defaultView!;
  let height = 0;
  let position: 'top' | 'bottom' = 'top';
  let saved: SavedStyle[] = [];
  let pinned: HTMLElement | null = null;
  let pinnedWatch: MutationObserver | null = null;

  const restoreAll = () => {
    pinnedWatch?.disconnect();
    pinnedWatch = null;
    for (const s of saved.reverse()) s.el.style.setProperty(s.prop, s.value, s.priority);
    saved = [];
    pinned = null;
  };
  /** Sets `prop` to the page's own value plus `extra` px, remembering the page's value the first time. */
  const extend = (el: HTMLElement, prop: string, extra: number) => {
    let s = saved.find((x) => x.el === el && x.prop === prop);
    if (!s) {
      const page = parseFloat(win.getComputedStyle(el).getPropertyValue(prop));
      s = { el, prop, value: el.style.getPropertyValue(prop), priority: el.style.getPropertyPriority(prop), page: page || 0 };
      saved.push(s);
    }
    const value = `${s.page + extra}px`;
    if (el.style.getPropertyValue(prop) !== value || el.style.getPropertyPriority(prop) !== 'important') {
      el.style.setProperty(prop, value, 'important');
    }
  };

  const findPinned = (header: HTMLElement): HTMLElement | null => {
    for (let el: HTMLElement | null = header; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
      const style = win.getComputedStyle(el);
      if ((style.position === 'fixed' || style.position === 'sticky') && style.top !== 'auto') return el;
    }
    return null;
  };

  const offsetHeader = (): boolean => {
    const header = findConsoleHeader(doc);
    if (!header) return false;
    const target = findPinned(header);
    if (target !== pinned) {
      pinnedWatch?.disconnect();
      pinnedWatch = null;
      pinned = target;
    }
    if (!pinned) return true;
    if (height > 0 && position === 'top') {
      const el = pinned;
      const apply = () => extend(el, 'top', height);
      apply();
      if (!pinnedWatch) {
        // The console may rewrite the header's inline style on re-render: re-apply ours. Our own
        // write produces one more record, for which apply() finds nothing to change (no loop).
        pinnedWatch = new MutationObserver(apply);
        pinnedWatch.observe(el, { attributes: true, attributeFilter: ['style'] });
      }
    }
    // Bottom banners paint below the header's layer so its menus stay on top.
    if (position === 'bottom') {
      const z = parseInt(win.getComputedStyle(pinned).zIndex, 10);
      if (Number.isFinite(z) && z > 0) host.style.setProperty('z-index', String(z - 1), 'important');
    }
    return true;
  };

  return {
    update(newHeight, newPosition) {
      const changed = newHeight !== height || newPosition !== position;
      if (changed) restoreAll();
      height = newHeight;
      position = newPosition;
      if (height === 0) {
        host.style.setProperty('display', 'none', 'important');
        return;
      }
      // Important, so no page rule can hide, move or resize the host.
      host.style.cssText = `${['all:initial', 'display:block', 'position:fixed', `${position}:0`, 'left:0', 'right:0', `height:${height}px`, 'z-index:2147483647'].join(' !important;')} !important`;
      // Outside <body>: the console's frameworks manage body's children, not <html>'s.
      if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
      const html = doc.documentElement;
      const pad = position === 'top' ? 'padding-top' : 'padding-bottom';
      extend(html, pad, height);
      offsetHeader();
    },
    checkHeader() {
      const found = offsetHeader();
      return found && (pinned === null || pinned.isConnected);
    },
    detached: () => !host.isConnected,
  };
}
