// Content script on AWS console pages (top frame only): the banner that says which account,
// role and environment this tab is in, the production title prefix, and the page's readings
// for the popup's "where am I?".
//
// Budget: as small as it can be (it runs on every console page: test/build/bundle-policy.test.ts
// fails when it grows past its ceiling; issue 12's target is 16 KB) and ≤ 50 ms from
// DOMContentLoaded to the banner painted. Hence no
// webextension-polyfill and no zod here (src/platform/native.ts; the protocol's hand-written
// guards; core modules are imported one by one, never through an index, which pulls zod; lint
// rules keep it so), and only what paints the banner: the "Why?" report is built by the
// background when asked (with the panel that shows it: why-panel.ts, injected then), and the
// popup builds its own from the readings this script sends
// (src/core/protocol/messages.ts). The catalogue comes from the background's per-account index
// in storage.local (one small read, no service-worker wake-up). Only the matched entry ever
// reaches the page, inside a closed shadow root.
//
// Event-driven, no polling: the page's identity is read while it parses and at DOMContentLoaded;
// a MutationObserver then watches the page for the life of the tab (the navigation renders after
// load, its menu when first opened, and a single-page console re-renders them) and coalesces
// work to one check per frame: every check judges all sources again, so a source that appears
// late and contradicts the others turns a confident banner into "unknown account" at once,
// and a banner the page removed is put back.
import { bannerModel, DEFAULT_BANNER_SETTINGS } from '../core/console/banner-model';
import type { IndexLookup } from '../core/console/banner-index';
import { judgeIdentity, type IdentityReading } from '../core/console/console-identity';
import { matchIdentity, type IdentityMatch } from '../core/console/identity-match';
import { isIdentityReportReply, isWhereAmIRequest } from '../core/protocol/guards';
import { MESSAGE } from '../core/protocol/message-names';
import type { ConsoleIdentity, IdentityReportRequest, WhereAmIReply } from '../core/protocol/messages';
import { isBannerIndexChange, readBannerIndex } from '../platform/banner-index-store';
import { ext } from '../platform/native';
import { createBannerView } from './banner-view';
import { readIdentitySources } from './console-internals';
import { createPlacement } from './placement';
import { createTitlePrefix } from './title-prefix';
import { whyPanel } from './why-hook';

/** Performance mark set once the first banner has been painted (read by `npm run bench`; carries no data). */
const PAINTED_MARK = 'role-switchboard:banner-painted';

