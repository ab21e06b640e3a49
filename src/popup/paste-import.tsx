// A paste box right in the popup's empty state: import without opening the import page. The
// background imports the text (PopupData.pasteImport, paste-request.ts).
import { useState } from 'preact/hooks';
import type { PasteImportReply } from '../core';
import { Notice } from '../ui/notice';

export function PasteImport({ onImport }: { onImport(text: string): Promise<PasteImportReply> }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PasteImportReply | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setResult({ tone: 'error', text: 'Paste the contents of your ~/.aws/config first.' });
      return;
    }
    setBusy(true);
    const outcome = await onImport(text);
    if (outcome.tone !== 'error') setText('');
    setResult(outcome);
    setBusy(false);
  };

  return (
    <form class="paste-import" onSubmit={(e) => void submit(e)}>
      <label for="paste-config">Or paste your config here</label>
      <textarea
        id="paste-config"
        rows={5}
        spellcheck={false}
        autoComplete="off"
        placeholder={'[profile my-app-prod]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default'}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <button type="submit" class="button" disabled={busy}>
        {busy ? 'Importing…' : 'Import pasted config'}
      </button>
      {result && <Notice tone={result.tone}>{result.text}</Notice>}
    </form>
  );
}
