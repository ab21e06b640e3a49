// Issue 12 §3: contexts do not import each other, and the content scripts take no zod and no
// polyfill. eslint.config.mjs says so; this test holds the lint rules to it, so a rule that is
// loosened, or a module the content scripts start to bundle without the content rule, fails here.
// (bundle-policy.test.ts checks the built scripts themselves.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CONTENT_ENTRIES = ['src/content/index.ts', 'src/content/signin.ts', 'src/content/why-panel.ts'];

/** The relative modules a file imports as values (type-only imports vanish at build). */
function valueImports(file: string): string[] {
  const code = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const m of code.matchAll(/^(?:import|export)\s+(type\s+)?(?:\{([^}]*)\}|[^'";]*?)\s*from\s+'(\.[^']+)'/gm)) {
    const named = m[2];
    const typesOnly = !!m[1] || (named !== undefined && named.split(',').every((s) => !s.trim() || /^type\s/.test(s.trim())));
    if (typesOnly) continue;
    const base = path.join(path.dirname(file), m[3]!);
    const resolved = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => fs.existsSync(path.join(ROOT, f)));
    if (!resolved) throw new Error(`${file}: cannot resolve ${m[3]}`);
    found.push(resolved);
  }
  return found;
}

/** Every source file the content scripts bundle, from their entry points. */
function contentBundled(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    valueImports(file).forEach(visit);
  };
  CONTENT_ENTRIES.forEach(visit);
  return [...seen].sort();
}

interface Probe {
  file: string;
  code: string;
}

/** Runs ESLint (the project's own config) in a child process: jest cannot load its ESM config. */
function lint(probes: Probe[], configFor: string[]): { messages: string[][]; contentRule: unknown[] } {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint({ cwd: process.cwd() });
    const input = JSON.parse(process.argv[1]);
    const messages = [];
    for (const probe of input.probes) {
      const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
      messages.push(result.messages.filter((m) => /no-restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message));
    }
    const contentRule = [];
    for (const file of input.configFor) {
      const config = await eslint.calculateConfigForFile(file);
      contentRule.push(config.rules['@typescript-eslint/no-restricted-imports'] ?? null);
    }
    process.stdout.write(JSON.stringify({ messages, contentRule }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify({ probes, configFor })], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

test('the content rule covers every module the content scripts bundle, and the import rules refuse what crosses a boundary', () => {
  const bundled = contentBundled();
  // The walk is real: it reaches the judge through the entry, and the readers.
  expect(bundled).toEqual(expect.arrayContaining(['src/content/console-internals.ts', 'src/core/console/console-identity.ts', 'src/platform/native.ts']));

  const probes: Probe[] = [
    // Content scripts: no zod (directly or through a core index), no polyfill, no other context.
    { file: 'src/content/probe.ts', code: "import * as z from '../core/zod';\nexport const a = z;\n" },
    { file: 'src/content/probe.ts', code: "import { z } from 'zod';\nexport const a = z;\n" },
    { file: 'src/content/probe.ts', code: "import { parsePolicy } from '../core/policy';\nexport const a = parsePolicy;\n" },
    { file: 'src/content/probe.ts', code: "import browser from 'webextension-polyfill';\nexport const a = browser;\n" },
    { file: 'src/content/probe.ts', code: "import { browserApi } from '../platform/browser';\nexport const a = browserApi;\n" },
    { file: 'src/content/probe.ts', code: "import { start } from '../background/index';\nexport const a = start;\n" },
    { file: 'src/content/probe.ts', code: "import { identityReplySchema } from '../core/protocol/messages';\nexport const a = identityReplySchema;\n" },
    // A core module the content script bundles is held to the same rule.
    { file: 'src/core/console/banner-model.ts', code: "import * as z from '../zod';\nexport const a = z;\n" },
    // The background never imports a content script, nor the popup or the import page.
    { file: 'src/background/probe.ts', code: "import { readHost } from '../content/console-internals';\nexport const a = readHost;\n" },
    { file: 'src/background/probe.ts', code: "import { rows } from '../ui/rows';\nexport const a = rows;\n" },
    // What is allowed stays allowed: types of the schemas, single zod-free core modules.
    { file: 'src/content/probe.ts', code: "import type { Settings } from '../core/catalogue/schemas';\nimport { MESSAGE } from '../core/protocol/message-names';\nexport const a: Settings | string = MESSAGE.whereAmI;\n" },
    { file: 'src/background/probe.ts', code: "import { mainWorldClassicSwitch } from '../page-world/console-switch';\nexport const a = mainWorldClassicSwitch;\n" },
  ];
  // Every core domain's index (it re-exports the domain's schemas): never from a content script.
  const domains = fs.readdirSync(path.join(ROOT, 'src/core')).filter((d) => fs.existsSync(path.join(ROOT, 'src/core', d, 'index.ts')));
  expect(domains).toEqual(expect.arrayContaining(['console', 'policy', 'protocol']));
  const indexes = ['', ...domains];
  for (const d of indexes) probes.push({ file: 'src/content/probe.ts', code: `import * as m from '../core${d && `/${d}`}';\nexport const a = m;\n` });
  const { messages, contentRule } = lint(probes, bundled);
  const refused = messages.map((m) => m.length > 0);
  expect(refused).toEqual([true, true, true, true, true, true, true, true, true, true, false, false, ...indexes.map(() => true)]);

  // Every bundled module has the content rule at error level (not only the entry points).
  const uncovered = bundled.filter((_, i) => !(Array.isArray(contentRule[i]) && (contentRule[i] as unknown[])[0] === 2));
  expect(uncovered).toEqual([]);
});