function start(api: NonNullable<typeof ext>): void {
  const host = location.hostname;
  let readings: IdentityReading[] = [];
  let identity: ConsoleIdentity | null = null;
  let lookup: IndexLookup = { loaded: false };
  let match: IdentityMatch = { kind: 'none' };
  let collapsed = false;
  let painted = false;
  let refreshAsked = false;

  /** Sends a message to the background; undefined when it cannot answer (the extension was updated or removed under this page). */
  const ask = async (message: unknown): Promise<unknown> => {
    try {
      return await api.runtime.sendMessage(message);
    } catch {
      return undefined;
    }
  };
  // "Why?": the background builds the report from the readings and injects the panel's script.
  let whyOpen = false;
  const onWhy = async (open: boolean, edge: 'top' | 'bottom') => {
    whyOpen = open;
    const offset = placement.offset();
    if (!open) return whyPanel()?.(null, edge, offset);
    const request: IdentityReportRequest = { type: MESSAGE.identityReport, readings, host };
    const answer = await ask(request);
    if (whyOpen) whyPanel()?.(isIdentityReportReply(answer) ? answer.report : undefined, edge, offset);
  };
  const view = createBannerView(
    document,
    () => {
      collapsed = !collapsed;
      render();
    },
    (open, edge) => void onWhy(open, edge),
  );
  const placement = createPlacement(document, view.host, () => schedule());
  const title = createTitlePrefix(document);

  const readIdentity = (): boolean => {
    readings = readIdentitySources(document, host);
    const next = judgeIdentity(readings, host);
    const changed = JSON.stringify(next) !== JSON.stringify(identity);
    identity = next;
    return changed;
  };

  // One storage read per account: started as soon as the account is known (often while the
  // page is still parsing), reused when DOMContentLoaded asks for the same account.
  let reading: Promise<IndexLookup> | null = null;
  let readingFor = '';
  const read = () => {
    const key = `${identity?.accountId}/${identity?.accountAlias}/${identity?.candidates}/${identity?.candidateAliases}`;
    if (!reading || key !== readingFor) {
      readingFor = key;
      // Sources that disagree: the accounts they name, so that a production one still shows as production.
      reading = readBannerIndex(identity?.accountId ?? identity?.candidates ?? null, identity?.accountAlias ?? identity?.candidateAliases);
    }
    return reading;
  };
  // Which session this tab is in, for the popup's "signed in" marks and the banner's time left
  // (the background judges the readings; after the banner is painted, never before).
  const report = () => void ask({ type: MESSAGE.sessionSeen, readings, host, profile: match.kind === 'profile' ? match.entry.profile : null });
  const loadIndex = async () => {
    lookup = await read();
    if (!lookup.loaded && !refreshAsked) {
      // First run, or the index is damaged: the background rebuilds it, and the storage change
      // brings it here. Until then the banner shows the identity without claims about profiles.
      refreshAsked = true;
      void ask({ type: MESSAGE.bannerIndexRefresh });
    }
  };

  function render(): void {
    const settings = lookup.loaded ? lookup.settings : DEFAULT_BANNER_SETTINGS;
    match = lookup.loaded ? matchIdentity(identity, lookup.entries, lookup.idOnly) : { kind: 'none' };
    const model = bannerModel(identity, match, settings, lookup.loaded);
    if (!model.collapsible) collapsed = false;
    view.render(model, collapsed);
    placement.update(view.height(), model.position);
    title.set(lookup.loaded ? model.titlePrefix : null);
    // The header is moved out of the banner's way in the next frame: reading its style forces a
    // layout, which must not delay this first paint.
    schedule();
    if (!painted && model.visible) {
      painted = true;
      // After the next frame is produced: a rAF callback runs just before paint, a message
      // posted from it is handled just after.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => performance.mark(PAINTED_MARK);
        channel.port2.postMessage(0);
      });
    }
  }

  // Watch the page for the tab's life; one check per frame at most.
  let watcher: MutationObserver | null = null;
  let scheduled = false;
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(check);
    }
  };
  const check = () => {
    scheduled = false;
    // A source appeared, changed or went: judge them all again and look the account up again.
    if (readIdentity()) void loadIndex().then(render).then(report);
    else if (placement.detached()) render();
    placement.checkHeader();
  };
  const watch = () => {
    if (watcher) return;
    watcher = new MutationObserver(schedule);
    // The whole document (a meta can come late too); titles and texts as well: the account
    // button's title and the menu's values change in place. Our banner's own shadow tree is not seen.
    watcher.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['title', 'content'] });
  };
  // While the page parses (we run at document_start), read the identity as soon as the head has
  // given it and start the storage read, so it is done by DOMContentLoaded.
  const early = new MutationObserver(() => {
    readIdentity();
    if (identity?.accountId || document.body) {
      early.disconnect();
      void read();
    }
  });
  early.observe(document, { childList: true, subtree: true });

  const ready = new Promise<void>((resolve) => {
    const init = async () => {
      early.disconnect();
      readIdentity();
      await loadIndex();
      render();
      resolve();
      report();
      // The same watch sees our host (or <body>) removed or replaced: check() puts it back.
      watch();
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void init(), { once: true });
    else void init();
  });

  api.storage.onChanged.addListener((changes, area) => {
    if (isBannerIndexChange(changes, area)) {
      reading = null;
      void ready.then(loadIndex).then(render);
    }
  });

  // "Where am I?": the page's readings (the asker judges them, with the same judge) and the profile the banner matched.
  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!isWhereAmIRequest(message)) return;
    void ready.then(() => {
      const answer: WhereAmIReply = { readings, host, profile: match.kind === 'profile' ? match.entry.profile : null };
      sendResponse(answer);
    });
    return true;
  });
}

if (ext && window.top === window) start(ext);
