// The names of every storage record (what each holds: storage-codec.ts and
// src/platform/storage.ts). A module of its own, free of schemas and code, so that the popup
// can start its first reads before the rest of the extension's code is evaluated.

/** storage.sync: the pointer to the current chunk generation. */
export const POINTER_KEY = 'cfg';
/** storage.sync: prefix of the config's chunks (`c.<gen>.<i>`). */
export const CHUNK_PREFIX = 'c.';

/** The other records: settings in storage.sync; the rest in storage.local. */
export const RECORD_KEYS = {
  current: 'config.current',
  /** Legacy (0.1.0): the one config before the current one. Read once into the history, then removed. */
  previous: 'config.previous',
  /** The last imported configs, each restorable (core/import-history.ts). */
  history: 'config.history',
  cache: 'catalogue.cache',
  head: 'catalogue.head',
  recent: 'recent',
  settings: 'settings',
} as const;
