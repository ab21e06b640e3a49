// The popup's search: every query word must match, and the roles whose words match best come
// first, so the role under Enter is the one a person reading the list would pick (issue 15 §1).
//
// Each query word gets the best of these tiers in any one field of an entry:
//   exact     the word is a whole word of the field (`prod`, `readonly`, `Only` in ReadOnly,
//             `5181` in 2011-5181-7730), a run of whole words (`checkout-prod`), or names the
//             entry's environment (`prd`, `live` for production: environments.ts
//             ENV_SYNONYMS) or partition (`govcloud`)
//   prefix    the start of a word (`pay` → payments; `2011-51` → account 2011-5181-…)
//   initials  first letters of consecutive words (`ro` → ReadOnly, `pu` → AWSPowerUserAccess)
//   substring anywhere in a field (`ment` in payments, `1518` in 2011-5181-7730)
//   letters   the letters in order inside one field, from the start of a word, each next
//             letter in the same word or starting a later one (`pymnts` → payments, `ldgstg`
//             → ledger-staging): a last resort, ranked below every entry whose words all match
//             better. Never in the account ID (digits in order mean nothing).
// Order: a query equal to a profile name first; then entries without a letters-only word;
// then by the sum of the words' tiers; then by where they matched (profile, app and
// environment before role, account and alias before region and partition); then list order.
//
// Runs on every keystroke over thousands of roles: each entry's fields are lower-cased and
// their word boundaries marked once (the index), and a query that only grew re-checks the
// previous matches (every tier is closed under taking a prefix of the word; the only
// exception, environment and partition names, is added back by environment).
import { formatAccountId, isAccountId } from '../aws-names';
import type { CatalogueEntry, Environment, Partition } from '../types';
import { ENV_SYNONYMS } from './environments';

export type SearchableEntry = Pick<CatalogueEntry, 'profile' | 'app' | 'envLabel' | 'env' | 'roleName'> & {
  accountId?: string;
  accountAlias?: string;
  region?: string;
  partition?: Partition;
};

export type MatchTier = 'exact' | 'prefix' | 'initials' | 'substring' | 'letters';
const EXACT = 5;
const PREFIX = 4;
const INITIALS = 3;
const SUBSTRING = 2;
const LETTERS = 1;
const TIER_NAMES: readonly MatchTier[] = ['letters', 'letters', 'substring', 'initials', 'prefix', 'exact'];

// The searched fields, in this order in every entry's haystack.
const F_ENV = 3;
const F_ACCOUNT = 6;
const F_PARTITION = 8;
const FIELDS = 9;
/** Where a word matched, as a tie-break between equal tiers: profile, app, env label, env, role, alias, account, region, partition. */
const FIELD_BONUS = [2, 2, 2, 2, 1, 1, 1, 0, 0];
const MAX_BONUS = 2;
/** A word's score packs tier and field: tier * SPAN + bonus. */
const SPAN = MAX_BONUS + 1;
const SEP = '\u0000';

// Flags per haystack position: a word starts at it, a word ends just before it.
const START = 1;
const END = 2;

/** Environment → the words that name it (`production`: prod, prd, production, live). */
const ENV_WORDS = new Map<Environment, Set<string>>();
for (const [word, env] of Object.entries(ENV_SYNONYMS)) {
  let words = ENV_WORDS.get(env);
  if (!words) ENV_WORDS.set(env, (words = new Set()));
  words.add(word);
}
for (const [env, words] of ENV_WORDS) words.add(env);

/** Names people use for the partitions that are not the standard one (docs/aws-facts.md §1.4). */
const PARTITION_WORDS: Readonly<Partial<Record<Partition, readonly string[]>>> = {
  'aws-us-gov': ['govcloud'],
  'aws-cn': ['china'],
  'aws-eusc': ['sovereign'],
};

/** One query word: lower-cased, and for digits-and-dashes words the bare digits (an account ID as the console spells it). */
export interface QueryWord {
  text: string;
  digits?: string;
}

export function parseQuery(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const raw of query.toLowerCase().split(/\s+/)) {
    // NUL separates fields in the haystack; a word must never reach across two.
    const text = raw.split(SEP).join('');
    if (text.length === 0) continue;
    words.push(/^[0-9-]*[0-9][0-9-]*$/.test(text) ? { text, digits: text.replace(/-/g, '') } : { text });
  }
  return words;
}

