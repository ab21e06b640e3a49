// The "Your config" card: paste, pick or drop a config, the big-text stand-in, and what can be
// done with it (import, add to, undo, export), with the question when roles would go.
// The pasted text lives only in the textarea (and the worker): nothing here echoes it.
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { EXAMPLE_CONFIG } from '../core';
import { plural } from '../ui/format';
import { kb, tooBigMessage } from '../ui/import-messages';
import { ConfirmChange } from './confirm-change';
import type { ImportPageData } from './import-page-data';
import { ResultLine } from './result-line';
import { MAX_TEXT_BYTES, type useImportPage } from './use-import-page';

export interface ConfigEditorProps {
  data: ImportPageData;
  page: ReturnType<typeof useImportPage>;
  textarea: RefObject<HTMLTextAreaElement>;
  hasStored: boolean;
  canExport: boolean;
  onExport(): void;
}

export function ConfigEditor({ data, page, textarea, hasStored, canExport, onExport }: ConfigEditorProps) {
  const [hasText, setHasText] = useState(false);
  const [dragging, setDragging] = useState(false);
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

  const editCurrent = async () => {
    const text = await data.storedText();
    if (text !== null) setText(text);
  };

  return (
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
          <button type="button" class="button" disabled={page.busy || !canExport} onClick={onExport}>
            Export
          </button>
        </div>
      )}
      <ResultLine result={page.result} />
    </section>
  );
}
