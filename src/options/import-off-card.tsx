// In place of the editor when the organisation allows only its own roles (allowPersonalConfig
// false): what that means, and Export, which stays.
import { Notice } from '../ui/notice';
import { ResultLine } from './result-line';
import type { PageNotice } from './use-import-page';

export function ImportOffCard({ hasStored, busy, result, onExport }: { hasStored: boolean; busy: boolean; result: PageNotice | null; onExport(): void }) {
  return (
    <section class="card editor-card" aria-labelledby="editor-title" data-testid="import-off">
      <div class="card-head">
        <h2 id="editor-title">Your config</h2>
      </div>
      <Notice tone="info" title="Importing is turned off by your organisation">
        Your organisation shows only its own roles in this browser. {hasStored ? 'The config you imported before stays saved, as it is.' : ''}
      </Notice>
      <div class="actions">
        <button type="button" class="button" disabled={busy} onClick={onExport}>
          Export
        </button>
      </div>
      <ResultLine result={result} />
    </section>
  );
}
