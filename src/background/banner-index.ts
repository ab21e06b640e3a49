// Keeps the banner's per-account index (src/core/banner-index.ts) in step with the stored
// config and settings. Rebuilds are serialised and coalesced, and a rebuild that produces the
// same generation writes nothing, so a burst of storage events costs one write at most.
import { buildBannerIndex, importConfig } from '../core';
import { loadCatalogue } from '../platform/storage';
import { writeBannerIndex } from '../platform/banner-index-store';
import { bannerEntries, organisationPart, settingsInForce } from './organisation';

let running: Promise<void> | null = null;
let again = false;
let force = false;

async function rebuild(rewrite: boolean): Promise<void> {
  const [{ catalogue }, settings] = await Promise.all([loadCatalogue({ build: importConfig, organisation: organisationPart }), settingsInForce()]);
  await writeBannerIndex(buildBannerIndex(await bannerEntries(catalogue.entries), settings), rewrite);
}

/**
 * Rebuilds the index now, or once more after the rebuild in progress. `rewrite`: write it even
 * when its generation is unchanged (a page asked because what it read was unusable). Never rejects.
 */
export function refreshBannerIndex(rewrite = false): Promise<void> {
  force ||= rewrite;
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      const thisRewrite = force;
      force = false;
      try {
        await rebuild(thisRewrite);
      } catch {
        // Storage unreadable: the banner keeps the previous index (or says "loading");
        // the next storage change or page load asks again.
      }
    } while (again);
    running = null;
  })();
  return running;
}
