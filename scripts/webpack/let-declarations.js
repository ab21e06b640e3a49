// Content scripts have a size budget (test/build/bundle-policy.test.ts) and terser keeps every
// `const` keyword it is given. This plugin turns each `const` declaration of the listed assets
// into `let` just before terser runs, which then also joins neighbouring declarations: about
// 330 bytes of content.js. It means the same for code that compiled: TypeScript already
// refuses any assignment to a const, and both are block-scoped with the same dead zone before
// their declaration. The keyword is found by parsing (never by text search, which would also
// hit strings), and the source map keeps pointing at the right code.
const { Compilation, sources } = require('webpack');
const { eachNode } = require('./each-node');

/** Start offsets of every `const` declaration in `code`. */
function constDeclarations(code) {
  const starts = [];
  eachNode(code, (node) => {
    if (node.type === 'VariableDeclaration' && node.kind === 'const') starts.push(node.start);
  });
  return starts;
}

class LetDeclarationsPlugin {
  /** @param {RegExp} include asset names to rewrite */
  constructor(include) {
    this.include = include;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('LetDeclarationsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'LetDeclarationsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 }, (assets) => {
        for (const name of Object.keys(assets).filter((n) => this.include.test(n))) {
          compilation.updateAsset(name, (old) => {
            const code = old.source().toString();
            const rewritten = new sources.ReplaceSource(old);
            for (const start of constDeclarations(code)) {
              if (code.slice(start, start + 5) !== 'const') throw new Error(`${name}: no const keyword at ${start}`);
              rewritten.replace(start, start + 4, 'let');
            }
            return rewritten;
          });
        }
      });
    });
  }
}

module.exports = { LetDeclarationsPlugin, constDeclarations };
