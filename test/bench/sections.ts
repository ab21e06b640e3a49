// The benchmark sections, in print order. Add one line per area.
export interface BenchSection {
  name: string;
  title: string;
  run(): Promise<void>;
}

export const sections: BenchSection[] = [];
