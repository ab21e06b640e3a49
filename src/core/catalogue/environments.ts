// Which app and which environment a profile belongs to, read from its name.
//
// Real names put the environment anywhere (`xero-payroll-prod`, `prod-deploy`,
// `cn-cx-staging-admin`, `Surf-Prod-EU`, `data-sbx-001`, `AccountName/RoleName`), so the
// name is split into tokens and the first environment word decides. Production detection
// is the safety feature and is deliberately eager: a production word anywhere wins over any
// other environment, except the few words that mean "not production" (`preprod`, `non-prod`).
import { BoundedCache } from '../bounded-cache';
import type { Environment } from '../types';

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
  // DTAP naming (development, test, acceptance, production): `constellation-acc`.
  acc: 'test',
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
  // ASCII letters and digits, and every non-ASCII character (letters of other scripts, emoji)
  // except the spaces, dashes and dots people put between words: no-break space, middle dot,
  // the General Punctuation block (en dash, zero-width space, …), ideographic space and comma.
  if (c <= 127) return isUpper(c) || isLower(c) || isDigit(c);
  return !(c === 0xa0 || c === 0xad || c === 0xb7 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x3002) || c === 0xfeff);
}

function stripTrailingDigits(word: string): string {
  let end = word.length;
  while (end > 0 && isDigit(word.charCodeAt(end - 1))) end--;
  return end === word.length ? word : word.slice(0, end);
}

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

// Profile names repeat a small vocabulary (apps, envs, roles): each word's meaning is worked
// out once.
const words = new BoundedCache<string, WordInfo>(1 << 14, describeWord);

