// Tab and scripting glue for one-click switching (background only).
import { browser } from './browser';

export interface TabInfo {
  id: number;
  /** Visible only for hosts the extension may access (the AWS console and sign-in hosts). */
  url?: string;
}

export async function getTab(tabId: number): Promise<TabInfo | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.id === undefined ? null : { id: tab.id, url: tab.url };
  } catch {
    return null;
  }
}

/** A new, blank, active tab (to be navigated once whatever it needs is in place); null if none. */
export async function openBlankTab(): Promise<number | null> {
  const tab = await browser.tabs.create({ url: 'about:blank', active: true });
  return tab.id ?? null;
}

/** Opens a URL in a new tab (or navigates `tabId`) and returns the tab's ID. */
export async function navigate(url: string, tabId: number | null): Promise<number | null> {
  if (tabId !== null) {
    const tab = await browser.tabs.update(tabId, { url });
    return tab?.id ?? tabId;
  }
  const tab = await browser.tabs.create({ url, active: true });
  return tab.id ?? null;
}

/** Tabs on console hosts: the content script's own match patterns, so the two never disagree. */
export async function consoleTabs(): Promise<TabInfo[]> {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  const matches = scripts.find((s) => s.js?.includes('content.js'))?.matches ?? [];
  if (matches.length === 0) return [];
  const tabs = await browser.tabs.query({ url: matches });
  return tabs.filter((t) => t.id !== undefined).map((t) => ({ id: t.id!, url: t.url }));
}

/**
 * How long to wait for the tab the user acts on (the popup's tab), whose answer decides how the
 * switch is made: a page that is still loading, or busy, answers late, and a plan made without it
 * is a worse one (the switch-role page instead of the console's own switch). A tab without our
 * script does not make anyone wait: it fails at once.
 */
export const ACTED_ON_TAB_WAIT_MS = 3000;

/** What `askTab` gives when the tab's content script is there but has not answered in time. */
export const NO_ANSWER_IN_TIME: unique symbol = Symbol('no answer in time');

/**
 * Sends a message to a tab's content script: its answer; undefined when the tab has none (it
 * rejects at once); NO_ANSWER_IN_TIME when nothing answered within `timeoutMs` (a busy or
 * still-loading page).
 */
export async function askTab(tabId: number, message: unknown, timeoutMs = 500): Promise<unknown> {
  return Promise.race([
    browser.tabs.sendMessage(tabId, message).catch(() => undefined),
    new Promise<typeof NO_ANSWER_IN_TIME>((resolve) => setTimeout(() => resolve(NO_ANSWER_IN_TIME), timeoutMs)),
  ]);
}

/**
 * Runs a self-contained function in the page's MAIN world (needs the "scripting" permission and
 * host access). Used only for the console's own switch calls, which need the page's CSRF token
 * or its cookies: see src/page-world/console-switch.ts.
 */
export async function runInMainWorld<A extends unknown[], R>(tabId: number, func: (...args: A) => R, args: A): Promise<Awaited<R> | undefined> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    world: 'MAIN',
    func: func as unknown as () => void,
    args,
  });
  return first?.result as Awaited<R> | undefined;
}

/**
 * Runs one of the extension's own script files in a frame's content-script world (the world the
 * content scripts share), e.g. the banner's "Why?" panel, which is not loaded with every page.
 * Resolves false when the frame cannot take it (it navigated away, or is no console page).
 */
export async function runInContentWorld(tabId: number, frameId: number, file: string): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
    return true;
  } catch {
    return false;
  }
}

/** Makes a tab the active one in its window and that window the focused one (no permission needed). */
export async function focusTab(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return true;
  } catch {
    return false;
  }
}

/** Calls `listener` with the ID of every tab that closes. */
export function onTabClosed(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}
