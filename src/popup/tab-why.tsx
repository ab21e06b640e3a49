// What the banner of the active console tab says and why, on demand, with the report to copy.
import { useState } from 'preact/hooks';

export function TabWhy({ verdict, report, copyText }: { verdict: string; report: string; copyText(text: string): Promise<void> }) {
  const [copied, setCopied] = useState('');
  return (
    <details class="tab-why">
      <summary>This tab: {verdict}</summary>
      <pre>{report}</pre>
      <button type="button" class="button" onClick={() => copyText(report).then(() => setCopied('Copied'), () => setCopied('Copy failed: select the text above'))}>
        {copied || 'Copy report'}
      </button>
    </details>
  );
}
