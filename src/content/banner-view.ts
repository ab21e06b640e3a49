// Renders a BannerModel into a CLOSED shadow root, text only (textContent, never markup), so
// neither page CSS nor page script can restyle or read it. Styles are set through the CSSOM
// (element.style), which a page's Content-Security-Policy `style-src` does not block, unlike a
// <style> element or a style attribute.
import type { BannerModel } from '../core/console/banner-model';

/** Height of the expanded banner and of the collapsed stripe, in CSS pixels. */
export const BANNER_HEIGHT = 30;
export const STRIPE_HEIGHT = 6;

const FONT = '13px/1.2 system-ui,sans-serif';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, css: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.style.cssText = css;
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface BannerView {
  /** The element to put into the page. */
  host: HTMLElement;
  /** `report`: the plain-text "Why?" report (identityReport), shown under the bar on demand. */
  render(model: BannerModel, collapsed: boolean, report: string): void;
  /** Current height the banner occupies (0 when hidden). */
  height(): number;
}

/**
 * Creates the banner host. `onToggle` is called when the user collapses or expands a
 * collapsible banner (the caller keeps the state, so production can refuse).
 */
export function createBannerView(doc: Document, onToggle: () => void): BannerView {
  const host = doc.createElement('role-switchboard-banner');
  const root = host.attachShadow({ mode: 'closed' });
  let currentHeight = 0;
  /** The "Why?" panel is open; what its copy button last said. */
  let open = false;
  let copyText = 'Copy report';
  let last: Parameters<BannerView['render']> | null = null;
  const again = () => last && render(...last);

  const render = (model: BannerModel, collapsed: boolean, report: string) => {
    last = [model, collapsed, report];
    root.replaceChildren();
    if (!model.visible) {
      currentHeight = 0;
      return;
    }
    const bg = model.background;
    const fg = model.foreground;
    const edge = model.position === 'top' ? 'bottom' : 'top';
    // Fixed to the window edge; the host (in the page flow) keeps the strip free beneath it.
    const base =
      `position:fixed;${model.position}:0;left:0;right:0;z-index:var(--rsb-layer);display:flex;align-items:center;box-sizing:border-box;` +
      `margin:0;border:0;background:${bg};border-${edge}:1px solid rgba(0,0,0,.35);`;
    if (collapsed && model.collapsible) {
      currentHeight = STRIPE_HEIGHT;
      const stripe = el(doc, 'button', `${base}width:100%;height:${STRIPE_HEIGHT}px;padding:0;cursor:pointer`);
      stripe.type = 'button';
      stripe.title = `${model.summary} (click to show)`;
      stripe.setAttribute('aria-label', `Show account banner: ${model.summary}`);
      stripe.addEventListener('click', onToggle);
      root.append(stripe);
      return;
    }
    currentHeight = BANNER_HEIGHT;
    const bar = el(
      doc,
      'div',
      `${base}gap:14px;height:${BANNER_HEIGHT}px;padding:0 8px 0 10px;color:${fg};font:${FONT};white-space:nowrap;overflow:hidden;` +
        // Production: caution stripes and a dark edge, unmistakable even at a glance.
        (model.isProduction
          ? `background-image:repeating-linear-gradient(-45deg,rgba(0,0,0,.13) 0 10px,transparent 10px 20px);box-shadow:inset 0 ${edge === 'bottom' ? -3 : 3}px 0 #7a0010`
          : ''),
    );
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', 'AWS account');
    bar.title = model.summary;
    if (model.badge) {
      bar.append(
        el(
          doc,
          'strong',
          `flex:none;font-size:12px;line-height:1;letter-spacing:.06em;padding:4px 7px;border-radius:3px;` +
            `background:${model.badge.background};color:${model.badge.foreground}`,
          model.badge.text,
        ),
      );
    }
    bar.append(el(doc, 'strong', 'flex:none', model.headline));
    for (const field of model.fields) {
      // The account never shrinks; long profile or role names are cut with an ellipsis first.
      const item = el(doc, 'span', field.label === 'Account' ? 'flex:none' : 'min-width:0;overflow:hidden;text-overflow:ellipsis');
      // Labels differ from values by weight only: fading them fell below 4.5:1 contrast.
      item.append(el(doc, 'span', '', `${field.label} `));
      item.append(el(doc, 'span', 'font-weight:600', field.value));
      bar.append(item);
    }
    const button = (css: string, text: string, label: string, onClick: () => void) => {
      const b = el(doc, 'button', `flex:none;cursor:pointer;font:inherit;color:inherit;background:transparent;padding:2px 8px;border:1px solid currentColor;border-radius:3px;${css}`, text);
      b.type = 'button';
      b.setAttribute('aria-label', label);
      b.addEventListener('click', onClick);
      return b;
    };
    if (model.collapsible) bar.append(button('margin:0 0 0 auto', 'Hide', 'Hide account banner', onToggle));
    // What each source said, on demand: for a user who wonders, or whose console changed.
    const why = button(`margin:0 0 0 ${model.collapsible ? '6px' : 'auto'}`, 'Why?', 'Why this account: what the page said', () => {
      open = !open;
      copyText = 'Copy report';
      again();
    });
    why.setAttribute('aria-expanded', String(open));
    bar.append(why);
    root.append(bar);
    if (!open) return;
    const panel = el(
      doc,
      'div',
      `position:fixed;${model.position}:${BANNER_HEIGHT}px;right:0;z-index:var(--rsb-layer);width:min(620px,96vw);max-height:60vh;overflow:auto;padding:8px;background:#fff;color:#000;font:${FONT};border:1px solid #545b64`,
    );
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', 'Why this account');
    panel.append(el(doc, 'pre', 'margin:0 0 8px;white-space:pre-wrap;font:12px monospace', report));
    panel.append(
      button('', copyText, 'Copy the report as plain text', () => {
        navigator.clipboard.writeText(report).then(
          () => (copyText = 'Copied'),
          () => (copyText = 'Copy failed: select the text above'),
        ).then(again);
      }),
    );
    root.append(panel);
  };

  return { host, render, height: () => currentHeight };
}
