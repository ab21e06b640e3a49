// The preview: exactly what the popup will show for the text in the box, with what the AWS CLI
// would say about it, the profiles that cannot open a console, the secrets that will not be
// stored, and how it compares with the stored config. Built by the worker; rendered as text.
import { plural } from '../ui/format';
import { Notice } from '../ui/notice';
import { RemovedSecretsNotice } from '../ui/removed-secrets';
import { RoleList } from '../ui/role-list';
import type { PreviewSummary } from './worker/protocol';
import type { PreviewState } from './use-import-page';

function Comparison({ summary }: { summary: PreviewSummary }) {
  const diff = summary.diff;
  if (!diff || summary.merge) return null;
  if (diff.added + diff.removed + diff.changed === 0) return <p class="muted small" data-testid="preview-diff">Same roles as your current config.</p>;
  return (
    <p class={diff.removed > 0 ? 'preview-diff removes' : 'preview-diff'} data-testid="preview-diff">
      Compared with your current config: {plural(diff.added, 'role')} added, {plural(diff.removed, 'role')} removed, {plural(diff.changed, 'role')} changed.
    </p>
  );
}

/** The list shows the line number in its own column: drop the message's own "Line 12: " prefix. */
function withoutLinePrefix(message: string, line: number): string {
  const prefix = `Line ${line}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

function Problems({ summary, onSelectLine }: { summary: PreviewSummary; onSelectLine: (line: number) => void }) {
  const errors = summary.diagnostics.filter((d) => d.severity === 'error');
  return (
    <>
      {summary.errorCount > 0 && errors[0] && (
        <Notice tone="error">
          <p>
            <strong>The AWS CLI would reject this file:</strong> {errors[0].message}{' '}
            {summary.errorCount > 1 ? `(and ${plural(summary.errorCount - 1, 'more error')})` : ''}
          </p>
          <p>Everything valid can still be imported; fix the file too so the CLI keeps working.</p>
        </Notice>
      )}
      {summary.diagnosticCount > 0 && (
        <details class="issues" open={summary.diagnosticCount <= 12}>
          <summary>Problems ({summary.diagnosticCount.toLocaleString('en')}): click one to select its line</summary>
          <ul class="issue-list">
            {summary.diagnostics.map((d, i) => (
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
      {summary.skippedCount > 0 && (
        <details class="issues" open={summary.skippedCount <= 8}>
          <summary>Skipped profiles ({summary.skippedCount.toLocaleString('en')}): they cannot open a console</summary>
          <ul class="issue-list">
            {summary.skipped.map((s, i) => (
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
      {summary.expectedSkipped.map((s) => (
        <p key={s.line} class="muted small expected-skips" data-testid="expected-skip">
          [{s.profile}] (line {s.line}) is not listed, as expected: it has no role of its own, and holds the AWS CLI's defaults.
        </p>
      ))}
    </>
  );
}

export function PreviewPanel({ preview, onSelectLine }: { preview: PreviewState; onSelectLine: (line: number) => void }) {
  if (preview.status === 'failed') return <Notice tone="error" title="The preview failed">{preview.message}</Notice>;
  if (preview.status === 'working') return <p class="muted preview-empty">Reading the config…</p>;
  if (preview.status === 'empty') return <p class="muted preview-empty">Paste or drop a config: the roles appear here as the popup will show them.</p>;
  const { summary, rows } = preview.result;
  return (
    <div class="preview">
      <p class="summary" data-testid="preview-summary">
        <strong>{plural(summary.roles, 'role')}</strong> in {plural(summary.apps, 'app')}
        {summary.production > 0 && <> · {summary.production.toLocaleString('en')} production</>} · {plural(summary.skippedCount, 'skipped profile')} ·{' '}
        {plural(summary.errorCount, 'error')}, {plural(summary.warningCount, 'warning')}
      </p>
      <Comparison summary={summary} />
      <RemovedSecretsNotice removed={summary.removedSecrets} onSelectLine={onSelectLine} />
      <Problems summary={summary} onSelectLine={onSelectLine} />
      {summary.roles > 0 ? (
        <div class="preview-list">
          {rows.length < summary.rowCount && (
            <p class="muted small" data-testid="preview-cut">
              The preview lists the first {rows.length.toLocaleString('en')} rows; the popup lists all {plural(summary.roles, 'role')}.
            </p>
          )}
          <RoleList rows={rows} label="Preview of the roles" idPrefix="preview" interactive={false} />
        </div>
      ) : (
        <p class="muted">No profile in this text can open a console yet.</p>
      )}
    </div>
  );
}
