// The import benchmark's workload, runtime-neutral: the generated configs, the two floors, the
// plain reference importer and the measuring loop. `npm run bench -- import` runs it in Node
// (import.ts) and, bundled, in Chromium (import-browser.ts), the engine the extension runs on,
// so both tables come from the very same code.
import { importConfig } from '../../src/core/catalogue/import-config';
import { readAwsConfig } from '../../src/core/config/parse-aws-config';

const APPS = ['payments', 'search', 'data-lake', 'checkout', 'identity', 'billing', 'ledger', 'catalog', 'orders', 'shipping', 'notifications', 'analytics', 'ml-platform', 'edge', 'media', 'reporting', 'crm', 'inventory', 'pricing', 'fraud'];
const ENVS = ['dev', 'development', 'qa', 'uat', 'test', 'staging', 'stg', 'preprod', 'prod', 'production', 'sbx', 'sandbox'];
const ROLES = ['Admin', 'ReadOnly', 'Developer', 'PowerUser', 'team/ops/Deployer', 'platform/Breakglass'];
const ROLE_SUFFIX = ['admin', 'readonly', 'developer', 'poweruser', 'deploy', 'breakglass'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2', 'eu-central-1'];
const COLORS = ['ffaaee', '00aa00', 'ff0000', '3366ff', 'ffcc00'];

/** A deterministic 12-digit account ID for account number `n`. */
function accountId(n: number): string {
  return String(100000000000 + ((n * 7919) % 899999999999)).padStart(12, '0');
}

/** The i-th realistic profile name: app + env + role, with a team number once the pool runs out. */
function profileName(i: number): string {
  const role = ROLE_SUFFIX[i % ROLE_SUFFIX.length]!;
  const env = ENVS[Math.floor(i / ROLE_SUFFIX.length) % ENVS.length]!;
  const appIndex = Math.floor(i / (ROLE_SUFFIX.length * ENVS.length));
  const app = APPS[appIndex % APPS.length]!;
  const team = Math.floor(appIndex / APPS.length);
  return `${team > 0 ? `${app}${team}` : app}-${env}-${role}`;
}

/**
 * A config that aesr-config accepts in full: `[profile x]` role_arn profiles (60%), AESR
 * singles with aws_account_id + role_name (20%) and AESR targets of base accounts that carry
 * target_role_name (20%), with regions, colours and the odd comment, as real files have.
 */
export function aesrCompatibleConfig(profiles: number): string {
  const lines: string[] = ['# Generated for the import benchmark', ''];
  const bases = Math.max(1, Math.floor(profiles / 50));
  for (let b = 0; b < bases; b++) {
    lines.push(`[org${b}-base]`, `aws_account_id = ${accountId(900000 + b)}`, 'target_role_name = OrganizationAccountAccessRole', `target_region = ${REGIONS[b % REGIONS.length]}`, '');
  }
  let targets = 0;
  for (let i = 0; i < profiles; i++) {
    const name = profileName(i);
    const account = accountId(Math.floor(i / 3));
    const kind = i % 10;
    if (i % 25 === 0) lines.push(`# ${name.split('-')[0]} accounts`);
    if (kind < 6) {
      lines.push(`[profile ${name}]`, `role_arn = arn:aws:iam::${account}:role/${ROLES[i % ROLES.length]}`, `region = ${REGIONS[i % REGIONS.length]}`);
      if (i % 4 === 0) lines.push(`color = ${COLORS[i % COLORS.length]}`);
    } else if (kind < 8) {
      lines.push(`[${name}]`, `aws_account_id = ${account}`, `role_name = ${ROLES[i % ROLES.length]}`, `region = ${REGIONS[i % REGIONS.length]}`);
      if (i % 3 === 0) lines.push(`color = ${COLORS[i % COLORS.length]}`);
    } else {
      // Round-robin, so every base has targets (aesr-config rejects a base without any).
      lines.push(`[${name}]`, `aws_account_id = ${account}`, `source_profile = org${targets++ % bases}-base`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Everything importConfig reads: role chains from a source profile, SSO (session and legacy), AESR. */
export function mixedConfig(profiles: number): string {
  const lines: string[] = ['[default]', 'region = us-east-1', 'output = json', '', '[sso-session corp]', 'sso_start_url = https://d-1234567890.awsapps.com/start', 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access', ''];
  lines.push('[profile identity]', 'region = us-east-1', 'mfa_serial = arn:aws:iam::111122223333:mfa/me', '');
  for (let i = 0; i < profiles; i++) {
    const name = profileName(i);
    const account = accountId(Math.floor(i / 3));
    const kind = i % 4;
    if (kind === 0 || kind === 1) {
      lines.push(`[profile ${name}]`, `role_arn = arn:aws:iam::${account}:role/${ROLES[i % ROLES.length]}`, 'source_profile = identity', `region = ${REGIONS[i % REGIONS.length]}`);
    } else if (kind === 2) {
      lines.push(`[profile ${name}]`, 'sso_session = corp', `sso_account_id = ${account}`, `sso_role_name = ${ROLES[i % 4]!.replace('/', '')}`, `region = ${REGIONS[i % REGIONS.length]}`);
    } else {
      lines.push(`[${name}]`, `aws_account_id = ${account}`, `role_name = ${ROLES[i % ROLES.length]}`, `color = ${COLORS[i % COLORS.length]}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Floor 1, byte scan: one pass that looks at every character (counts line ends and '='). */
export function byteScan(text: string): number {
  let lines = 0;
  let equals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 61) equals++;
  }
  return lines + equals;
}

/**
 * Floor 2, line scan: one pass that splits the text into lines and, per line, finds the
 * delimiter and materialises the key and the value as (trimmed) strings: the minimum any INI
 * reader must do. Native indexOf for line ends and delimiters, so it is as fast as JS allows.
 */
export function lineScan(text: string): number {
  let chars = 0;
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    const eq = text.indexOf('=', pos);
    if (eq !== -1 && eq < end) {
      const key = text.slice(pos, eq).trim();
      const value = text.slice(eq + 1, end).trim();
      chars += key.length + value.length;
    }
    pos = end + 1;
  }
  return chars;
}

/** Environment words of the benchmark's profile names (a reference for minimalImport only). */
const MINIMAL_ENVS = new Map<string, string>([
  ['dev', 'development'], ['development', 'development'], ['qa', 'test'], ['uat', 'test'], ['test', 'test'],
  ['staging', 'staging'], ['stg', 'staging'], ['preprod', 'staging'], ['prod', 'production'], ['production', 'production'],
  ['sbx', 'sandbox'], ['sandbox', 'sandbox'],
]);
const MINIMAL_COLORS: Record<string, string> = { development: '1d8102', test: '0073bb', staging: 'ec7211', production: 'd13212', sandbox: '8c4fff', other: '687078' };

interface MinimalProfile {
  name: string;
  roleArn: string | undefined;
  accountId: string | undefined;
  roleName: string | undefined;
  targetRoleName: string | undefined;
  region: string | undefined;
  source: string | undefined;
  line: number;
}

/**
 * A reference, not a contender: a plain importer, written the obvious way, that builds the same
 * entries from aesrCompatibleConfig's text (and can read nothing else): one pass over the lines
 * (as the line scan), a record per section, then per profile the account and role, the base
 * account's role for AESR targets, app and environment from the name's words, and the
 * switch-role link. No checks, no diagnostics, no notes, no colours from the file, no botocore
 * rules. It shows what making the entries costs before any of the work importConfig adds.
 */
export function minimalImport(text: string): ReferenceEntry[] {
  const sections: MinimalProfile[] = [];
  const byName = new Map<string, MinimalProfile>();
  let current: MinimalProfile | null = null;
  const n = text.length;
  let pos = 0;
  let lineNo = 0;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    lineNo++;
    const first = text.charCodeAt(pos);
    if (first === 0x5b) {
      const close = text.lastIndexOf(']', end);
      const name = text.startsWith('profile ', pos + 1) ? text.slice(pos + 9, close) : text.slice(pos + 1, close);
      current = { name, roleArn: undefined, accountId: undefined, roleName: undefined, targetRoleName: undefined, region: undefined, source: undefined, line: lineNo };
      sections.push(current);
      byName.set(name, current);
    } else if (first !== 0x23 && end > pos && current !== null) {
      const eq = text.indexOf('=', pos);
      if (eq !== -1 && eq < end) {
        const key = text.slice(pos, eq).trim();
        const value = text.slice(eq + 1, end).trim();
        if (key === 'role_arn') current.roleArn = value;
        else if (key === 'aws_account_id') current.accountId = value;
        else if (key === 'role_name') current.roleName = value;
        else if (key === 'target_role_name') current.targetRoleName = value;
        else if (key === 'region') current.region = value;
        else if (key === 'source_profile') current.source = value;
      }
    }
    pos = end + 1;
  }
  const entries: ReferenceEntry[] = [];
  for (const p of sections) {
    let accountId: string;
    let roleName: string | undefined;
    if (p.roleArn !== undefined) {
      accountId = p.roleArn.slice(13, 25);
      roleName = p.roleArn.slice(p.roleArn.indexOf(':role/') + 6);
    } else if (p.accountId !== undefined) {
      accountId = p.accountId;
      roleName = p.roleName ?? (p.source !== undefined ? byName.get(p.source)?.targetRoleName : undefined);
    } else continue;
    if (roleName === undefined || p.targetRoleName !== undefined) continue;
    const words = p.name.split('-');
    let env = 'other';
    let app = p.name;
    for (let i = 0; i < words.length; i++) {
      const e = MINIMAL_ENVS.get(words[i]!);
      if (e !== undefined) {
        env = e;
        app = i > 0 ? words.slice(0, i).join('-') : p.name;
        break;
      }
    }
    const home = p.region !== undefined ? `&redirect_uri=${encodeURIComponent(`https://${p.region}.console.aws.amazon.com/console/home?region=${p.region}`)}` : '';
    const url = `https://signin.aws.amazon.com/switchrole?account=${accountId}&roleName=${encodeURIComponent(roleName)}&displayName=${encodeURIComponent(p.name)}&color=${MINIMAL_COLORS[env]}${home}`;
    entries.push({ profile: p.name, kind: 'role', accountId, roleName, partition: 'aws', region: p.region, app, env, envLabel: env, isProduction: env === 'production', color: `#${MINIMAL_COLORS[env]}`, url, displayName: p.name, line: p.line });
  }
  return entries;
}

/** What both reference importers make of each profile (a catalogue entry's main fields). */
export interface ReferenceEntry {
  profile: string;
  kind: 'role';
  accountId: string;
  roleName: string;
  partition: 'aws';
  region: string | undefined;
  app: string;
  env: string;
  envLabel: string;
  isProduction: boolean;
  color: string;
  url: string;
  displayName: string;
  line: number;
}

// leanImport's key slots: each section keeps, per key it reads, the value's offsets in the text.
const LEAN_ROLE_ARN = 0;
const LEAN_ACCOUNT_ID = 1;
const LEAN_ROLE_NAME = 2;
const LEAN_TARGET_ROLE = 3;
const LEAN_REGION = 4;
const LEAN_SOURCE = 5;
const LEAN_OTHER = 6;
const LEAN_KEYS = 7;

/** The key text[a, b) as one of the slots above (native compares, no string made). */
function leanKey(text: string, a: number, b: number): number {
  switch (b - a) {
    case 8:
      return text.startsWith('role_arn', a) ? LEAN_ROLE_ARN : LEAN_OTHER;
    case 9:
      return text.startsWith('role_name', a) ? LEAN_ROLE_NAME : LEAN_OTHER;
    case 6:
      return text.startsWith('region', a) ? LEAN_REGION : LEAN_OTHER;
    case 14:
      return text.startsWith('aws_account_id', a) ? LEAN_ACCOUNT_ID : text.startsWith('source_profile', a) ? LEAN_SOURCE : LEAN_OTHER;
    case 16:
      return text.startsWith('target_role_name', a) ? LEAN_TARGET_ROLE : LEAN_OTHER;
    default:
      return LEAN_OTHER;
  }
}

/**
 * The second reference, and the stronger one: minimalImport's job (same entries, same checks:
 * none) written for speed. Sections are offsets in typed arrays, values are sliced only when an
 * entry uses them, keys are told apart without making strings, and the link parts that repeat
 * (role, console home) are encoded once. It is what the floor of an importer that makes these
 * entries looks like in JavaScript, before any of the work importConfig must add.
 */
export function leanImport(text: string): ReferenceEntry[] {
  const n = text.length;
  let capacity = 1024;
  let values = new Int32Array(capacity * LEAN_KEYS * 2);
  let nameFrom = new Int32Array(capacity);
  let nameTo = new Int32Array(capacity);
  let lines = new Int32Array(capacity);
  const names: string[] = [];
  const byName = new Map<string, number>();
  let count = 0;
  let current = -1;
  let lineNo = 0;
  for (let pos = 0; pos < n; ) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    lineNo++;
    const first = text.charCodeAt(pos);
    if (first === 0x5b) {
      if (count === capacity) {
        capacity *= 2;
        const grow = (a: Int32Array, size: number) => {
          const b = new Int32Array(size);
          b.set(a);
          return b;
        };
        values = grow(values, capacity * LEAN_KEYS * 2);
        nameFrom = grow(nameFrom, capacity);
        nameTo = grow(nameTo, capacity);
        lines = grow(lines, capacity);
      }
      const from = text.startsWith('profile ', pos + 1) ? pos + 9 : pos + 1;
      const to = text.lastIndexOf(']', end);
      current = count++;
      nameFrom[current] = from;
      nameTo[current] = to;
      lines[current] = lineNo;
      values.fill(-1, current * LEAN_KEYS * 2, count * LEAN_KEYS * 2);
      const name = text.slice(from, to);
      names.push(name);
      byName.set(name, current);
    } else if (first !== 0x23 && end > pos && current !== -1) {
      const eq = text.indexOf('=', pos);
      if (eq !== -1 && eq < end) {
        let keyEnd = eq;
        while (keyEnd > pos && text.charCodeAt(keyEnd - 1) === 0x20) keyEnd--;
        let value = eq + 1;
        while (value < end && text.charCodeAt(value) === 0x20) value++;
        const at = (current * LEAN_KEYS + leanKey(text, pos, keyEnd)) * 2;
        values[at] = value;
        values[at + 1] = end;
      }
    }
    pos = end + 1;
  }

  const valueOf = (section: number, key: number): string | undefined => {
    const at = (section * LEAN_KEYS + key) * 2;
    return values[at]! === -1 ? undefined : text.slice(values[at]!, values[at + 1]!);
  };
  const roleParts = new Map<string, string>();
  const homes = new Map<string, string>();
  const entries: ReferenceEntry[] = [];
  for (let s = 0; s < count; s++) {
    const base = s * LEAN_KEYS * 2;
    let accountId: string;
    let roleName: string | undefined;
    if (values[base + LEAN_ROLE_ARN * 2]! !== -1) {
      const from = values[base + LEAN_ROLE_ARN * 2]!;
      accountId = text.slice(from + 13, from + 25);
      roleName = text.slice(text.indexOf(':role/', from) + 6, values[base + LEAN_ROLE_ARN * 2 + 1]!);
    } else if (values[base + LEAN_ACCOUNT_ID * 2]! !== -1) {
      accountId = valueOf(s, LEAN_ACCOUNT_ID)!;
      roleName = valueOf(s, LEAN_ROLE_NAME);
      if (roleName === undefined) {
        const source = valueOf(s, LEAN_SOURCE);
        const sourceIndex = source === undefined ? undefined : byName.get(source);
        if (sourceIndex !== undefined) roleName = valueOf(sourceIndex, LEAN_TARGET_ROLE);
      }
    } else continue;
    if (roleName === undefined || values[base + LEAN_TARGET_ROLE * 2]! !== -1) continue;
    // App and environment: the first word (between '-') that is an environment word.
    const name = names[s]!;
    const from = nameFrom[s]!;
    const to = nameTo[s]!;
    let env = 'other';
    let app = name;
    let plain = true;
    for (let i = from, word = from; i <= to; i++) {
      const c = i < to ? text.charCodeAt(i) : 0x2d;
      if (c !== 0x2d) {
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) plain = false;
        continue;
      }
      if (env === 'other' && i - word <= 11) {
        const found = MINIMAL_ENVS.get(text.slice(word, i));
        if (found !== undefined) {
          env = found;
          if (word > from) app = text.slice(from, word - 1);
        }
      }
      word = i + 1;
    }
    const region = valueOf(s, LEAN_REGION);
    let home = '';
    if (region !== undefined) {
      home = homes.get(region) ?? '';
      if (home === '') {
        home = `&redirect_uri=${encodeURIComponent(`https://${region}.console.aws.amazon.com/console/home?region=${region}`)}`;
        homes.set(region, home);
      }
    }
    let rolePart = roleParts.get(roleName);
    if (rolePart === undefined) {
      rolePart = `&roleName=${encodeURIComponent(roleName)}&displayName=`;
      roleParts.set(roleName, rolePart);
    }
    const displayName = plain ? name : encodeURIComponent(name);
    const url = 'https://signin.aws.amazon.com/switchrole?account=' + accountId + rolePart + displayName + '&color=' + MINIMAL_COLORS[env] + home;
    entries.push({ profile: name, kind: 'role', accountId, roleName, partition: 'aws', region, app, env, envLabel: env, isProduction: env === 'production', color: `#${MINIMAL_COLORS[env]}`, url, displayName: name, line: lines[s]! });
  }
  return entries;
}

/** aesr-config's public entry (ESM): `ConfigParser.parseIni(text)` → `{ singles, complexes }`. */
export interface AesrParser {
  parseIni(text: string): { singles: unknown[]; complexes: { targets: unknown[] }[] };
}

/** Medians (ms) for one text; undefined where a contender does not apply to it. */
export interface ImportTimes {
  label: string;
  profiles: number;
  mixed: boolean;
  bytes: number;
  ours: number;
  reading: number;
  byteScan: number;
  lineScan: number;
  minimal?: number;
  lean?: number;
  aesr?: number;
}

export const BLOCKS = 5;
/** Timed runs per block: more for the small text, whose runs are short. */
export const runsFor = (profiles: number): number => (profiles >= 10000 ? 5 : 13);

// Results are kept somewhere the optimiser cannot prove unused.
let sink = 0;

/**
 * Median wall time (ms) of each contender. The runs are taken in `blocks` blocks per
 * contender, in a rotating order, so that all of them see the same machine load (other
 * processes come and go during a run); within a block a contender runs `warmup` untimed
 * times, then `runs` timed times in a row, so each pays only for its own garbage collection.
 */
function medians(contenders: (() => number)[], blocks: number, runs: number, warmup: number, now: () => number): number[] {
  const times = contenders.map(() => [] as number[]);
  for (let b = 0; b < blocks; b++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + b) % contenders.length;
      const run = contenders[i]!;
      for (let w = 0; w < warmup; w++) sink += run();
      for (let r = 0; r < runs; r++) {
        const started = now();
        sink += run();
        times[i]!.push(now() - started);
      }
    }
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)]!;
  });
}

/** Both reference importers made an entry of every profile, and the same entries. */
function checkReferences(text: string, expected: number, label: string): void {
  const minimal = minimalImport(text);
  const lean = leanImport(text);
  if (minimal.length !== expected) throw new Error(`${label}: the minimal importer made ${minimal.length} entries, expected ${expected}`);
  if (JSON.stringify(lean) !== JSON.stringify(minimal)) throw new Error(`${label}: the lean importer's entries differ from the minimal importer's`);
}

/** importConfig really did the whole job: every profile an entry with a link and its group. */
function checkCatalogue(text: string, expected: number, label: string): void {
  const catalogue = importConfig(text);
  const complete = catalogue.entries.filter((e) => e.url.startsWith('https://') && e.app !== '' && e.envLabel !== '' && /^#[0-9a-f]{6}$/.test(e.color));
  if (catalogue.entries.length !== expected || complete.length !== expected) {
    throw new Error(`${label}: importConfig made ${catalogue.entries.length} entries (${complete.length} complete), expected ${expected}`);
  }
}

/**
 * Times every contender on 1,000 and 10,000 profiles, AESR-compatible and mixed (aesr-config
 * rejects SSO, so it runs on the first only). `now` is the runtime's clock in ms. Every
 * contender is first checked to read the whole text, or the comparison would mean nothing.
 */
export function measureImport(aesr: AesrParser, now: () => number): ImportTimes[] {
  const results: ImportTimes[] = [];
  for (const profiles of [1000, 10000]) {
    for (const mixed of [false, true]) {
      const text = mixed ? mixedConfig(profiles) : aesrCompatibleConfig(profiles);
      const label = `${profiles.toLocaleString('en')} ${mixed ? '(mixed, with SSO)' : '(AESR-compatible)'}`;
      checkCatalogue(text, profiles, label);
      const contenders = [
        () => importConfig(text).entries.length,
        () => byteScan(text),
        () => lineScan(text),
        () => readAwsConfig(text, true)?.sections.length ?? -1,
      ];
      if (!mixed) {
        checkReferences(text, profiles, label);
        const read = aesr.parseIni(text);
        const aesrProfiles = read.singles.length + read.complexes.reduce((n, c) => n + c.targets.length, 0);
        if (aesrProfiles !== profiles) throw new Error(`${label}: aesr-config read ${aesrProfiles} profiles, expected ${profiles}`);
        contenders.push(() => aesr.parseIni(text).singles.length, () => minimalImport(text).length, () => leanImport(text).length);
      }
      const [ours, byteMs, lineMs, reading, aesrMs, minimal, lean] = medians(contenders, BLOCKS, runsFor(profiles), 2, now) as [number, number, number, number, number | undefined, number | undefined, number | undefined];
      results.push({ label, profiles, mixed, bytes: new TextEncoder().encode(text).length, ours, reading, byteScan: byteMs, lineScan: lineMs, minimal, lean, aesr: aesrMs });
    }
  }
  if (sink === -1) results.length = 0;
  return results;
}
