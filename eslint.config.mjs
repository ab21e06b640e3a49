import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries (issue 12 §3): each context imports only what runs in its own world.
// - The background never imports the content scripts: what it runs in a page's own world is in
//   src/page-world/, the requests it builds are in src/core/console/.
// - The content scripts, and every core module they use, never take zod or the polyfill (the
//   console content script has a size budget and runs on every console page). Type-only
//   imports of the schemas are fine: they vanish at build. test/build/bundle-policy.test.ts
//   checks the same on the built scripts, transitively.
// - src/core/ is pure and imports nothing above it.
// - src/page-world/ functions are serialised into the page: no value imports at all.
const BROWSER_AND_ZOD = [
  { name: 'webextension-polyfill', message: 'Import browser APIs through src/platform/ only.' },
  { name: 'zod', message: "Use `import * as z from 'src/core/zod'` (jitless, tree-shaken)." },
  { name: 'zod/mini', message: "Use `import * as z from 'src/core/zod'`." },
];
/** src/core's domains (each folder with an index.ts), read from the tree so a new one is covered too. */
const CORE_DOMAINS = fs
  .readdirSync(new URL('./src/core', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(new URL(`./src/core/${e.name}/index.ts`, import.meta.url)))
  .map((e) => e.name);
const CONTENT_RULE = [
  'error',
  {
    paths: BROWSER_AND_ZOD,
    patterns: [
      {
        // `../core/zod` from a context, `../zod` or `./zod` from a core module.
        group: ['**/core/zod', '**/zod', './zod', '**/schemas', '**/protocol/messages'],
        allowTypeImports: true,
        message: 'Content scripts cannot take zod: import types only, and check values with the hand-written guards in src/core/protocol/guards.ts.',
      },
      {
        // `../core`, `../core/index`, `./console`, `../protocol/index`, ...: a folder's entry.
        regex: `(^|/)(core|${CORE_DOMAINS.join('|')})(/index)?$`,
        message: 'Content scripts import single core modules, never an index (an index pulls zod).',
      },
      { group: ['**/platform/browser', '**/platform/storage', '**/platform/storage/**', '**/platform/tabs', '**/platform/console-tabs', '**/platform/pages'], message: 'Content scripts use src/platform/native.ts, not the polyfill.' },
      { group: ['**/background', '**/background/**', '**/popup/**', '**/options/**', '**/ui/**', '**/page-world/**'], message: 'Contexts do not import each other.' },
    ],
  },
];
/** Every module the content scripts bundle: theirs, and the zod-free core and platform modules they import. */
const CONTENT_BUNDLED = [
  'src/content/**',
  'src/platform/native.ts',
  'src/platform/banner-index-store.ts',
  'src/core/aws-names.ts',
  'src/core/aws-arn.ts',
  'src/core/contrast.ts',
  'src/core/plain-object.ts',
  'src/core/console/console-hosts.ts',
  'src/core/console/console-identity.ts',
  'src/core/console/identity-match.ts',
  'src/core/console/identity-report.ts',
  'src/core/console/banner-model.ts',
  'src/core/console/banner-index.ts',
  'src/core/console/switch-marker.ts',
  'src/core/protocol/guards.ts',
  'src/core/protocol/message-names.ts',
  'src/core/sessions/session-time.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Untrusted text is rendered as text: never as markup (Preact's one innerHTML path, the
      // only one addons-linter finds in the build: test/build/firefox-lint.test.ts).
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never markup.' }, { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Render text, never markup.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the platform layer may talk to the browser.
      'no-restricted-imports': ['error', { paths: BROWSER_AND_ZOD }],
    },
  },
  {
    files: ['src/platform/**', 'src/core/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/core/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser', 'document', 'window', 'localStorage'],
    },
  },
  {
    // (Tests beside core modules may drive them from a context, as switch-plan does.)
    files: ['src/core/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: BROWSER_AND_ZOD,
          patterns: [
            {
              group: ['**/platform', '**/platform/**', '**/content/**', '**/background/**', '**/popup/**', '**/options/**', '**/ui/**', '**/page-world/**'],
              message: 'src/core is pure: it never imports the browser glue or a context.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: BROWSER_AND_ZOD,
          patterns: [
            {
              group: ['**/content', '**/content/**'],
              message: 'The background never imports a content script: page-world functions are in src/page-world/, request builders in src/core/console/.',
            },
            { group: ['**/popup/**', '**/options/**', '**/ui/**'], message: 'Contexts do not import each other.' },
          ],
        },
      ],
    },
  },
  {
    files: CONTENT_BUNDLED,
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': CONTENT_RULE },
  },
  {
    files: ['src/page-world/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['*'], allowTypeImports: true, message: 'A page-world function is serialised into the page and runs there alone: no imports but types.' }] },
      ],
    },
  },
  {
    // Tests sit beside their modules: they may use Node and the DOM (jsdom) like any test.
    files: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    languageOptions: { globals: { require: 'readonly', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { 'no-restricted-globals': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**', '*.js', '*.mjs', 'scripts/**'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
