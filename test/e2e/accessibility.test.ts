// Issue 5 §2 proof: axe-core against the real pages of the built extension (the action popup,
// the import page, the banner on a console page), in the light and the dark theme; and the
// keyboard: every control reachable with Tab, with a visible focus indicator, and operable.
//
// axe is injected through the DevTools protocol (page.evaluate), which extension pages' CSP
// (`script-src 'self'`) does not govern. The banner lives in a CLOSED shadow root that axe
// cannot enter by itself; the test hands axe that root (see exposeBannerToAxe) so every rule,
// colour contrast included, runs on the banner as rendered.
import fs from 'node:fs';
import type { Page } from 'puppeteer-core';
import { bannerModel, contrastRatio } from '../../src/core/banner-model';
import { ENV_COLORS } from '../../src/core/colors';
import { importConfig } from '../../src/core/import-config';
import { E2E_CONFIG, findBanner, fixtureUrl, openConsoleTab, waitForBannerIndex } from './console-pages';
import { collectErrors, launchWithExtension, type ExtensionSession } from './harness';
import { clearStorage, closePages, find, importThroughPage, openActionPopup, openWebTab, pasteConfig, until } from './ui-helpers';

jest.setTimeout(40000);

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
}, 60000);
afterAll(async () => {
  await session?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  // Wait until the page's styles answer the new theme (the CSS variables switch with it).
  await until(page, (dark: boolean) => matchMedia('(prefers-color-scheme: dark)').matches === dark, theme === 'dark');
}

/** Runs axe on the whole page (WCAG 2.x A/AA and best practices); returns every violation. */
async function axe(page: Page): Promise<Violation[]> {
  await page.bringToFront();
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } };
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    const result = await w.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ') })),
    }));
  });
}

/** Serious and critical violations, printed one per line (the failure message lists them). */
function serious(violations: Violation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target} — ${n.summary}`));
}

/** Every violation of any impact, for the record: minor and moderate ones are fixed too, but only serious ones fail. */
function report(where: string, violations: Violation[]): void {
  const lines = violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target}`));
  if (lines.length) process.stdout.write(`axe, ${where}:\n  ${lines.join('\n  ')}\n`);
}

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  report(where, violations);
  expect({ where, violations: serious(violations) }).toEqual({ where, violations: [] });
}

/**
 * Presses Tab until focus comes back round, recording each focused control and whether it
 * shows a focus indicator: an outline or a focus ring (box-shadow) on it, or, for a visually
 * hidden control (the file input), on its label.
 */
async function tabThrough(page: Page, limit = 60): Promise<{ name: string; visible: boolean }[]> {
  const seen: { name: string; visible: boolean }[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const shows = (node: Element) => {
        const s = getComputedStyle(node);
        const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 1;
        return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
      };
      const rect = el.getBoundingClientRect();
      const tiny = rect.width < 4 || rect.height < 4;
      const label = el.closest('label');
      const visible = el.matches(':focus-visible') && (tiny ? !!label && shows(label) : shows(el));
      const name = el.getAttribute('aria-label') || el.id || (el.textContent ?? '').trim().slice(0, 40) || el.tagName.toLowerCase();
      return { key: el, name: `${el.tagName.toLowerCase()} "${name}"`, visible };
    });
    if (!info) continue;
    if (seen.length > 0 && seen[0]!.name === info.name) break;
    seen.push({ name: info.name, visible: info.visible });
  }
  return seen;
}

describe('the action popup', () => {
  beforeAll(async () => {
    await closePages(session);
    await clearStorage(session);
  });

  test.each(THEMES)('empty state (%s theme): axe finds no serious or critical violation', async (theme) => {
    const { page: tab } = await openWebTab(session);
    const popup = await openActionPopup(session, tab);
    await setTheme(popup, theme);
    await find(popup, '.empty-state');
    await expectNoSeriousViolations(popup, `empty popup, ${theme}`);
    await popup.close();
    await tab.close();
  });

  test('empty state: every control is reachable with Tab and shows its focus', async () => {
    const popup = await session.openPage('popup.html');
    await find(popup, '.empty-state');
    const stops = await tabThrough(popup);
    expect(stops.map((s) => s.name)).toEqual(
      expect.arrayContaining([expect.stringContaining('Import & settings'), expect.stringContaining('Search roles'), expect.stringContaining('Open the import page'), expect.stringContaining('paste-config'), expect.stringContaining('Import pasted config')]),
    );
    expect(stops.filter((s) => !s.visible)).toEqual([]);
    await popup.close();
  });
});

