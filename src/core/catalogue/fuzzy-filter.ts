// Fuzzy filtering of catalogue entries for the popup's search box. Runs on every keystroke
// over thousands of roles, so the lower-cased text of each entry is built once (an index),
// and a query that extends the previous one only re-checks the previous matches.
//
// Matching: the query is split on white space; every token must match one field (profile,
// app, env label, canonical env, account ID, alias, role name) either as a substring or,
// failing that, as a subsequence within that one field (never across fields, which would
// match nearly anything). Substring matches at the start of a field or word score highest.
import type { CatalogueEntry } from '../types';

const SEP = '\u0000';

/** Field weights: a hit in the profile name matters more than one in the role name. */
const FIELD_WEIGHT = [4, 3, 2, 2, 1, 1, 1];

export interface FilterIndex<T extends FilterableEntry = CatalogueEntry> {
  entries: readonly T[];
  /** Per entry: its fields lower-cased and joined by NUL. */
  haystacks: string[];
  /** Per entry: start offset of each field in the haystack. */
  starts: Int32Array[];
}

export type FilterableEntry = Pick<CatalogueEntry, 'profile' | 'app' | 'envLabel' | 'env' | 'roleName'> & { accountId?: string; accountAlias?: string };

export function buildFilterIndex<T extends FilterableEntry>(entries: readonly T[]): FilterIndex<T> {
  const haystacks = new Array<string>(entries.length);
  const starts = new Array<Int32Array>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const fields = [e.profile, e.app, e.envLabel, e.env, e.accountId ?? '', e.accountAlias ?? '', e.roleName];
    const s = new Int32Array(fields.length + 1);
    let pos = 0;
    for (let f = 0; f < fields.length; f++) {
      s[f] = pos;
      pos += fields[f]!.length + 1;
    }
    s[fields.length] = pos;
    haystacks[i] = fields.join(SEP).toLowerCase();
    starts[i] = s;
  }
  return { entries, haystacks, starts };
}

export function tokenize(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 0)
    // An account ID is often typed or pasted with dashes or spaces (1234-5678-9012).
    .map((t) => (/^\d{4}-\d{4}-\d{1,4}$/.test(t) ? t.replace(/-/g, '') : t));
}

function isWordStart(h: string, at: number): boolean {
  if (at === 0) return true;
  const prev = h.charCodeAt(at - 1);
  // Anything but a letter or digit before the hit: separator, '-', '_', '/', ' ', NUL.
  return !((prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57));
}

function fieldAt(starts: Int32Array, at: number): number {
  let f = 0;
  while (f + 1 < starts.length - 1 && starts[f + 1]! <= at) f++;
  return f;
}

/** Score of one token against one haystack; 0 = no match. */
function scoreToken(h: string, starts: Int32Array, token: string): number {
  // Substring: prefer the best-placed hit among the first few.
  let best = 0;
  let at = h.indexOf(token);
  for (let tries = 0; at !== -1 && tries < 4; tries++) {
    const f = fieldAt(starts, at);
    const weight = FIELD_WEIGHT[f] ?? 1;
    const s = at === starts[f] ? 10 * weight : isWordStart(h, at) ? 6 * weight : 3 * weight;
    if (s > best) best = s;
    at = h.indexOf(token, at + 1);
  }
  if (best > 0) return best + (token.length > 2 ? 1 : 0);
  // Subsequence within a single field, from each field's start: gaps cost.
  const fields = starts.length - 1;
  for (let f = 0; f < fields; f++) {
    const end = starts[f + 1]! - 1;
    let i = starts[f]!;
    let t = 0;
    let gaps = 0;
    let last = -1;
    while (i < end && t < token.length) {
      if (h.charCodeAt(i) === token.charCodeAt(t)) {
        if (last !== -1 && i !== last + 1) gaps++;
        last = i;
        t++;
      }
      i++;
    }
    if (t === token.length) {
      const s = Math.max(0.5, (FIELD_WEIGHT[f] ?? 1) * (2 - gaps * 0.25));
      if (s > best) best = s;
    }
  }
  return best;
}

export interface FilterMatch {
  /** Index into the index's entries. */
  index: number;
  score: number;
}

/**
 * Entries matching every token, best first (ties keep catalogue order). `within` restricts
 * the search to earlier matches (a query that only got longer cannot match more).
 */
export function filterIndex(index: FilterIndex<FilterableEntry>, query: string, within?: readonly FilterMatch[]): FilterMatch[] {
  const tokens = tokenize(query);
  const out: FilterMatch[] = [];
  if (tokens.length === 0) {
    for (let i = 0; i < index.entries.length; i++) out.push({ index: i, score: 0 });
    return out;
  }
  const check = (i: number) => {
    const h = index.haystacks[i]!;
    const s = index.starts[i]!;
    let total = 0;
    for (const token of tokens) {
      const t = scoreToken(h, s, token);
      if (t === 0) return;
      total += t;
    }
    out.push({ index: i, score: total });
  };
  if (within) for (const m of within) check(m.index);
  else for (let i = 0; i < index.entries.length; i++) check(i);
  out.sort((a, b) => b.score - a.score || a.index - b.index);
  return out;
}

/**
 * Keeps the previous result so the next keystroke can narrow it. Use one per search box.
 */
export class IncrementalFilter<T extends FilterableEntry = CatalogueEntry> {
  private lastTokens: string[] = [];
  private lastResult: FilterMatch[] | null = null;
  private built: FilterIndex<T> | null = null;

  constructor(private readonly entries: readonly T[]) {}

  /** Built on first use, so creating a filter costs nothing before the first keystroke. */
  get index(): FilterIndex<T> {
    return (this.built ??= buildFilterIndex(this.entries));
  }

  /**
   * Builds the index and runs one search through the matcher without remembering it, so the
   * first real keystroke finds both ready (the popup calls this while the user reads; the
   * first keystroke otherwise builds the index of every role). Changes no result.
   */
  warm(): void {
    const first = this.entries[0];
    if (first === undefined) return;
    filterIndex(this.index, first.profile.slice(0, 2));
  }

  filter(query: string): FilterMatch[] {
    const tokens = tokenize(query);
    // Narrowing is safe only when each previous token is a prefix of the token in its place
    // (every hit of the longer token contains a hit of the shorter one, in the same field).
    const narrows =
      this.lastResult !== null &&
      this.lastTokens.length > 0 &&
      tokens.length >= this.lastTokens.length &&
      this.lastTokens.every((t, i) => tokens[i]!.startsWith(t));
    const result = filterIndex(this.index, query, narrows ? this.lastResult! : undefined);
    this.lastTokens = tokens;
    this.lastResult = result;
    return result;
  }
}
