// Background entry: routes messages and keeps the banner index fresh; the work lives in the
// modules it wires. Every message is parsed with its schema from the protocol module
// (src/core/protocol) and accepted only from the context that may send it: switching from the
// extension's own pages, the content scripts' requests from a tab.
import {
  basisRequestSchema,
  switchBackRequestSchema,
  type Basis,
  bannerIndexRefreshSchema,
  catalogueRebuildSchema,
  combineIdentity,
  identityReport,
  identityReportRequestSchema,
  importConfig,
  sessionRenewRequestSchema,
  sessionSeenSchema,
  sessionsRequestSchema,
  sessionStatusRequestSchema,
  switchAutosubmitRequestSchema,
  switchRoleRequestSchema,
  type DoneReply,
  type IdentityReportReply,
  type SessionBanner,
  type SessionsOverview,
  type SwitchAutosubmitReply,
  type SwitchOutcome,
} from '../core';
import { browser, type Runtime } from '../platform/browser';
import { runInContentWorld } from '../platform/console-tabs';
import { openImportPage } from '../platform/pages';
import { onPolicyChanged } from '../platform/policy-store';
import { onStorageChanged, rebuildCatalogueCache } from '../platform/storage';
import { organisationPart } from './organisation';
import { redeem } from './autosubmit-registry';
import { refreshBannerIndex } from './banner-index';
import { renewSession } from './renew';
import { sessionBannerFor, sessionsOverview, tabSeen } from './sessions';
import { scrubStoredSecrets } from './scrub-secrets';
import { switchRole } from './switch-role';
import { basisOfTab, switchBack } from './switch-back';

type Sender = Runtime.MessageSender;
const ours = (sender: Sender): boolean => sender.id === browser.runtime.id;
const fromExtensionPage = (sender: Sender): boolean => ours(sender) && !!sender.url && sender.url.startsWith(browser.runtime.getURL(''));
const fromTab = (sender: Sender): boolean => ours(sender) && !!sender.tab;

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}
/** Not this route's message: the next route may take it. */
const NOT_MINE = Symbol('not mine');

/**
 * A message kind: its schema, who may send it, and its answer (a promise of the reply; the
 * `refused` answer, or none, to a sender that may not send it).
 */
function route<T>(schema: Schema<T>, from: (sender: Sender) => boolean, answer: (message: T, sender: Sender) => Promise<unknown>, refused?: () => Promise<unknown>) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined | typeof NOT_MINE => {
    const parsed = schema.safeParse(message);
    if (!parsed.success) return NOT_MINE;
    return from(sender) ? answer(parsed.data, sender) : refused?.();
  };
}

const done = (): DoneReply => ({ ok: true });
const noSubmit = async (): Promise<SwitchAutosubmitReply> => ({ submit: false });

const routes = [
  route(switchRoleRequestSchema, fromExtensionPage, (request): Promise<SwitchOutcome> =>
    switchRole(request).catch((error: unknown) => ({
      method: 'none',
      status: 'failed',
      message: `The switch failed: ${error instanceof Error ? error.message : String(error)}`,
    })),
  ),
  route(
    switchAutosubmitRequestSchema,
    fromTab,
    ({ nonce }, sender): Promise<SwitchAutosubmitReply> => redeem(nonce, { tabId: sender.tab?.id, url: sender.url }).catch(noSubmit),
    noSubmit,
  ),
  // The banner's "Why?": the report from the page's readings (the content script has no report
  // code), once the panel that shows it is in the page's content-script world.
  route(identityReportRequestSchema, fromTab, async ({ readings, host }, sender): Promise<IdentityReportReply> => {
    await runInContentWorld(sender.tab!.id!, sender.frameId ?? 0, 'why.js');
    return { report: identityReport(combineIdentity(readings, host), host) };
  }),
  // Console sessions (issue 13): a tab says which session it is in when its banner is painted;
  // the banner's session chip asks for its line and for "Renew"; the popup for the overview.
  route(sessionSeenSchema, fromTab, async ({ readings, host, profile }, sender) => {
    await tabSeen(sender.tab!.id!, combineIdentity(readings, host), profile, sender.url ?? '');
    return done();
  }),
  route(sessionStatusRequestSchema, fromTab, (_m, sender): Promise<SessionBanner> => sessionBannerFor(sender.tab!.id!)),
  route(sessionRenewRequestSchema, fromTab, (_m, sender): Promise<SwitchOutcome> =>
    renewSession(sender.tab!.id!).catch((error: unknown) => ({ method: 'none', status: 'failed', message: `Not renewed: ${error instanceof Error ? error.message : String(error)}` })),
  ),
  route(sessionsRequestSchema, fromExtensionPage, (): Promise<SessionsOverview> => sessionsOverview()),
  // Who signed in on the popup's tab, and "Switch back" to it (issue 15 §2).
  route(basisRequestSchema, fromExtensionPage, ({ tabId }): Promise<Basis> => basisOfTab(tabId).then((b) => b.basis)),
  route(switchBackRequestSchema, fromExtensionPage, ({ tabId }): Promise<SwitchOutcome> =>
    switchBack(tabId).catch((error: unknown) => ({ method: 'none', status: 'failed', message: `Not switched back: ${error instanceof Error ? error.message : String(error)}` })),
  ),
  route(bannerIndexRefreshSchema, ours, () => refreshBannerIndex(true).then(done)),
  // The storage module asks the background (which bundles the importer) to rebuild the
  // catalogue cache when a page finds it stale.
  route(catalogueRebuildSchema, ours, () => rebuildCatalogueCache(importConfig, organisationPart).then(done)),
];

browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
  for (const handle of routes) {
    const reply = handle(message, sender);
    if (reply !== NOT_MINE) return reply;
  }
  return undefined;
});

browser.runtime.onInstalled.addListener((details) => {
  void refreshBannerIndex();
  void scrubStoredSecrets();
  mergeOrganisation();
  // First run: there is nothing to switch to until a config is imported, so show the import page.
  if (details.reason === 'install') void openImportPage();
});

browser.runtime.onStartup.addListener(() => {
  void refreshBannerIndex();
  void scrubStoredSecrets();
  void mergeOrganisation();
});

/**
 * Puts the organisation's profiles into the catalogue cache when its policy or the user's config
 * changes (a page saves the user's own catalogue; without a policy nothing is rewritten). The
 * banner index follows the cache.
 */
function mergeOrganisation(): void {
  void rebuildCatalogueCache(importConfig, organisationPart).catch(() => {});
}

onStorageChanged((change) => {
  if (change.config || change.settings || change.catalogue) void refreshBannerIndex();
  if (change.config) {
    void scrubStoredSecrets('if-needed');
    mergeOrganisation();
  }
});
onPolicyChanged(() => {
  mergeOrganisation();
  void refreshBannerIndex();
});
