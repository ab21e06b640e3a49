// Every node of a script's syntax tree, parsed with acorn: for build steps and build tests that
// must read code as code (a keyword, a string literal), never by text search.
const acorn = require('acorn');

/** Calls `visit` with each node of `code` (a script), parents before their children. */
function eachNode(code, visit) {
  const walk = (node) => {
    visit(node);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') walk(child);
    }
  };
  walk(acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
}

module.exports = { eachNode };
