// Builds the same sources twice: dist/chrome and dist/firefox. The only differences are in the
// manifest: its background key (Chrome wants a service worker, Firefox MV3 event pages want
// `scripts`), and Chrome's `key` (fixed id) and managed-storage schema; everything else,
// including manifest.json's source, is shared.
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const CopyPlugin = require('copy-webpack-plugin');
const TerserPlugin = require('terser-webpack-plugin');
const { LetDeclarationsPlugin } = require('./scripts/webpack/let-declarations');
const { version } = require('./package.json');

function manifestFor(target, content) {
  const manifest = JSON.parse(content.toString());
  manifest.version = version;
  if (target === 'chrome') {
    delete manifest.background.scripts;
    delete manifest.browser_specific_settings;
  } else {
    delete manifest.background.service_worker;
    delete manifest.minimum_chrome_version;
    // `key` fixes Chrome's id for unpacked builds (Firefox's id is the gecko id), and Firefox fills
    // managed storage from its 3rdparty policy without a schema (docs/aws-facts.md §8). Its
    // manifest schema has neither key: loading warns of an unexpected property for each.
    delete manifest.key;
    delete manifest.storage;
  }
  return JSON.stringify(manifest, null, 2);
}

/** Where styles.css's popup-only rules begin (test/build/options-styles.test.ts checks that the import page uses none of them). */
const POPUP_RULES = '/* ---------------------------------------------------------------- popup */';
/** Where styles.css's import-page-only rules begin (test/build/popup-styles.test.ts checks that the popup uses none of them). */
const IMPORT_PAGE_RULES = '/* ---------------------------------------------------------------- import page */';

/** Where the one `marker` is in styles.css. */
function sectionAt(css, marker, name) {
  const at = css.indexOf(marker);
  if (at < 0 || css.indexOf(marker, at + 1) >= 0) throw new Error(`styles.css: one "${name}" section marker expected`);
  return at;
}

/**
 * The part of styles.css the popup uses: everything above the import page's own rules, which
 * would cost ~0.7 KB of each store zip (issue 12 §4's 120 KB budget) and the popup's parser time.
 */
function popupStyles(css) {
  return css.slice(0, sectionAt(css, IMPORT_PAGE_RULES, 'import page'));
}

/**
 * The part of styles.css the import page uses: all but the popup's own rules (its inline copy in
 * popup.html has them), ~0.75 KB less in each store zip.
 */
function optionsStyles(css) {
  const popup = sectionAt(css, POPUP_RULES, 'popup');
  const importPage = sectionAt(css, IMPORT_PAGE_RULES, 'import page');
  if (popup > importPage) throw new Error('styles.css: the popup section must come before the import page section');
  return css.slice(0, popup) + css.slice(importPage);
}

/**
 * popup.html with the popup's part of styles.css inlined. A linked stylesheet holds back the
 * page's scripts until it has loaded: measured in Chromium, that is ~25 ms of the popup's ~100 ms
 * budget for its first render (issue 3). Inline <style> is allowed by our CSP (it restricts
 * scripts only). The import page keeps the link: it is not opened on every switch.
 */
function inlineStyles(content) {
  const html = content.toString();
  const link = '<link rel="stylesheet" href="styles.css">';
  if (!html.includes(link)) throw new Error('popup.html: the styles.css link to inline is missing');
  const css = minifyCss(popupStyles(fs.readFileSync(path.resolve(__dirname, 'public/styles.css'), 'utf8')));
  if (css.includes('</style')) throw new Error('styles.css must not contain </style');
  return html.replace(link, () => `<style>\n${css}\n</style>`);
}

/**
 * styles.css without comments, indentation and blank lines (~1 KB less in each package, which
 * has a 120 KB budget), and without the whitespace next to `{ } ; ,` and after `:` outside
 * strings, where CSS never reads it (~0.25 KB less). Nothing else is rewritten, so the rules mean
 * exactly what they say; a comment marker inside a string would be cut, so the stylesheet must not have one.
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

const CONTENT_SCRIPTS = /^(content|signin|why|session)\.js$/;
const SHARED_ENTRIES = ['background', 'popup', 'options', 'import-worker'];
/** Chunks that use the engine: the background, the import page and its worker, and the popup's paste box (loaded on use). */
const ENGINE_USERS = ['background', 'options', 'import-worker', 'popup-engine'];

/** The module is part of the popup's own entry chunk (what every popup open loads). */
function inPopup(module, chunkGraph) {
  for (const chunk of chunkGraph.getModuleChunksIterable(module)) if (chunk.name === 'popup') return true;
  return false;
}

