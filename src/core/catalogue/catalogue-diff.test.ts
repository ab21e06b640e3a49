import { diffCatalogues, needsConfirmation, productionLost } from './catalogue-diff';
import { importConfig } from './import-config';

const role = (name: string, account: string, roleName = 'Admin', extra = '') =>
  `[profile ${name}]\nrole_arn = arn:aws:iam::${account}:role/${roleName}\n${extra}`;
const entries = (...sections: string[]) => importConfig(sections.join('\n')).entries;

describe('what an import changes', () => {
  test('added, removed, changed with what changed, unchanged', () => {
    const before = entries(role('pay-dev', '111111111111'), role('pay-qa', '222222222222'), role('pay-stage', '333333333333'));
    const after = entries(role('pay-dev', '111111111111'), role('pay-qa', '444444444444', 'ReadOnly'), role('pay-new-dev', '555555555555'));
    const diff = diffCatalogues(before, after);
    expect(diff.added.map((e) => e.profile)).toEqual(['pay-new-dev']);
    expect(diff.removed.map((e) => e.profile)).toEqual(['pay-stage']);
    expect(diff.changed.map((c) => [c.after.profile, c.what])).toEqual([['pay-qa', ['account 2222-2222-2222 → 4444-4444-4444', 'role Admin → ReadOnly']]]);
    expect(diff.unchanged).toBe(1);
    expect(needsConfirmation(diff)).toBe(true);
  });

  test('an import that only adds or changes non-production roles needs no confirmation', () => {
    const before = entries(role('pay-dev', '111111111111'));
    const diff = diffCatalogues(before, entries(role('pay-dev', '111111111111', 'Admin', 'region = eu-west-1'), role('pay-qa', '222222222222')));
    expect(diff.changed[0]!.what).toEqual(['region none → eu-west-1']);
    expect(needsConfirmation(diff)).toBe(false);
  });

  test('a production role that would show as another environment needs confirmation, even with nothing removed', () => {
    const before = entries(role('billing', '111111111111', 'Admin', 'env = production'));
    const diff = diffCatalogues(before, entries(role('billing', '111111111111', 'Admin', 'env = dev')));
    expect(productionLost(diff).map((c) => c.after.profile)).toEqual(['billing']);
    expect(diff.removed).toEqual([]);
    expect(needsConfirmation(diff)).toBe(true);
  });

  test('0 usable roles against 120 stored: everything removed, confirmation needed', () => {
    const many = Array.from({ length: 120 }, (_, i) => role(`app${i}-dev`, String(100000000000 + i)));
    const diff = diffCatalogues(entries(...many), importConfig('# [profile x]\n').entries);
    expect(diff.removed).toHaveLength(120);
    expect(needsConfirmation(diff)).toBe(true);
  });
});
