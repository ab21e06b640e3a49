// Public entry of the browser-free engine. Everything outside src/core imports from here.
export * from './types';
export * from './schemas';
export * from './messages';
export * from './parse-aws-config';
export * from './strip-secrets';
export * from './import-config';
export * from './environments';
export * from './colors';
export * from './arn';
export * from './links';
export * from './grouping';
export * from './fuzzy-filter';
export * from './storage-codec';
// Console identity and banner (issue 4). The console content script imports these modules
// directly instead of this entry, which would pull zod (via schemas) into its 15 KB budget.
export * from './console-identity';
export * from './identity-report';
export * from './banner-model';
export * from './banner-index';
export * from './switch-marker';
export * from './example-config';
export * from './import-history';
export * from './catalogue-diff';
export * from './merge-config';
export * from './well-formed-text';
export * from './save-records';
export * from './prepare-import';
