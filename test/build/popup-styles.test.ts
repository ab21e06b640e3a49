// popup.html inlines only the part of styles.css above its "import page" marker (webpack.config.js,
// popupStyles): the import page's own rules stay out of the popup (issue 12 §4's zip budget).
// This checks that the popup really uses none of the classes left out, and that they are left out.
import fs from 'node:fs';
import path from 'node:path';
import { DIST, IMPORT_MARKER as MARKER, ROOT, classesOf, sourcesFrom } from './stylesheet-facts';

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

test.each(['chrome', 'firefox'])('the %s popup.html inlines the popup part and none of the import page rules', (target) => {
  const html = fs.readFileSync(path.join(DIST, target, 'popup.html'), 'utf8');
  const inlined = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
  expect(classesOf(inlined + '{')).toEqual(expect.objectContaining({ size: popupPart.size }));
  for (const c of importOnly) expect({ c, inlined: new RegExp(`\\.${c}(?![\\w-])`).test(inlined) }).toEqual({ c, inlined: false });
  // The import page still links the whole stylesheet.
  expect(fs.readFileSync(path.join(DIST, target, 'options.html'), 'utf8')).toContain('<link rel="stylesheet" href="styles.css">');
  expect(fs.readFileSync(path.join(DIST, target, 'styles.css'), 'utf8')).toContain('.removed-line');
});
