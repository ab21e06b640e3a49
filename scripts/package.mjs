// `npm run package`: store-ready zips of the built extension, one per browser.
// Reproducible (sorted names, fixed timestamps) and free of source maps and test files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZip } from './zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const EXCLUDED = [/\.map$/, /\.test\./, /(^|\/)\./, /\.LICENSE\.txt$/];

function listFiles(dir, prefix = '') {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? listFiles(path.join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]))
    .sort();
}

/**
 * The manifest without `key`: the Chrome Web Store refuses an upload whose manifest has one
 * ("key field is not allowed in manifest") and gives the item its own id. `key` only fixes the
 * id of unpacked and self-hosted builds (docs/administrators.md).
 */
function storeManifest(file) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  delete manifest.key;
  return manifest;
}

/**
 * JSON files (the manifest, Chrome's managed-storage schema) without indentation: the same
 * values, ~60 bytes less each in the zip (issue 12 §4's budget). dist/ keeps them readable.
 */
function fileData(dir, name) {
  const file = path.join(dir, name);
  if (name === 'manifest.json') return Buffer.from(JSON.stringify(storeManifest(file)));
  if (name.endsWith('.json')) return Buffer.from(JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8'))));
  return fs.readFileSync(file);
}

export async function packageTarget(target) {
  const dir = path.join(root, 'dist', target);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} is not built: run npm run build`);
  const files = listFiles(dir)
    .filter((name) => !EXCLUDED.some((re) => re.test(name)))
    .map((name) => ({ name, data: fileData(dir, name) }));
  const out = path.join(root, 'dist', `role-switchboard-${target}-${version}.zip`);
  fs.writeFileSync(out, await createZip(files));
  return { out, bytes: fs.statSync(out).size, files: files.map((f) => f.name) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const target of ['chrome', 'firefox']) {
    const { out, bytes, files } = await packageTarget(target);
    console.log(`${path.relative(root, out)}: ${bytes} bytes, ${files.length} files`);
  }
}
