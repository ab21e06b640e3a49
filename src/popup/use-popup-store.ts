// The popup's data as state: the catalogue (head first, then the cache, then verified),
// settings, recent roles and "where am I", kept current when other pages change storage.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Basis, type SessionsOverview, type Settings } from '../core';
import type { FirstScreen, LoadedCatalogue, LoadedHead } from '../platform/storage';
import type { PopupData } from './popup-data';
import type { HereAnswer } from './where-am-i';

export type LoadState = { status: 'loading' } | { status: 'ready'; loaded: LoadedCatalogue };

export interface PopupStore {
  load: LoadState;
  /** The first screen's head, until the whole catalogue is in. */
  head: LoadedHead | null;
  settings: Settings;
  setSettings(settings: Settings): void;
  settingsProblem?: string;
  recent: string[];
  here: HereAnswer;
  /** Which profiles have a console session (null until the background answers). */
  sessions: SessionsOverview | null;
  /** Who signed in on the active tab: undefined until asked, null when nothing answered. */
  basis: Basis | null | undefined;
}

/** Keeps the loaded state when a reload found the same config, so the list and the active row do not reset. */
function sameLoad(previous: LoadState, loaded: LoadedCatalogue): boolean {
  return previous.status === 'ready' && previous.loaded.sum === loaded.sum && previous.loaded.problem === loaded.problem && previous.loaded.source === loaded.source;
}

export function usePopupStore(data: PopupData, initial?: FirstScreen): PopupStore {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings>(initial?.settings ?? DEFAULT_SETTINGS);
  const [recent, setRecent] = useState<string[]>(initial?.recent ?? []);
  const [here, setHere] = useState<HereAnswer>({ profile: null });
  const [sessions, setSessions] = useState<SessionsOverview | null>(null);
  const [basis, setBasis] = useState<Basis | null | undefined>(undefined);
  const [settingsProblem, setSettingsProblem] = useState<string | undefined>(initial?.settingsProblem);
  const [head, setHead] = useState<LoadedHead | null>(initial?.head ?? null);

  const accept = useCallback((loaded: LoadedCatalogue) => {
    setLoad((previous) => (sameLoad(previous, loaded) ? previous : { status: 'ready', loaded }));
  }, []);
  const verifyCatalogue = useCallback(async () => {
    accept(await data.loadCatalogue({ verify: true }));
  }, [accept, data]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // 1. First paint from the head (the first screen, a few KB); 2. the whole catalogue from
    // the cache; 3. the whole config read and verified (chunks, checksum), problems shown.
    let full = false;
    const loadFull = () =>
      void data.loadCatalogue().then((loaded) => {
        full = true;
        accept(loaded);
        setTimeout(() => void verifyCatalogue(), 0);
      });
    void data.firstScreen.then((first) => {
      // (Same objects as `initial` when the first render had them: then nothing re-renders.)
      setSettings(first.settings);
      setSettingsProblem(first.settingsProblem);
      setRecent(first.recent);
      const loadedHead = first.head;
      if (loadedHead && !full) {
        setHead(loadedHead);
        // Decode the whole catalogue after the first screen is painted, not before.
        requestAnimationFrame(() => setTimeout(loadFull, 0));
      } else loadFull();
    }, loadFull);
    void data.askWhereAmI().then(setHere);
    void data.loadSessions().then(setSessions, () => setSessions(null));
    void data.loadBasis().then(setBasis, () => setBasis(null));
    const unsubscribe = data.onStorageChanged((change) => {
      if (change.settings) void data.readSettings().then((s) => setSettings(s.settings));
      if (change.recent) void data.loadRecent().then(setRecent);
      if (change.config || change.catalogue) {
        // A save touches several records: reload once it has settled.
        clearTimeout(timer);
        timer = setTimeout(() => void verifyCatalogue(), 60);
      }
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [accept, verifyCatalogue, data]);

  return { load, head, settings, setSettings, settingsProblem, recent, here, sessions, basis };
}
