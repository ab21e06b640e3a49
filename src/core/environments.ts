// Which app and which environment a profile belongs to, read from its name.
//
// Real names put the environment anywhere (`xero-payroll-prod`, `prod-deploy`,
// `cn-cx-staging-admin`, `Surf-Prod-EU`, `data-sbx-001`, `AccountName/RoleName`), so the
// name is split into tokens and the first environment word decides. Production detection
// is the safety feature and is deliberately eager: a production word anywhere wins over any
// other environment, except the few words that mean "not production" (`preprod`, `non-prod`).
import type { Environment } from './types';

/** The bucket for names nothing could be inferred from. Never dropped, always last. */
export const OTHER_APP = 'Other';

/** Written word → canonical environment. Lower-case; trailing digits are ignored (`test2`, `sbx001`). */
/** A lookup table without a prototype, so words like `constructor` find nothing. */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

export const ENV_SYNONYMS: Readonly<Record<string, Environment>> = table({
  dev: 'development',
  devel: 'development',
  develop: 'development',
  development: 'development',
  test: 'test',
  tst: 'test',
  testing: 'test',
  qa: 'test',
  uat: 'test',
  int: 'test',
  integration: 'test',
  acceptance: 'test',
  stage: 'staging',
  stg: 'staging',
  staging: 'staging',
  preprod: 'staging',
  preprd: 'staging',
  preproduction: 'staging',
  pre: 'staging',
  prod: 'production',
  prd: 'production',
  production: 'production',
  live: 'production',
  sandbox: 'sandbox',
  sbx: 'sandbox',
  playground: 'sandbox',
  lab: 'sandbox',
  labs: 'sandbox',
});

/** Words that contain a production word but say the opposite. Their environment is not production. */
const NOT_PRODUCTION: Readonly<Record<string, Environment>> = table({
  preprod: 'staging',
  preprd: 'staging',
  preproduction: 'staging',
  nonprod: 'other',
  nonprd: 'other',
  nonproduction: 'other',
});

/** `pre`/`non` directly before a production word (`pre-prod`, `Non_Prod`, `PreProd`) negate it. */
const NEGATING_PREFIXES = new Set(['pre', 'non']);
const PRODUCTION_WORDS = new Set(['prod', 'prd', 'production', 'live']);

/**
 * Environment words that are also recognised glued to the end of another word (`awsprod`,
 * `capdev`). Only words no common English word ends with: not `test` (latest), `int` (print),
 * `lab` (collab), `live` (olive), `pre`, `stage` (backstage).
 */
const GLUED_SUFFIXES = ['preproduction', 'production', 'development', 'staging', 'sandbox', 'preprod', 'nonprod', 'prod', 'prd', 'dev', 'stg', 'sbx', 'uat', 'qa'];

/** Words that name a role, an access level or a region rather than an app. */
const ROLE_WORDS = new Set([
  'admin', 'admins', 'administrator', 'administrators', 'administratoraccess', 'adm',
  'readonly', 'readonlyaccess', 'read', 'only', 'ro', 'rw', 'readwrite', 'write',
  'poweruser', 'poweruseraccess', 'power', 'user', 'users',
  'deploy', 'deployer', 'deployment', 'developer', 'developers', 'engineer', 'engineers',
  'operator', 'operators', 'viewer', 'view', 'fullaccess', 'full', 'access',
  'role', 'sso', 'mfa', 'terraform', 'tf', 'cicd', 'root', 'auditor',
  'manager', 'owner', 'maintainer', 'contributor', 'reader', 'writer', 'break', 'glass', 'breakglass',
]);
const REGION_WORDS = new Set([
  'us', 'eu', 'ap', 'ca', 'sa', 'me', 'af', 'il', 'mx', 'cn', 'gov', 'usgov',
  'east', 'west', 'north', 'south', 'central', 'northeast', 'northwest', 'southeast', 'southwest',
  'apac', 'emea', 'amer', 'na', 'uk', 'au', 'jp', 'de', 'fr', 'in', 'sg', 'br',
  'gbl', 'global',
]);

export interface NameToken {
  /** Lower-cased text. */
  text: string;
  /** Offsets in the original name, so the app keeps the user's own separators. */
  start: number;
  end: number;
}

/** A word's position plus what it means (its lower-cased text is `info.word`). */
interface Token {
  start: number;
  end: number;
  info: WordInfo;
}

