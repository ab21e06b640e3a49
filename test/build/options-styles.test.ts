// The import page adopts styles.css without the popup's own rules (between its "popup" and
// "import page" markers; scripts/webpack/stylesheet-parts.js): the shared part from shared.js, its
// own from options.js. Shipping the popup's rules to it too cost ~0.75 KB of each store zip
// (issue 12 §4's 120 KB budget).
// This checks that leaving them out changes nothing on the import page: every rule there needs a
// class that only the popup has, the import page uses none of them, and they are left out.
import fs from 'node:fs';
import path from 'node:path';
import { DIST, IMPORT_MARKER, POPUP_MARKER, ROOT, adoptsBeforeRender, builtPart, classesOf, sourcesFrom, stringsOf, withoutComments } from './stylesheet-facts';

/** Every selector of a stylesheet's rules (inside at-rules too), one per comma-separated part. */
const selectorsOf = (css: string) =>
  [...withoutComments(css).matchAll(/([^{}]+)\{/g)]
    .map((m) => (m[1] ?? '').trim())
    .filter((s) => !s.startsWith('@'))
    .flatMap((s) => s.split(',').map((part) => part.trim()));

/** The import page's sources. */
const optionsSources = () => sourcesFrom('src/options/index.tsx');

const css = fs.readFileSync(path.join(ROOT, 'public/styles.css'), 'utf8');
const from = css.indexOf(POPUP_MARKER);
const to = css.indexOf(IMPORT_MARKER);
const popupSection = css.slice(from, to);
const elsewhere = classesOf(css.slice(0, from) + css.slice(to));
const popupOnly = [...classesOf(popupSection)].filter((c) => !elsewhere.has(c));

test('styles.css has one popup marker, above the import page marker', () => {
  expect(from).toBeGreaterThan(0);
  expect(css.indexOf(POPUP_MARKER, from + 1)).toBe(-1);
  expect(to).toBeGreaterThan(from);
  expect(popupOnly).toEqual(expect.arrayContaining(['popup-main', 'confirm-bar', 'paste-import']));
});

test('every rule of the popup section needs a class that only the popup section names', () => {
  const free = selectorsOf(popupSection).filter((s) => !popupOnly.some((c) => new RegExp(`\\.${c}(?![\\w-])`).test(s)));
  expect(free).toEqual([]);
});

// The popup's body class is set by popup.html only: the import page's body is options.html's,
// and its code never touches the body's classes. (Its prose says "popup", hence this check apart.)
test('the popup body class can only be on the popup page', () => {
  expect(selectorsOf(popupSection).filter((s) => /\.popup(?![\w-])/.test(s)).every((s) => s.startsWith('body.popup'))).toBe(true);
  expect(fs.readFileSync(path.join(ROOT, 'public/options.html'), 'utf8')).toContain('<body class="options">');
  const touchesBody = optionsSources().filter((f) => /document\.body\.(class|setAttribute)|classList/.test(fs.readFileSync(f, 'utf8')));
  expect(touchesBody).toEqual([]);
});

// (src/core renders nothing: its strings are data, where words like "search" mean no class. Ids
// and the attributes that name ids are left out too: the import page's dialog has id="confirm-title".)
const ID_ATTRIBUTES = /\b(id|for|htmlFor|aria-[\w-]+|data-testid)=(["'])[^"'\n]*\2/g;
test('no class of the popup only is named in a string of the import page sources', () => {
  const files = optionsSources().filter((f) => /[\\/]src[\\/](options|ui|popup)[\\/]/.test(f));
  expect(files.map((f) => path.relative(ROOT, f))).toEqual(expect.arrayContaining(['src/options/options-app.tsx', 'src/ui/role-list.tsx']));
  const classes = popupOnly.filter((c) => c !== 'popup');
  const used = files.flatMap((file) => {
    const strings = [...fs.readFileSync(file, 'utf8').replace(ID_ATTRIBUTES, '').matchAll(/(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)].map((m) => m[2] ?? '');
    const words = new Set(strings.flatMap((s) => s.split(/[^\w-]+/)));
    return classes.filter((c) => words.has(c)).map((c) => `${path.relative(ROOT, file)}: ${c}`);
  });
  expect(used).toEqual([]);
});

test.each(['chrome', 'firefox'])('the %s import page adopts the shared and import page parts and none of the popup section', (target) => {
  const strings = (file: string) => stringsOf(path.join(DIST, target, file));
  expect(strings('options.js').has(builtPart('import-page'))).toBe(true);
  const shipped = [...strings('shared.js'), ...strings('options.js')].join('\n');
  expect(shipped).toContain(builtPart('shared'));
  for (const c of popupOnly) expect({ c, shipped: new RegExp(`\\.${c}(?![\\w-])`).test(shipped) }).toEqual({ c, shipped: false });
  // The reduced-motion transition is the buttons' and rows' on both pages: in the shared part.
  expect(builtPart('shared')).toMatch(/@media \(prefers-reduced-motion:no-preference\)\{\.button,\.icon-button,\.row-entry\{transition:/);
  expect(adoptsBeforeRender('src/options/index.tsx', 'adoptPageStyles(document, importPageRules)')).toBe(true);
});
