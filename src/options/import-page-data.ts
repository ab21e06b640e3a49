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
  /** Saves the last preview (`how`: how it becomes current); says what was stored. */
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
  /** The config this page saved last, which the worker holds as current already. */
  let saved: { sum: string; roles: number; skipped: number } | null = null;
  /** The text of the last preview asked for: the worker answers in order, so it is the one it holds. */
  let previewed = '';
  return {
    async loadStored() {
      stored = await loadConfig(worker.decode);
      const { text, ...config } = stored;
      if (saved && saved.sum === config.sum) return { config, roles: saved.roles, skipped: saved.skipped };
      const counts = await worker.setCurrent(config.source === 'none' ? '' : text);
      return { config, ...(config.source === 'none' ? { roles: 0, skipped: 0 } : counts) };
    },
    async storedText() {
      const config = stored ?? (await loadConfig(worker.decode));
      return config.source === 'none' ? null : config.text;
    },
    preview(text, mode) {
      previewed = text;
      return worker.preview(text, mode);
    },
    async save(how) {
      const encoded = await worker.encode(extensionVersion(), await pinnedAndRecentProfiles());
      const text = encoded.text ?? previewed;
      const save = await saveConfig({ text, ...encoded.records, how });
      await worker.committed();
      saved = { sum: encoded.records.encoded.sum, ...encoded.records.counts };
      // The page's own copy of what is stored (Export, "Edit the current config").
      stored = { text, sum: saved.sum, savedAt: Date.now(), source: save.where, problem: save.problem };
      return { save, storedText: text };
    },
    history: loadHistory,
    historyText: (sum) => loadHistoryText(sum, worker.decode),
    readSettings,
    saveSettings,
    onChange: onStorageChanged,
  };
}