/** Everything the rules need to know about one lower-cased word, independent of its neighbours. */
interface WordInfo {
  /** The lower-cased word. */
  word: string;
  /** Without trailing digits (`test2` → `test`); may be empty (`001`). */
  base: string;
  /** Environment of a synonym or a not-production word. */
  env: Environment | undefined;
  notProduction: boolean;
  /** `prod`, `prd`, `production`, `live` (negated by a `pre`/`non` just before it). */
  productionWord: boolean;
  /** `pre` or `non`. */
  negator: boolean;
  /** Production on its own, whatever the neighbours: `prodeu`, `prd1x`, `awsprod`, `production2`. */
  productionLike: boolean;
  /** `awsprod` → production, label `prod`, glued app prefix length 3. */
  glued: { env: Environment; label: string; gluedPrefix: number } | undefined;
  role: boolean;
  /** Role, region or number word: never part of an app's end. */
  noise: boolean;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isWordChar(c: number): boolean {
  // ASCII letters and digits, and every non-ASCII character (letters of other scripts, emoji):
  // only ASCII punctuation and white space separate words.
  return isUpper(c) || isLower(c) || isDigit(c) || c > 127;
}

function stripTrailingDigits(word: string): string {
  let end = word.length;
  while (end > 0 && isDigit(word.charCodeAt(end - 1))) end--;
  return end === word.length ? word : word.slice(0, end);
}

// Profile names repeat a small vocabulary (apps, envs, roles), so word meanings are cached in
// an open-addressing table that is probed straight from the name's characters: no slice, no
// toLowerCase, no string hashing per word (importConfig reads thousands of names).
const TABLE_SIZE = 1 << 15;
const MAX_WORDS = TABLE_SIZE >> 1;
let tableKeys: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE);
let tableInfos: (WordInfo | undefined)[] = new Array<WordInfo | undefined>(TABLE_SIZE);
let tableCount = 0;

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** FNV-1a over the lower-cased ASCII characters of name[start, end). */
function hashWord(name: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lowerCode(name.charCodeAt(i)), 16777619);
  return h >>> 0;
}

/** The meaning of the word name[start, end), which must be ASCII (other words go through wordInfo). */
function asciiWordInfo(name: string, start: number, end: number): WordInfo {
  const length = end - start;
  let slot = hashWord(name, start, end) & (TABLE_SIZE - 1);
  for (;;) {
    const key = tableKeys[slot];
    if (key === undefined) break;
    if (key.length === length) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (key.charCodeAt(i) !== lowerCode(name.charCodeAt(start + i))) {
          same = false;
          break;
        }
      }
      if (same) return tableInfos[slot]!;
    }
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
  const word = name.slice(start, end).toLowerCase();
  const info = describeWord(word);
  if (tableCount >= MAX_WORDS) {
    // Bounded, so a hostile paste cannot grow it without end.
    tableKeys = new Array<string | undefined>(TABLE_SIZE);
    tableInfos = new Array<WordInfo | undefined>(TABLE_SIZE);
    tableCount = 0;
    return asciiWordInfo(name, start, end);
  }
  tableKeys[slot] = word;
  tableInfos[slot] = info;
  tableCount++;
  return info;
}

/** The meaning of a lower-cased word (any script). */
function wordInfo(word: string): WordInfo {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return describeWord(word);
  return asciiWordInfo(word, 0, word.length);
}

function describeWord(word: string): WordInfo {
  const base = stripTrailingDigits(word);
  const notProd = NOT_PRODUCTION[base];
  const productionWord = PRODUCTION_WORDS.has(base);
  const glued = notProd || ENV_SYNONYMS[base] ? undefined : gluedEnv(base);
  return {
    word,
    base,
    env: notProd ?? ENV_SYNONYMS[base],
    notProduction: notProd !== undefined,
    productionWord,
    negator: NEGATING_PREFIXES.has(word),
    productionLike:
      !productionWord &&
      notProd === undefined &&
      (base.startsWith('production') || (base.startsWith('prod') && !base.startsWith('produc')) || base.startsWith('prd') || glued?.env === 'production'),
    glued,
    role: ROLE_WORDS.has(word),
    noise: base === '' || ROLE_WORDS.has(word) || ROLE_WORDS.has(base) || REGION_WORDS.has(word),
  };
}

