// The bench runs compiled from artifacts/bench-build/, where `__dirname`-relative paths of the
// e2e helpers (the built extension, the fixtures) would point inside the build folder. This
// module, imported before them, finds the repository root and makes EXT_DIST absolute, which
// path.resolve in the harness then uses as is.
import fs from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    // manifest.json too: tsc copies an imported package.json into the build folder.
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'manifest.json')) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'role-switchboard') return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

export const REPO_ROOT = findRoot(__dirname) ?? findRoot(process.cwd()) ?? process.cwd();
process.env.EXT_DIST = path.resolve(REPO_ROOT, process.env.EXT_DIST ?? 'dist');
