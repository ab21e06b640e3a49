// The import page (the extension's options page): paste, pick or drop ~/.aws/config, see a
// live preview that is exactly what the popup will show, import, undo, export, settings.
//
// The pasted text is never echoed into any other element: the preview is built from the
// imported catalogue (which holds no secrets), and messages only quote profile names.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, EXAMPLE_CONFIG, type Catalogue, type Settings } from '../core';
import { loadCatalogue, loadConfig, loadPrevious, onStorageChanged, readSettings, saveSettings, type LoadedCatalogue, type StoredConfig } from '../platform/storage';
import { plural } from '../ui/format';
import { buildCatalogue, importMessage, importText, kb, undoLastImport } from '../ui/import-action';
import { Notice, type NoticeTone } from '../ui/notice';
import { RemovedSecretsNotice } from '../ui/removed-secrets';
import { RoleList } from '../ui/role-list';
import { buildRows, orderEntries } from '../ui/rows';
import { lineRange } from '../ui/text-lines';
import { SettingsPanel } from './settings-panel';

const PREVIEW_DELAY_MS = 200;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface Stored {
  config: StoredConfig;
  loaded: LoadedCatalogue;
  hasPrevious: boolean;
}

export function OptionsApp() {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [hasText, setHasText] = useState(false);
  const [preview, setPreview] = useState<Catalogue | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [stored, setStored] = useState<Stored | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [settingsProblem, setSettingsProblem] = useState<string | undefined>();
  const [result, setResult] = useState<{ tone: NoticeTone; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refreshStored = useCallback(async () => {
    const [config, loaded, previous] = await Promise.all([loadConfig(), loadCatalogue({ build: buildCatalogue, verify: true }), loadPrevious()]);
    setStored({ config, loaded, hasPrevious: previous !== null });
  }, []);

  useEffect(() => {
    void refreshStored();
    void readSettings().then((s) => {
      setSettings(s.settings);
      setSettingsProblem(s.problem);
    });
    let reload: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = onStorageChanged((change) => {
      if (change.settings) void readSettings().then((s) => setSettings(s.settings));
      if (change.config || change.catalogue) {
        clearTimeout(reload);
        reload = setTimeout(() => void refreshStored(), 60);
      }
    });
    return () => {
      clearTimeout(reload);
      unsubscribe();
    };
  }, [refreshStored]);

  const runPreview = useCallback(() => {
    const text = textarea.current?.value ?? '';
    setHasText(text.trim().length > 0);
    if (!text.trim()) {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    try {
      setPreview(buildCatalogue(text));
      setPreviewError(null);
    } catch (error) {
      setPreview(null);
      setPreviewError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  const schedulePreview = useCallback(() => {
    clearTimeout(timer.current);
    // A huge config takes a while to import: wait longer between previews while typing in it.
    const size = textarea.current?.value.length ?? 0;
    timer.current = setTimeout(runPreview, PREVIEW_DELAY_MS + Math.min(800, size / 2000));
  }, [runPreview]);

  const setText = (text: string) => {
    if (!textarea.current) return;
    textarea.current.value = text;
    clearTimeout(timer.current);
    runPreview();
  };

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setResult({ tone: 'error', text: `${file.name} is ${kb(file.size)}: that is not an AWS config (the limit is 5 MB).` });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The parser reports a BOM and invalid UTF-8 exactly as the CLI would: keep them visible.
    setText(new TextDecoder('utf-8').decode(bytes));
    setResult({ tone: 'info', text: `Loaded ${file.name}. Check the preview, then press Import.` });
  };

  const selectLine = (line: number) => {
    const el = textarea.current;
    if (!el) return;
    const [start, end] = lineRange(el.value, line);
    el.focus();
    el.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, (line - 1) * lineHeight - el.clientHeight / 3);
  };

  const doImport = async () => {
    const text = textarea.current?.value ?? '';
    if (!text.trim()) {
      setResult({ tone: 'error', text: 'The AWS config box is empty: paste your ~/.aws/config, choose the file or drop it here.' });
      return;
    }
    setBusy(true);
    try {
      const outcome = await importText(text);
      // What stays on the page is what was stored: secrets leave the text box too.
      setText(outcome.storedText);
      setResult(importMessage(outcome));
      await refreshStored();
    } catch (error) {
      setResult({ tone: 'error', text: `Nothing was changed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const doUndo = async () => {
    setBusy(true);
    try {
      const save = await undoLastImport();
      if (!save) setResult({ tone: 'error', text: 'There is no earlier config to restore.' });
      else {
        await refreshStored();
        setResult({ tone: save.problem ? 'warning' : 'success', text: ['Restored the config from before the last import.', save.problem].filter(Boolean).join(' ') });
      }
    } catch (error) {
      setResult({ tone: 'error', text: `Undo failed; nothing was changed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const doExport = async () => {
    const config = await loadConfig();
    if (config.source === 'none') {
      setResult({ tone: 'error', text: 'There is no stored config to export yet.' });
      return;
    }
    const url = URL.createObjectURL(new Blob([config.text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'aws-config';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setResult({ tone: 'success', text: 'Exported the stored config (secrets were never stored, so none are in it).' });
  };

  const updateSettings = async (patch: Partial<Settings>) => {
    setSettings(await saveSettings(patch));
    setSettingsProblem(undefined);
  };

  return (
    <main class="options-main">
      <header class="page-header">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true" />
          Role Switchboard
        </h1>
        <p class="lede">Import your AWS config. The popup lists every role you can switch to, grouped by app and environment.</p>
      </header>

      <StoredStatus stored={stored} />

      <div class="options-grid">
        <section class="card editor-card" aria-labelledby="editor-title">
          <div class="card-head">
            <h2 id="editor-title">Your config</h2>
            <div class="toolbar">
              <label class="button file-button">
                Choose file…
                <input
                  type="file"
                  class="visually-hidden"
                  onChange={(e) => {
                    const file = (e.currentTarget as HTMLInputElement).files?.[0];
                    if (file) void readFile(file);
                    (e.currentTarget as HTMLInputElement).value = '';
                  }}
                />
              </label>
              {!hasText && (
                <button type="button" class="button subtle" onClick={() => setText(EXAMPLE_CONFIG)}>
                  Paste an example
                </button>
              )}
              {stored && stored.config.source !== 'none' && (
                <button type="button" class="button subtle" onClick={() => setText(stored.config.text)}>
                  Edit the current config
                </button>
              )}
            </div>
          </div>
          <div
            class={`drop-zone${dragging ? ' dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              const file = e.dataTransfer?.files?.[0];
              if (file) void readFile(file);
            }}
          >
            <label for="config-text" class="field-label">
              AWS config
            </label>
            <textarea
              id="config-text"
              ref={textarea}
              class="config-text"
              wrap="off"
              spellcheck={false}
              autoComplete="off"
              autoCapitalize="off"
              aria-describedby="config-help"
              placeholder={'Paste ~/.aws/config here, or drop the file.\n\n[profile my-app-prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default'}
              onInput={schedulePreview}
            />
            {dragging && (
              <div class="drop-overlay" aria-hidden="true">
                Drop your config file to load it
              </div>
            )}
          </div>
          <p id="config-help" class="help">
            Read exactly as the AWS CLI reads it. Keys and tokens (<code>aws_secret_access_key</code> and friends) are removed before
            anything is saved.
          </p>
          <div class="actions">
            <button type="button" class="button primary" disabled={busy} onClick={() => void doImport()}>
              Import
            </button>
            <button type="button" class="button" disabled={busy || !stored?.hasPrevious} onClick={() => void doUndo()}>
              Undo import
            </button>
            <button type="button" class="button" disabled={busy || !stored || stored.config.source === 'none'} onClick={() => void doExport()}>
              Export
            </button>
          </div>
          {result && (
            <div class="result" aria-live="polite">
              <Notice tone={result.tone}>{result.text}</Notice>
            </div>
          )}
        </section>

        <section class="card preview-card" aria-labelledby="preview-title">
          <div class="card-head">
            <h2 id="preview-title">Preview</h2>
          </div>
          <Preview catalogue={preview} error={previewError} hasText={hasText} onSelectLine={selectLine} />
        </section>
      </div>

      <SettingsPanel settings={settings} problem={settingsProblem} onChange={(patch) => void updateSettings(patch)} />
    </main>
  );
}

function StoredStatus({ stored }: { stored: Stored | null }) {
  if (!stored) return <p class="stored-status muted">Reading the stored config…</p>;
  const { config, loaded } = stored;
  const where = config.source === 'sync' ? 'in sync storage (follows you to your other browsers)' : 'in this browser only';
  return (
    <div class="stored-status-wrap">
      {loaded.problem && (
        <Notice tone="warning" title="Storage problem">
          {loaded.problem}
        </Notice>
      )}
      {config.source !== 'none' && (
        <p class="stored-status" data-testid="stored-status">
          Current config: {plural(loaded.catalogue.entries.length, 'role')}, saved {where}
          {config.savedAt ? `, ${new Date(config.savedAt).toLocaleString()}` : ''}.
        </p>
      )}
      {config.source === 'none' && !loaded.problem && <p class="stored-status muted">No config imported yet.</p>}
    </div>
  );
}

function Preview({ catalogue, error, hasText, onSelectLine }: { catalogue: Catalogue | null; error: string | null; hasText: boolean; onSelectLine: (line: number) => void }) {
  const ordered = useMemo(() => (catalogue ? orderEntries(catalogue.entries) : []), [catalogue]);
  const rows = useMemo(() => buildRows(ordered), [ordered]);
  if (error) return <Notice tone="error" title="The preview failed">{error}</Notice>;
  if (!hasText || !catalogue) {
    return <p class="muted preview-empty">Paste or drop a config: the roles appear here as the popup will show them.</p>;
  }
  const errors = catalogue.diagnostics.filter((d) => d.severity === 'error');
  const warnings = catalogue.diagnostics.filter((d) => d.severity === 'warning');
  const apps = new Set(catalogue.entries.map((e) => e.app.toLowerCase())).size;
  const prod = catalogue.entries.filter((e) => e.isProduction).length;
  return (
    <div class="preview">
      <p class="summary" data-testid="preview-summary">
        <strong>{plural(catalogue.entries.length, 'role')}</strong> in {plural(apps, 'app')}
        {prod > 0 && <> · {prod.toLocaleString('en')} production</>} · {plural(catalogue.skipped.length, 'skipped profile')} · {plural(errors.length, 'error')},{' '}
        {plural(warnings.length, 'warning')}
      </p>
      <RemovedSecretsNotice removed={catalogue.removedSecrets} onSelectLine={onSelectLine} />
      {errors.length > 0 && (
        <Notice tone="error">
          <p>
            <strong>The AWS CLI would reject this file:</strong> {errors[0]!.message} {errors.length > 1 ? `(and ${plural(errors.length - 1, 'more error')})` : ''}
          </p>
          <p>Everything valid can still be imported; fix the file too so the CLI keeps working.</p>
        </Notice>
      )}
      {catalogue.diagnostics.length > 0 && (
        <details class="issues" open={catalogue.diagnostics.length <= 12}>
          <summary>
            Problems ({catalogue.diagnostics.length.toLocaleString('en')}): click one to select its line
          </summary>
          <ul class="issue-list">
            {catalogue.diagnostics.slice(0, 500).map((d, i) => (
              <li key={i}>
                <button type="button" class={`issue issue-${d.severity}`} onClick={() => onSelectLine(d.line)}>
                  <span class="issue-line">Line {d.line}</span>
                  <span class="issue-severity">{d.severity}</span>
                  <span class="issue-message">{withoutLinePrefix(d.message, d.line)}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {catalogue.skipped.length > 0 && (
        <details class="issues" open={catalogue.skipped.length <= 8}>
          <summary>Skipped profiles ({catalogue.skipped.length.toLocaleString('en')}): they cannot open a console</summary>
          <ul class="issue-list">
            {catalogue.skipped.slice(0, 500).map((s, i) => (
              <li key={i}>
                <button type="button" class="issue issue-skipped" onClick={() => onSelectLine(s.line)}>
                  <span class="issue-line">Line {s.line}</span>
                  <span class="issue-profile">{s.profile}</span>
                  <span class="issue-message">{s.reason}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {catalogue.entries.length > 0 ? (
        <div class="preview-list">
          <RoleList rows={rows} label="Preview of the roles" idPrefix="preview" interactive={false} />
        </div>
      ) : (
        <p class="muted">No profile in this text can open a console yet.</p>
      )}
    </div>
  );
}

/** The list shows the line number in its own column: drop the message's own "Line 12: " prefix. */
function withoutLinePrefix(message: string, line: number): string {
  const prefix = `Line ${line}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
