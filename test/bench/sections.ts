// The benchmark sections, in print order. Add one line per area. Sections load lazily so
// that `npm run bench -- <name>` runs one area even while another cannot load.
export interface BenchSection {
  name: string;
  title: string;
  run(): Promise<void>;
}

const lazy = (load: () => { run(): Promise<void> }) => () => load().run();

export const sections: BenchSection[] = [
  { name: 'import', title: 'Import: importConfig and its stages vs aesr-config; the import budgets', run: lazy(() => require('./import')) },
  { name: 'popup', title: 'Popup: first render and filter keystroke with 5,000 roles; storage.sync capacity', run: lazy(() => require('./popup')) },
  { name: 'first-render', title: "Popup from outside: first role vs a static extension page, keystroke → list laid out (issue 15 §6)", run: lazy(() => require('./first-render')) },
  { name: 'search', title: 'Search: a keystroke over 5,000 roles (Node, as the popup calls it)', run: lazy(() => require('./search')) },
  { name: 'import-page', title: 'Import page: a big paste never blocks the page (longest main-thread task)', run: lazy(() => require('./import-page')) },
  { name: 'banner', title: 'Console banner: content-script size and DOMContentLoaded → banner painted', run: lazy(() => require('./banner')) },
  { name: 'package', title: 'Store packages (npm run package)', run: lazy(() => require('./package')) },
];
