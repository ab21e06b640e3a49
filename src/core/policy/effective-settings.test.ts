import { DEFAULT_SETTINGS, type Settings } from '../catalogue/schemas';
import { effectiveSettings, unlockedChanges } from './effective-settings';
import { NO_POLICY, parsePolicy } from './policy-values';

const mine: Settings = { ...DEFAULT_SETTINGS, bannerEnabled: false, titlePrefix: false, autoSubmitSwitchForm: true, favourites: ['shop-dev'] };

test('without a policy the stored settings are the settings, and nothing is locked', () => {
  expect(effectiveSettings(mine, NO_POLICY)).toEqual({ settings: mine, locked: [] });
});

test('locked values override the stored ones, the rest stay the user\'s, and the stored record is not touched', () => {
  const stored = structuredClone(mine);
  const { settings, locked } = effectiveSettings(stored, parsePolicy({ bannerEnabled: true, autoSubmitSwitchForm: false }));
  expect(settings).toEqual({ ...mine, bannerEnabled: true, autoSubmitSwitchForm: false });
  expect(locked).toEqual(['bannerEnabled', 'autoSubmitSwitchForm']);
  expect(stored).toEqual(mine);
});

test('a lock to the value the user has is still a lock (the control is not editable)', () => {
  expect(effectiveSettings(mine, parsePolicy({ titlePrefix: false })).locked).toEqual(['titlePrefix']);
});

test('a value of the wrong type locks nothing', () => {
  expect(effectiveSettings(mine, parsePolicy({ bannerEnabled: 'on' }))).toEqual({ settings: mine, locked: [] });
});

test("a change to a locked setting is not saved, so the user's own choice is there when the lock goes", () => {
  expect(unlockedChanges({ bannerEnabled: true, bannerPosition: 'bottom' }, ['bannerEnabled'])).toEqual({ bannerPosition: 'bottom' });
  expect(unlockedChanges({ titlePrefix: true }, [])).toEqual({ titlePrefix: true });
});
