// The import benchmark's workload, runtime-neutral: the generated configs, the stages and the
// measuring loop. `npm run bench -- import` runs it in Node (import.ts) and, bundled, in
// Chromium (import-browser.ts), the engine the extension runs on, so both tables come from
// the very same code.
import { IMPORT_STAGES, importConfig } from '../../src/core/catalogue/import-config';
import { leanImport } from './import-floor';

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

/**
 * The budget workload (issue 12): aesrCompatibleConfig's shapes, but every profile has a colour
 * of its own and the profiles belong to 1,000 apps (10 profiles each at 10,000), so nothing the
 * importer computes per colour or per app is shared by many profiles.
 */
export function ownColoursConfig(profiles: number): string {
  const first = ['pay', 'search', 'lake', 'cart', 'id', 'bill', 'ledger', 'cat', 'order', 'ship', 'notify', 'stats', 'ml', 'edge', 'media', 'report', 'crm', 'stock', 'price', 'fraud', 'mail', 'chat', 'maps', 'auth', 'docs', 'feed', 'game', 'hr', 'iot', 'jobs', 'kyc', 'loan', 'news', 'ops', 'pos', 'quote', 'risk', 'sms', 'tax', 'vault'];
  const second = ['core', 'api', 'web', 'etl', 'hub', 'gw', 'svc', 'ui', 'db', 'bus', 'cdn', 'sync', 'bot', 'cli', 'log', 'cron', 'auth', 'ai', 'kit', 'box', 'net', 'pipe', 'grid', 'link', 'base'];
  const appCount = 1000;
  const lines: string[] = ['# Generated for the import benchmark: own colours, 1,000 apps', ''];
  const bases = Math.max(1, Math.floor(profiles / 50));
  for (let b = 0; b < bases; b++) {
    lines.push(`[org${b}-base]`, `aws_account_id = ${accountId(900000 + b)}`, 'target_role_name = OrganizationAccountAccessRole', `target_region = ${REGIONS[b % REGIONS.length]}`, '');
  }
  let targets = 0;
  for (let i = 0; i < profiles; i++) {
    const a = i % appCount;
    const app = `${first[a % first.length]}-${second[Math.floor(a / first.length) % second.length]}`;
    const name = `${app}-${ENVS[Math.floor(i / appCount) % ENVS.length]}-${ROLE_SUFFIX[i % ROLE_SUFFIX.length]}${Math.floor(i / (appCount * ENVS.length)) || ''}`;
    const account = accountId(Math.floor(i / 3));
    const color = ((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(-6);
    const kind = i % 10;
    if (kind < 6) {
      lines.push(`[profile ${name}]`, `role_arn = arn:aws:iam::${account}:role/${ROLES[i % ROLES.length]}`, `region = ${REGIONS[i % REGIONS.length]}`, `color = ${color}`);
    } else if (kind < 8) {
      lines.push(`[${name}]`, `aws_account_id = ${account}`, `role_name = ${ROLES[i % ROLES.length]}`, `region = ${REGIONS[i % REGIONS.length]}`, `color = ${color}`);
    } else {
      lines.push(`[${name}]`, `aws_account_id = ${account}`, `source_profile = org${targets++ % bases}-base`, `color = ${color}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** aesr-config's public entry (ESM): `ConfigParser.parseIni(text)` → `{ singles, complexes }`. */
export interface AesrParser {
  parseIni(text: string): { singles: unknown[]; complexes: { targets: unknown[] }[] };
}

export type Workload = 'aesr' | 'own-colours' | 'mixed';

export const WORKLOADS: { name: Workload; label: string; make: (profiles: number) => string }[] = [
  { name: 'own-colours', label: 'own colour each, 1,000 apps', make: ownColoursConfig },
  { name: 'aesr', label: 'AESR-compatible', make: aesrCompatibleConfig },
  { name: 'mixed', label: 'mixed, with SSO and chains', make: mixedConfig },
];

/** Medians (ms) for one text; undefined where a contender does not apply to it. */
export interface ImportTimes {
  label: string;
  workload: Workload;
  profiles: number;
  bytes: number;
  ours: number;
  /** Each of importConfig's stages (IMPORT_STAGES order), timed inside a run of all of them (stagesInARow). */
  stages: number[];
  aesr?: number;
  /** leanImport (import-floor.ts), the importer that checks nothing; where aesr-config runs. */
  floor?: number;
}

export const BLOCKS = 5;
/** Timed runs per block: more for the small text, whose runs are short. */
export const runsFor = (profiles: number): number => (profiles >= 10000 ? 5 : 13);

// Results are kept somewhere the optimiser cannot prove unused.
let sink = 0;

function median(times: number[]): number {
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Median wall time (ms) of each contender. The runs are taken in `blocks` blocks per
 * contender, in a rotating order, so that all of them see the same machine load (other
 * processes come and go during a run); within a block a contender runs `warmup` untimed
 * times, then `runs` timed times in a row, so each pays only for its own garbage collection.
 */
function medians(contenders: ((timed: boolean) => number)[], blocks: number, runs: number, warmup: number, now: () => number): number[] {
  const times = contenders.map(() => [] as number[]);
  for (let b = 0; b < blocks; b++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + b) % contenders.length;
      const run = contenders[i]!;
      for (let w = 0; w < warmup; w++) sink += run(false);
      for (let r = 0; r < runs; r++) {
        const started = now();
        sink += run(true);
        times[i]!.push(now() - started);
      }
    }
  }
  return times.map(median);
}

/**
 * importConfig's stages one after the other, each on what the one before it just made, as
 * importConfig runs them; a timed run adds each stage's time to `times`. Timing a stage alone,
 * on one input made once, as this bench did before, hid about half of the profiles-and-entries
 * stage in Chromium (22-25 ms alone against 42-52 ms in a row, in one page under load), most
 * likely because re-used input is settled (its strings hashed, its objects old) and fresh
 * input is not; importConfig only ever sees fresh input.
 */
function stagesInARow(text: string, times: number[][], now: () => number): (timed: boolean) => number {
  return (timed) => {
    let input: unknown = text;
    IMPORT_STAGES.forEach((stage, i) => {
      const started = now();
      input = stage.run(input);
      if (timed) times[i]!.push(now() - started);
    });
    return input === undefined ? 0 : 1;
  };
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
 * Times importConfig, each of its stages and (where they read the text) aesr-config and leanImport on 1,000 and
 * 10,000 profiles of every workload. `now` is the runtime's clock in ms. Every contender is
 * first checked to read the whole text, or the comparison would mean nothing.
 */
export function measureImport(aesr: AesrParser, now: () => number): ImportTimes[] {
  const results: ImportTimes[] = [];
  for (const profiles of [1000, 10000]) {
    for (const workload of WORKLOADS) {
      const text = workload.make(profiles);
      const label = `${profiles.toLocaleString('en')} (${workload.label})`;
      checkCatalogue(text, profiles, label);
      const stageTimes = IMPORT_STAGES.map(() => [] as number[]);
      const contenders = [() => importConfig(text).entries.length, stagesInARow(text, stageTimes, now)];
      if (workload.name !== 'mixed') {
        const read = aesr.parseIni(text);
        const aesrProfiles = read.singles.length + read.complexes.reduce((n, c) => n + c.targets.length, 0);
        if (aesrProfiles !== profiles) throw new Error(`${label}: aesr-config read ${aesrProfiles} profiles, expected ${profiles}`);
        contenders.push(() => aesr.parseIni(text).singles.length);
        const lean = leanImport(text).length;
        if (lean !== profiles) throw new Error(`${label}: leanImport made ${lean} entries, expected ${profiles}`);
        contenders.push(() => leanImport(text).length);
      }
      const times = medians(contenders, BLOCKS, runsFor(profiles), 2, now);
      const ours = times[0]!;
      const stages = stageTimes.map(median);
      results.push({ label, workload: workload.name, profiles, bytes: new TextEncoder().encode(text).length, ours, stages, aesr: times[2], floor: times[3] });
    }
  }
  if (sink === -1) results.length = 0;
  return results;
}
