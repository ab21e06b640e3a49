// storage.sync "settings", read back.
import * as z from '../zod';
import { settingsSchema, type Settings } from '../catalogue/schemas';

/**
 * Settings read back from storage: every field that is valid is kept, every field that is not
 * falls back to its default, and the problem names the fields, so one bad value written by an
 * older version never resets the user's favourites.
 */
export function parseStoredSettings(raw: unknown): { settings: Settings; problem?: string } {
  if (raw === undefined) return { settings: settingsSchema.parse({}) };
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data };
  const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const salvaged: Record<string, unknown> = {};
  const bad: string[] = [];
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!(key in source)) continue;
    const field = (schema as z.ZodMiniType).safeParse(source[key]);
    if (field.success) salvaged[key] = field.data;
    else bad.push(key);
  }
  // A record we cannot fully read never turns the sign-in form's auto-submit on: its default is
  // on, and the damaged value may have been the user's "off".
  if (!('autoSubmitSwitchForm' in salvaged)) salvaged.autoSubmitSwitchForm = false;
  const settings = settingsSchema.parse(salvaged);
  const problem =
    bad.length > 0
      ? `Some settings could not be read (${bad.join(', ')}); their defaults are used.`
      : 'The stored settings could not be read; the defaults are used.';
  return { settings, problem };
}
