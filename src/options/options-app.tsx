// The import page (the extension's options page): paste, pick or drop ~/.aws/config, see a live
// preview that is exactly what the popup will show, replace or add to the stored config (asked
// first when roles would go), restore an earlier import, export, settings.
//
// The pasted text is never echoed into any other element: the preview is built from the
// catalogue (which holds no secrets), and messages only quote profile names.
import { useCallback, useRef } from 'preact/hooks';
import { lineRange } from '../ui/text-lines';
import { ConfigEditor } from './config-editor';
import { exportConfig } from './export-config';
import { HistoryPanel } from './history-panel';
import type { ImportPageData } from './import-page-data';
import { ImportOffCard } from './import-off-card';
import { KeysHelp } from './keys-help';
import { OrganisationPanel } from './organisation-panel';
import { PreviewPanel } from './preview-panel';
import { SettingsPanel } from './settings-panel';
import { StoredStatus } from './stored-status';
import { useImportPage } from './use-import-page';
import { useOrganisation, useSettings } from './use-page-settings';

/** Selects line `line` of the config box and scrolls it into view (a preview problem's "line n"). */
function selectLine(el: HTMLTextAreaElement, line: number): void {
  const [start, end] = lineRange(el.value, line);
  el.focus();
  el.setSelectionRange(start, end);
  const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 18;
  el.scrollTop = Math.max(0, (line - 1) * lineHeight - el.clientHeight / 3);
}

export function OptionsApp({ data }: { data: ImportPageData }) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const textBox = useCallback(() => textarea.current, []);
  const page = useImportPage(data, textBox);
  const settings = useSettings(data);
  const { view: organisation, loaded: organisationLoaded } = useOrganisation(data);
  // Until the first reads are in, panels still appear above the settings and move them down:
  // aria-busy tells assistive technology (and the e2e tests, before they click) to wait.
  const busyLoading = !page.stored || !settings.loaded || !organisationLoaded;
  // The organisation allows only its own roles: no import of the user's own (the write path refuses too).
  const importAllowed = organisation?.personalAllowed ?? true;
  const hasStored = !!page.stored && page.stored.config.source !== 'none';
  const onExport = () => void exportConfig(data, page.setResult);
  const onSelectLine = (line: number) => {
    if (textarea.current && !page.big) selectLine(textarea.current, line);
  };

  return (
    <main class="options-main" aria-busy={busyLoading ? 'true' : 'false'}>
      <header class="page-header">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true" />
          Role Switchboard
        </h1>
        <p class="lede">Import your AWS config. The popup lists every role you can switch to, grouped by app and environment.</p>
      </header>

      <StoredStatus stored={page.stored} />
      <OrganisationPanel view={organisation} />

      {!importAllowed && <ImportOffCard hasStored={hasStored} busy={page.busy} result={page.result} onExport={onExport} />}

      {importAllowed && (
        <div class="options-grid">
          <ConfigEditor data={data} page={page} textarea={textarea} hasStored={hasStored} canExport={hasStored || !!organisation?.profiles} onExport={onExport} />
          <section class="card preview-card" aria-labelledby="preview-title">
            <div class="card-head">
              <h2 id="preview-title">Preview</h2>
            </div>
            <PreviewPanel preview={page.preview} onSelectLine={onSelectLine} />
          </section>
        </div>
      )}

      {importAllowed && <KeysHelp copyText={data.copyText} />}
      {importAllowed && <HistoryPanel entries={page.history} busy={page.busy} onRestore={(entry) => void page.restore(entry)} />}
      <SettingsPanel settings={settings.settings} locked={settings.locked} problem={settings.problem} onChange={(patch) => void settings.update(patch)} />
    </main>
  );
}
