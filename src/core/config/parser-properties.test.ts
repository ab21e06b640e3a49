import fc from 'fast-check';
import { configLineCount, parseAwsConfig, readConfig } from './parse-aws-config';
import { SECRET_KEYS, maskSecrets, stripSecrets } from './strip-secrets';
import type { ConfigValue, ParsedConfig, SectionMap } from '../types';

// A failing property shrinks its example; bound that (and any run) so a failure reports instead of hanging.
fc.configureGlobal({ interruptAfterTimeLimit: 30_000, markInterruptAsFailure: true });

const errorsOf = (p: ParsedConfig) => p.diagnostics.filter((d) => d.severity === 'error');

function expectSaneDiagnostics(text: string, p: ParsedConfig): void {
  const lines = configLineCount(text);
  for (const d of p.diagnostics) {
    expect(Number.isInteger(d.line)).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.message).toMatch(/^Line \d+/);
  }
}

// Pieces that config text is made of, so random strings hit the interesting states.
const CONFIG_PIECES = [
  '[', ']', '=', ':', '#', ';', ' ', '  ', '\t', '\n', '\r', '\r\n', '"', "'", '\\', 'profile ', 'sso-session ', 'services ',
  'default', 'DEFAULT', 'Profile ', 'region', 's3', 'aws_secret_access_key', 'x', 'é', '中', '😀', '\u2028', '\x85', '\x1c',
  '\f', '\ufeff', '\u3000', '\0', '__proto__',
];

describe('parseAwsConfig properties', () => {
  it('never throws on arbitrary text, and diagnostics point at real lines', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const p = parseAwsConfig(text);
        expectSaneDiagnostics(text, p);
        expect(() => stripSecrets(text)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on config-shaped text, and diagnostics point at real lines', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...CONFIG_PIECES), maxLength: 120 }), (text) => {
        const p = parseAwsConfig(text);
        expectSaneDiagnostics(text, p);
        const stripped = stripSecrets(text);
        expect(stripped.text.length).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 600 },
    );
  });

  it('the importer masks a secret exactly when stripSecrets removes a line, keeping line numbers (importConfig relies on it)', () => {
    const pieces = [...CONFIG_PIECES, 'AWS_Session_Token', 'aws_access_key_id', ' = ', ':', '\n  ', '\n[profile p]\n', '\n[DEFAULT]\n'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...pieces), maxLength: 80 }), (text) => {
        const masked = maskSecrets(text);
        expect(masked.text !== text).toBe(stripSecrets(text).removed.length > 0);
        expect(configLineCount(masked.text)).toBe(configLineCount(text));
        if (masked.text === text) expect(readConfig(text).diagnostics).toEqual(parseAwsConfig(text).diagnostics);
      }),
      { numRuns: 1500 },
    );
  });
});

// ---- A model of valid configs, rendered to text with formatting choices baked in ----

type Eol = '\n' | '\r\n' | '\r';
interface KeyModel {
  key: string;
  /** A single-line or multi-line string (parts joined by '\n'), or a nested map. */
  value: string[] | Array<[string, string]>;
  nested: boolean;
  delim: '=' | ':';
  spaceBefore: string;
  spaceAfter: string;
  /** A comment or blank line written after this key. */
  trailer: '' | '# note' | '; note' | 'blank';
}
interface SectionModel {
  kind: 'profile' | 'sso-session' | 'services' | 'default' | 'bare' | 'DEFAULT';
  name: string;
  quoted: boolean;
  headerComment: boolean;
  keys: KeyModel[];
}
interface ConfigModel {
  sections: SectionModel[];
  eol: Eol;
}

// Values: no line breaks, no leading/trailing whitespace (Python strips them), anything else.
const VALUE_CHARS = 'abcXYZ019-_./:=#;[]"\'\\%@ \té中😀\u00a0'.split(/(?:)/u);
const edgeFree = (s: string) => !/^[ \t\u00a0]|[ \t\u00a0]$/.test(s);
const valueArb = fc.string({ unit: fc.constantFrom(...VALUE_CHARS), minLength: 1, maxLength: 12 }).filter(edgeFree);
const keyArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).filter((k) => !(SECRET_KEYS as readonly string[]).includes(k));
const nestedKeyArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/);
const nestedValueArb = fc
  .string({ unit: fc.constantFrom(...VALUE_CHARS.filter((c) => c !== '\t')), maxLength: 10 })
  .filter(edgeFree);
