// storage.local "config.current": this browser's copy of the config (the safety net when sync is
// incomplete, damaged or too small), in the codec of config-codec.ts.
import * as z from '../zod';
import { CODEC_VERSION } from './config-codec';

/** A copy of a config in storage.local: the last good one, or the one before it (for undo). */
export const localCopySchema = z.object({
  v: z.literal(CODEC_VERSION),
  sum: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  data: z.string(),
  savedAt: z.number(),
  textBytes: z.int().check(z.minimum(0)),
  compressedBytes: z.int().check(z.minimum(0)),
  /** Saved here but not (yet) in sync: a newer local save must not be undone by an older sync. */
  unsynced: z.optional(z.boolean()),
});
export type LocalCopy = z.infer<typeof localCopySchema>;
