// Renders a BannerModel into a CLOSED shadow root, text only (textContent, never markup), so
// neither page CSS nor page script can restyle or read it. Styles are set through the CSSOM
// (element.style), which a page's Content-Security-Policy `style-src` does not block, unlike a
// <style> element or a style attribute.
//
// A banner that always fits (issue 15 §4): every piece of the line is a flex item of the bar.
// The environment badge, account IDs and fixed words never shrink; app, profile, alias and notes
// give way first (to a few characters and an ellipsis); the role gives way only after them and
// keeps at least a dozen characters. Flex shrinking is proportional to a factor, so 1000 against
// 1 makes it a priority in practice. A shortened piece shows its fact in full on hover (title)
// and on keyboard focus (it is a tab stop while it is cut, with a tooltip under the bar).
// The bar's distance from its window edge is `--rsb-offset` on the host (placement.ts: above
// the console's fixed footer), so moving it needs no new render. The "Why?" panel is a script
// of its own, injected when asked for (why-panel.ts): this view only keeps its button's state.
import { itemText, type BannerModel, type BannerPiece } from '../core/console/banner-model';
import { sessionSlot } from './session-hook';

/** Height of the expanded banner and of the collapsed stripe, in CSS pixels. */
export const BANNER_HEIGHT = 30;
export const STRIPE_HEIGHT = 6;

const FONT = 'font:13px/1.2 system-ui,sans-serif;';
/** Per fit: its flex value and its minimum width in characters (at most the text's own length). */
const FIT: Record<BannerPiece['fit'], [flex: string, chars: number]> = { keep: ['none', 0], first: ['0 1000 auto', 5], last: ['0 1 auto', 12] };
const BUTTON = 'flex:none;cursor:pointer;font:inherit;color:inherit;background:none;padding:2px 8px;border:1px solid;border-radius:3px;';

export interface BannerView {
  /** The element to put into the page. */
  host: HTMLElement;
  render(model: BannerModel, collapsed: boolean): void;
  /** Current height the banner occupies (0 when hidden). */
  height(): number;
}

/**
 * Creates the banner host. `onToggle` is called when the user collapses or expands a
 * collapsible banner (the caller keeps the state, so production can refuse); `onWhy` when the
 * user opens (true) or closes (false) the "Why?" panel.
 */
