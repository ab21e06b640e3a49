// zod keeps `const F = Function; new F(...)` for its optional JIT and an eval probe. We run it
// jitless (src/core/zod.ts), so that code is dead, but store reviewers and our own bundle
// policy test flag any Function constructor in shipped code. Swap it for a constructor that
// always throws, so the bundles hold no path to eval at all; zod then takes its jitless path.
const ALIAS = /\bconst (\w+) = Function;/g;
const STUB = 'function () { throw new EvalError("eval is disabled in Role Switchboard"); }';

module.exports = function noEvalLoader(source) {
  return source.replace(ALIAS, (_match, name) => `const ${name} = ${STUB};`);
};
