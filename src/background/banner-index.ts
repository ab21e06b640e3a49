// Keeps the banner's per-account index (src/core/banner-index.ts) in step with the stored
// config and settings. Rebuilds are serialised and coalesced, and a rebuild that produces the
// same generation writes nothing, so a burst of storage events costs one write at most.
import { buildBannerIndex, importConfig } from '../core';
import { loadCatalogue, loadSettings } from '../platform/storage';
import { writeBannerIndex } from '../platform/banner-index-store';

let running: Promise<void> | null = null;
let again = false;

async function rebuild(): Promise<void> {
  const [{ catalogue }, settings] = await Promise.all([loadCatalogue({ build: importConfig }), loadSettings()]);
  await writeBannerIndex(buildBannerIndex(catalogue.entries, settings));
}

/** Rebuilds the index now, or once more after the rebuild in progress. Never rejects. */
export function refreshBannerIndex(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      try {
        await rebuild();
      } catch {
        // Storage unreadable: the banner keeps the previous index (or says "loading");
        // the next storage change or page load asks again.
      }
    } while (again);
    running = null;
  })();
  return running;
}
