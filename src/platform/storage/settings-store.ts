// storage.sync "settings": banner, title prefix, sign-in form, pinned roles. Every change is a
// read-modify-write under the settings lock, so changes made at once (two pages, or two clicks
// before the first write lands) all apply.
import { parseStoredSettings, settingsSchema, type CatalogueEntry, type Settings } from '../../core';
import { RECORD_KEYS } from '../../core/storage/storage-keys';
import { browser } from '../browser';
import { errorText } from './build-info';
import { addToHead } from './catalogue-head';
import { lockedSettings, SettingLockedError } from './organisation-flags';
import { LOCKABLE_SETTINGS } from '../../core/policy/lockable';
import { withWriteLock } from './write-lock';

const KEY = RECORD_KEYS.settings;

/**
 * Settings that could not be read: the defaults, except that the switch form is never submitted
 * for the user (that default is on, and a damaged record must not turn it back on for someone
 * who turned it off).
 */
export function settingsAfterReadError(error: unknown): { settings: Settings; problem: string } {
  return {
    settings: settingsSchema.parse({ autoSubmitSwitchForm: false }),
    problem: `Settings cannot be read (${errorText(error)}); the defaults are used, and the switch form is not submitted for you.`,
  };
}

export async function readSettings(): Promise<{ settings: Settings; problem?: string }> {
  try {
    const items = await browser.storage.sync.get(KEY);
    return parseStoredSettings(items[KEY]);
  } catch (error) {
    return settingsAfterReadError(error);
  }
}

export async function loadSettings(): Promise<Settings> {
  return (await readSettings()).settings;
}

/** A sync write that failed, in words: a quota error is never shown raw. */
function settingsWriteProblem(error: unknown): Error {
  const text = errorText(error);
  return new Error(/quota/i.test(text) ? 'sync storage is full, so the settings could not be saved' : `the settings could not be saved (${text})`);
}

async function writeSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  return withWriteLock('settings', async () => {
    const { settings } = await readSettings();
    const next = settingsSchema.parse({ ...settings, ...change(settings) });
    try {
      await browser.storage.sync.set({ [KEY]: next });
    } catch (error) {
      throw settingsWriteProblem(error);
    }
    return next;
  });
}

/**
 * Saves a change the user made. A setting the organisation locked is refused (the page shows it
 * locked; this is the same rule where the write happens): its value in force is the policy's.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const locked = await lockedSettings();
  const refused = LOCKABLE_SETTINGS.filter((key) => key in patch && key in locked);
  if (refused.length > 0) throw new SettingLockedError(refused);
  return writeSettings(() => patch);
}

/** Pins or unpins a role; `entry` goes into the popup's first screen so the next open shows it at once. */
export async function toggleFavourite(profile: string, entry?: CatalogueEntry): Promise<Settings> {
  const next = await writeSettings(({ favourites }) => ({
    favourites: favourites.includes(profile) ? favourites.filter((p) => p !== profile) : [...favourites, profile],
  }));
  await addToHead(entry).catch(() => {});
  return next;
}

/** Folds or unfolds an app group of the popup (lower-cased app); the fold is kept for the next open. */
export function toggleCollapsedApp(app: string): Promise<Settings> {
  return writeSettings(({ collapsedApps }) => ({
    collapsedApps: collapsedApps.includes(app) ? collapsedApps.filter((a) => a !== app) : [...collapsedApps, app],
  }));
}
