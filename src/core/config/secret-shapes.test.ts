// Issue 10 §1: random secrets in every shape people paste (the access portal's dialog, shell,
// PowerShell and cmd variables, JSON from `aws sts` and the SSO cache, commented-out, misspelt
// or delimiter-less keys, tool flags, bare values, wrapped tokens), hidden in random
// real-looking configs, never survive stripSecrets nor reach anything the importer produces;
// and no line of the real config is ever removed.
import fc from 'fast-check';
import { importConfig } from '../catalogue/import-config';
import { parseAwsConfig } from './parse-aws-config';
import { stripSecrets } from './strip-secrets';
import { everyShapeConfigArb, keepsInOrder, leakedPiece, realConfigArb, renderWithSecrets, secretConfigArb, secretsArb, SHAPE_NAMES, type SecretConfig } from '../../../test/fixtures/secret-shapes';

fc.configureGlobal({ interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true });

/** Everything a paste turns into: the stored text, both catalogues (preview and stored) and the parser's messages. */
function products(text: string): Record<string, string> {
  const stripped = stripSecrets(text);
  return {
    'stored text': stripped.text,
    'what was removed': JSON.stringify(stripped.removed),
    'preview catalogue': JSON.stringify(importConfig(text)),
    'stored catalogue': JSON.stringify(importConfig(stripped.text)),
    'messages about the stored text': JSON.stringify(parseAwsConfig(stripped.text).diagnostics),
  };
}

function expectNoLeak(c: SecretConfig): void {
  for (const [where, output] of Object.entries(products(c.text))) {
    const piece = leakedPiece(output, c.secrets);
    if (piece !== null) throw new Error(`a piece of a secret (${piece}) is in the ${where}; shapes: ${c.shapes.join(', ')}`);
  }
}

function expectRealConfigKept(c: SecretConfig): void {
  const out = stripSecrets(c.text).text;
  const lost = keepsInOrder(out.split(c.eol), c.realLines);
  if (lost !== null) throw new Error(`a line of the real config was removed: ${JSON.stringify(lost)}; shapes: ${c.shapes.join(', ')}`);
  // Every role profile still imports, from the stored text and in the preview.
  for (const catalogue of [importConfig(out), importConfig(c.text)]) {
    const profiles = new Set(catalogue.entries.map((e) => e.profile));
    for (const role of c.real.roles) expect(profiles.has(role)).toBe(true);
  }
}

describe('secrets in any shape', () => {
  it('never survive stripping nor reach the catalogue or a message (random shapes, random places)', () => {
    fc.assert(fc.property(secretConfigArb, expectNoLeak), { numRuns: 300 });
  });

  it.each(SHAPE_NAMES)('%s: never survives stripping nor reaches the catalogue or a message', (shape) => {
    const one = fc.tuple(realConfigArb, secretsArb, fc.nat(), fc.nat({ max: 29 })).map(([real, secrets, gap, variant]) => renderWithSecrets(real, secrets, [{ shape, gap, variant }]));
    fc.assert(fc.property(one, expectNoLeak), { numRuns: 40 });
  });

  it('every shape at once (what the Chromium test pastes)', () => {
    fc.assert(fc.property(everyShapeConfigArb, expectNoLeak), { numRuns: 60 });
  });

  it('keep every line of the real config around them', () => {
    fc.assert(fc.property(secretConfigArb, expectRealConfigKept), { numRuns: 300 });
  });

  it('real-looking configs without secrets come back unchanged', () => {
    fc.assert(
      fc.property(realConfigArb, fc.constantFrom('\n', '\r\n'), (real, eol) => {
        const text = real.units.flat().join(eol) + eol;
        expect(stripSecrets(text)).toEqual({ text, removed: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('the generator covers every shape (or the properties would prove less than they say)', () => {
    const seen = new Set(fc.sample(secretConfigArb, { numRuns: 300, seed: 10 }).flatMap((c) => c.shapes));
    expect([...seen].sort()).toEqual([...SHAPE_NAMES].sort());
  });
});
