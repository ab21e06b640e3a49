// Entry of the bundle that import.ts builds and runs in Chromium: the same workload as in
// Node, on the engine the extension actually runs on (V8 with pointer compression, Chromium's
// own heap settings), timed with the page's clock.
import { ConfigParser } from 'aesr-config';
import { measureImport, type ImportTimes } from './import-workload';

declare global {
  var measureImportInBrowser: () => ImportTimes[];
}

globalThis.measureImportInBrowser = () => measureImport(ConfigParser, () => performance.now());
