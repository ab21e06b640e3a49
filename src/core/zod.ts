// Every schema imports `z` from here, never from 'zod' directly. Zod compiles fast paths
// with `new Function` unless told not to, and Manifest V3 pages forbid eval: this module
// runs `z.config({ jitless: true })` before any schema can be built.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
