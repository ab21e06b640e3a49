// `npm run fuzz:parser -- [--count N] [--seed S] [--batch B]`
//
// The long differential fuzz run of the config parser (the unit test parser-differential.test.ts
// runs a few hundred texts; this runs as many as asked). Texts come from the seeded generator of
// the unit test's corpus (test/fixtures/parser-corpus.ts), one seed per batch, so a run is the
// same every time and a difference can be reproduced from its seed and index.
// For each text, botocore (test/oracles/botocore-oracle.py, one Python process per batch of
// files) rejects it ⇔ the parser reports an error; when botocore accepts it, its profile,
// sso-session, services and other maps equal the parser's. (Issue 12's rewrite was also
// compared with frozen copies of the parser and importer before it, 220,000 and 120,000 texts,
// 0 differences; those copies were removed once it landed: git history has them.)
// Prints the texts tried and the differences (the first few in full); exits 1 on any difference.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAwsConfig } from '../../src/core/config/parse-aws-config';
import { generateCorpus, seededRandom, type CorpusCase } from '../fixtures/parser-corpus';
import type { ParsedConfig } from '../../src/core/types';

type OracleResult = { ok: true; profiles: unknown; sso_sessions: unknown; services: unknown; other: unknown } | { ok: false; error: string };

interface Options {
  count: number;
  seed: number;
  batch: number;
}

function options(argv: string[]): Options {
  const o: Options = { count: 100000, seed: 20261202, batch: 5000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--count') o.count = Number(value);
    else if (flag === '--seed') o.seed = Number(value);
    else if (flag === '--batch') o.batch = Number(value);
    else throw new Error(`unknown option ${flag} ${value}`);
  }
  if (!(o.count > 0 && o.batch > 0)) throw new Error('--count and --batch must be positive');
  return o;
}

const ORACLE = join(__dirname, '../../../../test/oracles/botocore-oracle.py');
const PY_ENV = { ...process.env, PYTHONUTF8: '1', LC_ALL: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' };
const PYTHON = process.env.BOTOCORE_PYTHON ?? '/usr/bin/python3';

/** JSON with object keys sorted: botocore's dicts came through JSON, key order is not significant. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** Config-shaped pieces for the second kind of text: dense with every problem the parser reports. */
const PIECES = [
  '\n', '\n', '\n', '\r\n', '\r', '\n  ', '\n\t', '\n    ', ' ', ' = ', '=', ':', '#', ';', ' # c', '"', "'", '\\', '[', ']',
  '[default]', '[DEFAULT]', '[profile a]', '[profile "b c"]', '[Profile a]', '[ default ]', '[sso-session s]', '[services v]', '[profile a b]',
  '[bare]', '[profilex y]', '[sso_sessions]', '[profile]', 'region', 'Region', 'role_arn', 'source_profile', 'sso_start_url', 'reigon', 's3',
  'aws_access_key_id', 'us-east-1', 'x', 'aws_secret_access_key = q8Vz+3kLmN0pQrStUvWxYz/AbCdEfGhIjKlMn4Op', 'AKIAQWERTYUIOPASDF12',
  'export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQD', 'role_arn = arn:aws:iam::123456789012:role/Admin',
  'aws_account_id = 123456789012', 'role_name = Admin', 'source_profile = a', 'sso_session = s', 'sso_start_url = https://d-1.awsapps.com/start',
  'sso_account_id = 123456789012', 'sso_role_name = Admin', 'sso_region = us-east-1', 'color = ff0000', 'env = prod', 'app = shop', 'target_role_name = R', '\u00a0', '\u2028', '\x1c', '\ufeff', 'é', '中', '__proto__', 'constructor',
];

/** `count` texts of random pieces (the first kind, generateCorpus, builds whole files). */
function pieceTexts(seed: number, count: number): CorpusCase[] {
  const rnd = seededRandom(seed);
  const cases: CorpusCase[] = [];
  for (let c = 0; c < count; c++) {
    const parts: string[] = [];
    const length = Math.floor(rnd() * 120);
    for (let i = 0; i < length; i++) parts.push(PIECES[Math.floor(rnd() * PIECES.length)]!);
    cases.push({ name: `pieces ${seed}/${c}`, text: parts.join('') });
  }
  return cases;
}

/** botocore's verdicts for a batch, from one Python process (started while Node parses the batch). */
function runOracle(cases: CorpusCase[], dir: string): Promise<OracleResult[]> {
  const paths = cases.map((c, i) => {
    const path = join(dir, `${i}.ini`);
    writeFileSync(path, c.text, 'utf8');
    return path;
  });
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [ORACLE], { env: PY_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`botocore-oracle.py failed (${code}): ${Buffer.concat(err).toString()}`));
      const lines = Buffer.concat(out).toString('utf8').trim().split('\n');
      if (lines.length !== cases.length) return reject(new Error(`botocore-oracle.py answered ${lines.length} of ${cases.length} files`));
      resolve(lines.map((l) => JSON.parse(l) as OracleResult));
    });
    child.stdin.end(paths.join('\n'));
  });
}

function botocoreDifference(ours: Omit<ParsedConfig, 'sources'>, ref: OracleResult): string | null {
  const errors = ours.diagnostics.filter((d) => d.severity === 'error');
  if (!ref.ok) return errors.length > 0 ? null : `botocore rejects it (${ref.error}) but the parser reports no error`;
  if (errors.length > 0) return `botocore accepts it but the parser reports: ${errors.map((e) => e.message).join(' | ')}`;
  const expected = canonical({ profiles: ref.profiles, ssoSessions: ref.sso_sessions, services: ref.services, otherSections: ref.other });
  const actual = canonical({ profiles: ours.profiles, ssoSessions: ours.ssoSessions, services: ours.services, otherSections: ours.otherSections });
  return expected === actual ? null : `maps differ:\n  botocore ${expected}\n  parser   ${actual}`;
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'parser-fuzz-'));
  const started = Date.now();
  let tried = 0;
  let differences = 0;
  let accepted = 0;
  let withProfiles = 0;
  try {
    for (let b = 0; tried < o.count; b++) {
      // Batches alternate between whole generated files and piece soup.
      const size = Math.min(o.batch, o.count - tried);
      const cases = b % 2 === 0 ? generateCorpus(o.seed + b, size) : pieceTexts(o.seed + b, size);
      const oracle = runOracle(cases, dir);
      const ours = cases.map((c) => parseAwsConfig(c.text));
      const refs = await oracle;
      for (let i = 0; i < cases.length; i++) {
        const text = cases[i]!.text;
        const ref = refs[i]!;
        if (ref.ok) {
          accepted++;
          if (Object.keys(ref.profiles as object).length > 0) withProfiles++;
        }
        const difference = botocoreDifference(ours[i]!, ref);
        if (difference !== null) {
          differences++;
          if (differences <= 10) console.log(`DIFFERENCE (seed ${o.seed + b}, index ${i}): ${JSON.stringify(text)}\n  ${difference}`);
        }
      }
      tried += cases.length;
      if (b % 20 === 0 || tried >= o.count) {
        console.log(`${tried.toLocaleString('en')} texts tried, ${differences} differences (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const verdicts = `botocore accepted ${accepted.toLocaleString('en')} (${withProfiles.toLocaleString('en')} with profiles), rejected ${(tried - accepted).toLocaleString('en')}`;
  console.log(`\nParser against botocore, seed ${o.seed}: ${tried.toLocaleString('en')} texts tried, ${differences} differences; ${verdicts}.`);
  if (differences > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
