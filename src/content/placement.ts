// Where the banner sits, so that it never covers the console's header, its menus or its footer:
// - The host is an ordinary block in the document flow, as tall as the banner: first child of
//   <html> (before <body>) for a top banner, last for a bottom one. It pushes the whole page,
//   including an in-flow or sticky header, out of the banner's strip, without reading or
//   changing any of the page's own styles. The visible bar inside it is `position: fixed`, so it
//   stays on screen when the page scrolls.
// - A header that is itself pinned (fixed or sticky at the top, or inside such a container) is
//   moved down by the banner's height, so when it sticks, it sticks below the banner.
// - A bottom banner sits above the console's own fixed footer (language, feedback, CloudShell),
//   never over it: the host's `--rsb-offset` is the footer's height, kept up to date while the
//   footer changes size. Bottom banners also sit one layer below the header's stacking layer, so
//   long header menus that reach the bottom of the window still paint over the banner.
// Reading computed styles forces a layout, so it happens in `checkHeader()`, which the caller
// runs from an animation frame, never before the banner's first paint.
import { findConsoleFooter, findConsoleHeader } from './console-internals';

export interface Placement {
  /** Puts the host on the page (or keeps it there) with this height and edge. Height 0 hides it. */
  update(height: number, position: 'top' | 'bottom'): void;
  /**
   * Finds the console header and footer (they render after load and may be re-rendered) and
   * moves the header, or the banner, out of the other's way.
   */
  checkHeader(): void;
  /** True when our host is not where it belongs (the page removed or moved it). */
  detached(): boolean;
  /** How far the bar is from its window edge (the console's footer under a bottom banner), in px. */
  offset(): number;
}

export function createPlacement(doc: Document, host: HTMLElement, onHeaderLost: () => void): Placement {
  const win = doc.defaultView!;
  let height = 0;
  let position: 'top' | 'bottom' = 'top';
  /** The header and footer last handled, for a cheap "nothing changed" answer. */
  let header: HTMLElement | null = null;
  let footer: HTMLElement | null = null;
  /** The pinned header element and its inline `top` as the page had it. */
  let pinned: { el: HTMLElement; value: string; priority: string } | null = null;
  let watches: { disconnect(): void }[] = [];
  /** For bottom banners: the stacking layer just below the header's, and the footer's height. */
  let layer = '';
  let offset = 0;

  /** Our host's style as we last wrote it. */
  let written = '';
  const style = () => {
    host.style.cssText = `all:initial !important;display:${height ? 'block' : 'none'} !important;height:${height}px !important;--rsb-layer:${layer || 2147483647};--rsb-offset:${offset}px`;
    written = host.style.cssText;
  };
  // The host is in the page's DOM: a page script can restyle it (`display:none !important`,
  // which beats any stylesheet) and hide even a production banner. Ours goes back at once; our
  // own write leaves the style as written, so it ends there (no loop).
  new MutationObserver(() => host.style.cssText !== written && style()).observe(host, { attributes: true });
  const release = () => {
    for (const w of watches) w.disconnect();
    watches = [];
    if (pinned) pinned.el.style.setProperty('top', pinned.value, pinned.priority);
    pinned = header = footer = null;
    layer = '';
    offset = 0;
    style();
  };
  /** Observes `target`'s parent; when `target` leaves the page, starts over with what replaces it. */
  const watchRemoval = (target: HTMLElement) => {
    if (!target.parentNode) return;
    const parent = new MutationObserver(() => {
      if (!target.isConnected) {
        release();
        onHeaderLost();
      }
    });
    parent.observe(target.parentNode, { childList: true });
    watches.push(parent);
  };

  /** The element itself or the nearest container that is pinned to that edge of the window. */
  const findPinned = (from: HTMLElement, edge: 'top' | 'bottom', kinds: string[]): HTMLElement | null => {
    for (let el: HTMLElement | null = from; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
      const s = win.getComputedStyle(el);
      if (kinds.includes(s.position) && s[edge] !== 'auto') return el;
    }
    return null;
  };

  const pinHeader = (found: HTMLElement) => {
    header = found;
    const target = findPinned(found, 'top', ['fixed', 'sticky']);
    if (!target) return;
    const computed = win.getComputedStyle(target);
    const { style } = target;
    pinned = { el: target, value: style.getPropertyValue('top'), priority: style.getPropertyPriority('top') };
    if (position === 'top') {
      const value = `${(parseFloat(computed.top) || 0) + height}px`;
      const apply = () => {
        if (style.getPropertyValue('top') !== value || style.getPropertyPriority('top') !== 'important') style.setProperty('top', value, 'important');
      };
      apply();
      // The console may rewrite the header's inline style on re-render: put ours back. Our own
      // write produces one more record, for which apply() finds nothing to change (no loop).
      const watch = new MutationObserver(apply);
      watch.observe(target, { attributes: true, attributeFilter: ['style'] });
      watches.push(watch);
    } else {
      const z = parseInt(computed.zIndex, 10);
      if (z > 0) layer = String(z - 1);
    }
    watchRemoval(target);
  };

  const liftAboveFooter = (found: HTMLElement) => {
    footer = found;
    const target = findPinned(found, 'bottom', ['fixed']);
    if (!target) return;
    // Its height and its own distance from the window's bottom, again whenever it changes size.
    const measure = () => {
      offset = Math.max(0, Math.ceil((parseFloat(win.getComputedStyle(target).bottom) || 0) + target.getBoundingClientRect().height));
      style();
    };
    const resized = new ResizeObserver(measure);
    resized.observe(target);
    watches.push(resized);
    watchRemoval(target);
  };

  const inPlace = () =>
    host.parentNode === doc.documentElement && (position === 'top' ? host.nextElementSibling === doc.body : host.nextElementSibling === null);

  return {
    update(newHeight, newPosition) {
      const changed = newHeight !== height || newPosition !== position;
      height = newHeight;
      position = newPosition;
      if (changed) release();
      else style();
      if (!inPlace()) {
        if (position === 'top' && doc.body) doc.documentElement.insertBefore(host, doc.body);
        else doc.documentElement.append(host);
      }
    },
    checkHeader() {
      if (!height) return;
      const foundHeader = findConsoleHeader(doc);
      const foundFooter = position === 'bottom' ? findConsoleFooter(doc) : null;
      if (foundHeader === header && foundFooter === footer) return;
      release();
      if (foundHeader) pinHeader(foundHeader);
      if (foundFooter) liftAboveFooter(foundFooter);
      style();
    },
    detached: () => !inPlace(),
    offset: () => offset,
  };
}
