/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
// (jsdom's default "browser" condition picks Preact's ES module build, which jest cannot require.)
// The popup's components rendered with fake data (the PopupData interface): what it shows for
// each state of the data, and what it asks the data to do. The browser glue is tested end to
// end (test/e2e/import-and-popup.test.ts).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { DEFAULT_SETTINGS, importConfig, type Basis, type CatalogueEntry, type SessionsOverview, type Settings, type SwitchOutcome } from '../core';
import type { FirstScreen, LoadedCatalogue, StorageChange } from '../platform/storage';
import { PopupApp } from './popup-app';
import type { PopupData } from './popup-data';
import type { HereAnswer } from './where-am-i';
import { until, useJsdomRoot } from '../../test/fixtures/jsdom-root';

const CONFIG = `[profile shop-dev]
role_arn = arn:aws:iam::111111111111:role/Dev
[profile shop-prod]
role_arn = arn:aws:iam::222222222222:role/Admin
[profile billing-qa]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
`;
const CATALOGUE = importConfig(CONFIG);

// jsdom has no ResizeObserver (the role list sizes itself with one): a box that reports its
// size once, as a browser does after the first layout, and never resizes.
class StillResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe() {
    queueMicrotask(() => this.callback());
  }
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver = StillResizeObserver;

interface Fake extends PopupData {
  calls: {
    switchTo: Array<{ profile: string; newTab: boolean; confirmReentry?: boolean; signInAgain?: boolean }>;
    copied: string[];
    closed: number;
    importPage: number;
    onlyReachable: boolean[];
    switchBack: number;
  };
  answers: SwitchOutcome[];
  changed(change: Partial<StorageChange>): void;
}

function fakeData(options: { entries?: CatalogueEntry[]; settings?: Settings; problem?: string; here?: HereAnswer; sessions?: SessionsOverview; basis?: Basis } = {}): Fake {
  let settings = options.settings ?? DEFAULT_SETTINGS;
  const loaded: LoadedCatalogue = { catalogue: { ...CATALOGUE, entries: options.entries ?? CATALOGUE.entries }, source: 'sync', sum: 'abc', problem: options.problem };
  const listeners: Array<(change: StorageChange) => void> = [];
  const first: FirstScreen = { head: null, settings, recent: [] };
  const fake: Fake = {
    calls: { switchTo: [], copied: [], closed: 0, importPage: 0, onlyReachable: [], switchBack: 0 },
    answers: [],
    firstScreen: Promise.resolve(first),
    loadCatalogue: async () => loaded,
    readSettings: async () => ({ settings }),
    loadRecent: async () => [],
    onStorageChanged: (callback) => {
      listeners.push(callback);
      return () => listeners.splice(listeners.indexOf(callback), 1);
    },
    toggleFavourite: async (profile) => {
      const favourites = settings.favourites.includes(profile) ? settings.favourites.filter((p) => p !== profile) : [...settings.favourites, profile];
      settings = { ...settings, favourites };
      return settings;
    },
    toggleCollapsedApp: async (app) => {
      const collapsedApps = settings.collapsedApps.includes(app) ? settings.collapsedApps.filter((a) => a !== app) : [...settings.collapsedApps, app];
      settings = { ...settings, collapsedApps };
      return settings;
    },
    openImportPage: async () => {
      fake.calls.importPage++;
    },
    switchTo: async (entry, opts) => {
      fake.calls.switchTo.push({ profile: entry.profile, newTab: opts.newTab, confirmReentry: opts.confirmReentry, signInAgain: opts.signInAgain });
      return fake.answers.shift() ?? { method: 'link', status: 'done', message: `Opened ${entry.profile}.` };
    },
    askWhereAmI: async () => options.here ?? { profile: null },
    loadSessions: async () => options.sessions ?? null,
    loadBasis: async () => options.basis ?? null,
    setOnlyReachable: async (on) => {
      fake.calls.onlyReachable.push(on);
      settings = { ...settings, onlyReachable: on };
      return settings;
    },
    switchBack: async () => {
      fake.calls.switchBack++;
      return fake.answers.shift() ?? { method: 'console-post', status: 'done', message: 'Switching this tab back.' };
    },
    copyText: async (text) => {
      fake.calls.copied.push(text);
    },
    close: () => {
      fake.calls.closed++;
    },
    changed: (change) => {
      for (const l of listeners) l({ config: false, settings: false, recent: false, catalogue: false, history: false, ...change });
    },
  };
  return fake;
}

