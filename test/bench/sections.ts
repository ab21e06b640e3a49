// The benchmark sections, in print order. Add one line per area.
import * as importBench from './import';
export interface BenchSection {
  name: string;
  title: string;
  run(): Promise<void>;
}

export const sections: BenchSection[] = [
  { name: 'import', title: 'importConfig vs aesr-config vs one-pass scan', run: importBench.run },
];