/** Tokens of name[from, to), with their word meanings. */
function tokens(name: string, from = 0, to = name.length): Token[] {
  const out: Token[] = [];
  let start = -1;
  let ascii = true;
  for (let i = from; i <= to; i++) {
    const c = i < to ? name.charCodeAt(i) : 32;
    if (!isWordChar(c)) {
      if (start >= 0) out.push(token(name, start, i, ascii));
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      ascii = c <= 127;
      continue;
    }
    if (c > 127) {
      ascii = false;
      continue;
    }
    // lower → Upper: `dataPipe`; UPPER → Upper+lower: the `A` of `AWSAdmin` starts `Admin`.
    if (isUpper(c)) {
      const prev = name.charCodeAt(i - 1);
      if (isLower(prev) || (isUpper(prev) && i + 1 < to && isLower(name.charCodeAt(i + 1)))) {
        out.push(token(name, start, i, ascii));
        start = i;
        ascii = true;
      }
    }
  }
  return out;
}

function token(name: string, start: number, end: number, ascii: boolean): Token {
  return { start, end, info: ascii ? asciiWordInfo(name, start, end) : describeWord(name.slice(start, end).toLowerCase()) };
}

/**
 * Splits a profile name into words: on every ASCII character that is not a letter or digit
 * (`-`, `_`, `.`, `/`, space, …) and on camel-case boundaries (`DataPipe` → data, pipe;
 * `AWSAdministrator` → aws, administrator). Digits stay attached (`test2`, `sbx001`).
 */
export function tokenizeName(name: string, from = 0, to = name.length): NameToken[] {
  return tokens(name, from, to).map(({ info, start, end }) => ({ text: info.word, start, end }));
}

/** One environment word found in a token list. */
interface EnvMatch {
  env: Environment;
  /** The word as written, lower-cased, without trailing digits (`qa`, `prd`, `pre-prod`). */
  label: string;
  /** Token range [first, last] the word covers (two tokens for `pre-prod`). */
  first: number;
  last: number;
  /** Length of the app part glued before the word inside the token (`aws` of `awsprod`), else 0. */
  gluedPrefix: number;
}

/** `pre-prod`, `non_prod`, `PreProd`: but not across a `/` (`pre/prod` is account `pre`, role `prod`). */
function isNegatingPair(name: string, list: Token[], i: number): boolean {
  const token = list[i]!;
  if (!token.info.negator) return false;
  const next = list[i + 1];
  return next !== undefined && next.info.productionWord && (next.start === token.end || !name.slice(token.end, next.start).includes('/'));
}

/**
 * Every environment word in the tokens, in order. `pre`/`non` + production word pairs count
 * as one word (`pre-prod` is staging, `non-prod` is other).
 */
function findEnvWords(name: string, list: Token[]): EnvMatch[] {
  const found: EnvMatch[] = [];
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    const info = token.info;
    if (info.negator && isNegatingPair(name, list, i)) {
      const next = list[i + 1]!;
      const env = NOT_PRODUCTION[token.info.word + next.info.base] ?? 'other';
      const label = stripTrailingDigits(name.slice(token.start, next.end).toLowerCase());
      found.push({ env, label, first: i, last: i + 1, gluedPrefix: 0 });
      i++;
      continue;
    }
    if (info.env) found.push({ env: info.env, label: info.base, first: i, last: i, gluedPrefix: 0 });
    else if (info.glued) found.push({ env: info.glued.env, label: info.glued.label, gluedPrefix: info.glued.gluedPrefix, first: i, last: i });
  }
  return found;
}

/** `awsprod` → production with app `aws`; `teamnonprod` → other. */
function gluedEnv(word: string): { env: Environment; label: string; gluedPrefix: number } | undefined {
  for (const suffix of GLUED_SUFFIXES) {
    if (word.length < suffix.length + 2 || !word.endsWith(suffix)) continue;
    const prefix = word.slice(0, word.length - suffix.length);
    // `...preprod`, `...nonprod` arrive here as the `prod` suffix when the longer one missed.
    if ((suffix === 'prod' || suffix === 'prd' || suffix === 'production') && (prefix.endsWith('pre') || prefix.endsWith('non'))) {
      const negated = prefix.slice(-3) + suffix;
      return { env: NOT_PRODUCTION[negated] ?? 'other', label: negated, gluedPrefix: prefix.length - 3 };
    }
    const env = NOT_PRODUCTION[suffix] ?? ENV_SYNONYMS[suffix];
    if (env) return { env, label: suffix, gluedPrefix: prefix.length };
  }
  return undefined;
}

/**
 * True when a token is, or starts or ends like, a production word: `prod`, `PRD`, `live`,
 * `prod1`, `awsprod`, `prodeu`, `production-like` — but not `preprod`, `non-prod`,
 * `preproduction`, nor `product`/`produce` (different words that start with `prod`).
 */
