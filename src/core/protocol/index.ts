// Messages between the extension's contexts: their names (message-names.ts), zod schemas for
// every message and reply (messages.ts), and the zod-free guards the content scripts use
// (guards.ts; content scripts import that file directly, never this entry, which pulls zod).
export * from './message-names';
export * from './messages';
export * from './guards';
