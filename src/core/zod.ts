// Every schema imports zod from here, never from 'zod' directly, as `import * as z from './zod'`.
// - Zod compiles fast paths with `new Function` unless told not to, and Manifest V3 pages
//   forbid eval: this module runs `config({ jitless: true })` before any schema is built.
// - zod/mini (functional API: `z.optional(x)`, `x.check(z.minLength(1))`) with named
//   re-exports lets webpack keep only what we use: ~20 KB instead of ~320 KB per bundle,
//   which is what keeps each store package under 100 KB.
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
