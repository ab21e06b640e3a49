// Reading the console: which hosts are consoles (console-hosts), who a tab is signed in as,
// judged from the page's readings (console-identity), which profile that is (identity-match),
// the "Why?" report, the banner's model and per-account index, the one-time switch marker and
// the requests of the console's own switch. The content script imports these modules one by
// one instead (no zod in it); everything else may use this entry.
export * from './console-hosts';
export * from './console-identity';
export * from './identity-match';
export * from './identity-report';
export * from './banner-model';
export * from './banner-index';
export * from './switch-marker';
export * from './switch-request';
export * from './basis';