// `--env outDir=dist-x` builds elsewhere, so parallel work can test separate builds.
const config = (target) => (env, argv) => ({
  name: target,
  mode: argv.mode ?? 'production',
  // Never an eval-based devtool: MV3 extension pages forbid eval.
  devtool: argv.mode === 'development' ? 'cheap-module-source-map' : false,
  entry: {
    background: './src/background/index.ts',
    content: './src/content/index.ts',
    signin: './src/content/signin.ts',
    // The banner's "Why?" panel: injected by the background when asked for, not on every page.
    why: './src/content/why-panel.ts',
    // The banner's session chip (issue 13): injected by the background into tabs whose session it knows.
    session: './src/content/session-chip.ts',
    popup: './src/popup/index.tsx',
    options: './src/options/index.tsx',
    // The import page's worker: reads, strips and imports off the page's main thread.
    'import-worker': './src/options/worker/import-worker.ts',
  },
  output: {
    path: path.resolve(__dirname, env.outDir ?? 'dist', target),
    filename: '[name].js',
    chunkFilename: '[name].js',
    clean: true,
    // Every page is at the package's root, beside its chunks: a fixed '' spares each page the
    // runtime that works out where its script came from (~0.2 KB of a zip's 120 KB budget).
    publicPath: '',
    // The global that every chunk pushes itself onto, shorter than the package name (~0.1 KB).
    chunkLoadingGlobal: 'rsbChunks',
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      { test: /\.tsx?$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ },
      { test: /[\\/]node_modules[\\/]zod[\\/].*\.js$/, loader: path.resolve(__dirname, 'scripts/webpack/no-eval-loader.js') },
    ],
  },
  optimization: {
    minimize: true,
    // Short numeric ids, the most used the shortest, in place of 3–4 digit hashes (~0.25 KB of a
    // zip). Still the same ids for the same sources: builds and zips stay reproducible.
    moduleIds: 'size',
    chunkIds: 'size',
    minimizer: [
      // (Three passes for the extension's pages too: the store package has a budget, see bundle-policy.test.ts.)
      new TerserPlugin({ exclude: CONTENT_SCRIPTS, extractComments: false, terserOptions: { compress: { passes: 3 }, format: { comments: false } } }),
      // Content scripts run on every console page load (see the content.js ceiling in
      // test/build/bundle-policy.test.ts): squeeze harder.
      // (No pure_getters/unsafe maths: only rewrites that keep the meaning of any code.)
      new TerserPlugin({
        include: CONTENT_SCRIPTS,
        extractComments: false,
        terserOptions: { ecma: 2020, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } },
      }),
    ],
    // The extension's own contexts share code in two files, so that each is in the store
    // package once (a copy per context would cost ~40 KB of the 100 KB budget):
    // - `shared.js`: what the popup needs and another context needs too (zod, the polyfill,
    //   Preact, storage). Every page loads it.
    // - `engine.js`: what only the background and the import page need (the parser, the
    //   importer). The popup never loads it on open: every popup open pays for each script it
    //   loads (~8 ms for these), and its paste box loads the importer only when used.
    // HTML pages load them with <script> tags first; the background loads them with
    // importScripts (Chrome service worker) or as the first of `background.scripts` (Firefox).
    // Content scripts stay self-contained: they cannot load chunks.
    splitChunks: {
      // One copy of a module per package: modules used differently by two contexts (zod's api by
      // the background's policy reader) would otherwise be copied into each context's file.
      usedExports: false,
      cacheGroups: {
        default: false,
        defaultVendors: false,
        shared: {
          name: 'shared',
          chunks: (chunk) => SHARED_ENTRIES.includes(chunk.name),
          minChunks: 2,
          enforce: true,
          test: (module, { chunkGraph }) => inPopup(module, chunkGraph),
        },
        engine: {
          name: 'engine',
          chunks: (chunk) => ENGINE_USERS.includes(chunk.name),
          minChunks: 2,
          enforce: true,
          test: (module, { chunkGraph }) => !inPopup(module, chunkGraph),
        },
      },
    },
  },
  performance: { hints: false },
  plugins: [
    // Content scripts: `let` for `const` before terser (scripts/webpack/let-declarations.js).
    new LetDeclarationsPlugin(CONTENT_SCRIPTS),
    // Chrome runs background.js as a service worker, and the import page's worker is a worker
    // too: there only importScripts can load shared.js and engine.js (synchronously, before
    // anything runs). Firefox lists all three background files in `background.scripts`.
    new webpack.BannerPlugin({
      banner: "typeof importScripts == 'function' && importScripts('shared.js', 'engine.js');",
      raw: true,
      entryOnly: true,
      include: /^(background|import-worker)\.js$/,
    }),
    new CopyPlugin({
      patterns: [
        { from: 'public', to: '.', globOptions: { ignore: ['**/popup.html', '**/styles.css'] } },
        { from: 'public/styles.css', to: 'styles.css', transform: (content) => minifyCss(optionsStyles(content.toString())) },
        { from: 'public/popup.html', to: 'popup.html', transform: inlineStyles },
        { from: 'manifest.json', to: 'manifest.json', transform: (content) => manifestFor(target, content) },
        // Chrome validates enterprise policy against it (and drops what does not match).
        ...(target === 'chrome' ? [{ from: 'managed-schema.json', to: 'managed-schema.json' }] : []),
      ],
    }),
  ],
});

module.exports = [config('chrome'), config('firefox')];
