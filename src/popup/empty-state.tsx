// The popup with no roles yet: what to do, the import page, and a paste box.
import { PasteImport } from './paste-import';

export function EmptyState({ onOpenImport }: { onOpenImport(): void }) {
  return (
    <div class="empty-state">
      <h2>No roles yet</h2>
      <p>
        Import your AWS config (<code>~/.aws/config</code>) and every role you can switch to appears here, grouped by app and
        environment. Secrets in it are removed before anything is saved.
      </p>
      <button type="button" class="button primary" onClick={onOpenImport}>
        Open the import page
      </button>
      <PasteImport />
    </div>
  );
}
