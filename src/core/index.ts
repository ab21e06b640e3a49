// Public entry of the browser-free engine. Everything outside src/core imports from here.
export * from './types';
export * from './schemas';
export * from './messages';
