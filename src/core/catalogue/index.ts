// Building the catalogue: profiles → entries with switch links, app and environment grouping,
// production detection (environments.ts), colours, ARNs, search, and what an import changes.
export * from './schemas';
export * from './prepare-import';
export * from './import-config';
export * from './environments';
export * from './colors';
export * from './arn';
export * from './links';
export * from './grouping';
export * from './search';
export * from './fuzzy-filter';
export * from './catalogue-diff';
