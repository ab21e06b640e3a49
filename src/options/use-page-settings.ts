// The import page's reads that follow the browser: the settings in force (the organisation's
// locked values over the user's) and what the organisation's policy sets. Each is read at once
// and again when storage or the policy changes.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type LockableSetting, type Settings } from '../core';
import type { ImportPageData, OrganisationPageView } from './import-page-data';

export function useSettings(data: ImportPageData) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [locked, setLocked] = useState<LockableSetting[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const read = () =>
      void data.readSettings().then((s) => {
        setSettings(s.settings);
        setLocked(s.locked);
        setProblem(s.problem);
        setLoaded(true);
      });
    read();
    const stopStorage = data.onChange((change) => change.settings && read());
    const stopPolicy = data.onPolicyChange(read);
    return () => {
      stopStorage();
      stopPolicy();
    };
  }, [data]);
  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await data.saveSettings(patch));
      setProblem(undefined);
    } catch (error) {
      setProblem(`Not saved: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };
  return { settings, locked, problem, loaded, update };
}

/** What the organisation's policy sets (null when nothing): read at once, again when the policy or the user's config changes. */
export function useOrganisation(data: ImportPageData) {
  const [view, setView] = useState<OrganisationPageView | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const read = () =>
      void data
        .organisation()
        .then(setView, () => setView(null))
        .then(() => setLoaded(true));
    read();
    const stopStorage = data.onChange((change) => change.config && read());
    const stopPolicy = data.onPolicyChange(read);
    return () => {
      stopStorage();
      stopPolicy();
    };
  }, [data]);
  return { view, loaded };
}