export interface SearchIndex<T extends SearchableEntry = CatalogueEntry> {
  entries: readonly T[];
  /** Per entry: its fields lower-cased, joined by NUL. */
  haystacks: string[];
  /** START/END flags of every haystack position (one more than its length), entry after entry from `boundsAt[i]`. */
  bounds: Uint8Array;
  boundsAt: Int32Array;
  /** Per entry, FIELDS + 1 values from i * (FIELDS + 1): where each field starts in its haystack, and the end. */
  starts: Int32Array;
  /** Per entry: each field's word initials, joined by NUL; where each field's start, as `starts`. */
  initials: string[];
  initialStarts: Int32Array;
  /** Per entry: the account ID's 12 digits, or ''. */
  accounts: string[];
  /** Per entry: the profile name with runs of white space made one space, lower-cased. */
  profileKeys: string[];
  /** Entries by environment and by partition, for the words that name them. */
  byEnv: Map<Environment, number[]>;
  byPartition: Map<Partition, number[]>;
}

/** Character classes for splitting words: not part of a word, a-z, A-Z, 0-9, any other script. */
const SEPARATOR = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const OTHER_SCRIPT = 4;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LOWER;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UPPER;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;

function charClass(c: number): number {
  if (c < 128) return ASCII_CLASS[c]!;
  // As environments.ts reads names: any other script is a letter, but not the spaces and dashes
  // of General Punctuation, no-break space, soft hyphen, middle dot or the ideographic ones.
  return c === 0xa0 || c === 0xad || c === 0xb7 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x3002) || c === 0xfeff ? SEPARATOR : OTHER_SCRIPT;
}

/** Initials of one entry as char codes, made a string at the end (measured: faster than growing it per word). */
let initialsBuffer = new Uint16Array(256);

/**
 * Marks the words of one haystack in `flags` from `at`, the field starts in `starts` and
 * `initialStarts` from `sAt`, and returns the initials. `text` is the haystack before it was
 * lower-cased, for camel-case. Words split as tokenizeName splits names: on anything but a
 * letter or digit (NUL ends a field), and at `dataPipe`, `AWSAdmin` (→ aws, admin).
 */
function markWords(text: string, lower: string, flags: Uint8Array, at: number, starts: Int32Array, initialStarts: Int32Array, sAt: number): string {
  // A few characters change length when lower-cased (İ): then camel-case is not read.
  const src = text.length === lower.length ? text : lower;
  if (initialsBuffer.length < src.length + 1) initialsBuffer = new Uint16Array(src.length * 2);
  const buffer = initialsBuffer;
  let k = 0;
  let field = 0;
  starts[sAt] = 0;
  initialStarts[sAt] = 0;
  // Classes of the character before, this one and the next.
  let prev = SEPARATOR;
  let cls = src.length > 0 ? charClass(src.charCodeAt(0)) : SEPARATOR;
  for (let i = 0; i < src.length; i++) {
    const next = i + 1 < src.length ? charClass(src.charCodeAt(i + 1)) : SEPARATOR;
    if (cls === SEPARATOR) {
      if (prev !== SEPARATOR) flags[at + i] = flags[at + i]! | END;
      if (src.charCodeAt(i) === 0) {
        buffer[k++] = 0;
        field++;
        starts[sAt + field] = i + 1;
        initialStarts[sAt + field] = k;
      }
    } else if (prev === SEPARATOR || (cls === UPPER && (prev === LOWER || (prev === UPPER && next === LOWER)))) {
      // A word starts after a separator, and inside at camel-case: `dataPipe`, `AWSAdmin` (the A of Admin).
      if (prev !== SEPARATOR) flags[at + i] = flags[at + i]! | END;
      flags[at + i] = flags[at + i]! | START;
      buffer[k++] = lower.charCodeAt(i);
    }
    prev = cls;
    cls = next;
  }
  if (prev !== SEPARATOR) flags[at + src.length] = flags[at + src.length]! | END;
  buffer[k++] = 0;
  starts[sAt + FIELDS] = src.length + 1;
  initialStarts[sAt + FIELDS] = k;
  let out = '';
  for (let j = 0; j < k; j++) out += String.fromCharCode(buffer[j]!);
  return out;
}

const normalSpace = (text: string) => text.trim().split(/\s+/).join(' ');

/** The entry's searched fields joined by NUL, as written (NUL in a value becomes a space). */
function joinedFields(e: SearchableEntry): string {
  const account = e.accountId !== undefined && isAccountId(e.accountId) ? formatAccountId(e.accountId) : '';
  // The standard partition would match `aws` in every entry: only the others are searchable.
  const partition = e.partition && e.partition !== 'aws' ? e.partition : '';
  const fields = [e.profile, e.app, e.envLabel, e.env === e.envLabel ? '' : e.env, e.roleName, e.accountAlias ?? '', account, e.region ?? '', partition];
  return (fields.some((f) => f.includes(SEP)) ? fields.map((f) => f.split(SEP).join(' ')) : fields).join(SEP);
}

