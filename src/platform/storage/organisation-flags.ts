// What the organisation's policy says about the user's own writes (docs/administrators.md):
// whether they may keep profiles of their own (`allowPersonalConfig`) and which settings it
// locked. Read raw from storage.managed, not through src/core/policy: these sit on the config's
// and the settings' write paths, which the popup bundles, and a few booleans need no importer.
// Chrome answers {} without a policy; Firefox rejects when no policy names the extension: both
// mean "allowed". A value that is not `false` (absent, or of the wrong type) allows too, as
// parsePolicy reads it.
import { LOCKABLE_SETTING_NAMES, lockedValues, type LockableSetting } from '../../core/policy/lockable';
import { browser } from '../browser';

async function managed(keys?: string | string[]): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get(keys)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The settings the organisation locked, to these values. */
export async function lockedSettings(): Promise<Partial<Record<LockableSetting, boolean>>> {
  return lockedValues(await managed());
}

export async function personalConfigAllowed(): Promise<boolean> {
  return (await managed('allowPersonalConfig')).allowPersonalConfig !== false;
}

export class PersonalConfigRefusedError extends Error {
  constructor() {
    super('your organisation allows only its own roles in this browser, so your own config cannot be changed; it stays saved as it is');
    this.name = 'PersonalConfigRefusedError';
  }
}

export class SettingLockedError extends Error {
  constructor(keys: readonly LockableSetting[]) {
    const names = keys.map((key) => LOCKABLE_SETTING_NAMES[key]);
    super(`${names.join(' and ')} ${keys.length === 1 ? 'is' : 'are'} set by your organisation`);
    this.name = 'SettingLockedError';
  }
}
