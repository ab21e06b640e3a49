// Cleans what an older version stored: a config saved before today's secret rules (which remove
// keys and tokens in any syntax, not only the four INI keys) may still hold an exported variable
// or a JSON token. Run when the extension starts or updates and whenever the stored config
// changes (a config another browser synced in may come from an older version). It rewrites the
// history first, then saves the cleaned current config in its place, only if that is still the
// current one (compare-and-set: a user's import in the meantime wins).
import { importConfig, stripSecrets } from '../core';
import { ConfigChangedError, loadConfig, prepareSave, rewriteHistoryTexts, saveConfig } from '../platform/storage';

const withoutSecrets = (text: string) => stripSecrets(text).text;

/**
 * True when something was cleaned. `history`: 'always' reads every history item (at start-up
 * and updates); 'if-needed' only when the current config held a secret (after a change: a config
 * that arrived by sync went into the history as it came). Never rejects.
 */
export async function scrubStoredSecrets(history: 'always' | 'if-needed' = 'always'): Promise<boolean> {
  try {
    const stored = await loadConfig();
    const current = stored.source === 'none' ? null : stored;
    const cleaned = current ? withoutSecrets(current.text) : null;
    const dirty = !!current && cleaned !== current.text;
    const historyChanged = history === 'always' || dirty ? await rewriteHistoryTexts(withoutSecrets) : 0;
    if (!current || cleaned === null || !dirty) return historyChanged > 0;
    await saveConfig({ ...(await prepareSave(cleaned, importConfig(cleaned), 'restore')), ifCurrent: current.sum, cleansCurrent: true });
    return true;
  } catch (error) {
    if (!(error instanceof ConfigChangedError)) console.warn('Role Switchboard: the stored config could not be checked for secrets.');
    return false;
  }
}