export function createBannerView(doc: Document, onToggle: () => void, onWhy: (open: boolean, edge: 'top' | 'bottom') => void): BannerView {
  const host = doc.createElement('role-switchboard-banner');
  const root = host.attachShadow({ mode: 'closed' });
  let currentHeight = 0;
  /** The "Why?" panel is open. */
  let open = false;
  let shown: [BannerModel, boolean] | null = null;
  let fitting: ResizeObserver | undefined;
  const again = () => shown && render(...shown);

  /** An element with inline style, text and attributes, appended to `parent`. */
  const el = <K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K, css: string, text?: string, attributes: Record<string, string> = {}) => {
    const node = doc.createElement(tag);
    node.style.cssText = css;
    if (text !== undefined) node.textContent = text;
    for (const name in attributes) node.setAttribute(name, attributes[name]!);
    parent.appendChild(node);
    return node;
  };
  const button = (parent: Node, css: string, text: string, label: string, onClick: () => void) => {
    const b = el(parent, 'button', BUTTON + css, text, { type: 'button', 'aria-label': label });
    b.addEventListener('click', onClick);
    return b;
  };

  const render = (model: BannerModel, collapsed: boolean) => {
    shown = [model, collapsed];
    fitting?.disconnect();
    root.replaceChildren();
    currentHeight = 0;
    const slot = sessionSlot();
    slot.bar = null;
    if (!model.visible) return;
    const edge = model.position;
    const inner = edge === 'top' ? 'bottom' : 'top';
    // Fixed to the window edge (or above the console's footer); the host, in the page flow, keeps the strip free beneath it.
    const base =
      `position:fixed;${edge}:var(--rsb-offset);left:0;right:0;z-index:var(--rsb-layer);display:flex;align-items:center;box-sizing:border-box;` +
      `background:${model.background};border:0;border-${inner}:1px solid rgba(0,0,0,.35);`;
    if (collapsed && model.collapsible) {
      currentHeight = STRIPE_HEIGHT;
      el(root, 'button', `${base}width:100%;height:${STRIPE_HEIGHT}px;padding:0;cursor:pointer`, undefined, {
        type: 'button',
        title: `${model.summary} (click to show)`,
        'aria-label': `Show account banner: ${model.summary}`,
      }).addEventListener('click', onToggle);
      return;
    }
    currentHeight = BANNER_HEIGHT;
    const bar = el(
      root,
      'div',
      `${base}gap:.3em;height:${BANNER_HEIGHT}px;padding:0 8px 0 10px;color:${model.foreground};${FONT}white-space:nowrap;overflow:hidden;` +
        // Production: caution stripes and a dark edge, unmistakable even at a glance.
        (model.isProduction
          ? `background-image:repeating-linear-gradient(-45deg,rgba(0,0,0,.13) 0 10px,transparent 10px 20px);box-shadow:inset 0 ${edge === 'top' ? -3 : 3}px 0 #7a0010`
          : ''),
      undefined,
      { role: 'region', 'aria-label': 'AWS account', title: model.summary },
    );
    const badge = model.badge;
    if (badge) el(bar, 'strong', `flex:none;font-size:12px;line-height:1;letter-spacing:.06em;padding:4px 7px;border-radius:3px;background:${badge.background};color:${badge.foreground}`, badge.text);
    /** Pieces that may be cut, with their fact in full. */
    const cuttable: [HTMLElement, string][] = [];
    model.line.forEach((item, i) => {
      // Facts are 14px apart, the words of one fact a space apart (the bar's gap).
      let gap = bar.firstChild ? 'margin-left:10px;' : '';
      const full = (item.label ? `${item.label} ` : '') + itemText(item);
      if (item.label) {
        el(bar, 'span', `${gap}flex:none`, `${item.label} `);
        gap = '';
      }
      for (const { text, fit } of item.pieces) {
        const [flex, chars] = FIT[fit];
        // Labels differ from values by weight only: fading them fell below 4.5:1 contrast.
        const piece = el(bar, 'span', `${gap}flex:${flex};min-width:${Math.min(chars, text.length)}ch;overflow:hidden;text-overflow:ellipsis;font-weight:${i ? 600 : 700}`, text);
        gap = '';
        if (chars) cuttable.push([piece, full]);
      }
    });
    if (model.collapsible) button(bar, 'margin-left:auto', 'Hide', 'Hide account banner', onToggle);
    // What each source said, on demand: for a user who wonders, or whose console changed.
    button(bar, model.collapsible ? 'margin-left:6px' : 'margin-left:auto', 'Why?', 'Why this account: what the page said', () => {
      open = !open;
      onWhy(open, edge);
      again();
    }).setAttribute('aria-expanded', String(open));
    // A cut piece is a tab stop with its fact in its title, and a tooltip while it has focus;
    // which pieces are cut is known after each layout of the bar.
    let tip: HTMLElement | undefined;
    for (const [piece, full] of cuttable) {
      piece.addEventListener('focus', () => {
        tip = el(root, 'div', `position:fixed;${edge}:calc(var(--rsb-offset) + ${BANNER_HEIGHT}px);z-index:var(--rsb-layer);background:#fff;color:#000;${FONT}border:1px solid #545b64;left:${Math.max(0, piece.getBoundingClientRect().left - 9)}px;max-width:min(620px,96vw);padding:3px 8px;overflow-wrap:anywhere`, full, { role: 'tooltip' });
      });
      piece.addEventListener('blur', () => tip?.remove());
    }
    fitting = new ResizeObserver(() => {
      for (const [piece, full] of cuttable) {
        if (piece.scrollWidth > piece.clientWidth) {
          piece.title = full;
          piece.tabIndex = 0;
        } else {
          piece.removeAttribute('title');
          piece.removeAttribute('tabindex');
        }
      }
    });
    fitting.observe(bar);
    // The session's time left, when the background knows it (session-chip.ts).
    slot.bar = bar;
    slot.draw?.(bar);
  };

  return { host, render, height: () => currentHeight };
}
