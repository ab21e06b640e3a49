// The parts of public/styles.css that a page's entry imports as text (webpack's
// scripts/webpack/stylesheet-loader.js: `?shared`, `?popup`, `?import-page`).
declare module '*/styles.css?shared' {
  const css: string;
  export default css;
}
declare module '*/styles.css?popup' {
  const css: string;
  export default css;
}
declare module '*/styles.css?import-page' {
  const css: string;
  export default css;
}
