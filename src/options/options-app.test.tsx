/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
// The import page's components rendered with fake data (the ImportPageData interface): what it
// shows for each state of storage and policy, and what it asks the data to do. The real data
// (storage, the import worker) is tested end to end (test/e2e/import-*.test.ts).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { DEFAULT_SETTINGS, LOCKED_BY_ORGANISATION, type LockableSetting, type Settings } from '../core';
import type { StorageChange } from '../platform/storage';
import type { ImportPageData, OrganisationPageView, StoredView } from './import-page-data';
import { OptionsApp } from './options-app';
import { until, useJsdomRoot } from '../../test/fixtures/jsdom-root';

const NOTHING_STORED: StoredView = { config: { sum: '', savedAt: null, source: 'none' }, roles: 0, skipped: 0 };
const STORED: StoredView = { config: { sum: 'abc', savedAt: null, source: 'sync' }, roles: 12, skipped: 0 };
const NO_POLICY: OrganisationPageView = { active: false, profiles: 0, personalAllowed: true, locked: [], problems: [], notices: [], changes: 'live' };

interface Fake extends ImportPageData {
  calls: { saveSettings: Partial<Settings>[]; exports: number; previews: string[] };
  changed(change: Partial<StorageChange>): void;
}

function fakeData(options: { stored?: StoredView; organisation?: OrganisationPageView; locked?: LockableSetting[]; refuseSettings?: string; organisationProfiles?: number } = {}): Fake {
  let settings: Settings = DEFAULT_SETTINGS;
  const listeners: Array<(change: StorageChange) => void> = [];
  const fake: Fake = {
    calls: { saveSettings: [], exports: 0, previews: [] },
    loadStored: async () => options.stored ?? NOTHING_STORED,
    storedText: async () => (options.stored ? '[profile a]\nrole_arn = arn:aws:iam::111111111111:role/A\n' : null),
    preview: async (text) => {
      fake.calls.previews.push(text);
      return null;
    },
    save: async () => {
      throw new Error('not in these tests');
    },
    history: async () => [],
    historyText: async () => null,
    readSettings: async () => ({ settings, locked: options.locked ?? [] }),
    saveSettings: async (patch) => {
      fake.calls.saveSettings.push(patch);
      if (options.refuseSettings) throw new Error(options.refuseSettings);
      settings = { ...settings, ...patch };
      return settings;
    },
    onChange: (callback) => {
      listeners.push(callback);
      return () => listeners.splice(listeners.indexOf(callback), 1);
    },
    organisation: async () => options.organisation ?? NO_POLICY,
    onPolicyChange: () => () => {},
    exportText: async () => {
      fake.calls.exports++;
      return options.stored ? { text: '[profile a]\n', organisationProfiles: options.organisationProfiles ?? 0 } : null;
    },
    copyText: async () => {},
    changed: (change) => {
      for (const l of listeners) l({ config: false, settings: false, recent: false, catalogue: false, history: false, ...change });
    },
  };
  return fake;
}

const root = useJsdomRoot();
beforeAll(() => {
  // jsdom has no object URLs (the export's download link).
  Object.assign(URL, { createObjectURL: () => 'blob:fake', revokeObjectURL: () => {} });
});

async function mount(data: ImportPageData) {
  await act(() => render(<OptionsApp data={data} />, root()));
  await until(() => !root().textContent!.includes('Reading the stored config'), 'the stored config read');
}

const button = (name: string) => [...root().querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
const text = () => root().textContent!.replace(/\s+/g, ' ');

test('nothing stored: Import (not Replace), no Add or Undo, Export disabled; an example fills the box', async () => {
  const data = fakeData();
  await mount(data);
  expect(text()).toContain('No config imported yet.');
  expect(button('Import')).toBeDefined();
  expect(button('Add to my config')).toBeUndefined();
  expect(button('Undo import')!.disabled).toBe(true);
  expect(button('Export')!.disabled).toBe(true);
  await act(() => button('Paste an example')!.click());
  expect(root().querySelector<HTMLTextAreaElement>('#config-text')!.value).toContain('[profile');
  // The example is previewed (the worker is behind the data interface).
  await until(() => data.calls.previews.length > 0, 'a preview');
  expect(button('Paste an example')).toBeUndefined();
});

test('a stored config: its roles and place, Replace and Add; Export says what the file holds, the organisation part too', async () => {
  const data = fakeData({ stored: STORED, organisationProfiles: 3 });
  // jsdom cannot navigate to a download: record what the page asked to download instead.
  const downloads: string[] = [];
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(`${this.download} ${this.href}`);
  });
  await mount(data);
  expect(root().querySelector('[data-testid="stored-status"]')!.textContent).toContain('Current config: 12 roles, saved in sync storage');
  expect(button('Replace my config')).toBeDefined();
  expect(button('Add to my config')).toBeDefined();
  await act(() => button('Export')!.click());
  await until(() => !!root().querySelector('.result'), 'the export result');
  expect(data.calls.exports).toBe(1);
  expect(downloads).toEqual(['aws-config blob:fake']);
  click.mockRestore();
  expect(root().querySelector('.result')!.textContent).toContain(`Exported the stored config (secrets were never stored, so none are in it). Your organisation's 3 profiles are at the end, commented out`);
});

test('the organisation allows only its own roles: no editor, no history, Export stays', async () => {
  const organisation: OrganisationPageView = { ...NO_POLICY, active: true, profiles: 4, personalAllowed: false };
  await mount(fakeData({ stored: STORED, organisation }));
  await until(() => !!root().querySelector('[data-testid="import-off"]'), 'the import-off card');
  expect(root().querySelector('#config-text')).toBeNull();
  expect(button('Replace my config')).toBeUndefined();
  expect(text()).toContain('Importing is turned off by your organisation');
  expect(text()).toContain('The config you imported before stays saved, as it is.');
  expect(button('Export')!.disabled).toBe(false);
});

test('a locked setting is shown disabled and says who set it; an unlocked one saves; a refused save says why', async () => {
  const data = fakeData({ locked: ['titlePrefix'], refuseSettings: 'sync storage is full' });
  await mount(data);
  await until(() => !!root().querySelector('[data-setting="titlePrefix"] .locked-note'), 'the locked note');
  const prefix = root().querySelector<HTMLInputElement>('[data-setting="titlePrefix"] input')!;
  expect(prefix.disabled).toBe(true);
  expect(root().querySelector('[data-setting="titlePrefix"] .locked-note')!.textContent).toBe(LOCKED_BY_ORGANISATION);
  const banner = root().querySelector<HTMLInputElement>('[data-setting="bannerEnabled"] input')!;
  expect(banner.disabled).toBe(false);
  await act(() => banner.click());
  await until(() => text().includes('Not saved: sync storage is full.'), 'the refusal');
  expect(data.calls.saveSettings).toEqual([{ bannerEnabled: false }]);
});

test('the page says it is busy until the stored config, the settings and the policy are read', async () => {
  const data = fakeData({ stored: STORED });
  let releaseSettings: () => void = () => {};
  const held = new Promise<void>((resolve) => (releaseSettings = resolve));
  const readSettings = data.readSettings;
  data.readSettings = async () => {
    await held;
    return readSettings();
  };
  await mount(data);
  const busy = () => root().querySelector('main')!.getAttribute('aria-busy');
  expect(busy()).toBe('true');
  releaseSettings();
  await until(() => busy() === 'false', 'aria-busy to clear once the settings are read');
  expect(busy()).toBe('false');
});
