// public/styles.css holds every page's rules in three parts, split by two marker comments:
// - above the popup marker, the rules both pages use (brand, buttons, notices, the role list);
// - between the markers, the popup's own;
// - below the import page marker, the import page's own.
// Each page's entry imports the parts it uses as text (`styles.css?shared`, `?popup`,
// `?import-page`, through stylesheet-loader.js) and adopts them (src/ui/page-styles.ts), so the
// shared part is in the package once, in shared.js, which both pages load anyway. As inline
// <style> in popup.html plus a styles.css for the import page it was in twice: ~3 KB of each
// store zip (issue 12 §4's 120 KB budget).
const POPUP_MARKER = '/* ---------------------------------------------------------------- popup */';
const IMPORT_PAGE_MARKER = '/* ---------------------------------------------------------------- import page */';

/** Where the one `marker` is in styles.css. */
function sectionAt(css, marker, name) {
  const at = css.indexOf(marker);
  if (at < 0 || css.indexOf(marker, at + 1) >= 0) throw new Error(`styles.css: one "${name}" section marker expected`);
  return at;
}

/** The text of one part of styles.css: 'shared', 'popup' or 'import-page'. */
function stylesheetPart(css, part) {
  const popup = sectionAt(css, POPUP_MARKER, 'popup');
  const importPage = sectionAt(css, IMPORT_PAGE_MARKER, 'import page');
  if (popup > importPage) throw new Error('styles.css: the popup section must come before the import page section');
  if (part === 'shared') return css.slice(0, popup);
  if (part === 'popup') return css.slice(popup, importPage);
  if (part === 'import-page') return css.slice(importPage);
  throw new Error(`styles.css has no part "${part}": shared, popup or import-page`);
}

/**
 * CSS without comments, indentation and blank lines, and without the whitespace next to
 * `{ } ; ,` and after `:` outside strings, where CSS never reads it (~1.25 KB less in each
 * package). Nothing else is rewritten, so the rules mean exactly what they say; a comment marker
 * inside a string would be cut, so the stylesheet must not have one.
 */
function minifyCss(css) {
  if (/(['"])[^'"\n]*\/\*/.test(css)) throw new Error('styles.css: "/*" inside a string would be cut by minifyCss');
  const lines = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
  // Odd parts are quoted strings (kept as they are); our strings never span lines.
  return lines
    .split(/('[^'\n]*'|"[^"\n]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s*([{};,])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}')))
    .join('');
}

module.exports = { POPUP_MARKER, IMPORT_PAGE_MARKER, stylesheetPart, minifyCss };
