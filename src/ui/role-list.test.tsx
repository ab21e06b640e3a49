/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
// The windowed list's first render (issue 15 §6): until the box has reported its size, it draws
// only what fits in its first guess, no overscan, which is what the popup's first role waits for;
// once measured, a few rows beyond each end so that scrolling shows no gap.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { importConfig } from '../core';
import { orderForDisplay } from '../core/catalogue/grouping';
import { useJsdomRoot } from '../../test/fixtures/jsdom-root';
import { ROW_HEIGHTS, RoleList } from './role-list';
import { buildRows } from './rows';

/** A ResizeObserver the test reports through (jsdom has none). */
class ReportedResizeObserver {
  static last: ReportedResizeObserver | null = null;
  constructor(private readonly callback: () => void) {
    ReportedResizeObserver.last = this;
  }
  observe() {}
  disconnect() {}
  report() {
    this.callback();
  }
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver = ReportedResizeObserver;

const config = Array.from({ length: 200 }, (_, i) => `[profile app${Math.floor(i / 10)}-dev-${i}]\nrole_arn = arn:aws:iam::${String(100000000000 + i)}:role/Dev\n`).join('');
const rows = buildRows(orderForDisplay(importConfig(config).entries));
const root = useJsdomRoot();

const drawn = () => root().querySelectorAll('.row').length;

test('the first render draws the rows of the first guess only; once measured, six more below', async () => {
  render(<RoleList rows={rows} label="Roles" idPrefix="r" density="compact" />, root());
  // 480 px of 24 px rows (jsdom measures every box as 0 px high: the guess stays the height).
  expect(ROW_HEIGHTS.compact).toEqual({ header: 24, entry: 24 });
  expect(drawn()).toBe(20);
  await act(() => ReportedResizeObserver.last!.report());
  expect(drawn()).toBe(26);
});
