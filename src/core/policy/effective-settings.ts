// The settings in force: the user's stored settings, except those the organisation locked.
// The stored values are never overwritten, so the user's own choice returns when the lock goes.
import type { Settings } from '../catalogue/schemas';
import { LOCKABLE_SETTINGS, type LockableSetting, type OrganisationPolicy } from './policy-values';

export interface EffectiveSettings {
  settings: Settings;
  /** The settings the organisation set, in LOCKABLE_SETTINGS order: shown as set by it, not editable. */
  locked: LockableSetting[];
}

/** What a locked setting says beside its control. */
export const LOCKED_BY_ORGANISATION = 'Set by your organisation';

export function effectiveSettings(stored: Settings, policy: Pick<OrganisationPolicy, 'locked'>): EffectiveSettings {
  const settings: Settings = { ...stored };
  const locked: LockableSetting[] = [];
  for (const key of LOCKABLE_SETTINGS) {
    const value = policy.locked[key];
    if (value === undefined) continue;
    settings[key] = value;
    locked.push(key);
  }
  return { settings, locked };
}

/** A change the user asked for, without the settings the organisation locked (they would not apply). */
export function unlockedChanges(patch: Partial<Settings>, locked: readonly LockableSetting[]): Partial<Settings> {
  const out: Partial<Settings> = { ...patch };
  for (const key of locked) delete out[key];
  return out;
}