function tokenIsProduction(name: string, list: Token[], i: number): boolean {
  const info = list[i]!.info;
  if (info.productionWord) return !(i > 0 && isNegatingPair(name, list, i - 1));
  return info.productionLike;
}

function anyProduction(name: string, list: Token[]): number {
  for (let i = 0; i < list.length; i++) if (tokenIsProduction(name, list, i)) return i;
  return -1;
}

const productionCache = new Map<string, boolean>();

/** Eager production test of any text: a profile name, an `env` value, a role name, an alias. */
export function hasProductionWord(text: string): boolean {
  if (!text) return false;
  let result = productionCache.get(text);
  if (result === undefined) {
    result = anyProduction(text, tokens(text)) >= 0;
    if (productionCache.size >= MAX_WORDS) productionCache.clear();
    productionCache.set(text, result);
  }
  return result;
}

/** The environment an explicit value names (`env = qa`, `env = Production`), or undefined. */
export function envFromText(text: string): { env: Environment; label: string } | undefined {
  const list = tokens(text);
  const words = findEnvWords(text, list);
  const prod = anyProduction(text, list);
  if (prod >= 0) {
    const word = words.find((w) => w.env === 'production');
    return { env: 'production', label: word?.label ?? list[prod]!.info.base };
  }
  const first = words[0];
  return first ? { env: first.env, label: first.label } : undefined;
}

export interface AppEnv {
  /** Lower-cased app as written in the name (`data-lake`, `cn-cx`), or `Other`. */
  app: string;
  env: Environment;
  /** The environment word as written, lower-cased (`qa`, `prd`), or the canonical name. */
  envLabel: string;
  /** True when any production word appears anywhere in the name. */
  isProduction: boolean;
}

/** The app from tokens [from, to): drops role/region/number words at the end; undefined if nothing is left. */
function appFromTokens(name: string, list: Token[], from: number, to: number): string | undefined {
  let last = to - 1;
  while (last >= from && list[last]!.info.noise) last--;
  if (last < from) return undefined;
  // Leading role words go (`admin-payments-prod`); leading region words stay (`cn-cx`, `eu-shop`).
  let first = from;
  while (first < last && list[first]!.info.role) first++;
  return name.slice(list[first]!.start, list[last]!.end).toLowerCase();
}

/** The app from the tokens after a leading environment word: up to the first role/region word. */
function appAfterPrefix(name: string, list: Token[], from: number): string | undefined {
  let last = from - 1;
  while (last + 1 < list.length && !list[last + 1]!.info.noise) last++;
  if (last < from) return undefined;
  return name.slice(list[from]!.start, list[last]!.end).toLowerCase();
}

/**
 * App and environment of one profile name. Rules, in order:
 * - a production word anywhere makes it production (the safety rule);
 * - otherwise the first environment word decides (`qa-lab` is test);
 * - the app is the words before the environment word (`dfinitiv-mojo-dev-power-user` →
 *   `dfinitiv-mojo`), or, when the name starts with it, the words after it up to the first
 *   role/region word (`prod-payments-admin` → `payments`);
 * - `Account/Role` names (Granted) are read from the account part; the role part only counts
 *   when the account part has no environment word. Without one the account is the app.
 * - nothing found: app `Other`, env `other`.
 */
export function inferAppEnv(name: string): AppEnv {
  const slash = name.indexOf('/');
  const accountEnd = slash >= 0 ? slash : name.length;
  const list = tokens(name, 0, accountEnd);
  const words = findEnvWords(name, list);
  const prodIndex = anyProduction(name, list);
  let isProduction = prodIndex >= 0;
  if (slash >= 0) {
    // The role part (`AccountName/ProdAdmin`) still counts for production.
    if (!isProduction) isProduction = hasProductionWord(name.slice(slash + 1));
    if (words.length === 0) {
      const roleWords = findEnvWords(name, tokens(name, slash + 1, name.length));
      const accountApp = appFromTokens(name, list, 0, list.length) ?? OTHER_APP;
      const chosen = pickWord(roleWords, isProduction);
      if (chosen) return { app: accountApp, env: isProduction ? 'production' : chosen.env, envLabel: chosen.label, isProduction };
      if (isProduction) return { app: accountApp, env: 'production', envLabel: 'production', isProduction };
      return { app: accountApp, env: 'other', envLabel: 'other', isProduction };
    }
  }
  const chosen = pickWord(words, isProduction);
  if (!chosen) {
    if (prodIndex >= 0) {
      // A production word that is not an environment word on its own (`prodeu`, `production2x`).
      const app = appFromTokens(name, list, 0, prodIndex) ?? appAfterPrefix(name, list, prodIndex + 1) ?? OTHER_APP;
      return { app, env: 'production', envLabel: 'production', isProduction };
    }
    if (isProduction) return { app: OTHER_APP, env: 'production', envLabel: 'production', isProduction };
    return { app: OTHER_APP, env: 'other', envLabel: 'other', isProduction: false };
  }
  let app: string | undefined;
  if (chosen.gluedPrefix > 0) {
    const token = list[chosen.first]!;
    const before = appFromTokens(name, list, 0, chosen.first);
    const glued = name.slice(token.start, token.start + chosen.gluedPrefix).toLowerCase();
    app = before ? name.slice(list[0]!.start, token.start + chosen.gluedPrefix).toLowerCase() : glued;
  } else if (chosen.first > 0) {
    app = appFromTokens(name, list, 0, chosen.first) ?? appAfterPrefix(name, list, chosen.last + 1);
  } else {
    app = appAfterPrefix(name, list, chosen.last + 1);
  }
  const env: Environment = isProduction ? 'production' : chosen.env;
  return { app: app ?? OTHER_APP, env, envLabel: chosen.label, isProduction };
}

