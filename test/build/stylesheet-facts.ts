// What the stylesheet tests read from public/styles.css and the sources: the markers that split
// it into the parts each page ships, the classes a piece of CSS defines, and the modules a page's
// entry imports (so a test can say which classes a page can use).
import fs from 'node:fs';
import path from 'node:path';
// (The build's own code, so that the tests compare with exactly what it ships.)
const { eachNode } = require('../../scripts/webpack/each-node.js') as { eachNode(code: string, visit: (node: { type: string; value?: unknown }) => void): void };
const stylesheetParts = require('../../scripts/webpack/stylesheet-parts.js') as {
  POPUP_MARKER: string;
  IMPORT_PAGE_MARKER: string;
  minifyCss(css: string): string;
  stylesheetPart(css: string, part: string): string;
};

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, process.env.EXT_DIST ?? 'dist');
export const { POPUP_MARKER, IMPORT_PAGE_MARKER: IMPORT_MARKER } = stylesheetParts;

export const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** The class names a piece of CSS uses in its selectors. */
export const classesOf = (css: string) => new Set([...withoutComments(css).matchAll(/\.([a-zA-Z][\w-]*)(?=[^{}]*\{)/g)].map((m) => m[1] ?? ''));

/** `entry` (relative to the repository) and every module it imports by a relative path, dynamic imports too. */
export function sourcesFrom(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) {
      const base = path.resolve(path.dirname(file), m[1] ?? '');
      const found = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => fs.existsSync(f));
      if (found) visit(found);
    }
  };
  visit(path.join(ROOT, entry));
  return [...seen];
}

/** Every string literal of a built script (the pages' stylesheet parts are among them). */
export function stringsOf(file: string): Set<string> {
  const strings = new Set<string>();
  eachNode(fs.readFileSync(file, 'utf8'), (node) => {
    if (node.type === 'Literal' && typeof node.value === 'string') strings.add(node.value);
  });
  return strings;
}

/** Whether a page's entry (relative to the repository) adopts its styles with `call` before it first renders. */
export function adoptsBeforeRender(entry: string, call: string): boolean {
  const source = fs.readFileSync(path.join(ROOT, entry), 'utf8');
  const at = source.indexOf(call);
  return at > 0 && at < source.indexOf('render(');
}

/** The text a page adopts for a part of public/styles.css, as the build makes it. */
export function builtPart(part: 'shared' | 'popup' | 'import-page'): string {
  const css = fs.readFileSync(path.join(ROOT, 'public/styles.css'), 'utf8');
  return stylesheetParts.minifyCss(stylesheetParts.stylesheetPart(css, part));
}