describe('with roles imported', () => {
  let optionsPage: Page;
  beforeAll(async () => {
    await closePages(session);
    await clearStorage(session);
    ({ page: optionsPage } = await importThroughPage(session, E2E_CONFIG));
    await waitForBannerIndex(session, '123456789012');
  }, 40000);

  test.each(THEMES)('popup on a production console tab with a failed switch (%s theme): axe finds no serious or critical violation', async (theme) => {
    // "You are here" on alfie-production, the active row, a PROD row, and the failure notice.
    const { page: tab } = await openConsoleTab(session);
    await tab.goto(fixtureUrl('classic-switched-role.html'));
    await findBanner(tab);
    const popup = await openActionPopup(session, tab);
    await setTheme(popup, theme);
    await until(popup, () => !!document.querySelector('.row-entry.is-here'));
    await popup.keyboard.type('alfie production');
    await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
    await popup.keyboard.press('Enter');
    await find(popup, '.switch-failed [role="alert"]');
    await expectNoSeriousViolations(popup, `popup with failure, ${theme}`);
    // Clear the query: the whole grouped list.
    await popup.keyboard.press('Escape');
    await popup.keyboard.press('Escape');
    await until(popup, () => document.querySelectorAll('.row-entry').length > 3);
    await expectNoSeriousViolations(popup, `popup, grouped list, ${theme}`);
    await popup.close();
    await tab.close();
  });

  test('popup: Tab reaches every control with a visible focus; Space pins and Enter copies from the keyboard', async () => {
    const popup = await session.openPage('popup.html');
    await find(popup, '.row-entry');
    const errors = collectErrors(popup);
    const stops = await tabThrough(popup);
    const names = stops.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([expect.stringContaining('Search roles'), expect.stringContaining('Copy link for alfie-qa'), expect.stringContaining('Pin alfie-production')]));
    // Every role's main button is a stop of its own.
    expect(names.filter((n) => n.startsWith('button "roles-')).length).toBeGreaterThanOrEqual(6);
    expect(stops.filter((s) => !s.visible)).toEqual([]);

    // Pin from the keyboard: focus the pin button by Tab, press Space.
    await popup.focus('aria/Search roles');
    for (let i = 0; i < 40; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Pin alfie-qa')) break;
    }
    await popup.keyboard.press('Space');
    await until(popup, () => document.querySelector('.row-header .group-name')?.textContent === 'Pinned');
    expect(errors).toEqual([]);
    await popup.close();
  });

  test.each(THEMES)('import page with diagnostics, skipped profiles and a secrets warning (%s theme): axe finds no serious or critical violation', async (theme) => {
    await optionsPage.bringToFront();
    await setTheme(optionsPage, theme);
    await pasteConfig(optionsPage, `${E2E_CONFIG}[profile broken-dev]\nthis line has no delimiter\n[profile keys-only]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`);
    await find(optionsPage, '.issue-error');
    await find(optionsPage, '.issue-skipped');
    await expectNoSeriousViolations(optionsPage, `import page, ${theme}`);
  });

  test('import page: Tab reaches every control with a visible focus; a diagnostic selects its line from the keyboard', async () => {
    await optionsPage.bringToFront();
    await setTheme(optionsPage, 'light');
    await find(optionsPage, '.issue-error');
    const stops = await tabThrough(optionsPage, 80);
    const names = stops.map((s) => s.name);
    console.log(names);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringContaining('config-text'),
        expect.stringContaining('input'),
        expect.stringContaining('"Import"'),
        expect.stringContaining('Line 20'),
        expect.stringContaining('summary'),
      ]),
    );
    expect(stops.filter((s) => !s.visible)).toEqual([]);

    await optionsPage.focus('.issue-error');
    await optionsPage.keyboard.press('Enter');
    const selected = await optionsPage.$eval('#config-text', (el) => {
      const t = el as HTMLTextAreaElement;
      return { focused: document.activeElement === t, text: t.value.slice(t.selectionStart, t.selectionEnd) };
    });
    expect(selected).toEqual({ focused: true, text: 'this line has no delimiter' });
  });

  test.each(THEMES)('banner on a production console page (%s theme): axe, given the banner\'s closed shadow root, finds no serious or critical violation', async (theme) => {
    const { page } = await openConsoleTab(session);
    await setTheme(page, theme);
    await page.goto(fixtureUrl('classic-switched-role.html'));
    await setTheme(page, theme);
    await exposeBannerToAxe(page);
    const violations = await axe(page);
    report(`console page with banner, ${theme}`, violations);
    // Findings on the fixture page (our stand-in for the console) are not ours: only the banner's count.
    const ours = violations.map((v) => ({ ...v, nodes: v.nodes.filter((n) => n.target.includes('role-switchboard-banner')) })).filter((v) => v.nodes.length > 0);
    expect(serious(ours)).toEqual([]);
    // The banner was really checked: axe saw its text (the rules ran inside the shadow root).
    const checked = await page.evaluate(async () => {
      const w = window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ passes: { id: string; nodes: { target: unknown[] }[] }[] }> } };
      const result = await w.axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['passes'] });
      return result.passes.flatMap((p) => p.nodes.map((n) => JSON.stringify(n.target))).filter((t) => t.includes('role-switchboard-banner')).length;
    });
    expect(checked).toBeGreaterThan(3);
    await page.close();
  });

  test('banner: the Hide button is reachable with Tab and shows its focus', async () => {
    const { page } = await openConsoleTab(session);
    await page.goto(fixtureUrl('multi-session-qa.html'));
    const bar = await findBanner(page);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const focused = await bar.evaluate((el) => {
        const root = el.getRootNode() as ShadowRoot;
        const active = root.activeElement as HTMLElement | null;
        if (!active) return null;
        const s = getComputedStyle(active);
        return { label: active.getAttribute('aria-label'), outline: s.outlineStyle, width: Number.parseFloat(s.outlineWidth), visible: active.matches(':focus-visible') };
      });
      if (focused) {
        expect(focused.label).toBe('Hide account banner');
        expect(focused.visible).toBe(true);
        expect(focused.outline).not.toBe('none');
        expect(focused.width).toBeGreaterThanOrEqual(1);
        await page.close();
        return;
      }
    }
    throw new Error('Tab never reached the banner\'s Hide button');
  });
});

