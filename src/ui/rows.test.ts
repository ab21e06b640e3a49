import { importConfig } from '../core';
import { IncrementalFilter } from '../core/catalogue/fuzzy-filter';
import { orderForDisplay as orderEntries } from '../core/catalogue/grouping';
import { buildFilteredRows, buildRows, firstEntryRow, moveActive, type Row } from './rows';
import { lineRange } from './text-lines';
import { formatAccountId } from '../core/aws-names';
import { textColourFor as textOn } from '../core/contrast';

const CONFIG = `[default]
region = us-east-1
[profile alfie-production]
role_arn = arn:aws:iam::123456789012:role/AlfieReadOnly
[profile alfie-qa]
role_arn = arn:aws:iam::234567890123:role/AlfieDeployment
[profile alfie-development]
role_arn = arn:aws:iam::345678901234:role/AlfieFullAccess
[profile billing-staging]
role_arn = arn:aws:iam::111122223333:role/Ops
[profile billing-prod]
role_arn = arn:aws:iam::111122224444:role/Ops
`;
const ordered = orderEntries(importConfig(CONFIG).entries);
const show = (rows: Row[]) => rows.map((r) => (r.kind === 'header' ? `# ${r.title} (${r.count})` : r.entry.profile));

test('apps in order, environments in the fixed order within each app', () => {
  expect(show(buildRows(ordered))).toEqual(['# alfie (3)', 'alfie-development', 'alfie-qa', 'alfie-production', '# billing (2)', 'billing-staging', 'billing-prod']);
});

test('pinned, then recent, then every app; unknown names are ignored', () => {
  const rows = buildRows(ordered, { favourites: ['billing-prod', 'gone'], recent: ['alfie-qa', 'alfie-development'] });
  expect(show(rows).slice(0, 6)).toEqual(['# Pinned (1)', 'billing-prod', '# Recent (2)', 'alfie-qa', 'alfie-development', '# alfie (3)']);
  // Keys stay unique although an entry appears twice.
  expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
});

test('filtered rows stay grouped; the best-matching app comes first', () => {
  const filter = new IncrementalFilter(ordered);
  expect(show(buildFilteredRows(ordered, filter.filter('prod')))).toEqual(['# alfie (1)', 'alfie-production', '# billing (1)', 'billing-prod']);
  expect(show(buildFilteredRows(ordered, filter.filter('billing prod')))).toEqual(['# billing (1)', 'billing-prod']);
  expect(buildFilteredRows(ordered, filter.filter('nothing-like-this'))).toEqual([]);
});

test('the active row skips headers and stops at the ends', () => {
  const rows = buildRows(ordered);
  const first = firstEntryRow(rows);
  expect(first).toBe(1);
  expect(moveActive(rows, first, -1)).toBe(1);
  expect(moveActive(rows, 3, 1)).toBe(5); // over the billing header
  expect(moveActive(rows, 5, -1)).toBe(3);
  expect(moveActive(rows, 1, 100)).toBe(rows.length - 1);
  expect(moveActive([], 0, 1)).toBe(-1);
});

test('line ranges count \\n, \\r\\n and a lone \\r as line ends', () => {
  const text = 'one\r\ntwo\rthree\nfour';
  const line = (n: number) => text.slice(...lineRange(text, n));
  expect([1, 2, 3, 4].map(line)).toEqual(['one', 'two', 'three', 'four']);
  expect(lineRange(text, 9)).toEqual([text.length, text.length]);
});

test('account IDs are shown as the console shows them; badge text is legible on any colour', () => {
  expect(formatAccountId('123456789012')).toBe('1234-5678-9012');
  expect(formatAccountId('my-alias')).toBe('my-alias');
  expect(textOn('#d13212')).toBe('#ffffff');
  expect(textOn('#efda95')).toBe('#000000');
});

test('a folded app keeps its header and count, without its entries; the config order is one group by line', () => {
  const folded = buildRows(ordered, { collapsed: ['alfie'] });
  expect(show(folded)).toEqual(['# alfie (3)', '# billing (2)', 'billing-staging', 'billing-prod']);
  expect(folded[0]).toMatchObject({ app: 'alfie', collapsed: true });
  expect(show(buildRows(ordered, { order: 'config' }))).toEqual(['# All roles, in config order (5)', 'alfie-production', 'alfie-qa', 'alfie-development', 'billing-staging', 'billing-prod']);
});

test('rows mark where an account run starts, and show the region only where a group differs by it', () => {
  const entries = orderEntries(
    importConfig(`[profile shop-dev]
role_arn = arn:aws:iam::111111111111:role/Dev
[profile shop-dev-us]
role_arn = arn:aws:iam::111111111111:role/Admin
region = us-west-2
[profile shop-prod]
role_arn = arn:aws:iam::222222222222:role/Ops
[profile tools-dev]
role_arn = arn:aws:iam::333333333333:role/Dev
region = eu-west-1
`).entries,
  );
  const marks = buildRows(entries).flatMap((r) => (r.kind === 'entry' ? [[r.entry.profile, r.accountLead, r.showRegion]] : []));
  expect(marks).toEqual([
    ['shop-dev', true, false],
    ['shop-dev-us', false, true],
    ['shop-prod', true, false],
    ['tools-dev', true, false],
  ]);
});
