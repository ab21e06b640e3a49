// Two projects: fast unit tests (pure core + jsdom UI helpers) and end-to-end tests that
// drive the built extension in a real Chromium. ts-jest transpiles only (isolatedModules);
// type errors are caught once by `tsc --noEmit` in `npm test`.
const tsJest = ['ts-jest', { diagnostics: false }];

/** @type {import('jest').Config} */
module.exports = {
  // Per test; end-to-end tests start a browser. (A root option: jest ignores it per project.)
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      // Unit tests sit beside the module they test; test/build checks the built bundles (no browser).
      testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/test/build/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      testEnvironment: 'node',
    },
  ],
};
