// Where the banner sits, so that it never covers the console's header or its menus:
// - The host is an ordinary block in the document flow, as tall as the banner: first child of
//   <html> (before <body>) for a top banner, last for a bottom one. It pushes the whole page,
//   including an in-flow or sticky header, out of the banner's strip, without reading or
//   changing any of the page's own styles. The visible bar inside it is `position: fixed`, so it
//   stays on screen when the page scrolls.
// - A header that is itself pinned (fixed or sticky at the top, or inside such a container) is
//   moved down by the banner's height, so when it sticks, it sticks below the banner.
// - Bottom banners sit one layer below the header's stacking layer, so long header menus that
//   reach the bottom of the window still paint over the banner.
// Reading the header's computed style forces a layout, so it happens in `checkHeader()`, which
// the caller runs from an animation frame, never before the banner's first paint.
import { findConsoleHeader } from './console-internals';

export interface Placement {
  /** Puts the host on the page (or keeps it there) with this height and edge. Height 0 hides it. */
  update(height: number, position: 'top' | 'bottom'): void;
  /**
   * Finds the console header (it renders after load and may be re-rendered) and moves it out of
   * the banner's way. Returns true when that is settled, so the caller can stop watching.
   */
  checkHeader(): boolean;
  /** True when our host is not where it belongs (the page removed or moved it). */
  detached(): boolean;
}

export function createPlacement(doc: Document, host: HTMLElement, onHeaderLost: () => void): Placement {
  const win = doc.defaultView!;
  let height = 0;
  let position: 'top' | 'bottom' = 'top';
  /** The header last handled, for a cheap "nothing changed" answer. */
  let header: HTMLElement | null = null;
  /** The pinned header element, its inline `top` as the page had it, and its computed top in px. */
  let pinned: { el: HTMLElement; value: string; priority: string; page: number } | null = null;
  let watches: MutationObserver[] = [];
  /** For bottom banners: the stacking layer just below the header's (read by the bar's z-index). */
  let layer = '';

  const release = () => {
    for (const w of watches) w.disconnect();
    watches = [];
    if (pinned) pinned.el.style.setProperty('top', pinned.value, pinned.priority);
    pinned = null;
    header = null;
    layer = '';
  };

  const findPinned = (from: HTMLElement): HTMLElement | null => {
    for (let el: HTMLElement | null = from; el && el !== doc.body && el !== doc.documentElement; el = el.parentElement) {
      const style = win.getComputedStyle(el);
      if ((style.position === 'fixed' || style.position === 'sticky') && style.top !== 'auto') return el;
    }
    return null;
  };

  const inPlace = () =>
    host.parentNode === doc.documentElement && (position === 'top' ? host.nextElementSibling === doc.body : host.nextElementSibling === null);

  return {
    update(newHeight, newPosition) {
      if (newHeight !== height || newPosition !== position) release();
      height = newHeight;
      position = newPosition;
      host.style.cssText = `all:initial !important;display:${height ? 'block' : 'none'} !important;height:${height}px !important;--rsb-layer:${layer || 2147483647}`;
      if (!inPlace()) {
        if (position === 'top' && doc.body) doc.documentElement.insertBefore(host, doc.body);
        else doc.documentElement.append(host);
      }
    },
    checkHeader() {
      const found = findConsoleHeader(doc);
      if (!found) return false;
      if (!height || found === header) return true;
      release();
      header = found;
      const target = findPinned(found);
      if (!target) return true;
      const page = parseFloat(win.getComputedStyle(target).top) || 0;
      pinned = { el: target, value: target.style.getPropertyValue('top'), priority: target.style.getPropertyPriority('top'), page };
      if (position === 'top') {
        const value = `${page + height}px`;
        const apply = () => {
          if (target.style.getPropertyValue('top') !== value || target.style.getPropertyPriority('top') !== 'important') {
            target.style.setProperty('top', value, 'important');
          }
        };
        apply();
        // The console may rewrite the header's inline style on re-render: put ours back. Our own
        // write produces one more record, for which apply() finds nothing to change (no loop).
        const style = new MutationObserver(apply);
        style.observe(target, { attributes: true, attributeFilter: ['style'] });
        watches.push(style);
      } else {
        const z = parseInt(win.getComputedStyle(target).zIndex, 10);
        if (z > 0) host.style.setProperty('--rsb-layer', (layer = String(z - 1)));
      }
      // If the console replaces its header, start over with the new one.
      if (target.parentNode) {
        const parent = new MutationObserver(() => {
          if (!target.isConnected) {
            release();
            onHeaderLost();
          }
        });
        parent.observe(target.parentNode, { childList: true });
        watches.push(parent);
      }
      return true;
    },
    detached: () => !inPlace(),
  };
}
