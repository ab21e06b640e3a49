import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the platform layer may talk to the browser.
      'no-restricted-imports': ['error', { paths: [
        { name: 'webextension-polyfill', message: 'Import browser APIs through src/platform/ only.' },
        { name: 'zod', message: "Use `import * as z from 'src/core/zod'` (jitless, tree-shaken)." },
        { name: 'zod/mini', message: "Use `import * as z from 'src/core/zod'`." },
      ] }],
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
