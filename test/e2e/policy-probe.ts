// Test-only page script for the policy e2e tests: the real src/platform/policy-store.ts, built
// into the test's copy of the extension (policy-files.ts), so the tests read policy exactly the
// way the extension will. It is never part of dist/.
import { browser } from '../../src/platform/browser';
import { onPolicyChanged, readPolicy } from '../../src/platform/policy-store';
import type { OrganisationPolicy } from '../../src/core/policy';
import { importConfig } from '../../src/core';
import { prepareSave, saveConfig, saveSettings } from '../../src/platform/storage';

const changes: { at: number; policy: OrganisationPolicy }[] = [];
onPolicyChanged((policy) => changes.push({ at: Date.now(), policy }));

Object.assign(globalThis, {
  policyProbe: {
    readPolicy,
    /** Every policy onPolicyChanged reported, with when. */
    changes,
    /** What the browser itself hands over, before our checks. */
    raw: () => browser.storage.managed.get(),
    /** The settings' write path, as the import page uses it: the error's message, or null. */
    saveSettings: (patch: Record<string, unknown>) => saveSettings(patch).then(() => null, (error: Error) => error.message),
    /** The config's write path (the import page's and the popup's): 'saved', or the error's message. */
    importText: async (text: string) => {
      try {
        await saveConfig(await prepareSave(text, importConfig(text), 'import'));
        return 'saved';
      } catch (error) {
        return (error as Error).message;
      }
    },
  },
});
