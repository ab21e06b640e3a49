// The import page's list of the lines that will not be stored because they carry a secret: each
// by its line number, its section and what it held, in the words stripSecrets chose, which never
// quote the value (the text box is the only place the value is). A line can be selected in the
// text box, as a diagnostic can.
import type { RemovedSecrets } from '../core';
import { plural } from './format';
import { Notice } from './notice';

/** A paste of thousands of keys stays a short page: the count says how many more there are. */
const MAX_LISTED = 200;

interface RemovedLine {
  line: number;
  section: string;
  what: string;
}

/** Every removed line, in text order. */
export function removedLines(removed: readonly RemovedSecrets[]): RemovedLine[] {
  const lines = removed.flatMap((r) => r.lines.map((line, i) => ({ line, section: r.section, what: r.what[i] ?? 'a secret' })));
  return lines.sort((a, b) => a.line - b.line);
}

const sectionLabel = (section: string) => (section === '' ? 'before any section' : `[${section}]`);

export function RemovedSecretsNotice({ removed, onSelectLine }: { removed: readonly RemovedSecrets[]; onSelectLine: (line: number) => void }) {
  const lines = removedLines(removed);
  if (lines.length === 0) return null;
  const hidden = lines.length - MAX_LISTED;
  return (
    <Notice tone="warning" title="Secrets found: they will not be stored">
      <p>
        {plural(lines.length, 'line')} {lines.length === 1 ? 'holds' : 'hold'} access keys or tokens (a credentials file, exported variables, JSON
        with credentials?). Those lines are removed before saving; only the rest of the config is stored.
      </p>
      <ul class="removed-lines" data-testid="removed-secrets" aria-label="Lines that will be removed">
        {lines.slice(0, MAX_LISTED).map((l) => (
          <li key={l.line}>
            <button type="button" class="removed-line" onClick={() => onSelectLine(l.line)}>
              <span class="removed-line-number">Line {l.line}</span> <span class="removed-line-section">{sectionLabel(l.section)}</span>{' '}
              <span>{l.what}</span>
            </button>
          </li>
        ))}
      </ul>
      {hidden > 0 && <p>… and {plural(hidden, 'more line')}.</p>}
    </Notice>
  );
}
