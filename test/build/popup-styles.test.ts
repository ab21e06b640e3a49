// The popup adopts only the parts of styles.css above its "import page" marker (the shared part
// from shared.js, its own from popup.js: scripts/webpack/stylesheet-parts.js): the import page's
// own rules stay out of the popup (issue 12 §4's zip budget, and the popup's parse time).
// This checks that the popup really uses none of the classes left out, and that they are left out.
import fs from 'node:fs';
import path from 'node:path';
import { DIST, IMPORT_MARKER as MARKER, ROOT, adoptsBeforeRender, builtPart, classesOf, sourcesFrom, stringsOf } from './stylesheet-facts';

/** The popup's sources. */
const popupSources = () => sourcesFrom('src/popup/index.tsx');

const css = fs.readFileSync(path.join(ROOT, 'public/styles.css'), 'utf8');
const at = css.indexOf(MARKER);
const popupPart = classesOf(css.slice(0, at));
const importOnly = [...classesOf(css.slice(at))].filter((c) => !popupPart.has(c));

test('styles.css has one import-page marker, and rules of the popup and of the page on each side', () => {
  expect(at).toBeGreaterThan(0);
  expect(css.indexOf(MARKER, at + 1)).toBe(-1);
  expect(popupPart.has('row-entry')).toBe(true);
  expect(importOnly).toEqual(expect.arrayContaining(['preview', 'removed-line']));
});

// (src/core renders nothing: its strings are data, where words like "check" or "hint" mean no class.)
test('no class of the import page only is named in a string of the popup sources', () => {
  const files = popupSources().filter((f) => /[\\/]src[\\/](popup|ui)[\\/]/.test(f));
  expect(files.map((f) => path.relative(ROOT, f))).toEqual(expect.arrayContaining(['src/popup/reach-bar.tsx', 'src/ui/role-list.tsx']));
  const used = files.flatMap((file) => {
    const strings = [...fs.readFileSync(file, 'utf8').matchAll(/(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)].map((m) => m[2] ?? '');
    const words = new Set(strings.flatMap((s) => s.split(/[^\w-]+/)));
    return importOnly.filter((c) => words.has(c)).map((c) => `${path.relative(ROOT, file)}: ${c}`);
  });
  expect(used).toEqual([]);
});

test.each(['chrome', 'firefox'])('the %s popup adopts the shared and popup parts and none of the import page rules', (target) => {
  const strings = (file: string) => stringsOf(path.join(DIST, target, file));
  expect(strings('shared.js').has(builtPart('shared'))).toBe(true);
  expect(strings('popup.js').has(builtPart('popup'))).toBe(true);
  const popupScripts = [...strings('shared.js'), ...strings('popup.js')].join('\n');
  for (const c of importOnly) expect({ c, shipped: new RegExp(`\\.${c}(?![\\w-])`).test(popupScripts) }).toEqual({ c, shipped: false });
  // No copy anywhere else: no inline <style>, no stylesheet link, no styles.css in the package.
  const built = (file: string) => fs.readFileSync(path.join(DIST, target, file), 'utf8');
  for (const page of ['popup.html', 'options.html']) expect(built(page)).not.toMatch(/<style|<link[^>]*stylesheet/);
  expect(fs.existsSync(path.join(DIST, target, 'styles.css'))).toBe(false);
  // Adopted before the first render.
  expect(adoptsBeforeRender('src/popup/index.tsx', 'adoptPageStyles(document, popupRules)')).toBe(true);
});
