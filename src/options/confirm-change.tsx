// Asks before an import (or a restore) removes roles or shows a production role as another
// environment, with what would change. Nothing is saved until the user says yes.
import { plural } from '../ui/format';
import type { PendingConfirmation } from './use-import-page';

function Names({ title, names, total }: { title: string; names: readonly string[]; total: number }) {
  if (total === 0) return null;
  return (
    <details class="change-list" open={total <= 12}>
      <summary>
        {title} ({total.toLocaleString('en')})
      </summary>
      <ul>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
        {total > names.length && <li class="muted">… and {(total - names.length).toLocaleString('en')} more</li>}
      </ul>
    </details>
  );
}

export function ConfirmChange({ pending, onConfirm, onMerge, onCancel }: { pending: PendingConfirmation; onConfirm: () => void; onMerge?: () => void; onCancel: () => void }) {
  const diff = pending.summary.diff!;
  const before = diff.removed + diff.changed + diff.unchanged;
  const wipesAll = pending.summary.roles === 0 && before > 0;
  const heading = wipesAll
    ? `${pending.what} has no usable roles: it would remove all ${plural(before, 'role')} you have.`
    : diff.removed > 0
      ? `${pending.what} would remove ${plural(diff.removed, 'role')} you have.`
      : `${pending.what} would show ${plural(diff.productionLost.length, 'production role')} as another environment.`;
  const confirmLabel = wipesAll ? `Remove all ${plural(before, 'role')}` : diff.removed > 0 ? `Replace and remove ${plural(diff.removed, 'role')}` : 'Replace anyway';
  return (
    <section class="confirm-change" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-counts" data-testid="confirm-change">
      <h3 id="confirm-title">{heading}</h3>
      <p id="confirm-counts" class="confirm-counts">
        {plural(diff.added, 'role')} added · {plural(diff.removed, 'role')} removed · {plural(diff.changed, 'role')} changed · {plural(diff.unchanged, 'role')} unchanged
      </p>
      <Names title="Removed" names={diff.removedProfiles} total={diff.removed} />
      <Names title="No longer production" names={diff.productionLost} total={diff.productionLost.length} />
      {diff.changed > 0 && (
        <details class="change-list" open={diff.changed <= 12}>
          <summary>Changed ({diff.changed.toLocaleString('en')})</summary>
          <ul>
            {diff.changes.map((c) => (
              <li key={c.profile}>
                <strong>{c.profile}</strong>: {c.what.join('; ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      <Names title="Added" names={diff.addedProfiles} total={diff.added} />
      <div class="actions">
        <button type="button" class="button danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        {onMerge && (
          <button type="button" class="button" onClick={onMerge}>
            Add to my config instead
          </button>
        )}
        <button type="button" class="button subtle" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </section>
  );
}