/** The meaning of a lower-cased word (any script). */
function wordInfo(word: string): WordInfo {
  return words.get(word);
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

/**
 * The words of a name: parallel arrays of offsets and meanings. Reused between calls (a few
 * module-level lists), so reading thousands of names allocates nothing per word.
 */
class TokenList {
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  infos: WordInfo[] = [];
  length = 0;

  push(start: number, end: number, info: WordInfo): void {
    const n = this.length;
    if (n === this.starts.length) {
      const starts = new Int32Array(n * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(n * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.starts[n] = start;
    this.ends[n] = end;
    this.infos[n] = info;
    this.length = n + 1;
  }
}

// One list per role, so a function may tokenize a second text while it still reads the first.
const nameWords = new TokenList();
const roleWords = new TokenList();
const textWords = new TokenList();

/** Fills `list` with the words of name[from, to) and their meanings; returns it. */
function tokens(name: string, list: TokenList, from = 0, to = name.length): TokenList {
  list.length = 0;
  let i = from;
  while (i < to) {
    let c = name.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    let start = i;
    for (i++; i < to; i++) {
      c = name.charCodeAt(i);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
      if (c > 127) {
        if (!isWordChar(c)) break; // a no-break space, an en dash, …
        continue;
      }
      if (!isUpper(c)) break; // a separator ends the word
      // lower → Upper: `dataPipe`; UPPER → Upper+lower: the `A` of `AWSAdmin` starts `Admin`.
      const prev = name.charCodeAt(i - 1);
      if (isLower(prev) || (isUpper(prev) && i + 1 < to && isLower(name.charCodeAt(i + 1)))) {
        list.push(start, i, wordInfo(lowerSlice(name, start, i)));
        start = i;
      }
    }
    list.push(start, i, wordInfo(lowerSlice(name, start, i)));
  }
  return list;
}

/**
 * Splits a profile name into words: on every ASCII character that is not a letter or digit
 * (`-`, `_`, `.`, `/`, space, …) and on camel-case boundaries (`DataPipe` → data, pipe;
 * `AWSAdministrator` → aws, administrator). Digits stay attached (`test2`, `sbx001`).
 */
export function tokenizeName(name: string, from = 0, to = name.length): NameToken[] {
  const list = tokens(name, new TokenList(), from, to);
  const out: NameToken[] = [];
  for (let i = 0; i < list.length; i++) out.push({ text: list.infos[i]!.word, start: list.starts[i]!, end: list.ends[i]! });
  return out;
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

const nameMatch: EnvMatch = { env: 'other', label: '', first: 0, last: 0, gluedPrefix: 0 };
const roleMatch: EnvMatch = { env: 'other', label: '', first: 0, last: 0, gluedPrefix: 0 };

/** `pre-prod`, `non_prod`, `PreProd`: but not across a `/` (`pre/prod` is account `pre`, role `prod`). */
function isNegatingPair(name: string, list: TokenList, i: number): boolean {
  if (!list.infos[i]!.negator || i + 1 >= list.length) return false;
  if (!list.infos[i + 1]!.productionWord) return false;
  const end = list.ends[i]!;
  const nextStart = list.starts[i + 1]!;
  if (nextStart === end) return true;
  for (let k = end; k < nextStart; k++) if (name.charCodeAt(k) === 0x2f /* / */) return false;
  return true;
}

/**
 * The first environment word in the tokens (with `productionOnly`, the first production
 * one), into `out`; false when there is none. `pre`/`non` + production word pairs count as
 * one word (`pre-prod` is staging, `non-prod` is other).
 */
function findEnvWord(name: string, list: TokenList, productionOnly: boolean, out: EnvMatch): boolean {
  const infos = list.infos;
  for (let i = 0; i < list.length; i++) {
    const info = infos[i]!;
    if (info.negator && isNegatingPair(name, list, i)) {
      const next = infos[i + 1]!;
      const env = NOT_PRODUCTION[info.word + next.base] ?? 'other';
      if (!productionOnly || env === 'production') {
        out.env = env;
        out.label = stripTrailingDigits(name.slice(list.starts[i]!, list.ends[i + 1]!).toLowerCase());
        out.first = i;
        out.last = i + 1;
        out.gluedPrefix = 0;
        return true;
      }
      i++;
      continue;
    }
    if (info.env) {
      if (productionOnly && info.env !== 'production') continue;
      out.env = info.env;
      out.label = info.base;
      out.first = i;
      out.last = i;
      out.gluedPrefix = 0;
      return true;
    }
    if (info.glued) {
      if (productionOnly && info.glued.env !== 'production') continue;
      out.env = info.glued.env;
      out.label = info.glued.label;
      out.first = i;
      out.last = i;
      out.gluedPrefix = info.glued.gluedPrefix;
      return true;
    }
  }
  return false;
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
function tokenIsProduction(name: string, list: TokenList, i: number): boolean {
  const info = list.infos[i]!;
  if (info.productionWord) return !(i > 0 && isNegatingPair(name, list, i - 1));
  return info.productionLike;
}

function anyProduction(name: string, list: TokenList): number {
  for (let i = 0; i < list.length; i++) if (tokenIsProduction(name, list, i)) return i;
  return -1;
}

// The production backstop. The word rules above decide the environment and the app, and read
// `prod` only where the words fall as people usually write them. A production role must never
// look like anything else, so every production decision also asks this plainer question of
// the raw text: does `prod` or `prd` appear anywhere, in any case, glued to anything?

/**
 * Letters that look like ASCII ones (Cyrillic, Greek, small capitals): `prоd` with a Cyrillic
 * o. Lower case only: capitals are looked up lower-cased.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = table({
  '\u0430': 'a', '\u0435': 'e', '\u043e': 'o', '\u0440': 'p', '\u0441': 'c', '\u0445': 'x', '\u0456': 'i', '\u0501': 'd', '\u0475': 'v',
  '\u03bf': 'o', '\u03c1': 'p', '\u03b9': 'i', '\u03bd': 'v',
  '\u1d18': 'p', '\u0280': 'r', '\u1d0f': 'o', '\u1d05': 'd', '\u1d07': 'e', '\u029f': 'l', '\u026a': 'i', '\u1d20': 'v',
});

/**
 * A non-ASCII text as the backstop reads it: compatibility forms folded (full-width `ＰＲＯＤ`),
 * invisible characters dropped (zero-width space, soft hyphen), look-alike letters replaced,
 * and every other non-ASCII character made a separator (a no-break space, an en dash).
 */
function foldForBackstop(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    const c = ch.charCodeAt(0);
    if (c <= 127) out += ch;
    else if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) continue;
    else out += LOOK_ALIKES[ch] ?? LOOK_ALIKES[ch.toLowerCase()] ?? ' ';
  }
  return out;
}

/**
 * True when text[from, to) says `prod` or `prd` anywhere, in any case and glued to anything
 * (`PRODadmin`, `ACMEprod`, `acmeprodeu`, `PRod`), or `LIVE` as a capital word (`LIVEops`;
 * other `live` is left to the word rules, for `deliver` and `olive`). Not where `pre` or
 * `non` stands just before it (`preprod`, `Pre-Prod`, `non_prod`; not across a `/`), nor in
 * `product` and `produce` (`productie`, Dutch for production, still counts). Eager on
 * purpose: `prodigy` counts too, which only errs on the safe side.
 */
export function mentionsProduction(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) > 127) {
      const folded = foldForBackstop(text.slice(from, to));
      return asciiMentionsProduction(folded, 0, folded.length);
    }
  }
  return asciiMentionsProduction(text, from, to);
}

function asciiMentionsProduction(text: string, from: number, to: number): boolean {
  for (let i = from; i + 2 < to; i++) {
    // `LIVE` in capitals as a word of its own (`LIVEops`, `acmeLIVE`), where the word rules
    // read `LIV|Eops`; not inside a longer capital word (`OLIVE`, `DELIVERY`).
    if (text.charCodeAt(i) === 0x4c /* L */ && text.startsWith('LIVE', i) && !(i > from && isUpper(text.charCodeAt(i - 1))) && !(i + 4 < to && isUpper(text.charCodeAt(i + 4)))) {
      if (!negatedAt(text, from, i)) return true;
    }
    if (lowerCode(text.charCodeAt(i)) !== 0x70 /* p */ || lowerCode(text.charCodeAt(i + 1)) !== 0x72 /* r */) continue;
    const third = lowerCode(text.charCodeAt(i + 2));
    if (third === 0x6f /* o */) {
      if (i + 3 >= to || lowerCode(text.charCodeAt(i + 3)) !== 0x64 /* d */) continue;
      if (isProductOrProduce(text, i + 4, to)) continue;
    } else if (third !== 0x64 /* d */) continue;
    if (!negatedAt(text, from, i)) return true;
  }
  return false;
}

/** text[at, to) continues `prod` into `product…` (not `production`, `productie`) or `produce…`. */
function isProductOrProduce(text: string, at: number, to: number): boolean {
  if (at + 2 >= to || lowerCode(text.charCodeAt(at)) !== 0x75 /* u */ || lowerCode(text.charCodeAt(at + 1)) !== 0x63 /* c */) return false;
  const next = lowerCode(text.charCodeAt(at + 2));
  if (next === 0x65 /* e */) return true;
  if (next !== 0x74 /* t */) return false;
  // `production`, `productie`: the production word itself, not the product.
  if (at + 4 >= to || lowerCode(text.charCodeAt(at + 3)) !== 0x69 /* i */) return true;
  const after = lowerCode(text.charCodeAt(at + 4));
  return after !== 0x6f /* o */ && after !== 0x65 /* e */;
}

/** `pre` or `non` right before text[at], or before the separators just before it (but not a `/`). */
function negatedAt(text: string, from: number, at: number): boolean {
  let j = at;
  while (j > from && !isWordChar(text.charCodeAt(j - 1))) {
    if (text.charCodeAt(j - 1) === 0x2f /* / */) return false;
    j--;
  }
  if (j - 3 < from) return false;
  const a = lowerCode(text.charCodeAt(j - 3));
  const b = lowerCode(text.charCodeAt(j - 2));
  const c = lowerCode(text.charCodeAt(j - 1));
  return (a === 0x70 && b === 0x72 && c === 0x65) /* pre */ || (a === 0x6e && b === 0x6f && c === 0x6e) /* non */;
}

const productionOf = new BoundedCache<string, boolean>(1 << 14, (text) => anyProduction(text, tokens(text, textWords)) >= 0 || mentionsProduction(text));

/** Eager production test of any text: a profile name, an `env` value, a role name, an alias. */
export function hasProductionWord(text: string): boolean {
  return text !== '' && productionOf.get(text);
}

/** The environment an explicit value names (`env = qa`, `env = Production`), or undefined. */
export function envFromText(text: string): { env: Environment; label: string } | undefined {
  const list = tokens(text, textWords);
  const prod = anyProduction(text, list);
  const match = nameMatch;
  if (prod >= 0) {
    return { env: 'production', label: findEnvWord(text, list, true, match) ? match.label : list.infos[prod]!.base };
  }
  if (mentionsProduction(text)) return { env: 'production', label: 'production' };
  return findEnvWord(text, list, false, match) ? { env: match.env, label: match.label } : undefined;
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

/** name[from, to) lower-cased, without a copy when it has no upper-case letter. */
function lowerSlice(name: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const c = name.charCodeAt(i);
    if (isUpper(c) || c > 127) return name.slice(from, to).toLowerCase();
  }
  return name.slice(from, to);
}

/** The app from tokens [from, to): drops role/region/number words at the end; undefined if nothing is left. */
function appFromTokens(name: string, list: TokenList, from: number, to: number): string | undefined {
  let last = to - 1;
  while (last >= from && list.infos[last]!.noise) last--;
  if (last < from) return undefined;
  // Leading role words go (`admin-payments-prod`); leading region words stay (`cn-cx`, `eu-shop`).
  let first = from;
  while (first < last && list.infos[first]!.role) first++;
  return lowerSlice(name, list.starts[first]!, list.ends[last]!);
}

/** The app from the tokens after a leading environment word: up to the first role/region word. */
function appAfterPrefix(name: string, list: TokenList, from: number): string | undefined {
  let last = from - 1;
  while (last + 1 < list.length && !list.infos[last + 1]!.noise) last++;
  if (last < from) return undefined;
  return lowerSlice(name, list.starts[from]!, list.ends[last]!);
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
/** No environment word to show: production (eager) when anything said so, else "other". */
function setNoEnvWord(out: AppEnv, isProduction: boolean): void {
  out.env = isProduction ? 'production' : 'other';
  out.envLabel = out.env;
}

export function inferAppEnv(name: string): AppEnv {
  const out: AppEnv = { app: OTHER_APP, env: 'other', envLabel: 'other', isProduction: false };
  inferAppEnvInto(name, out);
  return out;
}

/**
 * inferAppEnv of the name text[from, to), writing into `out` (importConfig reads thousands of
 * names, straight from the config text).
 */
export function inferAppEnvInto(text: string, out: AppEnv, from = 0, to = text.length): void {
  inferFromWords(text, out, from, to);
  if (!out.isProduction && mentionsProduction(text, from, to)) {
    // The words missed it (`PRODadmin`, `acmeprodeu`, `acme prod` with a no-break space): the
    // safety rule still holds. The app stays what the words gave.
    out.isProduction = true;
    out.env = 'production';
    out.envLabel = 'production';
  }
}

/** inferAppEnvInto by the name's words alone. */
function inferFromWords(text: string, out: AppEnv, from: number, to: number): void {
  const name = text;
  let slash = -1;
  for (let i = from; i < to; i++) {
    if (name.charCodeAt(i) === 0x2f /* / */) {
      slash = i;
      break;
    }
  }
  const accountEnd = slash >= 0 ? slash : to;
  const list = tokens(name, nameWords, from, accountEnd);
  const prodIndex = anyProduction(name, list);
  let isProduction = prodIndex >= 0;
  out.isProduction = isProduction;
  if (slash >= 0) {
    // The role part (`AccountName/ProdAdmin`) still counts for production.
    if (!isProduction) isProduction = out.isProduction = hasProductionWord(name.slice(slash + 1, to));
    if (!findEnvWord(name, list, false, nameMatch)) {
      const roles = tokens(name, roleWords, slash + 1, to);
      out.app = appFromTokens(name, list, 0, list.length) ?? OTHER_APP;
      const chosen = roleMatch;
      if ((isProduction && findEnvWord(name, roles, true, chosen)) || findEnvWord(name, roles, false, chosen)) {
        out.env = isProduction ? 'production' : chosen.env;
        out.envLabel = chosen.label;
      } else {
        setNoEnvWord(out, isProduction);
      }
      return;
    }
  }
  const chosen = nameMatch;
  if (!((isProduction && findEnvWord(name, list, true, chosen)) || findEnvWord(name, list, false, chosen))) {
    if (prodIndex >= 0) {
      // A production word that is not an environment word on its own (`prodeu`, `production2x`).
      out.app = appFromTokens(name, list, 0, prodIndex) ?? appAfterPrefix(name, list, prodIndex + 1) ?? OTHER_APP;
      out.env = 'production';
      out.envLabel = 'production';
      return;
    }
    out.app = OTHER_APP;
    setNoEnvWord(out, isProduction);
    return;
  }
  let app: string | undefined;
  if (chosen.gluedPrefix > 0) {
    const tokenStart = list.starts[chosen.first]!;
    const before = appFromTokens(name, list, 0, chosen.first);
    app = before ? lowerSlice(name, list.starts[0]!, tokenStart + chosen.gluedPrefix) : lowerSlice(name, tokenStart, tokenStart + chosen.gluedPrefix);
  } else if (chosen.first > 0) {
    app = appFromTokens(name, list, 0, chosen.first) ?? appAfterPrefix(name, list, chosen.last + 1);
  } else {
    app = appAfterPrefix(name, list, chosen.last + 1);
  }
  out.app = app ?? OTHER_APP;
  out.env = isProduction ? 'production' : chosen.env;
  out.envLabel = chosen.label;
}

/**
 * For a name nothing could be inferred from: the longest known app its words start with
 * (`cn-cx-build-admin` joins `cn-cx` when `cn-cx-dev-admin` made that an app), and the next
 * word as the environment label (`build`). Undefined when no known app fits.
 */
export function matchKnownApp(name: string, knownApps: ReadonlySet<string>): { app: string; envLabel: string } | undefined {
  const list = tokens(name, textWords);
  let best: { app: string; envLabel: string } | undefined;
  for (let i = 0; i < list.length - 1; i++) {
    const app = name.slice(list.starts[0]!, list.ends[i]!).toLowerCase();
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
  const lists = names.map((n) => tokens(n, new TokenList()));
  lists.forEach((list, i) => {
    const first = list.length > 0 ? list.infos[0] : undefined;
    if (!first || list.length < 2 || isDigit(first.word.charCodeAt(0)) || first.role) return;
    if (first.env || first.negator || first.productionWord) return; // `test-admin`: an env, not an app
    const bucket = buckets.get(first.word);
    if (bucket) bucket.push(i);
    else buckets.set(first.word, [i]);
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
      while (k < limit && list.infos[k]!.word === ref.infos[k]!.word) k++;
      common = k;
    }
    while (common > 1 && ref.infos[common - 1]!.noise) common--;
    if (common < 1) continue;
    for (const i of members) {
      const list = lists[i]!;
      const app = names[i]!.slice(list.starts[0]!, list.ends[common - 1]!).toLowerCase();
      out.push({ index: i, app, envLabel: labelAfter(list, common) });
    }
  }
  return out;
}

/** The first non-role, non-region word from `from` on, as an environment label, or `other`. */
function labelAfter(list: TokenList, from: number): string {
  for (let i = from; i < list.length; i++) {
    const info = list.infos[i]!;
    if (!info.noise) return info.base || info.word;
  }
  return 'other';
}