function pickWord(words: EnvMatch[], isProduction: boolean): EnvMatch | undefined {
  if (isProduction) return words.find((w) => w.env === 'production') ?? words[0];
  return words[0];
}

/**
 * For a name nothing could be inferred from: the longest known app its words start with
 * (`cn-cx-build-admin` joins `cn-cx` when `cn-cx-dev-admin` made that an app), and the next
 * word as the environment label (`build`). Undefined when no known app fits.
 */
export function matchKnownApp(name: string, knownApps: ReadonlySet<string>): { app: string; envLabel: string } | undefined {
  const list = tokens(name);
  let best: { app: string; envLabel: string } | undefined;
  for (let i = 0; i < list.length - 1; i++) {
    const app = name.slice(list[0]!.start, list[i]!.end).toLowerCase();
    if (!knownApps.has(app)) continue;
    best = { app, envLabel: labelAfter(list, i + 1) };
  }
  return best;
}

/** The canonical env of a written label, for labels that came from explicit keys. */
export function canonicalEnv(label: string): Environment {
  return wordInfo(label.toLowerCase().replace(/[^a-z0-9]/g, '')).env ?? 'other';
}

/**
 * Among names nothing could be inferred from, those that share their first words with at
 * least one other (`cnscca-audit`, `cnscca-logs` → `cnscca`) form an app: the longest word
 * prefix they share, minus trailing role/region words. The next word is the env label.
 * Names starting with a number (account-ID names), a role word or an environment word are
 * left alone. Linear: one
 * bucket per first word.
 */
export function sharedPrefixApps(names: readonly string[]): { index: number; app: string; envLabel: string }[] {
  const buckets = new Map<string, number[]>();
  const lists = names.map((n) => tokens(n));
  lists.forEach((list, i) => {
    const first = list[0];
    if (!first || list.length < 2 || isDigit(first.info.word.charCodeAt(0)) || first.info.role) return;
    if (first.info.env || first.info.negator || first.info.productionWord) return; // `test-admin`: an env, not an app
    const bucket = buckets.get(first.info.word);
    if (bucket) bucket.push(i);
    else buckets.set(first.info.word, [i]);
  });
  const out: { index: number; app: string; envLabel: string }[] = [];
  for (const members of buckets.values()) {
    if (members.length < 2) continue;
    // Longest common word prefix, kept shorter than every name so each keeps a word of its own.
    const ref = lists[members[0]!]!;
    let common = ref.length - 1;
    for (const i of members) {
      const list = lists[i]!;
      let k = 0;
      const limit = Math.min(common, list.length - 1);
      while (k < limit && list[k]!.info.word === ref[k]!.info.word) k++;
      common = k;
    }
    while (common > 1 && ref[common - 1]!.info.noise) common--;
    if (common < 1) continue;
    for (const i of members) {
      const list = lists[i]!;
      const app = names[i]!.slice(list[0]!.start, list[common - 1]!.end).toLowerCase();
      out.push({ index: i, app, envLabel: labelAfter(list, common) });
    }
  }
  return out;
}

/** The first non-role, non-region word from `from` on, as an environment label, or `other`. */
function labelAfter(list: Token[], from: number): string {
  for (let i = from; i < list.length; i++) {
    const t = list[i]!;
    if (!t.info.noise) return t.info.base || t.info.word;
  }
  return 'other';
}
