// Differential test: importConfig against AWS Extend Switch Roles' own parser (aesr-config,
// run by test/oracles/aesr-oracle.mjs) on seeded random AESR configs, so that its users can paste their
// config with zero edits. For every config aesr-config accepts, each role it would show
// (singles, and the targets of base accounts) is an entry here with the same account, role
// and region, and its colour unless production makes it red; each base account is skipped.
import { spawnSync } from 'child_process';
import { join } from 'path';
import { PRODUCTION_COLOR } from './colors';
import { importConfig } from './import-config';

interface AesrProfile {
  name: string;
  aws_account_id: string;
  role_name?: string;
  region?: string;
  color?: string;
  target_role_name?: string;
  target_region?: string;
}
type AesrResult = { ok: true; set: { singles: AesrProfile[]; complexes: (AesrProfile & { targets: AesrProfile[] })[] } } | { ok: false; error: string };

function runOracle(texts: string[]): AesrResult[] {
  const run = spawnSync(process.execPath, [join(__dirname, '../../../test/oracles/aesr-oracle.mjs')], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`aesr-oracle.mjs failed (${run.status}): ${run.stderr}`);
  return run.stdout.trim().split('\n').map((l) => JSON.parse(l) as AesrResult);
}

/** A small deterministic random source (mulberry32), so every run tests the same configs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['shop', 'billing', 'data-lake', 'search', 'Payments', 'crm', 'edge'];
const ENVS = ['dev', 'qa', 'staging', 'prod', 'sandbox', 'preprod', 'uat', ''];
const ROLES = ['Admin', 'ReadOnly', 'Developer', 'team/ops/Deployer', 'OrganizationAccountAccessRole', 'power.user@x'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1'];
const COLORS = ['ffaaee', '00aa00', 'ff0000', '3366ff', 'ffcc00', 'AABBCC'];

/** One AESR config: singles (account + role, or role_arn) and base accounts with their targets. */
function aesrConfig(seed: number): string {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const account = () => String(100000000000 + Math.floor(r() * 899999999999));
  const lines: string[] = [];
  let n = 0;
  const name = () => {
    const env = pick(ENVS);
    return `${pick(APPS)}${env ? `-${env}` : ''}-${n++}`;
  };
  const header = (profile: string) => (r() < 0.3 ? `[profile ${profile}]` : `[${profile}]`);
  const extras = (withRegion: boolean) => {
    if (withRegion && r() < 0.6) lines.push(`region = ${pick(REGIONS)}`);
    if (r() < 0.5) lines.push(`color = ${pick(COLORS)}`);
    if (r() < 0.2) lines.push('# a comment');
  };
  const singles = Math.floor(r() * 6);
  for (let i = 0; i < singles; i++) {
    lines.push(header(name()));
    if (r() < 0.3) lines.push(`role_arn = arn:aws:iam::${account()}:role/${pick(ROLES)}`);
    else lines.push(`aws_account_id = ${account()}`, `role_name = ${pick(ROLES)}`);
    extras(true);
    lines.push('');
  }
  const bases = Math.floor(r() * 3);
  for (let b = 0; b < bases; b++) {
    const base = `base-${b}-${pick(['corp', 'org', 'identity'])}`;
    const targetRole = r() < 0.7;
    lines.push(`[${base}]`, `aws_account_id = ${account()}`);
    if (targetRole) lines.push(`target_role_name = ${pick(ROLES)}`);
    if (r() < 0.5) lines.push(`target_region = ${pick(REGIONS)}`);
    lines.push('');
    const targets = 1 + Math.floor(r() * 4);
    for (let t = 0; t < targets; t++) {
      lines.push(header(name()), `aws_account_id = ${account()}`, `source_profile = ${base}`);
      if (!targetRole || r() < 0.3) lines.push(`role_name = ${pick(ROLES)}`);
      extras(true);
      lines.push('');
    }
  }
  return lines.join('\n');
}

describe('importConfig reads AWS Extend Switch Roles configs as AESR does', () => {
  const texts = Array.from({ length: 300 }, (_, i) => aesrConfig(20261128 + i));
  const results = runOracle(texts);

  it('aesr-config accepts every generated config (or the test would prove nothing)', () => {
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.reduce((n, r) => n + (r.ok ? r.set.singles.length + r.set.complexes.length : 0), 0)).toBeGreaterThan(300);
  });

  it('gives every role AESR shows the same account, role, region and colour, and skips base accounts', () => {
    const problems: string[] = [];
    texts.forEach((text, i) => {
      const result = results[i]!;
      if (!result.ok) return;
      const catalogue = importConfig(text);
      const byName = new Map(catalogue.entries.map((e) => [e.profile, e]));
      const check = (p: AesrProfile, role: string | undefined, region: string | undefined, base?: string) => {
        const e = byName.get(p.name);
        if (!e) return problems.push(`#${i} ${p.name}: no entry (${catalogue.skipped.find((s) => s.profile === p.name)?.reason ?? 'not listed'})`);
        const got = { account: e.accountId ?? e.accountAlias, role: e.roleName, region: e.region, source: e.sourceProfile?.[0] };
        const want = { account: p.aws_account_id, role, region, source: base };
        if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`#${i} ${p.name}: ${JSON.stringify(got)} ≠ AESR ${JSON.stringify(want)}`);
        const color = e.isProduction ? PRODUCTION_COLOR : p.color ? `#${p.color.toLowerCase()}` : undefined;
        if (color !== undefined && e.color !== color) problems.push(`#${i} ${p.name}: colour ${e.color} ≠ ${color}`);
        return undefined;
      };
      for (const s of result.set.singles) check(s, s.role_name, s.region);
      for (const c of result.set.complexes) {
        if (!catalogue.skipped.some((s) => s.profile === c.name && s.reason.startsWith('Base account of'))) problems.push(`#${i} ${c.name}: base account not skipped`);
        for (const t of c.targets) check(t, t.role_name ?? c.target_role_name, t.region ?? c.target_region, c.name);
      }
      const shown = result.set.singles.length + result.set.complexes.reduce((n, c) => n + c.targets.length, 0);
      if (catalogue.entries.length !== shown) problems.push(`#${i}: ${catalogue.entries.length} entries, AESR shows ${shown}`);
    });
    expect(problems).toEqual([]);
  });
});
