// docs/administrators.md's examples are what administrators copy: each must be valid, name the
// extension's real ids, and hold a policy the parser takes without a single problem.
import fs from 'node:fs';
import path from 'node:path';
import { extensionIdOf } from './extension-id';
import { parsePolicy } from '../../src/core/policy';

const ROOT = path.resolve(__dirname, '../..');
const doc = fs.readFileSync(path.join(ROOT, 'docs/administrators.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
const CHROME_ID = extensionIdOf(manifest.key);
const GECKO_ID = manifest.browser_specific_settings.gecko.id;
const blocks = (lang: string) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

test('the JSON examples (Linux, Admin console, Firefox) parse, name the ids, and the parser finds nothing wrong', () => {
  const [linux, admin, firefox, ...rest] = blocks('json').map((text) => JSON.parse(text));
  expect(rest).toEqual([]);
  const unwrapped = Object.fromEntries(Object.entries(admin as Record<string, { Value: unknown }>).map(([k, v]) => [k, v.Value]));
  for (const values of [linux['3rdparty'].extensions[CHROME_ID], unwrapped, firefox.policies['3rdparty'].Extensions[GECKO_ID]]) {
    const policy = parsePolicy(values);
    expect(policy.problems).toEqual([]);
    expect(policy.config!.catalogue.entries.map((e) => e.profile)).toEqual(['shop-dev', 'shop-prod']);
    expect(policy.accounts['222222222222']).toEqual({ app: 'shop', env: 'production', envLabel: 'production', production: true });
  }
});

test('the registry, PowerShell and configuration-profile examples name the fixed id', () => {
  const [reg] = blocks('reg');
  const [powershell] = blocks('powershell');
  const [plist] = blocks('xml');
  expect(reg!.match(/\\3rdparty\\extensions\\([a-p]{32})\\policy/g)!.every((key) => key.includes(CHROME_ID))).toBe(true);
  expect(powershell).toContain(`\\extensions\\${CHROME_ID}\\policy`);
  expect(plist).toContain(`<string>com.google.Chrome.extensions.${CHROME_ID}</string>`);
  // Every <key> of the payload that is a policy key is one the parser knows.
  const payloadKeys = [...plist!.matchAll(/<key>([A-Za-z]+)<\/key>/g)].map((m) => m[1]!).filter((k) => !k.startsWith('Payload') && !['app', 'environment', 'production'].includes(k));
  expect(parsePolicy(Object.fromEntries(payloadKeys.map((k) => [k, k === 'config' ? '' : k === 'accounts' ? {} : true]))).problems).toEqual([]);
});

test('the id table says the id the manifest key gives', () => {
  expect(doc).toContain(`| \`${CHROME_ID}\` |`);
  expect(doc).toContain(`\`${GECKO_ID}\``);
});
