// Differential test: parseAwsConfig against the AWS CLI's own loader (botocore's
// raw_config_parse + build_profile_map, run by test/oracles/botocore-oracle.py) on every
// file of a corpus: hand-written edge cases plus seeded random configs. For each file:
// botocore rejects it ⇔ we report at least one error; when it accepts, the maps are equal.
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseAwsConfig } from './parse-aws-config';
import { HAND_CASES, generateCorpus } from '../../../test/fixtures/parser-corpus';
import type { CorpusCase } from '../../../test/fixtures/parser-corpus';

type OracleResult =
  | { ok: true; profiles: unknown; sso_sessions: unknown; services: unknown; other: unknown }
  | { ok: false; error: string };

const ORACLE = join(__dirname, '../../../test/oracles/botocore-oracle.py');
const PY_ENV = { ...process.env, PYTHONUTF8: '1', LC_ALL: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' };

/** The first Python that can import botocore: $BOTOCORE_PYTHON, else /usr/bin/python3, else python3. */
function findPython(): string | null {
  const candidates = process.env.BOTOCORE_PYTHON ? [process.env.BOTOCORE_PYTHON] : ['/usr/bin/python3', 'python3'];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import botocore.configloader'], { env: PY_ENV, encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

const python = findPython();
const skip = python === null && !process.env.CI && process.env.SKIP_BOTOCORE === '1';
if (skip) {
  console.warn('parser-differential: botocore is not installed; skipped because SKIP_BOTOCORE=1.');
}

const GENERATED = generateCorpus(20240611, 320);

/** Runs one Python process over all cases; returns botocore's verdict per case, in order. */
function runOracle(cases: CorpusCase[]): OracleResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'parser-corpus-'));
  try {
    const paths = cases.map((c, i) => {
      const path = join(dir, `${String(i).padStart(4, '0')}.ini`);
      writeFileSync(path, c.text, 'utf8');
      return path;
    });
    const run = spawnSync(python as string, [ORACLE], { input: paths.join('\n'), env: PY_ENV, encoding: 'utf8', maxBuffer: 256 << 20 });
    if (run.status !== 0) throw new Error(`botocore-oracle.py failed (${run.status}): ${run.stderr}`);
    const lines = run.stdout.trim().split('\n');
    if (lines.length !== cases.length) throw new Error(`botocore-oracle.py answered ${lines.length} of ${cases.length} files`);
    return lines.map((l) => JSON.parse(l) as OracleResult);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What differs between botocore's verdict and ours, or null. */
function disagreement(c: CorpusCase, ref: OracleResult): string | null {
  const ours = parseAwsConfig(c.text);
  const errors = ours.diagnostics.filter((d) => d.severity === 'error');
  if (!ref.ok) return errors.length > 0 ? null : `botocore rejects it (${ref.error}) but parseAwsConfig reports no error`;
  if (errors.length > 0) return `botocore accepts it but parseAwsConfig reports: ${errors.map((e) => e.message).join(' | ')}`;
  const expected = { profiles: ref.profiles, ssoSessions: ref.sso_sessions, services: ref.services, otherSections: ref.other };
  const actual = { profiles: ours.profiles, ssoSessions: ours.ssoSessions, services: ours.services, otherSections: ours.otherSections };
  // Compare as JSON data (botocore's dicts came through JSON too); key order is not significant.
  const canonical = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : x,
    );
  return canonical(expected) === canonical(actual) ? null : `maps differ:\n botocore ${canonical(expected)}\n ours     ${canonical(actual)}`;
}

(skip ? describe.skip : describe)('parseAwsConfig agrees with botocore', () => {
  let hand: OracleResult[] = [];
  let generated: OracleResult[] = [];

  beforeAll(() => {
    if (python === null) return;
    const all = runOracle([...HAND_CASES, ...GENERATED]);
    hand = all.slice(0, HAND_CASES.length);
    generated = all.slice(HAND_CASES.length);
  });

  it('has botocore to compare with', () => {
    if (python === null) {
      throw new Error(
        'botocore is not importable (tried $BOTOCORE_PYTHON, /usr/bin/python3, python3). Install it (Debian: apt-get install python3-botocore) ' +
          'or point BOTOCORE_PYTHON at a Python that has it. Outside CI, SKIP_BOTOCORE=1 skips this test explicitly.',
      );
    }
    expect(hand).toHaveLength(HAND_CASES.length);
  });

  it.each(HAND_CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const ref = hand[i];
    expect(ref).toBeDefined();
    expect(disagreement(HAND_CASES[i] as CorpusCase, ref as OracleResult)).toBeNull();
  });

  it(`${GENERATED.length} generated configs`, () => {
    expect(generated).toHaveLength(GENERATED.length);
    const problems = GENERATED.map((c, i) => {
      const d = disagreement(c, generated[i] as OracleResult);
      return d === null ? null : `${c.name} ${JSON.stringify(c.text)}\n ${d}`;
    }).filter((x) => x !== null);
    expect(problems).toEqual([]);
  });

  it('covers both verdicts: the corpus has many accepted and many rejected files', () => {
    const accepted = [...hand, ...generated].filter((r) => r.ok) as Array<Extract<OracleResult, { ok: true }>>;
    const rejected = hand.length + generated.length - accepted.length;
    expect(accepted.length).toBeGreaterThan(150);
    expect(rejected).toBeGreaterThan(150);
    // ... and accepted files that actually define profiles, not only empty ones.
    expect(accepted.filter((r) => Object.keys(r.profiles as object).length > 0).length).toBeGreaterThan(100);
  });
});
