// The import page's state and actions, over ImportPageData: the stored config, the live preview
// of the text box, the confirmation an import needs before it removes roles, the history.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PreparedSave } from '../platform/storage';
import type { HistoryEntry } from '../platform/storage';
import { plural } from '../ui/format';
import { importMessage, kb } from '../ui/import-messages';
import type { NoticeTone } from '../ui/notice';
import type { ImportPageData, StoredView } from './import-page-data';
import type { ImportMode, PreviewSummary } from './worker/protocol';
import type { PreviewResult } from './worker/worker-client';

export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
const PREVIEW_DELAY_MS = 200;

export type PreviewState =
  | { status: 'empty' }
  | { status: 'working' }
  | { status: 'ready'; result: PreviewResult; mode: ImportMode }
  | { status: 'failed'; message: string };

/** An import waiting for the user's yes, with what it would change. */
export interface PendingConfirmation {
  how: PreparedSave['how'];
  mode: ImportMode;
  summary: PreviewSummary;
  /** What is being confirmed, for the heading ("this import", "restoring the config of …"). */
  what: string;
}

export interface PageNotice {
  tone: NoticeTone;
  text: string;
}

/** "too big" in the same words for a file and a paste. */
export function tooBigMessage(what: string, bytes: number): string {
  return `${what} is ${kb(bytes)}: that is not an AWS config (the limit is 5 MB).`;
}

export function useImportPage(data: ImportPageData, textBox: () => HTMLTextAreaElement | null) {
  const [stored, setStored] = useState<StoredView | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [preview, setPreview] = useState<PreviewState>({ status: 'empty' });
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const [result, setResult] = useState<PageNotice | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refreshStored = useCallback(async () => {
    const [view, entries] = await Promise.all([data.loadStored(), data.history().catch(() => [])]);
    setStored(view);
    setHistory(entries);
  }, [data]);

  useEffect(() => {
    void refreshStored();
    let reload: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = data.onChange((change) => {
      if (!change.config && !change.catalogue && !change.history) return;
      clearTimeout(reload);
      reload = setTimeout(() => void refreshStored(), 60);
    });
    return () => {
      clearTimeout(reload);
      unsubscribe();
    };
  }, [data, refreshStored]);

  /** Previews the text box now; null when there is nothing to preview (or a newer one won). */
  const runPreview = useCallback(
    async (mode: ImportMode = 'replace'): Promise<PreviewResult | null> => {
      clearTimeout(timer.current);
      const text = textBox()?.value ?? '';
      if (!text.trim()) {
        setPreview({ status: 'empty' });
        return null;
      }
      const bytes = new Blob([text]).size;
      if (bytes > MAX_TEXT_BYTES) {
        setPreview({ status: 'failed', message: tooBigMessage('The pasted text', bytes) });
        return null;
      }
      setPreview((p) => (p.status === 'ready' ? p : { status: 'working' }));
      try {
        const out = await data.preview(text, mode);
        if (out) setPreview({ status: 'ready', result: out, mode });
        return out;
      } catch (error) {
        setPreview({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
        return null;
      }
    },
    [data, textBox],
  );

  const schedulePreview = useCallback(() => {
    clearTimeout(timer.current);
    // A huge config takes a while to read: wait longer between previews while typing in it.
    const size = textBox()?.value.length ?? 0;
    timer.current = setTimeout(() => void runPreview(), PREVIEW_DELAY_MS + Math.min(800, size / 2000));
  }, [runPreview, textBox]);

  const setText = useCallback(
    (text: string) => {
      const box = textBox();
      if (!box) return;
      box.value = text;
      void runPreview();
    },
    [runPreview, textBox],
  );

  const save = useCallback(
    async (how: PreparedSave['how'], summary: PreviewSummary) => {
      setConfirmation(null);
      setBusy(true);
      try {
        const { save: saved, storedText } = await data.save(how);
        // What stays on the page is what was stored: secrets leave the text box too.
        const box = textBox();
        if (box && box.value !== storedText) box.value = storedText;
        const facts = { roles: summary.roles, skipped: summary.skippedCount, removedSecrets: summary.removedSecrets, repairedLines: summary.repairedLines };
        const message = importMessage(facts, saved, how === 'restore' ? 'Restored a config with' : how === 'merge' ? 'Your config now has' : 'Imported');
        setResult({ tone: message.tone, text: [message.text, summary.merge ? mergeReport(summary.merge) : ''].filter(Boolean).join(' ') });
        await refreshStored();
        await runPreview();
      } catch (error) {
        setResult({ tone: 'error', text: `Nothing was changed: ${error instanceof Error ? error.message : String(error)}` });
      } finally {
        setBusy(false);
      }
    },
    [data, refreshStored, runPreview, textBox],
  );

  /** Replace or add: previews exactly the text in the box, then saves or asks first. */
  const importText = useCallback(
    async (mode: ImportMode, how: PreparedSave['how'] = mode === 'merge' ? 'merge' : 'import', what = 'This import') => {
      if (!(textBox()?.value ?? '').trim()) {
        setResult({ tone: 'error', text: 'The AWS config box is empty: paste your ~/.aws/config, choose the file or drop it here.' });
        return;
      }
      setResult(null);
      const out = await runPreview(mode);
      if (!out) return;
      if (out.summary.diff?.needsConfirmation) setConfirmation({ how, mode, summary: out.summary, what });
      else await save(how, out.summary);
    },
    [runPreview, save, textBox],
  );

  const restore = useCallback(
    async (entry: HistoryEntry) => {
      const text = await data.historyText(entry.sum);
      if (text === null) {
        setResult({ tone: 'error', text: 'That config can no longer be read from this browser’s storage; nothing was changed.' });
        return;
      }
      const box = textBox();
      if (box) box.value = text;
      await importText('replace', 'restore', `Restoring the config of ${new Date(entry.savedAt).toLocaleString()}`);
    },
    [data, importText, textBox],
  );

  const cancelConfirmation = useCallback(() => {
    setConfirmation(null);
    setResult({ tone: 'info', text: 'Nothing was changed.' });
    void runPreview();
  }, [runPreview]);

  return { stored, history, preview, confirmation, result, busy, setResult, runPreview, schedulePreview, setText, importText, restore, save, cancelConfirmation };
}

function mergeReport(merge: NonNullable<PreviewSummary['merge']>): string {
  const parts = [`Added ${plural(merge.added.length, 'section')}.`];
  const kept = merge.sameNamed.filter((s) => !s.identical);
  const same = merge.sameNamed.length - kept.length;
  if (kept.length > 0) parts.push(`Kept yours for ${plural(kept.length, 'same-named section')}: ${kept.slice(0, 5).map((s) => `[${s.section}]`).join(', ')}${kept.length > 5 ? ', …' : ''}.`);
  if (same > 0) parts.push(`${plural(same, 'section')} already in your config.`);
  if (merge.notMerged.length > 0) parts.push(`Not added: ${merge.notMerged.slice(0, 3).map((s) => `[${s.section}] (${s.reason})`).join(', ')}.`);
  return parts.join(' ');
}
