// The storage format, one file per record: the config codec (config-codec.ts), storage.sync's
// pointer, chunks and quota (sync-chunks.ts), this browser's copy (local-copy-record.ts), the
// catalogue cache and the popup's head, settings and recent roles read back, the import history,
// and the records one save writes. Record names are in storage-keys.ts.
export * from './config-codec';
export * from './sync-chunks';
export * from './local-copy-record';
export * from './settings-record';
export * from './catalogue-cache';
export * from './catalogue-head';
export * from './recent-record';
export * from './import-history';
export * from './save-records';
