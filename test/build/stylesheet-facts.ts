// What the stylesheet tests read from public/styles.css and the sources: the markers that split
// it into the parts each page ships, the classes a piece of CSS defines, and the modules a page's
// entry imports (so a test can say which classes a page can use).
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, process.env.EXT_DIST ?? 'dist');
export const POPUP_MARKER = '/* ---------------------------------------------------------------- popup */';
export const IMPORT_MARKER = '/* ---------------------------------------------------------------- import page */';

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
