// A page's stylesheet, adopted from text that its scripts carry (scripts/webpack/stylesheet-parts.js):
// the rules both pages use come from shared.js, so the package holds them once. Both pages call
// this first, before anything renders, so nothing is ever drawn unstyled.
import sharedRules from '../../public/styles.css?shared';

/** Styles `doc` with the shared rules, then `pageRules` (later, so they win ties, as in one stylesheet). */
export function adoptPageStyles(doc: Document, pageRules: string): void {
  const sheets = [sharedRules, pageRules].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, ...sheets];
}
