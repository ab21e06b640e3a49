// The import page (the extension's options page): paste, pick or drop ~/.aws/config, see a live
// preview that is exactly what the popup will show, replace or add to the stored config (asked
// first when roles would go), restore an earlier import, export, settings.
//
// The pasted text is never echoed into any other element: the preview is built from the
// catalogue (which holds no secrets), and messages only quote profile names.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, EXAMPLE_CONFIG, type LockableSetting, type Settings } from '../core';
import { plural } from '../ui/format';
import { kb, tooBigMessage } from '../ui/import-messages';
import { Notice } from '../ui/notice';
import { lineRange } from '../ui/text-lines';
import { ConfirmChange } from './confirm-change';
import { HistoryPanel } from './history-panel';
import { KeysHelp } from './keys-help';
import type { ImportPageData, OrganisationPageView } from './import-page-data';
import { OrganisationPanel } from './organisation-panel';
import { PreviewPanel } from './preview-panel';
import { SettingsPanel } from './settings-panel';
import { StoredStatus } from './stored-status';
import { MAX_TEXT_BYTES, useImportPage } from './use-import-page';

function useSettings(data: ImportPageData) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [locked, setLocked] = useState<LockableSetting[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    const read = () =>
      void data.readSettings().then((s) => {
        setSettings(s.settings);
        setLocked(s.locked);
        setProblem(s.problem);
      });
    read();
    const stopStorage = data.onChange((change) => change.settings && read());
    const stopPolicy = data.onPolicyChange(read);
    return () => {
      stopStorage();
      stopPolicy();
    };
  }, [data]);
  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await data.saveSettings(patch));
      setProblem(undefined);
    } catch (error) {
      setProblem(`Not saved: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };
  return { settings, locked, problem, update };
}

/** What the organisation's policy sets: read at once, again when the policy or the user's config changes. */
function useOrganisation(data: ImportPageData) {
  const [view, setView] = useState<OrganisationPageView | null>(null);
  useEffect(() => {
    const read = () => void data.organisation().then(setView, () => setView(null));
    read();
    const stopStorage = data.onChange((change) => change.config && read());
    const stopPolicy = data.onPolicyChange(read);
    return () => {
      stopStorage();
      stopPolicy();
    };
  }, [data]);
  return view;
}

export function OptionsApp({ data }: { data: ImportPageData }) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const textBox = useCallback(() => textarea.current, []);
  const page = useImportPage(data, textBox);
  const settings = useSettings(data);
  const organisation = useOrganisation(data);
  // The organisation allows only its own roles: no import of the user's own (the write path refuses too).
  const importAllowed = organisation?.personalAllowed ?? true;
  const [hasText, setHasText] = useState(false);
  const [dragging, setDragging] = useState(false);
  const hasStored = !!page.stored && page.stored.config.source !== 'none';
  const before = page.history.findIndex((h) => h.current);
  const undoTarget = before === -1 ? undefined : page.history[before + 1];

  const setText = (text: string) => {
    setHasText(text.trim().length > 0);
    page.setText(text);
  };

  const readFile = async (file: File) => {
    if (file.size > MAX_TEXT_BYTES) {
      page.setResult({ tone: 'error', text: tooBigMessage(file.name, file.size) });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The parser reports a BOM and invalid UTF-8 exactly as the CLI would: keep them visible.
    setText(new TextDecoder('utf-8').decode(bytes));
    page.setResult({ tone: 'info', text: `Loaded ${file.name}. Check the preview, then import it.` });
  };

  const selectLine = (line: number) => {
    const el = textarea.current;
    if (!el || page.big) return;
    const [start, end] = lineRange(el.value, line);
    el.focus();
    el.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, (line - 1) * lineHeight - el.clientHeight / 3);
  };

  const exportConfig = async () => {
    const exported = await data.exportText();
    if (exported === null) {
      page.setResult({ tone: 'error', text: 'There is no stored config to export yet.' });
      return;
    }
    const { text, organisationProfiles } = exported;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'aws-config';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    const fromOrganisation =
      organisationProfiles > 0 ? ` Your organisation's ${plural(organisationProfiles, 'profile')} ${organisationProfiles === 1 ? 'is' : 'are'} at the end, commented out under "From your organisation's browser policy".` : '';
    page.setResult({ tone: 'success', text: `Exported the stored config (secrets were never stored, so none are in it).${fromOrganisation}` });
  };

  const editCurrent = async () => {
    const text = await data.storedText();
    if (text !== null) setText(text);
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

      <StoredStatus stored={page.stored} />
      <OrganisationPanel view={organisation} />

      {!importAllowed && (
        <section class="card editor-card" aria-labelledby="editor-title" data-testid="import-off">
          <div class="card-head">
            <h2 id="editor-title">Your config</h2>
          </div>
          <Notice tone="info" title="Importing is turned off by your organisation">
            Your organisation shows only its own roles in this browser. {hasStored ? 'The config you imported before stays saved, as it is.' : ''}
          </Notice>
          <div class="actions">
            <button type="button" class="button" disabled={page.busy} onClick={() => void exportConfig()}>
              Export
            </button>
          </div>
          {page.result && (
            <div class="result" aria-live="polite">
              <Notice tone={page.result.tone}>{page.result.text}</Notice>
            </div>
          )}
        </section>
      )}

      {importAllowed && (
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
              {hasStored && (
                <button type="button" class="button subtle" onClick={() => void editCurrent()}>
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
              placeholder={page.big ? '' : 'Paste ~/.aws/config here, or drop the file.\n\n[profile my-app-prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default'}
              onInput={() => {
                page.onEdited();
                setHasText(page.currentText().trim().length > 0);
              }}
              onPaste={(e) => page.onPaste(e as unknown as ClipboardEvent)}
            />
            {page.big && (
              <div class="big-text" data-testid="big-text">
                <p>
                  {page.preview.status === 'ready' ? (
                    <>
                      <strong>{kb(page.preview.result.summary.bytes)}</strong>, {plural(page.preview.result.summary.lines, 'line')}:
                    </>
                  ) : (
                    'This text is'
                  )}{' '}
                  too long to show here. The preview reads all of it; paste or type here to start over.
                </p>
                <button type="button" class="button subtle" onClick={() => setText('')}>
                  Clear
                </button>
              </div>
            )}
            {dragging && (
              <div class="drop-overlay" aria-hidden="true">
                Drop your config file to load it
              </div>
            )}
          </div>
          <p id="config-help" class="help">
            Read exactly as the AWS CLI reads it. Keys and tokens (<code>aws_secret_access_key</code> and friends) are removed before anything is saved.
          </p>
          {page.confirmation ? (
            <ConfirmChange
              pending={page.confirmation}
              onConfirm={() => void page.save(page.confirmation!.how, page.confirmation!.summary)}
              onMerge={page.confirmation.mode === 'replace' && page.confirmation.how === 'import' ? () => void page.importText('merge') : undefined}
              onCancel={page.cancelConfirmation}
            />
          ) : (
            <div class="actions">
              <button type="button" class="button primary" disabled={page.busy} onClick={() => void page.importText('replace')} data-testid="import-replace">
                {hasStored ? 'Replace my config' : 'Import'}
              </button>
              {hasStored && (
                <button type="button" class="button" disabled={page.busy} onClick={() => void page.importText('merge')} data-testid="import-merge">
                  Add to my config
                </button>
              )}
              <button type="button" class="button" disabled={page.busy || !undoTarget} onClick={() => undoTarget && void page.restore(undoTarget)}>
                Undo import
              </button>
              <button type="button" class="button" disabled={page.busy || (!hasStored && !organisation?.profiles)} onClick={() => void exportConfig()}>
                Export
              </button>
            </div>
          )}
          {page.result && (
            <div class="result" aria-live="polite">
              <Notice tone={page.result.tone}>{page.result.text}</Notice>
            </div>
          )}
        </section>

        <section class="card preview-card" aria-labelledby="preview-title">
          <div class="card-head">
            <h2 id="preview-title">Preview</h2>
          </div>
          <PreviewPanel preview={page.preview} onSelectLine={selectLine} />
        </section>
      </div>
      )}

      {importAllowed && <KeysHelp copyText={data.copyText} />}
      {importAllowed && <HistoryPanel entries={page.history} busy={page.busy} onRestore={(entry) => void page.restore(entry)} />}
      <SettingsPanel settings={settings.settings} locked={settings.locked} problem={settings.problem} onChange={(patch) => void settings.update(patch)} />
    </main>
  );
}
