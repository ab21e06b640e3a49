// Issue 5 §2 proof: axe-core against the real pages of the built extension (the action popup,
// the import page, the banner on a console page), in the light and the dark theme; and the
// keyboard: every control reachable with Tab, with a visible focus indicator, and operable.
//
// axe is injected through the DevTools protocol (page.evaluate), which extension pages' CSP
// (`script-src 'self'`) does not govern. The banner lives in a CLOSED shadow root that axe
// cannot enter by itself; the test hands axe that root (see exposeBannerToAxe) so its rules run
// on the banner as rendered. axe's colour-contrast rule reaches the banner's text there but
// cannot compute a ratio for a shadow tree painted over the page ("incomplete"), so the banner's
// contrast is measured from its computed styles (renderedBannerContrast), and the colours the
// banner model can choose are checked on their own (last test).
import fs from 'node:fs';
import type { Page } from 'puppeteer-core';
import { contrastRatio } from '../../src/core/contrast';
import { bannerModel } from '../../src/core/console/banner-model';
import { ENV_COLORS } from '../../src/core/catalogue/colors';
import { importConfig } from '../../src/core/catalogue/import-config';
import { E2E_CONFIG, findBanner, fixtureUrl, openConsoleTab, waitForBannerIndex } from './console-pages';
import { collectErrors, launchWithExtension, type ExtensionSession } from './harness';
import { clearStorage, closePages, find, importThroughPage, openActionPopup, openWebTab, pasteConfig, until } from './ui-helpers';

jest.setTimeout(40000);

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark'] as const;
/** A config whose preview shows an error, a warning, skipped profiles and the secrets warning. */
const WITH_PROBLEMS = `${E2E_CONFIG}[profile broken-dev]\nthis line has no delimiter\n[profile keys-only]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`;
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
  // Colours fade between themes (background transitions): measure the settled page.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

interface AxeOutcome {
  violations: Violation[];
  /** Targets color-contrast examined, by result (passes, incomplete, violations). */
  contrast: { result: string; target: string; reason: string }[];
}

