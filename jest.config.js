// Two projects: fast unit tests (pure core + jsdom UI helpers) and end-to-end tests that
// drive the built extension in a real Chromium. ts-jest transpiles only (isolatedModules);
// type errors are caught once by `tsc --noEmit` in `npm test`.
const tsJest = ['ts-jest', { diagnostics: false }];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)', '<rootDir>/src/**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': tsJest },
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      testEnvironment: 'node',
      testTimeout: 60000,
    },
  ],
};
