import fc from 'fast-check';
import { importConfig } from '../catalogue/import-config';
import { prepareImport } from '../catalogue/prepare-import';
import { replaceLoneSurrogates } from './well-formed-text';

/** No lone surrogate: encodes to UTF-8 and back unchanged. */
const wellFormed = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text)) === text;

describe('lone UTF-16 surrogates', () => {
  test('each becomes U+FFFD with a diagnostic on its line; pairs are kept', () => {
    const { text, diagnostics } = replaceLoneSurrogates('ok 😀\r\n\uD800x\rb\n\uDC00\uDC01');
    expect(text).toBe('ok 😀\r\n\uFFFDx\rb\n\uFFFD\uFFFD');
    expect(diagnostics.map((d) => d.line)).toEqual([2, 4]);
    expect(replaceLoneSurrogates('plain').diagnostics).toEqual([]);
  });

  test('a broken character anywhere: a diagnostic with its line, and the rest imports', () => {
    const text = '[profile a\uD800b]\nrole_arn = arn:aws:iam::123456789012:role/X\n[profile ok]\nrole_arn = arn:aws:iam::123456789012:role/Y\ncolor = \uDC00\n';
    const catalogue = importConfig(text);
    expect(catalogue.entries.map((e) => e.profile)).toContain('ok');
    expect(catalogue.diagnostics.filter((d) => /broken character/.test(d.message)).map((d) => d.line)).toEqual([1, 5]);
    const prepared = prepareImport(text);
    expect(prepared.repairedLines).toEqual([1, 5]);
    expect(wellFormed(prepared.text)).toBe(true);
  });

  test('property: any text with any surrogates imports without an internal error', () => {
    const unit = fc.oneof(fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\n', '[profile p]\n', 'role_arn = arn:aws:iam::123456789012:role/R\n'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const catalogue = importConfig(text);
        expect(catalogue.diagnostics.some((d) => /internal error/.test(d.message))).toBe(false);
        expect(wellFormed(prepareImport(text).text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
