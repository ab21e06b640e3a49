// One line on what is stored and where, and any storage problem, at the top of the import page.
import { plural } from '../ui/format';
import { Notice } from '../ui/notice';
import type { StoredView } from './import-page-data';

export function StoredStatus({ stored }: { stored: StoredView | null }) {
  if (!stored) return <p class="stored-status muted">Reading the stored config…</p>;
  const { config } = stored;
  const where = config.source === 'sync' ? 'in sync storage (follows you to your other browsers)' : 'in this browser only';
  return (
    <div class="stored-status-wrap">
      {config.problem && (
        <Notice tone="warning" title="Storage problem">
          {config.problem}
        </Notice>
      )}
      {config.source !== 'none' && (
        <p class="stored-status" data-testid="stored-status">
          Current config: {plural(stored.roles, 'role')}, saved {where}
          {config.savedAt ? `, ${new Date(config.savedAt).toLocaleString()}` : ''}.
        </p>
      )}
      {config.source === 'none' && !config.problem && <p class="stored-status muted">No config imported yet.</p>}
    </div>
  );
}