/** Runs axe on the whole page (WCAG 2.x A/AA and best practices). */
async function axe(page: Page): Promise<AxeOutcome> {
  await page.bringToFront();
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeNode = { target: unknown[]; failureSummary?: string; any: { message: string }[] };
    type AxeRule = { id: string; impact: string | null; help: string; nodes: AxeNode[] };
    type AxeResults = Record<'violations' | 'passes' | 'incomplete', AxeRule[]>;
    const w = window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    const contrast = (['passes', 'incomplete', 'violations'] as const).flatMap((kind) =>
      result[kind].filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes.map((n) => ({ result: kind, target: JSON.stringify(n.target), reason: n.any.map((a) => a.message).join('; ') }))),
    );
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ') })),
      })),
      contrast,
    };
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
  const { violations } = await axe(page);
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
      const labelled = (el as HTMLInputElement).labels?.[0]?.innerText;
      const name = (el.getAttribute('aria-label') || labelled || el.innerText || el.id || '').replace(/\s+/g, ' ').trim().slice(0, 80);
      const role = el.classList.contains('role-main') ? `role "${el.closest<HTMLElement>('[data-profile]')?.dataset.profile}"` : null;
      return { name: role ?? `${el.tagName.toLowerCase()} "${name}"`, visible };
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
      expect.arrayContaining(['button "Import & settings"', 'input "Search roles"', 'button "Open the import page"', 'textarea "Or paste your config here"', 'button "Import pasted config"']),
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

  test.each(THEMES)('popup asking to confirm a multi-session re-entry (%s theme): axe finds no serious or critical violation; focus is on "Switch anyway"', async (theme) => {
    const { page: development } = await openConsoleTab(session);
    await development.goto(fixtureUrl('multi-session.html'));
    await findBanner(development);
    const { page: qa } = await openConsoleTab(session);
    await qa.goto(fixtureUrl('multi-session-qa.html'));
    await findBanner(qa);
    const popup = await openActionPopup(session, qa);
    await setTheme(popup, theme);
    await popup.keyboard.type('alfie development');
    await until(popup, () => document.querySelectorAll('.row-entry').length === 1);
    // Shift+Enter: sign in again (Enter would go to the profile's open tab, issue 13).
    await popup.keyboard.down('Shift');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Shift');
    await find(popup, '[role="alertdialog"]');
    await until(popup, () => document.activeElement?.textContent === 'Switch anyway');
    expect(await popup.evaluate(() => document.activeElement!.matches(':focus-visible'))).toBe(true);
    await expectNoSeriousViolations(popup, `popup asking to confirm, ${theme}`);
    await popup.close();
    await qa.close();
    await development.close();
  });

  test('popup: Tab reaches every row once with a visible focus, ← → its copy and pin buttons; Space on a focused pin button pins', async () => {
    const popup = await session.openPage('popup.html');
    await find(popup, '.row-entry');
    const errors = collectErrors(popup);
    const stops = await tabThrough(popup);
    const names = stops.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['input "Search roles"', 'button "ALFIE 3 ROLES"']));
    // One Tab stop per row (issue 15 §3): every role's main button, and no copy or pin button.
    const profiles = importConfig(E2E_CONFIG).entries.map((e) => `role "${e.profile}"`);
    expect(names.filter((n) => n.startsWith('role ')).sort()).toEqual(profiles.sort());
    expect(names.filter((n) => /Copy link|Pin /.test(n))).toEqual([]);
    expect(stops.filter((s) => !s.visible)).toEqual([]);

    // Pin from the keyboard: Tab to the role, → → to its pin button (with a visible focus), Space.
    await popup.focus('aria/Search roles');
    for (let i = 0; i < 40; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate(() => document.activeElement?.closest('.row-entry')?.getAttribute('data-profile') === 'alfie-qa')) break;
    }
    await popup.keyboard.press('ArrowRight');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Copy link for alfie-qa');
    await popup.keyboard.press('ArrowRight');
    expect(await popup.evaluate(() => [document.activeElement?.getAttribute('aria-label'), document.activeElement?.matches(':focus-visible')])).toEqual(['Pin alfie-qa', true]);
    await popup.keyboard.press('Space');
    await until(popup, () => document.querySelector('.row-header .group-name')?.textContent === 'Pinned');
    expect(errors).toEqual([]);
    await popup.close();
  });

  test.each(THEMES)('import page with diagnostics, skipped profiles and a secrets warning (%s theme): axe finds no serious or critical violation', async (theme) => {
    await optionsPage.bringToFront();
    await setTheme(optionsPage, theme);
    await pasteConfig(optionsPage, WITH_PROBLEMS);
    await find(optionsPage, '.issue-error');
    await find(optionsPage, '.issue-skipped');
    await expectNoSeriousViolations(optionsPage, `import page, ${theme}`);
  });

  test('import page: Tab reaches every control with a visible focus; a diagnostic selects its line from the keyboard', async () => {
    await optionsPage.bringToFront();
    await setTheme(optionsPage, 'light');
    await pasteConfig(optionsPage, WITH_PROBLEMS);
    await find(optionsPage, '.issue-error');
    const stops = await tabThrough(optionsPage, 80);
    const names = stops.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'textarea "AWS config"',
        'input "Choose file…"',
        'button "Replace my config"',
        'button "Add to my config"',
        // (The removed keys of keys-only are listed once, by the secrets notice: not again as a problem.)
        'summary "Problems (1): click one to select its line"',
        expect.stringMatching(/^button "Line \d+ ERROR "this line has no delimiter"/),
        'div "Preview of the roles (scrolls)"',
        'input "Show the banner on console pages Production accounts always keep a banner."',
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

  // Production (caution stripes), an ordinary environment, and an account no source names.
  const BANNERS = [
    ['production', 'classic-switched-role.html'],
    ['qa', 'multi-session-qa.html'],
    ['unknown account', 'no-identity.html'],
  ] as const;
  test.each(THEMES.flatMap((theme) => BANNERS.map(([kind, fixture]) => [kind, theme, fixture] as const)))(
    'banner, %s, on a console page (%s theme): axe, handed the banner\'s closed shadow root, finds no serious or critical violation in it; every text in it measures at least 4.5:1 as rendered',
    async (kind, theme, fixture) => {
      const { page } = await openConsoleTab(session);
      await setTheme(page, theme);
      await page.goto(fixtureUrl(fixture));
      await exposeBannerToAxe(page);
      const { violations, contrast } = await axe(page);
      report(`console page with the ${kind} banner, ${theme}`, violations);
      // Findings on the fixture page (our stand-in for the console) are not ours: only the banner's count.
      const inBanner = (target: string) => target.startsWith('[["role-switchboard-banner"');
      const ours = violations.map((v) => ({ ...v, nodes: v.nodes.filter((n) => inBanner(n.target)) })).filter((v) => v.nodes.length > 0);
      expect(serious(ours)).toEqual([]);
      // axe really looked inside: its colour-contrast rule reached the banner's text. (It cannot
      // compute a ratio in a shadow root painted over the page, so it says "incomplete" there;
      // the contrast is measured on the rendered banner below instead.)
      expect(contrast.filter((c) => inBanner(c.target)).length).toBeGreaterThan(0);
      const low = (await renderedBannerContrast(page)).filter((t) => t.ratio < 4.5).map((t) => `"${t.text}": ${t.ratio.toFixed(2)}:1`);
      expect(low).toEqual([]);
      await page.close();
    },
  );

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

/**
 * Contrast of every piece of text in the banner as rendered: its computed colour, faded by
 * the opacity of it and its ancestors, against the nearest background colour in the banner;
 * under production's caution stripes (13 % black) too, whichever is worse.
 */
async function renderedBannerContrast(page: Page): Promise<{ text: string; ratio: number }[]> {
  const bar = await findBanner(page);
  const samples = await bar.evaluate((region) => {
    const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const out: { text: string; fg: number[]; bg: number[]; alpha: number; striped: boolean }[] = [];
    const striped = getComputedStyle(region).backgroundImage !== 'none';
    for (const el of [region, ...Array.from(region.querySelectorAll('*'))]) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!own) continue;
      let alpha = 1;
      let bg: number[] | null = null;
      let onRegion = false;
      for (let node: Element | null = el; node; node = node === region ? null : node.parentElement) {
        const style = getComputedStyle(node);
        alpha *= Number(style.opacity);
        const colour = parse(style.backgroundColor);
        if (!bg && (colour[3] ?? 1) > 0) {
          bg = colour.slice(0, 3);
          onRegion = node === region;
        }
      }
      const fg = parse(getComputedStyle(el).color);
      // The stripes are painted on the region only: a badge with its own background is not under them.
      out.push({ text: el.textContent!.trim(), fg: fg.slice(0, 3), bg: bg!, alpha: alpha * (fg[3] ?? 1), striped: striped && onRegion });
    }
    return out;
  });
  const hex = (c: number[]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
  const over = (fg: number[], bg: number[], a: number) => fg.map((v, i) => v * a + bg[i]! * (1 - a));
  return samples.map((s) => {
    const backgrounds = s.striped ? [s.bg, over([0, 0, 0], s.bg, 0.13)] : [s.bg];
    const ratio = Math.min(...backgrounds.map((bg) => contrastRatio(hex(over(s.fg, bg, s.alpha)), hex(bg))));
    return { text: s.text, ratio };
  });
}

test('banner colours from the banner model: text and environment badge reach 4.5:1 on every environment colour, production and unknown banners', () => {
  // The model picks the colours; the e2e tests above measure the rendered banner (opacity included).
  const catalogue = importConfig(E2E_CONFIG);
  const identity = { accountId: '123456789012', principalKind: 'assumed-role', partition: 'aws', source: 'session-data', roleName: 'X' } as const;
  const settings = { bannerEnabled: true, bannerPosition: 'top', titlePrefix: true } as const;
  const colours = [...new Set([...Object.values(ENV_COLORS), ...catalogue.entries.map((e) => e.color), '#ffffff', '#000000', '#ffff00', '#777777'])];
  const low: string[] = [];
  let checked = 0;
  for (const colour of colours) {
    for (const isProduction of [false, true]) {
      const entry = { ...catalogue.entries[0]!, color: colour, isProduction, env: isProduction ? ('production' as const) : ('test' as const) };
      const model = bannerModel(identity, { kind: 'profile', entry, alternatives: 0 }, settings);
      expect(model.badge).toBeDefined();
      const checks: [string, number][] = [
        ['text', contrastRatio(model.foreground, model.background)],
        ['badge', contrastRatio(model.badge!.foreground, model.badge!.background)],
      ];
      for (const [what, ratio] of checks) {
        checked++;
        if (ratio < 4.5) low.push(`${colour}${isProduction ? ' (production)' : ''} ${what}: ${ratio.toFixed(2)}:1`);
      }
    }
  }
  for (const model of [bannerModel(null, { kind: 'none' }, settings), bannerModel(identity, { kind: 'none' }, settings)]) {
    checked++;
    if (contrastRatio(model.foreground, model.background) < 4.5) low.push(`${model.state} banner text`);
  }
  expect(checked).toBeGreaterThan(30);
  expect(low).toEqual([]);
});
