// `npm run bench -- import`: importConfig against AWS Extend Switch Roles' own parser
// (aesr-config) and against a one-pass scan of the same text, the floor no parser can beat.
// Issue 2 target: 10,000 profiles at least 4× faster than aesr-config, within 3× of the floor.
import * as path from 'node:path';
import { importConfig } from '../../src/core/import-config';
import { medianMs, printTable } from './table';

/** aesr-config's public entry (ESM): `ConfigParser.parseIni(text)` → `{ singles, complexes }`. */
interface AesrConfig {
  ConfigParser: { parseIni(text: string): { singles: unknown[]; complexes: { targets: unknown[] }[] } };
}

/** Loads an ES module from this CommonJS-compiled bench (see esm-import.cjs). */
function importEsm<T>(specifier: string): Promise<T> {
  // artifacts/bench-build/test/bench/import.js → the repository root is four levels up.
  const root = path.resolve(__dirname, '../../../..');
  const load = require(path.join(root, 'test/bench/esm-import.cjs')) as (s: string) => Promise<T>;
  return load(specifier);
}

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

/** The floor: one pass over the text that looks at every character (counts line ends and '='). */
function scanFloor(text: string): number {
  let lines = 0;
  let equals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 61) equals++;
  }
  return lines + equals;
}

function mbPerSecond(bytes: number, ms: number): string {
  return (bytes / 1e6 / (ms / 1000)).toFixed(0);
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

// Results are kept somewhere the optimiser cannot prove unused.
let sink = 0;

export async function run(): Promise<void> {
  const { ConfigParser } = await importEsm<AesrConfig>('aesr-config');
  const rows: (string | number)[][] = [];
  for (const profiles of [1000, 10000]) {
    const text = aesrCompatibleConfig(profiles);
    const bytes = Buffer.byteLength(text, 'utf8');

    // Both parsers must actually read the whole text, or the comparison means nothing.
    const ours = importConfig(text);
    const aesr = ConfigParser.parseIni(text);
    const aesrProfiles = aesr.singles.length + aesr.complexes.reduce((n, c) => n + c.targets.length, 0);
    if (ours.entries.length !== profiles || aesrProfiles !== profiles) {
      throw new Error(`bench config not fully read: ours ${ours.entries.length}, aesr-config ${aesrProfiles}, expected ${profiles}`);
    }

    const runs = profiles >= 10000 ? 15 : 41;
    const oursMs = medianMs(() => (sink += importConfig(text).entries.length), runs, 5);
    const aesrMs = medianMs(() => (sink += ConfigParser.parseIni(text).singles.length), runs, 5);
    const floorMs = medianMs(() => (sink += scanFloor(text)), runs, 5);
    rows.push([
      `${profiles.toLocaleString('en')} (AESR-compatible)`,
      `${(bytes / 1e6).toFixed(2)} MB`,
      `${fmt(oursMs)} ms, ${mbPerSecond(bytes, oursMs)} MB/s`,
      `${fmt(aesrMs)} ms, ${mbPerSecond(bytes, aesrMs)} MB/s`,
      `${fmt(floorMs)} ms, ${mbPerSecond(bytes, floorMs)} MB/s`,
      `${(aesrMs / oursMs).toFixed(1)}×`,
      `${(oursMs / floorMs).toFixed(1)}×`,
    ]);

    // With SSO profiles, which aesr-config rejects ("doesn't specify an AWS account ID").
    const mixed = mixedConfig(profiles);
    const mixedBytes = Buffer.byteLength(mixed, 'utf8');
    const mixedOurs = importConfig(mixed);
    if (mixedOurs.entries.length !== profiles) throw new Error(`mixed bench config: ${mixedOurs.entries.length} entries, expected ${profiles}`);
    const mixedMs = medianMs(() => (sink += importConfig(mixed).entries.length), runs, 5);
    const mixedFloor = medianMs(() => (sink += scanFloor(mixed)), runs, 5);
    rows.push([
      `${profiles.toLocaleString('en')} (mixed, with SSO)`,
      `${(mixedBytes / 1e6).toFixed(2)} MB`,
      `${fmt(mixedMs)} ms, ${mbPerSecond(mixedBytes, mixedMs)} MB/s`,
      'n/a (rejects SSO profiles)',
      `${fmt(mixedFloor)} ms, ${mbPerSecond(mixedBytes, mixedFloor)} MB/s`,
      '',
      `${(mixedMs / mixedFloor).toFixed(1)}×`,
    ]);
  }
  printTable(['profiles', 'text', 'importConfig', 'aesr-config', 'one-pass scan', 'aesr/ours', 'ours/scan'], rows);
  console.log('\nTargets (10,000 profiles): aesr/ours ≥ 4×, ours/scan ≤ 3×. Median of 15–41 runs after 5 warm-ups.');
  if (sink === -1) console.log('');
}