export function buildSearchIndex<T extends SearchableEntry>(entries: readonly T[]): SearchIndex<T> {
  const n = entries.length;
  const texts = new Array<string>(n);
  const haystacks = new Array<string>(n);
  const boundsAt = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    texts[i] = joinedFields(entries[i]!);
    haystacks[i] = texts[i]!.toLowerCase();
    boundsAt[i + 1] = boundsAt[i]! + haystacks[i]!.length + 1;
  }
  const index: SearchIndex<T> = {
    entries,
    haystacks,
    bounds: new Uint8Array(boundsAt[n]!),
    boundsAt,
    starts: new Int32Array(n * (FIELDS + 1)),
    initials: new Array<string>(n),
    initialStarts: new Int32Array(n * (FIELDS + 1)),
    accounts: new Array<string>(n),
    profileKeys: new Array<string>(n),
    byEnv: new Map(),
    byPartition: new Map(),
  };
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    index.initials[i] = markWords(texts[i]!, haystacks[i]!, index.bounds, boundsAt[i]!, index.starts, index.initialStarts, i * (FIELDS + 1));
    index.accounts[i] = e.accountId !== undefined && isAccountId(e.accountId) ? e.accountId : '';
    index.profileKeys[i] = /^\S+$/.test(e.profile) ? e.profile.toLowerCase() : normalSpace(e.profile).toLowerCase();
    push(index.byEnv, e.env, i);
    if (e.partition) push(index.byPartition, e.partition, i);
  }
  return index;
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** Which field of the entry whose field starts are at `sAt` holds haystack offset `at`. */
function fieldOf(starts: Int32Array, sAt: number, at: number): number {
  let f = 0;
  while (f + 1 < FIELDS && starts[sAt + f + 1]! <= at) f++;
  return f;
}

/** Best exact / prefix / substring hit of `word` in entry `i`, as tier * SPAN + bonus; 0 if none. */
function textScore(index: SearchIndex<SearchableEntry>, i: number, word: string): number {
  const haystack = index.haystacks[i]!;
  const flags = index.bounds;
  const fAt = index.boundsAt[i]!;
  const sAt = i * (FIELDS + 1);
  let best = 0;
  for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + 1)) {
    const tier = flags[fAt + at]! & START ? (flags[fAt + at + word.length]! & END ? EXACT : PREFIX) : SUBSTRING;
    const score = tier * SPAN + FIELD_BONUS[fieldOf(index.starts, sAt, at)]!;
    if (score > best) best = score;
    if (best === EXACT * SPAN + MAX_BONUS) break;
  }
  return best;
}

function initialsScore(index: SearchIndex<SearchableEntry>, i: number, word: string): number {
  const initials = index.initials[i]!;
  const sAt = i * (FIELDS + 1);
  let best = 0;
  for (let at = initials.indexOf(word); at !== -1; at = initials.indexOf(word, at + 1)) {
    const score = INITIALS * SPAN + FIELD_BONUS[fieldOf(index.initialStarts, sAt, at)]!;
    if (score > best) best = score;
  }
  return best;
}

/** A query word ready to match: bit k of `masks(c)` says its letter k is c (for letters in order). */
interface PreparedWord extends QueryWord {
  ascii: Int32Array | undefined;
  other: Map<number, number>;
}

function prepare(word: QueryWord): PreparedWord {
  const { text } = word;
  // Up to 30 letters fit the bit masks; a longer word that is in no field as text is in none in order.
  if (text.length < 2 || text.length > 30) return { ...word, ascii: undefined, other: new Map() };
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 128) ascii[c] = ascii[c]! | (1 << k);
    else other.set(c, (other.get(c) ?? 0) | (1 << k));
  }
  return { ...word, ascii, other };
}

