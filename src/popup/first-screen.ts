// The popup's first-screen storage reads, started while this module is evaluated. The popup
// entry imports it first, and it imports nothing but the storage glue, so the round trips to
// the browser process overlap with building the schemas, evaluating the UI modules and
// rendering, instead of waiting for the first effect (which Preact runs only after a frame).
import { readFirstScreenItems } from '../platform/first-screen-read';

export const firstScreenItems = readFirstScreenItems();
