// The single import point of webextension-polyfill: Chrome and Firefox behind one promise API.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
