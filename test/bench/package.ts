// Store package sizes (issue 12: each zip ≤ 120 KB; it was 100 KB in issue 5). The same budget is
// asserted by test/build/bundle-policy.test.ts. Builds the zips exactly as
// `npm run package` does, from the dist/ that `npm run bench` has just built.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-root';
import { printTable } from './table';

const BUDGET_KB = 120;

export async function run(): Promise<void> {
  const output = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/package.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  const rows = output
    .trim()
    .split('\n')
    .map((line) => {
      const [file] = line.split(':');
      const bytes = fs.statSync(path.join(REPO_ROOT, file!)).size;
      return [path.basename(file!), bytes, (bytes / 1024).toFixed(1), bytes <= BUDGET_KB * 1024 ? 'yes' : 'NO', `≤ ${BUDGET_KB} KB`];
    });
  printTable(['package', 'bytes', 'KB', 'within budget', 'target'], rows);
}