/**
 * axe walks shadow trees through `host.shadowRoot`, which is null for a closed root. The test
 * (never the product) lends axe the banner's root, in the page's main world where axe runs:
 * the DevTools protocol's DOM domain lists closed roots too.
 */
async function exposeBannerToAxe(page: Page): Promise<void> {
  await findBanner(page);
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type Node = { nodeName: string; nodeId: number; children?: Node[]; shadowRoots?: (Node & { shadowRootType?: string })[] };
    const hosts: Node[] = [];
    const walk = (node: Node) => {
      if (node.nodeName.toLowerCase() === 'role-switchboard-banner') hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root as Node);
    expect(hosts).toHaveLength(1);
    const shadow = hosts[0]!.shadowRoots?.[0] as (Node & { shadowRootType?: string }) | undefined;
    expect(shadow?.shadowRootType).toBe('closed');
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow!.nodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { const root = this; Object.defineProperty(root.host, "shadowRoot", { configurable: true, get: () => root }); }',
    });
  } finally {
    await cdp.detach();
  }
}

test('banner colours from the banner model: text, field labels and badges reach 4.5:1 on every environment colour', () => {
  // The view draws field labels at 80 % opacity: blend them into the background as the eye sees them.
  const blend = (fg: string, bg: string, alpha: number) => {
    const c = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    return `#${[0, 1, 2].map((i) => Math.round(c(fg, i) * alpha + c(bg, i) * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
  };
  const catalogue = importConfig(E2E_CONFIG);
  const identity = { accountId: '123456789012', principalKind: 'assumed-role', partition: 'aws', source: 'session-data', roleName: 'X' } as const;
  const colours = [...Object.values(ENV_COLORS), ...catalogue.entries.map((e) => e.color)];
  const rows: string[] = [];
  for (const colour of colours) {
    for (const isProduction of [false, true]) {
      const entry = { ...catalogue.entries[0]!, color: colour, isProduction, env: isProduction ? ('production' as const) : catalogue.entries[0]!.env };
      const model = bannerModel(identity, { kind: 'profile', entry, alternatives: 0 }, { bannerEnabled: true, bannerPosition: 'top', titlePrefix: true });
      const checks: [string, number][] = [
        ['text', contrastRatio(model.foreground, model.background)],
        ['label', contrastRatio(blend(model.foreground, model.background, 0.8), model.background)],
      ];
      if (model.badge) checks.push(['badge', contrastRatio(model.badge.foreground, model.badge.background)]);
      for (const [what, ratio] of checks) if (ratio < 4.5) rows.push(`${colour} ${isProduction ? 'prod' : ''} ${what}: ${ratio.toFixed(2)}`);
    }
  }
  const unknown = bannerModel(null, { kind: 'none' }, { bannerEnabled: true, bannerPosition: 'top', titlePrefix: true });
  if (contrastRatio(unknown.foreground, unknown.background) < 4.5) rows.push('unknown banner text');
  expect(rows).toEqual([]);
});