const NAME_CHARS = 'abcXYZ019-_./@ "\'\\]é中😀#'.split(/(?:)/u);
const profileNameArb = fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 10 });
const bareNameArb = fc
  .stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.@-]{0,12}[A-Za-z0-9]$/)
  .filter((n) => !/^(profile|sso-session|services)/.test(n) && n !== 'default' && n !== 'sso_sessions');

const keyModelArb: fc.Arbitrary<KeyModel> = fc.record({
  key: keyArb,
  nested: fc.boolean(),
  // Continuation lines must not start with '#' or ';' (those are comment lines).
  value: fc.oneof(
    fc.tuple(valueArb, fc.array(valueArb.filter((v) => !/^[#;]/.test(v)), { maxLength: 2 })).map(([first, more]) => [first, ...more]),
    fc.constant<string[]>(['']),
  ),
  nestedValue: fc.uniqueArray(fc.tuple(nestedKeyArb, nestedValueArb), { minLength: 1, maxLength: 3, selector: ([k]) => k }),
  delim: fc.constantFrom('=' as const, ':' as const),
  spaceBefore: fc.constantFrom('', ' ', '\t', '  '),
  spaceAfter: fc.constantFrom('', ' ', '\t', '  '),
  trailer: fc.constantFrom('' as const, '' as const, '# note' as const, '; note' as const, 'blank' as const),
}).map(({ nestedValue, ...k }) => (k.nested ? { ...k, value: nestedValue } : k));

const sectionArb: fc.Arbitrary<SectionModel> = fc.record({
  kind: fc.constantFrom('profile' as const, 'profile' as const, 'sso-session' as const, 'services' as const, 'default' as const, 'bare' as const, 'DEFAULT' as const),
  name: profileNameArb,
  bareName: bareNameArb,
  quoted: fc.boolean(),
  headerComment: fc.boolean(),
  keys: fc.uniqueArray(keyModelArb, { maxLength: 5, selector: (k) => k.key }),
}).map(({ bareName, ...s }) => ({
  ...s,
  name: s.kind === 'bare' ? bareName : s.kind === 'default' ? 'default' : s.kind === 'DEFAULT' ? 'DEFAULT' : s.name,
}));

const modelArb: fc.Arbitrary<ConfigModel> = fc.record({
  sections: fc.uniqueArray(sectionArb, { maxLength: 6, selector: (s) => (s.kind === 'default' ? 'profile\0default' : `${s.kind}\0${s.name}`) }),
  eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
});

function headerOf(s: SectionModel): string {
  if (s.kind === 'default' || s.kind === 'DEFAULT' || s.kind === 'bare') return `[${s.name}]`;
  const simple = /^[^ \t"'\\]+$/.test(s.name);
  const name = simple && !s.quoted ? s.name : `"${s.name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `[${s.kind} ${name}]`;
}

/** Renders the model; `keep` decides which keys are written (to render "the same file minus secrets"). */
function render(m: ConfigModel, keep: (k: KeyModel) => boolean = () => true): string {
  const out: string[] = ['# generated config'];
  for (const s of m.sections) {
    out.push(`${headerOf(s)}${s.headerComment ? '  # header note' : ''}`);
    for (const k of s.keys) {
      if (keep(k)) {
        const head = `${k.key}${k.spaceBefore}${k.delim}`;
        if (k.nested) {
          out.push(head);
          for (const [nk, nv] of k.value as Array<[string, string]>) out.push(`  ${nk} = ${nv}`);
        } else {
          const [first, ...more] = k.value as string[];
          out.push(first === '' ? head : `${head}${k.spaceAfter}${first}`);
          for (const part of more) out.push(`    ${part}`);
        }
      }
      if (k.trailer === 'blank') out.push('');
      else if (k.trailer !== '') out.push(k.trailer);
    }
    out.push('');
  }
  return out.join(m.eol);
}

/** The maps botocore builds for a valid model: a small, independent statement of the rules. */
function expectedMaps(m: ConfigModel, keep: (k: KeyModel) => boolean = () => true) {
  const valueOf = (k: KeyModel): ConfigValue => (k.nested ? Object.fromEntries(k.value as Array<[string, string]>) : (k.value as string[]).join('\n'));
  const defaults = m.sections.filter((s) => s.kind === 'DEFAULT').flatMap((s) => s.keys.filter(keep));
  const maps: Record<'profiles' | 'ssoSessions' | 'services' | 'otherSections', SectionMap> = { profiles: {}, ssoSessions: {}, services: {}, otherSections: {} };
  for (const s of m.sections) {
    if (s.kind === 'DEFAULT') continue;
    const values: Record<string, ConfigValue> = {};
    for (const k of s.keys.filter(keep)) values[k.key] = valueOf(k);
    for (const k of defaults) if (!(k.key in values)) values[k.key] = valueOf(k);
    const target = s.kind === 'profile' || s.kind === 'default' ? maps.profiles : s.kind === 'sso-session' ? maps.ssoSessions : s.kind === 'services' ? maps.services : maps.otherSections;
    Object.defineProperty(target, s.name, { value: values, enumerable: true, writable: true, configurable: true });
  }
  return maps;
}

describe('valid configs round-trip', () => {
  it('parse(render(model)) equals the model', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const text = render(m);
        const p = parseAwsConfig(text);
        expect(errorsOf(p)).toEqual([]);
        expect({ profiles: p.profiles, ssoSessions: p.ssoSessions, services: p.services, otherSections: p.otherSections }).toEqual(expectedMaps(m));
        expectSaneDiagnostics(text, p);
      }),
      { numRuns: 250 },
    );
  });
});

describe('stripSecrets properties', () => {
  // Models where some keys are secrets with recognisable values.
  const secretKeyArb = fc.record({
    key: fc.constantFrom(...SECRET_KEYS).chain((k) => fc.constantFrom(k, k.toUpperCase(), `${k[0]?.toUpperCase()}${k.slice(1)}`)),
    n: fc.nat(),
    multi: fc.boolean(),
    delim: fc.constantFrom('=' as const, ':' as const),
  });
  const withSecretsArb = fc.tuple(modelArb, fc.array(fc.tuple(fc.nat(), fc.nat(), secretKeyArb), { maxLength: 6 })).map(([m, inserts]) => {
    let counter = 0;
    for (const [si, ki, sk] of inserts) {
      const section = m.sections.length ? m.sections[si % m.sections.length] : undefined;
      if (!section) continue;
      if (section.keys.some((k) => k.key.toLowerCase() === sk.key.toLowerCase())) continue;
      const secret = `SeCrEt${counter++}X${sk.n}`;
      const value = sk.multi ? [secret, `${secret}more`] : [secret];
      section.keys.splice(ki % (section.keys.length + 1), 0, { key: sk.key, value, nested: false, delim: sk.delim, spaceBefore: ' ', spaceAfter: ' ', trailer: '' });
    }
    return m;
  });
  const isSecret = (k: KeyModel) => (SECRET_KEYS as readonly string[]).includes(k.key.toLowerCase());

  it('removes exactly the secret lines: the output is the same file rendered without them', () => {
    fc.assert(
      fc.property(withSecretsArb, (m) => {
        const text = render(m);
        const { text: out, removed } = stripSecrets(text);
        expect(out).toBe(render(m, (k) => !isSecret(k)));
        expect(out).not.toMatch(/SeCrEt/);
        const secretCount = m.sections.reduce((n, s) => n + s.keys.filter(isSecret).length, 0);
        expect(removed.reduce((n, r) => n + r.keys.length, 0)).toBeLessThanOrEqual(secretCount);
        expect(removed.length > 0).toBe(secretCount > 0);
      }),
      { numRuns: 200 },
    );
  });

  it('parses to the same maps minus the secret keys', () => {
    fc.assert(
      fc.property(withSecretsArb, (m) => {
        const before = parseAwsConfig(render(m));
        expect(errorsOf(before)).toEqual([]);
        const after = parseAwsConfig(stripSecrets(render(m)).text);
        expect(errorsOf(after)).toEqual([]);
        const lower = (k: KeyModel) => ({ ...k, key: k.key.toLowerCase() });
        const lowered = { ...m, sections: m.sections.map((s) => ({ ...s, keys: s.keys.map(lower) })) };
        expect(before.profiles).toEqual(expectedMaps(lowered).profiles);
        expect({ profiles: after.profiles, ssoSessions: after.ssoSessions, services: after.services, otherSections: after.otherSections }).toEqual(
          expectedMaps(lowered, (k) => !isSecret(k)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
