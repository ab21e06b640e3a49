// Background entry: routes messages and keeps the banner index fresh; the work lives in the
// modules it wires. Every message is validated here; switching is accepted only from the
// extension's own pages, auto-submit checks only from a tab's content script.
import { bannerIndexRefreshSchema, importConfig, switchAutosubmitRequestSchema, switchRoleRequestSchema } from '../core';
import { browser, type Runtime } from '../platform/browser';
import { openImportPage } from '../platform/pages';
import { onStorageChanged, REBUILD_MESSAGE, rebuildCatalogueCache } from '../platform/storage';
import { redeem } from './autosubmit-registry';
import { refreshBannerIndex } from './banner-index';
import { scrubStoredSecrets } from './scrub-secrets';
import { switchRole } from './switch-role';

const fromExtensionPage = (sender: Runtime.MessageSender): boolean =>
  sender.id === browser.runtime.id && !!sender.url && sender.url.startsWith(browser.runtime.getURL(''));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const switchRequest = switchRoleRequestSchema.safeParse(message);
  if (switchRequest.success) {
    if (!fromExtensionPage(sender)) return undefined;
    return switchRole(switchRequest.data).catch((error: unknown) => ({
      method: 'none' as const,
      status: 'failed' as const,
      message: `The switch failed: ${error instanceof Error ? error.message : String(error)}`,
    }));
  }
  const autosubmit = switchAutosubmitRequestSchema.safeParse(message);
  if (autosubmit.success) {
    if (sender.id !== browser.runtime.id || !sender.tab) return Promise.resolve({ submit: false });
    return redeem(autosubmit.data.nonce, { tabId: sender.tab.id, url: sender.url }).catch(() => ({ submit: false }));
  }
  if (bannerIndexRefreshSchema.safeParse(message).success && sender.id === browser.runtime.id) {
    return refreshBannerIndex(true).then(() => ({ ok: true }));
  }
  // The storage module asks the background (which bundles the importer) to rebuild the
  // catalogue cache when a page finds it stale.
  if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === REBUILD_MESSAGE.type) {
    if (sender.id !== browser.runtime.id) return undefined;
    return rebuildCatalogueCache(importConfig).then(() => ({ ok: true }));
  }
  return undefined;
});

browser.runtime.onInstalled.addListener((details) => {
  void refreshBannerIndex();
  void scrubStoredSecrets();
  // First run: there is nothing to switch to until a config is imported, so show the import page.
  if (details.reason === 'install') void openImportPage();
});
browser.runtime.onStartup.addListener(() => {
  void refreshBannerIndex();
  void scrubStoredSecrets();
});
onStorageChanged((change) => {
  if (change.config || change.settings || change.catalogue) void refreshBannerIndex();
  if (change.config) void scrubStoredSecrets('if-needed');
});