const root = useJsdomRoot();

const profiles = () => [...root().querySelectorAll('.row-entry')].map((r) => r.getAttribute('data-profile'));
const headers = () => [...root().querySelectorAll('.row-header .group-name')].map((h) => h.textContent);
const searchBox = () => root().querySelector<HTMLInputElement>('input.search')!;
const activeProfile = () => {
  const id = searchBox().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.closest('.row-entry')?.getAttribute('data-profile') : undefined;
};
const statusText = () => root().querySelector('.status-bar')?.textContent ?? '';

async function mount(data: PopupData) {
  await act(() => render(<PopupApp data={data} />, root()));
  await until(() => profiles().length > 0 || !!root().querySelector('.empty-state'), 'the list or the empty state');
}

async function type(text: string) {
  const box = searchBox();
  await act(() => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function press(key: string, init: KeyboardEventInit = {}, target: Element = searchBox()) {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

test('the search box has the focus from the first render: keys typed at once reach it', async () => {
  // (jsdom, like a popup not shown yet, never applies `autofocus` by itself.)
  await act(() => render(<PopupApp data={fakeData()} />, root()));
  expect(document.activeElement).toBe(searchBox());
});

test('lists the fake catalogue by app, production marked, with the role count', async () => {
  await mount(fakeData());
  expect(headers()).toEqual(['billing', 'shop']);
  expect(profiles()).toEqual(['billing-qa', 'shop-dev', 'shop-prod']);
  expect(root().querySelector('[data-profile="shop-prod"]')!.classList.contains('is-prod')).toBe(true);
  expect(root().querySelector('[data-profile="shop-dev"]')!.classList.contains('is-prod')).toBe(false);
  expect(root().querySelector('.header-count')!.textContent).toBe('3 roles');
});

test('a query filters the list and counts the matches; Esc clears it, a second Esc closes', async () => {
  const data = fakeData();
  await mount(data);
  await type('shop');
  expect(profiles()).toEqual(['shop-dev', 'shop-prod']);
  expect(root().querySelector('.header-count')!.textContent).toBe('2 of 3 roles');
  await type('nothing-like-it');
  expect(root().querySelector('.no-match')!.textContent).toContain('No role matches nothing-like-it.');
  await press('Escape');
  expect(searchBox().value).toBe('');
  expect(profiles()).toHaveLength(3);
  expect(data.calls.closed).toBe(0);
  await press('Escape');
  expect(data.calls.closed).toBe(1);
});

test('arrows move the active role and stop at the end; Ctrl+Enter switches it in a new tab; done says so and closes', async () => {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
  try {
    const data = fakeData();
    await act(() => render(<PopupApp data={data} />, root()));
    for (let i = 0; i < 10 && profiles().length === 0; i++) await act(async () => void jest.advanceTimersByTime(20));
    // Nothing is active on open (no console tab here); the first move selects the first role.
    expect(activeProfile()).toBeUndefined();
    await press('ArrowDown');
    expect(activeProfile()).toBe('billing-qa');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(activeProfile()).toBe('shop-prod');
    await press('ArrowDown');
    expect(activeProfile()).toBe('shop-prod');
    await press('Enter', { ctrlKey: true });
    expect(data.calls.switchTo).toEqual([{ profile: 'shop-prod', newTab: true, confirmReentry: false }]);
    await act(async () => void jest.advanceTimersByTime(0));
    expect(statusText()).toContain('Opened shop-prod.');
    expect(data.calls.closed).toBe(0);
    await act(async () => void jest.advanceTimersByTime(1200));
    expect(data.calls.closed).toBe(1);
  } finally {
    jest.useRealTimers();
  }
});

test('a refresh of the list keeps the role the user moved to under Enter; a new query picks its best match', async () => {
  const data = fakeData();
  let loads = 0;
  const load = data.loadCatalogue;
  data.loadCatalogue = async () => {
    loads++;
    const loaded = await load();
    // A copy, as a new read gives: new objects, the same roles.
    return loads === 1 ? loaded : { ...loaded, sum: `abc${loads}`, catalogue: { ...loaded.catalogue, entries: loaded.catalogue.entries.map((e) => ({ ...e })) } };
  };
  await mount(data);
  await press('ArrowDown');
  await press('ArrowDown');
  expect(activeProfile()).toBe('shop-dev');
  // The catalogue changes in storage (another page imported, the background rebuilt the cache):
  // new rows, the same roles. The choice stays where the user put it.
  const before = loads;
  data.changed({ catalogue: true });
  await until(() => loads > before, 'the reload');
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  expect(activeProfile()).toBe('shop-dev');
  await type('prod');
  expect(activeProfile()).toBe('shop-prod');
});

test('Enter switches the active role in this tab; a failed switch stays open with the message as an alert; Esc puts it into the status line', async () => {
  const data = fakeData();
  data.answers.push({ method: 'link', status: 'failed', message: 'The tab went away.' });
  await mount(data);
  await press('ArrowDown');
  await press('Enter');
  await until(() => !!root().querySelector('.switch-failed'), 'the failure');
  expect(data.calls.switchTo).toEqual([{ profile: 'billing-qa', newTab: false, confirmReentry: false }]);
  expect(root().querySelector('.switch-failed')!.textContent).toContain('The tab went away.');
  await press('Escape');
  expect(root().querySelector('.switch-failed')).toBeNull();
  expect(statusText()).toBe('The tab went away.');
  expect(data.calls.closed).toBe(0);
});

test('re-entry asks first: Cancel changes nothing, "Switch anyway" asks again with confirmReentry', async () => {
  const data = fakeData();
  const ask: SwitchOutcome = { method: 'multi-session', status: 'needs-confirmation', message: 'shop-dev is open in another tab.' };
  data.answers.push(ask, ask);
  await mount(data);
  await press('ArrowDown');
  await press('Enter');
  await until(() => !!root().querySelector('.confirm-bar'), 'the question');
  await until(() => document.activeElement?.textContent === 'Switch anyway', 'focus on the question');
  await press('Escape', {}, document.activeElement!);
  expect(root().querySelector('.confirm-bar')).toBeNull();
  expect(statusText()).toBe('Switch cancelled: nothing was changed.');
  await press('Enter');
  await until(() => document.activeElement?.textContent === 'Switch anyway', 'focus on the question again');
  await act(() => (document.activeElement as HTMLButtonElement).click());
  await until(() => data.calls.switchTo.length === 3, 'the confirmed switch');
  expect(data.calls.switchTo.map((c) => c.confirmReentry)).toEqual([false, false, true]);
});

test('pin puts the role in Pinned; copy writes its link; the tab answer marks "You are here" with its report', async () => {
  const data = fakeData({ here: { profile: 'shop-dev', why: { verdict: 'shop-dev (development)', report: 'account 111111111111' } } });
  await mount(data);
  await until(() => !!root().querySelector('.here-marker'), 'the here mark');
  expect(root().querySelector('.here-marker')!.closest('.row-entry')!.getAttribute('data-profile')).toBe('shop-dev');
  expect(root().querySelector('.tab-why summary')!.textContent).toBe('This tab: shop-dev (development)');
  await act(() => root().querySelector<HTMLButtonElement>('[aria-label="Pin shop-prod"]')!.click());
  await until(() => headers()[0] === 'Pinned', 'the pinned section');
  expect(profiles()[0]).toBe('shop-prod');
  expect(statusText()).toBe('Pinned shop-prod.');
  await act(() => root().querySelector<HTMLButtonElement>('[aria-label="Copy link for billing-qa"]')!.click());
  await until(() => data.calls.copied.length === 1, 'the copy');
  expect(data.calls.copied[0]).toBe(CATALOGUE.entries.find((e) => e.profile === 'billing-qa')!.url);
});

test('a pinned production role is not put under Enter on open; on a console tab "you are here" is', async () => {
  const pinned = { ...DEFAULT_SETTINGS, favourites: ['shop-prod'] };
  const web = fakeData({ settings: pinned });
  await mount(web);
  expect(headers()[0]).toBe('Pinned');
  expect(activeProfile()).toBeUndefined();
  await press('Enter');
  expect(web.calls.switchTo).toEqual([]);
  render(null, root());

  // The tab's identity is matched against the catalogue by the popup itself (its banner gave no profile).
  const identity = { source: 'session-data', accountId: '111111111111', partition: 'aws', principalKind: 'assumed-role', roleName: 'Dev' } as unknown as HereAnswer['identity'];
  const onConsole = fakeData({ settings: pinned, here: { profile: null, identity } });
  await mount(onConsole);
  await until(() => activeProfile() === 'shop-dev', 'the here row active');
  expect(root().querySelector('.is-active')!.textContent).toContain('You are here');
});

test('no roles: the empty state opens the import page; a storage problem is shown as a warning', async () => {
  const data = fakeData({ entries: [], problem: 'The synced copy is damaged; this browser\'s copy is shown.' });
  await mount(data);
  expect(root().querySelector('.empty-state h2')!.textContent).toBe('No roles yet');
  expect(root().textContent).toContain('The synced copy is damaged');
  await act(() => root().querySelector<HTMLButtonElement>('.empty-state .button.primary')!.click());
  expect(data.calls.importPage).toBe(1);
});

test('settings changed by another page are read again (a pin made elsewhere appears)', async () => {
  const data = fakeData();
  await mount(data);
  expect(headers()).not.toContain('Pinned');
  await data.toggleFavourite('billing-qa', CATALOGUE.entries[0]!);
  await act(() => data.changed({ settings: true }));
  await until(() => headers()[0] === 'Pinned', 'the pinned section');
  expect(profiles()[0]).toBe('billing-qa');
});

test('profiles with a console session are marked, with "2 of 5 sessions"; Shift+Enter signs in again, and a sixth session asks with its own title', async () => {
  const now = Date.UTC(2026, 0, 1, 10, 0, 0);
  const sessions: SessionsOverview = {
    sessions: [
      { profile: 'shop-dev', partition: 'aws', multiSession: true, status: 'live', tabs: 1, firstSeen: now - 60_000 },
      { profile: 'shop-prod', partition: 'aws', multiSession: true, status: 'live', tabs: 0, firstSeen: now, endsAt: now + 4 * 60_000 },
    ],
    multiSession: [{ partition: 'aws', count: 2 }],
    limit: 5,
    now,
  };
  const data = fakeData({ sessions });
  data.answers.push({ method: 'multi-session', status: 'needs-confirmation', confirm: 'sixth-session', message: 'This browser already has 5 of 5 console sessions.' });
  await mount(data);
  await until(() => root().querySelectorAll('.session-marker').length === 2, 'the session marks');
  const mark = (profile: string) => root().querySelector(`[data-profile="${profile}"] .session-marker`);
  expect([mark('shop-dev')!.textContent, mark('shop-dev')!.className]).toEqual(['Signed in', 'session-marker is-live']);
  expect([mark('shop-prod')!.textContent, mark('shop-prod')!.className]).toEqual(['4 min left', 'session-marker is-warning']);
  expect(mark('billing-qa')).toBeNull();
  expect(root().querySelector('.header-sessions')!.textContent).toBe('2 of 5 sessions');
  await type('billing');
  await press('Enter', { shiftKey: true });
  await until(() => !!root().querySelector('.confirm-bar'), 'the question');
  expect(root().querySelector('.confirm-title')!.textContent).toBe('Open a sixth session?');
  await until(() => document.activeElement?.textContent === 'Switch anyway', 'focus on the question');
  await act(() => (document.activeElement as HTMLButtonElement).click());
  await until(() => data.calls.switchTo.length === 2, 'the confirmed switch');
  expect(data.calls.switchTo).toEqual([
    { profile: 'billing-qa', newTab: false, confirmReentry: false, signInAgain: true },
    { profile: 'billing-qa', newTab: false, confirmReentry: true, signInAgain: true },
  ]);
});

describe('only roles I can reach from here, and switch back (issue 15 §2)', () => {
  const REACH_CONFIG = `[profile identity]
aws_account_id = 111122223333
[profile partner]
aws_account_id = 999988887777
[profile shop-dev]
role_arn = arn:aws:iam::345678901234:role/Dev
source_profile = identity
[profile shop-prod]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = identity
[profile partner-dev]
role_arn = arn:aws:iam::444455556666:role/Audit
source_profile = partner
[profile loose-dev]
role_arn = arn:aws:iam::666677778888:role/Ci
credential_source = Environment
`;
  const entries = importConfig(REACH_CONFIG).entries;
  const signedIn: Basis = { known: true, partition: 'aws', accountId: '111122223333', name: 'alice', text: 'alice @ 1111-2222-3333', from: 'aws-userInfo cookie', switched: true };
  const toggle = () => root().querySelector<HTMLInputElement>('.reach-toggle input')!;
  const reachLine = () => root().querySelector('[data-testid="reach-line"]')?.textContent ?? '';
  const switchBackButton = () => root().querySelector<HTMLButtonElement>('[data-testid="switch-back"]');

  test('the toggle hides the roles of another base account, lists unknown bases apart, and is saved', async () => {
    const data = fakeData({ entries, basis: signedIn });
    await mount(data);
    expect(profiles()).toEqual(expect.arrayContaining(['partner-dev']));
    expect(toggle().checked).toBe(false);
    await act(() => toggle().click());
    await until(() => !profiles().includes('partner-dev'), 'the filter to apply');
    expect(data.calls.onlyReachable).toEqual([true]);
    expect(toggle().checked).toBe(true);
    expect(profiles()).toEqual(['shop-dev', 'shop-prod', 'loose-dev']);
    expect(headers()).toContain('Base account unknown (not filtered)');
    expect(reachLine()).toBe('Reachable from alice @ 1111-2222-3333: 1 role of other base accounts hidden; 1 role whose base account is unknown listed apart.');
  });

  test('with the filter on, search and the keyboard move only through what it shows', async () => {
    const data = fakeData({ entries, basis: signedIn, settings: { ...DEFAULT_SETTINGS, onlyReachable: true } });
    await mount(data);
    await type('dev');
    expect(profiles()).toEqual(['shop-dev', 'loose-dev']);
    expect(activeProfile()).toBe('shop-dev');
    await press('ArrowDown');
    expect(activeProfile()).toBe('loose-dev');
    await press('ArrowDown');
    expect(activeProfile()).toBe('loose-dev');
    await press('Enter');
    expect(data.calls.switchTo.map((c) => c.profile)).toEqual(['loose-dev']);
  });

  test('a tab that does not say who signed in: the filter says it cannot tell and hides nothing', async () => {
    const data = fakeData({ entries, basis: { known: false, reason: 'this page does not say who signed in' }, settings: { ...DEFAULT_SETTINGS, onlyReachable: true } });
    await mount(data);
    await until(() => reachLine().startsWith('Cannot tell'), 'the filter line');
    expect(reachLine()).toBe('Cannot tell who signed in: this page does not say who signed in. Nothing is hidden.');
    expect(profiles()).toEqual(expect.arrayContaining(['partner-dev', 'loose-dev', 'shop-dev', 'shop-prod']));
    expect(switchBackButton()).toBeNull();
  });

  test('Switch back is offered only in a switched role with a known basis, names it as text, and asks the background', async () => {
    const hostile: Basis = { ...signedIn, text: '<img src=x onerror=alert(1)> @ 1111-2222-3333' };
    const data = fakeData({ entries, basis: hostile });
    await mount(data);
    await until(() => !!switchBackButton(), 'the switch back button');
    expect(switchBackButton()!.textContent).toBe('Switch back (to <img src=x onerror=alert(1)> @ 1111-2222-3333)');
    expect(root().querySelector('img')).toBeNull();
    await act(() => switchBackButton()!.click());
    await until(() => statusText().includes('Switching this tab back.'), 'the outcome');
    expect(data.calls.switchBack).toBe(1);

    render(null, root());
    await mount(fakeData({ entries, basis: { ...signedIn, switched: false } }));
    expect(switchBackButton()).toBeNull();
  });
});
