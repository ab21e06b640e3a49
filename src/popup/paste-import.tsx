// A paste box right in the popup's empty state: import without opening the import page.
// The importer is loaded when the box is used (engine.js and a small chunk): every popup open
// would otherwise pay for loading it.
import { useState } from 'preact/hooks';
import { Notice } from '../ui/notice';

const loadImporter = () => import(/* webpackChunkName: "popup-engine" */ '../ui/import-action');

export function PasteImport() {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'warning' | 'error'; text: string } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setResult({ tone: 'error', text: 'Paste the contents of your ~/.aws/config first.' });
      return;
    }
    setBusy(true);
    try {
      const { importWithoutPreview } = await loadImporter();
      const outcome = await importWithoutPreview(text);
      if (outcome.tone !== 'error') setText('');
      setResult(outcome);
    } catch (error) {
      setResult({ tone: 'error', text: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
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
