// Everything the import page reads and writes, behind one interface, so that its components can
// be rendered with fake data in tests and the real one wires storage and the import worker.
import { effectiveSettings, exportWithOrganisation, importConfig, organisationView, type LockableSetting, type OrganisationView, type Settings } from '../core';
import { onPolicyChanged, policyChangesNeedRestart, readPolicy } from '../platform/policy-store';
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
  /** The settings in force (the organisation's locked values over the user's), and which it locked. */
  readSettings(): Promise<SettingsInForce>;
  /** Saves a change of the user's; a locked setting is refused. Answers with the settings in force. */
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  onChange(callback: (change: StorageChange) => void): () => void;
  /** What the organisation's browser policy sets, and how a change to it reaches this browser. */
  organisation(): Promise<OrganisationPageView>;
  /** Calls back when the policy changes (Chrome; Firefox reads it at startup only). */
  onPolicyChange(callback: () => void): () => void;
  /** The export file: the user's own config, then the organisation's profiles marked as its. */
  exportText(): Promise<{ text: string; organisationProfiles: number } | null>;
  copyText(text: string): Promise<void>;
}

export interface SettingsInForce {
  settings: Settings;
  problem?: string;
  locked: LockableSetting[];
}

export interface OrganisationPageView extends OrganisationView {
  /** live: a change applies within seconds; restart: after the browser restarts (Firefox). */
  changes: 'live' | 'restart';
}

export function realImportPageData(): ImportPageData {
  const worker = startImportWorker();
  let stored: StoredConfig | null = null;
  /** The config this page saved last, which the worker holds as current already. */
  let saved: { sum: string; roles: number; skipped: number } | null = null;
  /** The text of the last preview asked for: the worker answers in order, so it is the one it holds. */
  let previewed = '';
  const storedText = async (): Promise<string | null> => {
    const config = stored ?? (await loadConfig(worker.decode));
    return config.source === 'none' ? null : config.text;
  };
  return {
    async loadStored() {
      stored = await loadConfig(worker.decode);
      const { text, ...config } = stored;
      if (saved && saved.sum === config.sum) return { config, roles: saved.roles, skipped: saved.skipped };
      const counts = await worker.setCurrent(config.source === 'none' ? '' : text);
      return { config, ...(config.source === 'none' ? { roles: 0, skipped: 0 } : counts) };
    },
    storedText,
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
    async readSettings() {
      const [read, policy] = await Promise.all([readSettings(), readPolicy()]);
      return { ...read, ...effectiveSettings(read.settings, policy) };
    },
    async saveSettings(patch) {
      const saved = await saveSettings(patch);
      return effectiveSettings(saved, await readPolicy()).settings;
    },
    onChange: onStorageChanged,
    async organisation() {
      const policy = await readPolicy();
      // The user's own entries, for what the merge says about them (hidden, shown once, renamed).
      const own = policy.active ? await storedText() : null;
      const view = organisationView(policy, own ? importConfig(own).entries : []);
      return { ...view, changes: policyChangesNeedRestart() ? 'restart' : 'live' };
    },
    onPolicyChange: (callback) => onPolicyChanged(() => callback()),
    copyText: (text) => navigator.clipboard.writeText(text),
    async exportText() {
      const [own, policy] = await Promise.all([storedText(), readPolicy()]);
      return exportWithOrganisation(own, policy);
    },
  };
}