/** Cheap rejection: the letters are not even in order anywhere in the haystack. */
function inOrderAnywhere(haystack: string, word: string): boolean {
  let at = 0;
  for (let k = 0; k < word.length; k++) {
    at = haystack.indexOf(word[k]!, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

/**
 * Letters in order within one field, never in the account ID. Each letter goes on inside the
 * word of the letter before it or is the first letter of a later word, and the first starts a
 * word: `pymnts` is in payments, `ldgstg` in ledger-staging, but `pay` is not in prod-readonly
 * (its `a` is inside a word that no letter entered at its start).
 */
function lettersScore(index: SearchIndex<SearchableEntry>, i: number, word: PreparedWord): number {
  const { ascii, other } = word;
  const haystack = index.haystacks[i]!;
  if (ascii === undefined || !inOrderAnywhere(haystack, word.text)) return 0;
  const flags = index.bounds;
  const fAt = index.boundsAt[i]!;
  const starts = index.starts;
  const sAt = i * (FIELDS + 1);
  const done = 1 << word.text.length;
  // Fields in order of FIELD_BONUS (never increasing): the first field that matches is the best.
  for (let f = 0; f < FIELDS; f++) {
    if (f === F_ACCOUNT) continue;
    // Bit k: k letters matched. inWord: the last one in the current word, so the next may
    // follow inside it; atStart: the next may only be the first letter of a later word.
    let inWord = 0;
    let atStart = 1;
    for (let p = starts[sAt + f]!, end = starts[sAt + f + 1]! - 1; p < end; p++) {
      const c = haystack.charCodeAt(p);
      const eq = c < 128 ? ascii[c]! : (other.get(c) ?? 0);
      if (flags[fAt + p]! & START) {
        atStart |= inWord;
        inWord = (atStart & eq) << 1;
      } else inWord |= (inWord & eq) << 1;
      if (inWord & done) return LETTERS * SPAN + FIELD_BONUS[f]!;
    }
  }
  return 0;
}

/** The score of one query word in entry `i` (tier * SPAN + bonus), 0 if it does not match. */
function wordScore(index: SearchIndex<SearchableEntry>, i: number, word: PreparedWord): number {
  let best = textScore(index, i, word.text);
  if (best < EXACT * SPAN + FIELD_BONUS[F_ENV]!) {
    const e = index.entries[i]!;
    if (ENV_WORDS.get(e.env)?.has(word.text)) best = EXACT * SPAN + FIELD_BONUS[F_ENV]!;
    else if (e.partition && PARTITION_WORDS[e.partition]?.includes(word.text)) best = Math.max(best, EXACT * SPAN + FIELD_BONUS[F_PARTITION]!);
  }
  if (word.digits !== undefined && best < EXACT * SPAN + FIELD_BONUS[F_ACCOUNT]!) {
    const at = index.accounts[i]!.indexOf(word.digits);
    if (at !== -1) {
      const tier = at > 0 ? SUBSTRING : word.digits.length === 12 ? EXACT : PREFIX;
      best = Math.max(best, tier * SPAN + FIELD_BONUS[F_ACCOUNT]!);
    }
  }
  if (best < INITIALS * SPAN + MAX_BONUS && word.text.length > 1) best = Math.max(best, initialsScore(index, i, word.text));
  if (best === 0) best = lettersScore(index, i, word);
  return best;
}

export interface SearchMatch {
  /** Index into the index's entries. */
  index: number;
  /** Higher is better; equal scores keep list order. Comparable within one query only. */
  score: number;
  /** Some query word matched only by its letters in order: shown below every other match. */
  loose: boolean;
}

/** Packs the ranking keys of one query into a single number, higher first. */
interface Ranker {
  words: PreparedWord[];
  /** The query as one profile name, case kept and lower-cased. */
  whole: string;
  wholeLower: string;
  tierSpan: number;
  bonusSpan: number;
}

function ranker(query: string, words: QueryWord[]): Ranker {
  const whole = normalSpace(query);
  return { words: words.map(prepare), whole, wholeLower: whole.toLowerCase(), tierSpan: EXACT * words.length + 1, bonusSpan: MAX_BONUS * words.length + 1 };
}

function scoreEntry(index: SearchIndex<SearchableEntry>, i: number, r: Ranker): SearchMatch | undefined {
  let tiers = 0;
  let bonus = 0;
  let loose = false;
  for (const word of r.words) {
    const s = wordScore(index, i, word);
    if (s === 0) return undefined;
    const tier = Math.floor(s / SPAN);
    tiers += tier;
    bonus += s - tier * SPAN;
    if (tier === LETTERS) loose = true;
  }
  // A query that is a profile's name selects that profile: same case above another case.
  const named = index.profileKeys[i] !== r.wholeLower ? 0 : normalSpace(index.entries[i]!.profile) === r.whole ? 2 : 1;
  const top = named * 2 + (loose ? 0 : 1);
  return { index: i, score: (top * r.tierSpan + tiers) * r.bonusSpan + bonus, loose };
}

/**
 * Entries matching every word of `query`, best first (equal scores keep list order). An empty
 * query matches everything in list order. `candidates` restricts the search to those entries.
 */
export function searchIndex(index: SearchIndex<SearchableEntry>, query: string, candidates?: Iterable<number>): SearchMatch[] {
  const words = parseQuery(query);
  const out: SearchMatch[] = [];
  if (words.length === 0) {
    for (let i = 0; i < index.entries.length; i++) out.push({ index: i, score: 0, loose: false });
    return out;
  }
  const r = ranker(query, words);
  if (candidates) {
    for (const i of candidates) {
      const m = scoreEntry(index, i, r);
      if (m) out.push(m);
    }
  } else {
    for (let i = 0; i < index.entries.length; i++) {
      const m = scoreEntry(index, i, r);
      if (m) out.push(m);
    }
  }
  out.sort((a, b) => b.score - a.score || a.index - b.index);
  return out;
}

/** How `word` matches entry `i`'s best field, or undefined: for tests and for explaining a result. */
export function matchTier(index: SearchIndex<SearchableEntry>, i: number, word: string): MatchTier | undefined {
  const [w] = parseQuery(word);
  const s = w ? wordScore(index, i, prepare(w)) : 0;
  return s === 0 ? undefined : TIER_NAMES[Math.floor(s / SPAN)];
}

/** Entries a word names by their environment or partition (the matches no shorter word has). */
function namedBy(index: SearchIndex<SearchableEntry>, word: string): readonly number[] {
  const env = ENV_SYNONYMS[word] ?? (ENV_WORDS.has(word as Environment) ? (word as Environment) : undefined);
  const byEnv = env ? (index.byEnv.get(env) ?? []) : [];
  const partitions = (Object.keys(PARTITION_WORDS) as Partition[]).filter((p) => PARTITION_WORDS[p]!.includes(word));
  if (partitions.length === 0) return byEnv;
  return [...byEnv, ...partitions.flatMap((p) => index.byPartition.get(p) ?? [])];
}

/**
 * One per search box: keeps the previous result so the next keystroke can narrow it.
 */
/**
 * Whether every entry `word` matches was matched by `before` (so the previous result bounds the
 * new one). A longer text matches fewer places; but a word of digits and dashes also matches by
 * its bare digits, which a word that was not one never did: `--` matches no account, `--2`
 * matches every account with a 2 (found by the typing property test, seed -735644778).
 */
function extendsWord(word: QueryWord, before: QueryWord): boolean {
  if (!word.text.startsWith(before.text)) return false;
  return word.digits === undefined || before.digits !== undefined;
}

export class IncrementalSearch<T extends SearchableEntry = CatalogueEntry> {
  private lastWords: QueryWord[] = [];
  private lastResult: SearchMatch[] | null = null;
  private built: SearchIndex<T> | null = null;

  constructor(private readonly entries: readonly T[]) {}

  /** Built on first use, so creating a search costs nothing before the first keystroke. */
  get index(): SearchIndex<T> {
    return (this.built ??= buildSearchIndex(this.entries));
  }

  /**
   * Builds the index and runs one search without remembering it, so the first real keystroke
   * finds both ready (the popup calls this while the user reads). Changes no result.
   */
  warm(): void {
    const first = this.entries[0];
    if (first === undefined) return;
    searchIndex(this.index, first.profile.slice(0, 2));
  }

  search(query: string): SearchMatch[] {
    const words = parseQuery(query);
    const result = searchIndex(this.index, query, this.candidates(words));
    this.lastWords = words;
    this.lastResult = result;
    return result;
  }

  /**
   * The entries the query can match when it only extends the previous one (each previous word
   * a prefix of the word in its place, maybe more words): the previous matches, plus the
   * entries a word names by environment or partition (`prd` matches where `pr` did not).
   */
  private candidates(words: QueryWord[]): Iterable<number> | undefined {
    const last = this.lastWords;
    if (this.lastResult === null || last.length === 0 || words.length < last.length) return undefined;
    if (!last.every((w, i) => extendsWord(words[i]!, w))) return undefined;
    // Only a word that changed can match an entry the previous query did not.
    const named: (readonly number[])[] = [];
    last.forEach((w, i) => {
      const list = words[i]!.text === w.text ? [] : namedBy(this.index, words[i]!.text);
      if (list.length > 0) named.push(list);
    });
    if (named.length === 0) return this.lastResult.map((m) => m.index);
    const seen = new Uint8Array(this.entries.length);
    const out: number[] = [];
    for (const list of [this.lastResult.map((m) => m.index), ...named]) {
      for (const i of list) {
        if (seen[i]) continue;
        seen[i] = 1;
        out.push(i);
      }
    }
    return out;
  }
}
