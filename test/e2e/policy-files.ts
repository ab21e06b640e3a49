// Real enterprise policy for the e2e tests: a Chromium policy file and a Firefox policies.json,
// written where the browsers read them (CI runs as root) and always removed afterwards.
//
// Isolation: the other e2e files run at the same time (2 workers) with the same build, and a
// policy is machine-wide. So policy never names the real extension: the tests load a COPY of
// the build whose manifest carries a test-only key (Chrome) or gecko id (Firefox), and the
// policy names that copy. Every other browser started meanwhile reads a policy for an extension
// it does not have.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import { extensionIdOf } from '../build/extension-id';

/** Public half of a key pair made for these tests only (the private half was never kept). */
export const TEST_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA8TP2jqwSmveJMSkg5NkN28emBvxmUNFYVHceWcg/tVhdCk8DArkeiTd99+G93uAG8MioFjV7VG7F/PrLoCX+wLN9A/i9Sjgc5IpKOlO5qU2yR+VfkgFzasyTpWLnrc1NWALQi3sVzjJMdJjmMdGE95/7ehi7ezjf7WlSIvf2o6EaK/oEov8kR3LGSKA/48ZDY1lkCfycDeydTJjfbmfd7Q3TEH4RK/ailcjrSYfZIe5qLlVnnjMFkPl4uWoUDVhOxqflDhIQTFer7Sy+l+c+af/Hw0htNHOcvyV3LLst6gE/YPlaRuInUvRLPGqYtqRJPduGs57A/MI4RgqAtwjH7QIDAQAB';
export const TEST_EXTENSION_ID = extensionIdOf(TEST_EXTENSION_KEY);
/**
 * A second test-only key, for a second policy test file: the e2e files run two at a time, and
 * two files' policies for one id would be merged by Chromium into each other's browser.
 */
export const SECOND_TEST_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqafoxF1TqLV0BKi/3lNGQxQSitDRxfL+//NwbhCxUyKgdyWXaMuEN5k1eTcKfqKkiu1hUQR7V+cZwXnKNa5KjjulN90FBjdBpN16Iy+vzGIOw5GhAp3PGly9p2ya/SSzKFIlpb6yom7T9Hb8DFEB+hPfKSsIebl0jQ+V5Fbmyd+jZlJgn8JODMzEFoYPLf+hQuSCWS5aDJ5TmiVX+1w6OsecoYsTXHH0qxEP8G7VKwMkq6A+ELQ2IgQwD4uMse41NWNJa0AY23NLbHMfBBIOyPkwHWSPjpPpv8vKVJ+8OpMSBG5tEST2M982xD24YRBzWLC1lhh5AriJUtDC3ty44QIDAQAB';
export const SECOND_TEST_EXTENSION_ID = extensionIdOf(SECOND_TEST_EXTENSION_KEY);
export const TEST_GECKO_ID = 'role-switchboard-policy-test@example.org';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
/** Firefox's system-wide policy file on Linux (Debian's firefox-esr reads it too). */
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

const ROOT = path.resolve(__dirname, '../..');

// A safety net: whatever a test leaves registered is removed when the worker exits.
const cleanups = new Set<() => void>();
process.on('exit', () => {
  for (const cleanup of cleanups) cleanup();
});

function registered(cleanup: () => void): () => void {
  const once = () => {
    if (!cleanups.delete(once)) return;
    cleanup();
  };
  cleanups.add(once);
  return once;
}

/** Creates `dir` and its missing parents; returns those it created, deepest first (to remove them). */
function makeDirs(dir: string): string[] {
  const created: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) created.push(d);
  fs.mkdirSync(dir, { recursive: true });
  return created;
}

function removeDirs(created: readonly string[]): void {
  for (const d of created) {
    try {
      fs.rmdirSync(d);
    } catch {
      // Not empty: something else was put there meanwhile; leave it.
    }
  }
}

export interface PolicyFile {
  readonly file: string;
  /** Replaces the extension's values (the browser's part around them stays). */
  write(values: Record<string, unknown>): void;
  /** Deletes the file, and the folders made for it. Safe to call twice. */
  remove(): void;
}

function policyFile(file: string, wrap: (values: Record<string, unknown>) => unknown, values: Record<string, unknown>): PolicyFile {
  const created = makeDirs(path.dirname(file));
  const remove = registered(() => {
    fs.rmSync(file, { force: true });
    removeDirs(created);
  });
  const write = (next: Record<string, unknown>) => fs.writeFileSync(file, `${JSON.stringify(wrap(next), null, 2)}\n`);
  write(values);
  return { file, write, remove };
}

/** `/etc/chromium/policies/managed/<name>.json` with values for the test copy's id (or `id`). */
export function chromiumPolicy(values: Record<string, unknown>, name = 'role-switchboard-e2e', id = TEST_EXTENSION_ID): PolicyFile {
  return policyFile(path.join(CHROMIUM_POLICY_DIR, `${name}.json`), (v) => ({ '3rdparty': { extensions: { [id]: v } } }), values);
}

/** `/etc/firefox/policies/policies.json` with 3rdparty values for the test copy's gecko id. */
export function firefoxPolicy(values: Record<string, unknown>): PolicyFile {
  // One file holds every Firefox policy of the machine: never overwrite one that is not ours.
  if (fs.existsSync(FIREFOX_POLICY_FILE)) throw new Error(`${FIREFOX_POLICY_FILE} exists already; it is not ours to replace, so the Firefox policy test cannot run here.`);
  return policyFile(FIREFOX_POLICY_FILE, (v) => ({ policies: { '3rdparty': { Extensions: { [TEST_GECKO_ID]: v } } } }), values);
}

export interface ExtensionCopy {
  readonly dir: string;
  remove(): void;
}

/**
 * A copy of dist/<target> that policy can name without touching the other tests: Chrome's with
 * the test key, Firefox's with the test gecko id, both with the policy probe page.
 */
export async function extensionCopy(target: 'chrome' | 'firefox', key = TEST_EXTENSION_KEY): Promise<ExtensionCopy> {
  const built = path.join(ROOT, process.env.EXT_DIST ?? 'dist', target);
  if (!fs.existsSync(path.join(built, 'manifest.json'))) throw new Error(`${built} has no build: run \`npm run build\` first.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `role-switchboard-policy-${target}-`));
  const remove = registered(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(built, dir, { recursive: true });
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  if (target === 'chrome') manifest.key = key;
  else manifest.browser_specific_settings.gecko.id = TEST_GECKO_ID;
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'policy-probe.html'), '<!doctype html>\n<meta charset="utf-8">\n<title>Policy probe</title>\n<script src="policy-probe.js"></script>\n');
  await buildProbe(dir);
  return { dir, remove };
}

/** policy-probe.ts and what it imports, as one script (no minifying: a test build). */
function buildProbe(outDir: string): Promise<void> {
  const compiler = webpack({
    mode: 'none',
    context: ROOT,
    devtool: false,
    entry: path.join(__dirname, 'policy-probe.ts'),
    output: { path: outDir, filename: 'policy-probe.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        { test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ },
        // As in the real build: no Function constructor for the page's CSP to refuse.
        { test: /[\\/]node_modules[\\/]zod[\\/].*\.js$/, loader: path.join(ROOT, 'scripts/webpack/no-eval-loader.js') },
      ],
    },
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => {});
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
}
