// Keeps a prefix such as "[PROD] " on the tab title, through the console's single-page
// navigation (which rewrites <title>, or replaces the element). Event-driven: a
// MutationObserver on <head> (title element replaced) and on the title's text.
// No loop: after our write the title already has the prefix, so the next record changes
// nothing; and if a page kept fighting back, we stop after a burst rather than ping-pong.
const MAX_REWRITES_PER_SECOND = 20;

export interface TitlePrefix {
  set(prefix: string | null): void;
}

export function createTitlePrefix(doc: Document): TitlePrefix {
  let prefix: string | null = null;
  let observer: MutationObserver | null = null;
  let windowStart = 0;
  let rewrites = 0;
  let retry = 0;

  const apply = () => {
    if (!prefix || doc.title.startsWith(prefix)) return;
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      rewrites = 0;
    }
    // Over the limit: once more when this window ends (one timer, however long the burst). Else a
    // page that ends its burst on a title without the prefix keeps a production tab unprefixed.
    if (++rewrites > MAX_REWRITES_PER_SECOND) {
      retry ||= window.setTimeout(() => ((retry = 0), apply()), 1000);
      return;
    }
    doc.title = prefix + doc.title;
  };

  const watch = () => {
    observer?.disconnect();
    observer = new MutationObserver(apply);
    const head = doc.head ?? doc.documentElement;
    observer.observe(head, { childList: true, subtree: true, characterData: true });
  };

  return {
    set(next) {
      if (next === prefix) return;
      // Take our old prefix back off before applying a new one (or none).
      if (prefix && doc.title.startsWith(prefix)) doc.title = doc.title.slice(prefix.length);
      prefix = next;
      if (!prefix) {
        observer?.disconnect();
        observer = null;
        return;
      }
      apply();
      watch();
    },
  };
}
