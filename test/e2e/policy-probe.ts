// Test-only page script for the policy e2e tests: the real src/platform/policy-store.ts, built
// into the test's copy of the extension (policy-files.ts), so the tests read policy exactly the
// way the extension will. It is never part of dist/.
import { browser } from '../../src/platform/browser';
import { onPolicyChanged, readPolicy } from '../../src/platform/policy-store';
import type { OrganisationPolicy } from '../../src/core/policy';

const changes: { at: number; policy: OrganisationPolicy }[] = [];
onPolicyChanged((policy) => changes.push({ at: Date.now(), policy }));

Object.assign(globalThis, {
  policyProbe: {
    readPolicy,
    /** Every policy onPolicyChanged reported, with when. */
    changes,
    /** What the browser itself hands over, before our checks. */
    raw: () => browser.storage.managed.get(),
  },
});
