// The outcome of the page's last action (import, restore, export, a file read), announced politely.
import { Notice } from '../ui/notice';
import type { PageNotice } from './use-import-page';

export function ResultLine({ result }: { result: PageNotice | null }) {
  if (!result) return null;
  return (
    <div class="result" aria-live="polite">
      <Notice tone={result.tone}>{result.text}</Notice>
    </div>
  );
}
