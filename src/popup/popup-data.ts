// What the popup needs from the browser, as one interface: the app (popup-app.tsx) reads and
// writes only through it, so tests render the real components over fake data
// (popup-app.test.tsx) and the browser wiring (browser-data.ts) stays out of the components.
// Type-only imports: nothing here loads the extension APIs.
import type { Basis, CatalogueEntry, SessionsOverview, Settings, SwitchOutcome } from '../core';
import type { FirstScreen, LoadedCatalogue, StorageChange } from '../platform/storage';
import type { HereAnswer } from './where-am-i';

export interface PopupData {
  /** The first-screen reads, started before the app was evaluated (first-screen.ts). */
  firstScreen: Promise<FirstScreen>;
  /** The whole catalogue: from the cache, or (verify) with the config re-read and checked. */
  loadCatalogue(options?: { verify?: boolean }): Promise<LoadedCatalogue>;
  readSettings(): Promise<{ settings: Settings; problem?: string }>;
  loadRecent(): Promise<string[]>;
  /** Calls back on changes made by other pages; returns the unsubscribe. */
  onStorageChanged(callback: (change: StorageChange) => void): () => void;
  toggleFavourite(profile: string, entry: CatalogueEntry): Promise<Settings>;
  /** Folds or unfolds an app group (lower-cased app), kept in the settings. */
  toggleCollapsedApp(app: string): Promise<Settings>;
  openImportPage(): Promise<void>;
  /** Switches (and, when it is under way, records the profile as recent). `signInAgain`: even when the profile has a live session (else the switch goes to it). */
  switchTo(entry: CatalogueEntry, options: { newTab: boolean; confirmReentry?: boolean; signInAgain?: boolean }): Promise<SwitchOutcome>;
  /** Which profiles have a console session, from the background (null when it does not answer). */
  loadSessions(): Promise<SessionsOverview | null>;
  /** Which profile the active tab is in, and why (never guessed). */
  askWhereAmI(): Promise<HereAnswer>;
  /** Who signed in on the active tab (null: no answer, not a console tab). */
  loadBasis(): Promise<Basis | null>;
  /** "Only roles I can reach from here", kept in the settings. */
  setOnlyReachable(on: boolean): Promise<Settings>;
  /** "Switch back" on the active tab, to the identity that signed in. */
  switchBack(): Promise<SwitchOutcome>;
  copyText(text: string): Promise<void>;
  /** Closes the popup. */
  close(): void;
  /** Timing marks for `npm run bench` (use-render-marks.ts); absent where nothing reads them. */
  marks?: PopupMarks;
}

export interface PopupMarks {
  mark(name: string): void;
  /** A measure from `start` (an event's time stamp) to now. */
  measure(name: string, start: number): void;
}
