// Short-lived background state in storage.session (memory only, never written to disk, cleared
// when the browser closes). It survives the service worker being stopped between two events,
// which plain variables do not. Background only.
import { browser } from './browser';

export async function sessionGet(key: string): Promise<unknown> {
  const items = await browser.storage.session.get(key);
  return items[key];
}

export async function sessionSet(key: string, value: unknown): Promise<void> {
  await browser.storage.session.set({ [key]: value });
}
