// Reading the console: who a tab is signed in as (judged from the page's readings), the banner's
// model and per-account index, the one-time switch marker. The content script imports these
// modules one by one instead (no zod in it); everything else may use this entry.
export * from './console-identity';
export * from './identity-report';
export * from './banner-model';
export * from './banner-index';
export * from './switch-marker';
