// Browser glue for content scripts, WITHOUT webextension-polyfill.
//
// Why: the console content script has a size budget and runs on every console page load;
// the polyfill alone is ~10 KB. Chrome MV3 and Firefox both give promise-returning
// `storage`/`runtime` APIs natively (`chrome.*` in Chrome, `browser.*` in Firefox), which is all
// a content script needs. Extension pages and the background keep using src/platform/browser.ts.
//
// The namespace is chosen once, at document_start, before the page has any DOM: later a page
// element with id="browser" would shadow `globalThis.browser` (named window properties reach
// content scripts too), so the check also requires a real extension API shape.

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  url?: string;
}

export interface NativeApi {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(
        listener: (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => boolean | void,
      ): void;
    };
  };
  storage: {
    local: {
      get(keys: string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
    onChanged: { addListener(listener: (changes: Record<string, StorageChange>, area: string) => void): void };
  };
}

function pick(): NativeApi | null {
  const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
  for (const candidate of [g.browser, g.chrome]) {
    const api = candidate as Partial<NativeApi> | undefined;
    if (api && typeof api.runtime?.sendMessage === 'function' && typeof api.storage?.local?.get === 'function') {
      return api as NativeApi;
    }
  }
  return null;
}

/** The browser's own extension API, or null outside an extension context (then callers do nothing). */
export const ext: NativeApi | null = pick();
