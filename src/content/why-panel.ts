// The banner's "Why?" panel: the plain-text report of what each identity source said, and a
// button that copies it. Built as its own small script (why.js) that is NOT loaded with every
// console page: the background injects it into the content script's isolated world
// (`scripting.executeScript({ files })`) when the user presses "Why?", and answers with the
// report it builds from the page's readings. Content scripts of one extension share that world,
// so the banner then calls the function this script leaves there (why-hook.ts). Same rules as
// the banner: a closed shadow root, text only, styles through the CSSOM.
import { BANNER_HEIGHT } from './banner-view';
import { WHY_PANEL, type ShowWhyPanel } from './why-hook';

/** The panel function: it keeps the one panel it shows (nothing at module level). */
function createWhyPanel(): ShowWhyPanel {
  let host: HTMLElement | null = null;
  return (answer, edge, offset) => {
    host?.remove();
    host = null;
    if (answer === null) return;
    const report = answer ?? 'The report could not be made: the extension did not answer. Reload the page and try again.';
    host = document.createElement('role-switchboard-why');
    host.style.cssText = 'all:initial !important';
    const root = host.attachShadow({ mode: 'closed' });
    let copyText = 'Copy report';
    const draw = () => {
      root.replaceChildren();
      const panel = document.createElement('div');
      panel.style.cssText =
        `position:fixed;${edge}:${offset + BANNER_HEIGHT}px;right:0;z-index:2147483647;width:min(620px,96vw);max-height:60vh;overflow:auto;` +
        'box-sizing:border-box;padding:8px;background:#fff;color:#000;font:13px/1.2 system-ui,sans-serif;border:1px solid #545b64';
      panel.setAttribute('role', 'region');
      panel.setAttribute('aria-label', 'Why this account');
      const pre = document.createElement('pre');
      pre.style.cssText = 'margin:0 0 8px;white-space:pre-wrap;font:12px monospace';
      pre.textContent = report;
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.style.cssText = 'cursor:pointer;font:inherit;color:inherit;background:none;padding:2px 8px;border:1px solid;border-radius:3px';
      copy.setAttribute('aria-label', 'Copy the report as plain text');
      copy.textContent = copyText;
      copy.addEventListener('click', () => {
        navigator.clipboard.writeText(report).then(
          () => (copyText = 'Copied'),
          () => (copyText = 'Copy failed: select the text above'),
        ).then(draw);
      });
      panel.append(pre, copy);
      root.append(panel);
    };
    draw();
    document.documentElement.append(host);
  };
}

// The background injects this script each time the panel is asked for: a panel an earlier
// injection still shows is closed before this one takes over.
const slot = globalThis as unknown as Record<symbol, ShowWhyPanel | undefined>;
slot[WHY_PANEL]?.(null, 'top', 0);
slot[WHY_PANEL] = createWhyPanel();
