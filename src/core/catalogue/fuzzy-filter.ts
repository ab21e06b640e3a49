// The names the popup and the row builder used before search.ts, kept so they compile while the
// popup moves to IncrementalSearch (issue 15 §1). Same behaviour: these are search.ts itself.
import type { CatalogueEntry } from '../types';
import { IncrementalSearch, type SearchableEntry, type SearchMatch } from './search';

export type FilterMatch = SearchMatch;
export type FilterableEntry = SearchableEntry;

export class IncrementalFilter<T extends SearchableEntry = CatalogueEntry> extends IncrementalSearch<T> {
  filter(query: string): FilterMatch[] {
    return this.search(query);
  }
}
