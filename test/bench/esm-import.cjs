// The bench is compiled to CommonJS, where TypeScript turns `import()` into `require()`,
// which cannot load an ES module (aesr-config is one) on every Node 20. This file is plain
// JavaScript that tsc never touches, so its `import()` stays a real dynamic import.
module.exports = (specifier) => import(specifier);
