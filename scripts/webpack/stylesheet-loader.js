// `import text from '…/styles.css?popup'`: that part of the stylesheet (stylesheet-parts.js),
// minified, as a module whose default export is its text.
const { minifyCss, stylesheetPart } = require('./stylesheet-parts');

module.exports = function stylesheetLoader(source) {
  const part = this.resourceQuery.replace(/^\?/, '');
  return `export default ${JSON.stringify(minifyCss(stylesheetPart(source, part)))};`;
};
