// Public entry of the browser-free engine, by domain. Everything outside src/core imports from
// here or from a domain's index (the content script imports single console modules: no zod).
export * from './types';
export * from './aws-names';
// PARTITIONS and isPartition are still exported by catalogue/arn.ts too, until it uses aws-arn.ts.
export { splitArn, type ArnParts } from './aws-arn';
export * from './contrast';
export * from './config';
export * from './catalogue';
export * from './console';
export * from './storage';
export * from './protocol';
export * from './policy';
export * from './sessions';
