// The storage format: the config codec (compression, checksum, sync chunks and quota plan),
// the catalogue cache and the popup's head, settings read back, the import history, and the
// records one save writes. Record names are in storage-keys.ts.
export * from './storage-codec';
export * from './import-history';
export * from './save-records';
