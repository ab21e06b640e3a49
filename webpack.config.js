// Builds the same sources twice: dist/chrome and dist/firefox. The only differences are in the
// manifest: its background key (Chrome wants a service worker, Firefox MV3 event pages want
// `scripts`), and Chrome's `key` (fixed id) and managed-storage schema; everything else,
// including manifest.json's source, is shared.
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
      // A part of public/styles.css as text, for the page that adopts it (scripts/webpack/stylesheet-parts.js).
      { test: /[\\/]public[\\/]styles\.css$/, resourceQuery: /^\?(shared|popup|import-page)$/, loader: path.resolve(__dirname, 'scripts/webpack/stylesheet-loader.js') },
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
        // (styles.css is not copied: the pages' scripts carry its parts, scripts/webpack/stylesheet-parts.js.)
        { from: 'public', to: '.', globOptions: { ignore: ['**/styles.css'] } },
        { from: 'manifest.json', to: 'manifest.json', transform: (content) => manifestFor(target, content) },
        // Chrome validates enterprise policy against it (and drops what does not match).
        ...(target === 'chrome' ? [{ from: 'managed-schema.json', to: 'managed-schema.json' }] : []),
      ],
    }),
  ],
});

module.exports = [config('chrome'), config('firefox')];
