// Store package sizes (issue 5: each zip ≤ 100 KB). Builds the zips exactly as
// `npm run package` does, from the dist/ that `npm run bench` has just built.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-root';
import { printTable } from './table';

export async function run(): Promise<void> {
  const output = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/package.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  const rows = output
    .trim()
    .split('\n')
    .map((line) => {
      const [file] = line.split(':');
      const bytes = fs.statSync(path.join(REPO_ROOT, file!)).size;
      return [path.basename(file!), bytes, (bytes / 1024).toFixed(1), bytes <= 100 * 1024 ? 'yes' : 'NO', '≤ 100 KB'];
    });
  printTable(['package', 'bytes', 'KB', 'within budget', 'target'], rows);
}
