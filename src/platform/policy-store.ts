// The organisation's policy: storage.managed, read and checked by src/core/policy.
// - No policy is the normal case, and each browser says it its own way: Chrome answers {};
//   Firefox rejects ("Managed storage manifest not found") when neither an enterprise policy
//   nor a native storage manifest names the extension. Both mean: no organisation.
// - Chrome fires storage.onChanged with area 'managed' when its policy changes (it watches its
//   policy files and the cloud; docs/administrators.md says how fast). Firefox reads policy once
//   at startup: a change arrives after a restart, and no event fires.
import { NO_POLICY, parsePolicy, type OrganisationPolicy } from '../core/policy';
import { browser } from './browser';
import { errorText } from './storage/build-info';

const NOT_FOUND = /managed storage manifest not found/i;

export async function readPolicy(): Promise<OrganisationPolicy> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get();
  } catch (error) {
    if (NOT_FOUND.test(errorText(error))) return NO_POLICY;
    return { ...NO_POLICY, problems: [{ key: 'policy', severity: 'warning', message: `Your organisation's policy could not be read (${errorText(error)}).` }] };
  }
  return parsePolicy(raw);
}

/**
 * Calls back with the new policy after each change. Reads answer in order, but a slow check of
 * a large config must not let an older answer overwrite a newer one: only the latest read reports.
 */
export function onPolicyChanged(callback: (policy: OrganisationPolicy) => void): () => void {
  let latest = 0;
  const listener = (_changes: unknown, area: string) => {
    if (area !== 'managed') return;
    const read = ++latest;
    void readPolicy().then((policy) => {
      if (read === latest) callback(policy);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Firefox reads policy only when it starts (the module comment): there, a change shows after a
 * restart. runtime.getBrowserInfo exists only in Firefox.
 */
export function policyChangesNeedRestart(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}
