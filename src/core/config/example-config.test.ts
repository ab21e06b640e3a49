import { EXAMPLE_CONFIG, groupEntries, importConfig } from '..';

test('the example config imports as app "alfie" with development, qa and production, production red', () => {
  const catalogue = importConfig(EXAMPLE_CONFIG);
  expect(catalogue.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const groups = groupEntries(catalogue.entries);
  expect(groups.map((g) => g.app)).toEqual(['alfie']);
  expect(groups[0]!.envs.map((e) => e.envLabel)).toEqual(['development', 'qa', 'production']);
  const production = catalogue.entries.find((e) => e.profile === 'alfie-production')!;
  expect(production.isProduction).toBe(true);
  expect(production.color).toBe('#d13212');
  expect(catalogue.entries.filter((e) => e.isProduction).map((e) => e.profile)).toEqual(['alfie-production']);
});
