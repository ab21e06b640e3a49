// Every schema imports zod from here, never from 'zod' directly, as `import * as z from './zod'`.
// - Zod compiles fast paths with `new Function` unless told not to, and Manifest V3 pages
//   forbid eval: this module runs `config({ jitless: true })` before any schema is built.
// - Named re-exports (not a re-exported `z` object) let webpack drop the parts of zod we do
//   not use, notably its ~40 locales: ~85 KB instead of ~320 KB per bundle.
import { config } from 'zod';

config({ jitless: true });

export * from 'zod';
