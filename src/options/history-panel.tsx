// The import history: the last imports in this browser, each with its date and counts, each
// restorable. Undo (on the editor card) restores the one just before the current one.
import type { HistoryEntry } from '../platform/storage';
import { plural } from '../ui/format';

const HOW: Record<HistoryEntry['how'], string> = {
  import: 'Imported',
  merge: 'Added to',
  synced: 'From another browser',
  earlier: 'Earlier config',
};

function counts(entry: HistoryEntry): string {
  if (entry.roles === null) return 'counts not recorded';
  return [plural(entry.roles, 'role'), entry.skipped ? `${plural(entry.skipped, 'skipped profile')}` : ''].filter(Boolean).join(' · ');
}

export function HistoryPanel({ entries, busy, onRestore }: { entries: readonly HistoryEntry[]; busy: boolean; onRestore: (entry: HistoryEntry) => void }) {
  if (entries.length === 0) return null;
  return (
    <section class="card history-card" aria-labelledby="history-title">
      <div class="card-head">
        <h2 id="history-title">Import history</h2>
        <span class="muted small">The last {entries.length === 1 ? 'import' : `${entries.length} imports`}, kept in this browser</span>
      </div>
      <ol class="history-list">
        {entries.map((entry) => (
          <li key={entry.sum} class={entry.current ? 'history-item is-current' : 'history-item'} data-testid="history-item">
            <span class="history-when">
              <strong>{HOW[entry.how]}</strong> {new Date(entry.savedAt).toLocaleString()}
            </span>
            <span class="history-counts">{counts(entry)}</span>
            {entry.current ? (
              <span class="history-current">Current</span>
            ) : (
              <button type="button" class="button subtle" disabled={busy} onClick={() => onRestore(entry)} aria-label={`Restore the config of ${new Date(entry.savedAt).toLocaleString()}`}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
