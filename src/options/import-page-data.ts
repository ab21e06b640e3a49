// Everything the import page reads and writes, behind one interface, so that its components can
// be rendered with fake data in tests and the real one wires storage and the import worker.
import type { Settings } from '../core';
import {
  extensionVersion,
  loadConfig,
  loadHistory,
  loadHistoryText,
  onStorageChanged,
  pinnedAndRecentProfiles,
  readSettings,
  saveConfig,
  saveSettings,
  type HistoryEntry,
  type PreparedSave,
  type SaveResult,
  type StorageChange,
  type StoredConfig,
} from '../platform/storage';
import { startImportWorker, type PreviewResult } from './worker/worker-client';
import type { ImportMode } from './worker/protocol';

/** The stored config as the page shows it: where it is, what it holds, what went wrong. */
export interface StoredView {
  config: Omit<StoredConfig, 'text'>;
  roles: number;
  skipped: number;
}

export interface ImportPageData {
  loadStored(): Promise<StoredView>;
  /** The stored config's text (for "Edit the current config" and Export). */
  storedText(): Promise<string | null>;
  preview(text: string, mode: ImportMode): Promise<PreviewResult | null>;
  /** Saves the last preview (`how`: how it becomes current). */
  save(how: PreparedSave['how']): Promise<{ save: SaveResult; storedText: string }>;
  history(): Promise<HistoryEntry[]>;
  historyText(sum: string): Promise<string | null>;
  readSettings(): Promise<{ settings: Settings; problem?: string }>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  onChange(callback: (change: StorageChange) => void): () => void;
}

export function realImportPageData(): ImportPageData {
  const worker = startImportWorker();
  let stored: StoredConfig | null = null;
  return {
    async loadStored() {
      stored = await loadConfig();
      const { text, ...config } = stored;
      const counts = config.source === 'none' ? { roles: 0, skipped: 0 } : await worker.setCurrent(text);
      if (config.source === 'none') await worker.setCurrent('');
      return { config, ...counts };
    },
    async storedText() {
      const config = stored ?? (await loadConfig());
      return config.source === 'none' ? null : config.text;
    },
    preview: (text, mode) => worker.preview(text, mode),
    async save(how) {
      const { text, records } = await worker.encode(extensionVersion(), await pinnedAndRecentProfiles());
      const save = await saveConfig({ text, ...records, how });
      await worker.committed();
      return { save, storedText: text };
    },
    history: loadHistory,
    historyText: loadHistoryText,
    readSettings,
    saveSettings,
    onChange: onStorageChanged,
  };
}
