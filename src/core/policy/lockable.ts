// The settings an organisation can lock, in their own module: the settings' write path (which
// the popup bundles) checks them without loading the policy reader and its importer.

/** Settings an organisation can lock (the names of the settings they lock). */
export const LOCKABLE_SETTINGS = ['bannerEnabled', 'titlePrefix', 'autoSubmitSwitchForm'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

/** How people know each lockable setting (the import page's words). */
export const LOCKABLE_SETTING_NAMES: Readonly<Record<LockableSetting, string>> = {
  bannerEnabled: 'the banner on console pages',
  titlePrefix: 'the [PROD] prefix of production tab titles',
  autoSubmitSwitchForm: 'submitting the Switch Role form for you',
};

/** The locked values in a managed area as read: each lockable key whose value is a boolean (parsePolicy's rule). */
export function lockedValues(raw: Readonly<Record<string, unknown>>): Partial<Record<LockableSetting, boolean>> {
  const locked: Partial<Record<LockableSetting, boolean>> = {};
  for (const key of LOCKABLE_SETTINGS) {
    const value = raw[key];
    if (typeof value === 'boolean') locked[key] = value;
  }
  return locked;
}
