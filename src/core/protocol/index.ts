// Messages between the extension's contexts, each with its zod schema.
export * from './messages';
