// Change notifications, so that two open pages stay consistent.
import { isChunkKey, POINTER_KEY } from '../../core';
import { RECORD_KEYS } from '../../core/storage/storage-keys';
import { browser } from '../browser';

const KEY = RECORD_KEYS;

export interface StorageChange {
  config: boolean;
  settings: boolean;
  recent: boolean;
  catalogue: boolean;
  history: boolean;
}

export function onStorageChanged(callback: (change: StorageChange) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    const keys = Object.keys(changes);
    const change: StorageChange = {
      config: (area === 'sync' && keys.some((k) => k === POINTER_KEY || isChunkKey(k))) || (area === 'local' && keys.includes(KEY.current)),
      // (The head changes with every pin and switch; readers of the full catalogue ignore it.)
      settings: area === 'sync' && keys.includes(KEY.settings),
      recent: area === 'local' && keys.includes(KEY.recent),
      catalogue: area === 'local' && keys.includes(KEY.cache),
      history: area === 'local' && keys.includes(KEY.history),
    };
    if (change.config || change.settings || change.recent || change.catalogue || change.history) callback(change);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
