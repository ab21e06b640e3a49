// The import page's state and actions, over ImportPageData: the stored config, the live preview
// of the text box, the confirmation an import needs before it removes roles, the history.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PreparedSave } from '../platform/storage';
import type { HistoryEntry } from '../platform/storage';
import { plural } from '../ui/format';
import { importMessage } from '../ui/import-messages';
import type { NoticeTone } from '../ui/notice';
import type { ImportPageData, StoredView } from './import-page-data';
import type { ImportMode, PreviewSummary } from './worker/protocol';
import type { PreviewResult } from './worker/worker-client';

export { MAX_TEXT_BYTES } from './worker/protocol';
/**
 * A text box lays its whole text out, at about 0.3 ms a KB on a busy 2-core machine: a text
 * longer than this would hold the page for more than 50 ms, so it is kept out of the box (the
 * page shows its size instead, and the preview reads all of it). Configs people edit by hand
 * are far shorter (1,000 profiles are about 120 KB).
 */
export const BIG_TEXT_CHARS = 100 * 1024;
const PREVIEW_DELAY_MS = 200;

/** A text too long for the text box is held here; the page shows its size (from the preview). */

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


export function useImportPage(data: ImportPageData, textBox: () => HTMLTextAreaElement | null) {
  const [stored, setStored] = useState<StoredView | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [preview, setPreview] = useState<PreviewState>({ status: 'empty' });
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const [result, setResult] = useState<PageNotice | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The text being imported: in the text box, or held here when it is too long for one.
  const bigText = useRef<string | null>(null);
  const [big, setBig] = useState(false);
  const currentText = useCallback(() => bigText.current ?? textBox()?.value ?? '', [textBox]);

  /** Puts `text` where it belongs: the text box, or (too long) out of it. */
  const putText = useCallback(
    (text: string) => {
      const box = textBox();
      if (text.length > BIG_TEXT_CHARS) {
        bigText.current = text;
        if (box && box.value !== '') box.value = '';
        setBig(true);
      } else {
        bigText.current = null;
        if (box && box.value !== text) box.value = text;
        setBig(false);
      }
    },
    [textBox],
  );

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
      const text = currentText();
      if (!text.trim()) {
        setPreview({ status: 'empty' });
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
    [data, currentText],
  );

  /** After typing (or a paste) in the text box: a text that grew too long moves out of it first. */
  const onEdited = useCallback(() => {
    clearTimeout(timer.current);
    const box = textBox();
    if (box && box.value.length > BIG_TEXT_CHARS) putText(box.value);
    // Typing into the (emptied) box after a long text starts a new text.
    else if (box && bigText.current !== null && box.value !== '') putText(box.value);
    // A huge config takes a while to read: wait longer between previews while typing in it.
    const size = currentText().length;
    timer.current = setTimeout(() => void runPreview(), PREVIEW_DELAY_MS + Math.min(800, size / 2000));
  }, [currentText, putText, runPreview, textBox]);

  /** A paste too long for the text box never goes into it (its layout alone would block the page). */
  const onPaste = useCallback(
    (event: ClipboardEvent) => {
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      if (pasted.length <= BIG_TEXT_CHARS) return;
      event.preventDefault();
      putText(pasted);
      void runPreview();
    },
    [putText, runPreview],
  );

  const setText = useCallback(
    (text: string) => {
      putText(text);
      void runPreview();
    },
    [putText, runPreview],
  );

  const save = useCallback(
    async (how: PreparedSave['how'], summary: PreviewSummary) => {
      setConfirmation(null);
      setBusy(true);
      try {
        const { save: saved, storedText } = await data.save(how);
        // What stays on the page is what was stored: secrets leave the text box too.
        if (currentText() !== storedText) putText(storedText);
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
    [currentText, data, putText, refreshStored, runPreview],
  );

  /** Replace or add: previews exactly the text in the box, then saves or asks first. */
  const importText = useCallback(
    async (mode: ImportMode, how: PreparedSave['how'] = mode === 'merge' ? 'merge' : 'import', what = 'This import') => {
      if (!currentText().trim()) {
        setResult({ tone: 'error', text: 'The AWS config box is empty: paste your ~/.aws/config, choose the file or drop it here.' });
        return;
      }
      setResult(null);
      const out = await runPreview(mode);
      if (!out) return;
      if (out.summary.diff?.needsConfirmation) setConfirmation({ how, mode, summary: out.summary, what });
      else await save(how, out.summary);
    },
    [currentText, runPreview, save],
  );

  const restore = useCallback(
    async (entry: HistoryEntry) => {
      const text = await data.historyText(entry.sum);
      if (text === null) {
        setResult({ tone: 'error', text: 'That config can no longer be read from this browser’s storage; nothing was changed.' });
        return;
      }
      putText(text);
      await importText('replace', 'restore', `Restoring the config of ${new Date(entry.savedAt).toLocaleString()}`);
    },
    [data, importText, putText],
  );

  const cancelConfirmation = useCallback(() => {
    setConfirmation(null);
    setResult({ tone: 'info', text: 'Nothing was changed.' });
    void runPreview();
  }, [runPreview]);

  return {
    stored,
    history,
    preview,
    confirmation,
    result,
    busy,
    big,
    currentText,
    setResult,
    onEdited,
    onPaste,
    setText,
    importText,
    restore,
    save,
    cancelConfirmation,
  };
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
