// `npm run bench -- search`: the popup's search (src/core/catalogue/search.ts) on 5,000 roles
// in Node, keystroke by keystroke as the popup calls it (one IncrementalSearch, the previous
// result narrowed while the query grows, a full search after a deletion). Issue 15 §1: a
// keystroke well under a frame (16 ms) at 5,000 roles. The popup section measures the same
// keystrokes end to end in Chromium (input event → list laid out).
import { IncrementalSearch, importConfig, orderForDisplay, searchIndex } from '../../src/core';
import { generateConfig } from '../e2e/ui-helpers';
import { settle } from './settle';
import { medianMs, printTable } from './table';

const ROLES = 5000;
const ROUNDS = 7;
// The popup bench's queries, issue 15's examples, and ones that reach the letters-in-order tier.
const QUERIES = ['payments prod', 'admin', '1234', 'ledg dev readonly', 'data-lake staging', 'xyz', 'checkout prod ro', 'pymnts prd', '2011-5181', 'pu', 'rdnly dvlpr'];

const ms = (n: number) => `${n < 1 ? n.toFixed(3) : n.toFixed(2)} ms`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Types every query one key at a time, then deletes it one key at a time; returns each keystroke's time. */
function typingSession(search: IncrementalSearch): { typed: number[]; deleted: number[] } {
  const typed: number[] = [];
  const deleted: number[] = [];
  for (const query of QUERIES) {
    for (let n = 1; n <= query.length; n++) typed.push(time(() => search.search(query.slice(0, n))));
    for (let n = query.length - 1; n >= 0; n--) deleted.push(time(() => search.search(query.slice(0, n))));
  }
  return { typed, deleted };
}

export async function run(): Promise<void> {
  const roles = orderForDisplay(importConfig(generateConfig(ROLES)).entries);
  if (roles.length !== ROLES) throw new Error(`expected ${ROLES} roles, got ${roles.length}`);
  const machine = await settle();

  const build = medianMs(() => new IncrementalSearch(roles).warm(), 7, 2);
  const search = new IncrementalSearch(roles);
  search.warm();
  typingSession(search); // warm-up round, not counted
  const typed: number[] = [];
  const deleted: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const session = typingSession(search);
    typed.push(...session.typed);
    deleted.push(...session.deleted);
  }
  const all = [...typed, ...deleted];
  // The heaviest single keystroke: a first letter over every role, nothing to narrow.
  const index = search.index;
  const firstLetters = 'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => medianMs(() => searchIndex(index, c), 5, 1));

  printTable(
    [`measure (${ROLES.toLocaleString('en')} roles, Node ${process.version})`, 'figure', 'target'],
    [
      [`keystroke → result (median of ${all.length.toLocaleString('en')}: ${QUERIES.length} queries typed and deleted, ${ROUNDS} rounds)`, ms(percentile(all, 0.5)), '≪ 16 ms'],
      ['  … 95th percentile', ms(percentile(all, 0.95)), ''],
      ['  … worst', ms(Math.max(...all)), ''],
      ['  … typing (narrows the previous result), median / 95th', `${ms(percentile(typed, 0.5))} / ${ms(percentile(typed, 0.95))}`, ''],
      ['  … deleting (searches every role again), median / 95th', `${ms(percentile(deleted, 0.5))} / ${ms(percentile(deleted, 0.95))}`, ''],
      ['first letter over every role (a–z, median / worst)', `${ms(percentile(firstLetters, 0.5))} / ${ms(Math.max(...firstLetters))}`, ''],
      ['index build + warm (once per popup open, while the user reads)', ms(build), ''],
    ],
  );
  console.log(`\n(${machine})`);
}
