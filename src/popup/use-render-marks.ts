// Performance marks read by `npm run bench` (test/bench/popup.ts): first rows on screen
// (rsb:rendered), the whole catalogue on screen (rsb:complete), and input → list laid out
// (rsb:filter, measured from the input event's time stamp).
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Row } from '../ui/rows';
import type { PopupMarks } from './popup-data';

/** Returns the function the search box calls with each input event's time stamp. */
export function useRenderMarks(marks: PopupMarks | undefined, rows: readonly Row[], complete: boolean, shown: boolean): (inputTime: number) => void {
  const inputStart = useRef<number | undefined>(undefined);
  const renderedOnce = useRef(false);
  const completeOnce = useRef(false);
  const markAfterFrame = (name: string, start?: number) =>
    requestAnimationFrame(() => (start === undefined ? marks?.mark(name) : marks?.measure(name, start)));
  useLayoutEffect(() => {
    if (!shown || !marks) return;
    if (complete && !completeOnce.current) {
      completeOnce.current = true;
      markAfterFrame('rsb:complete');
    }
    if (!renderedOnce.current) {
      renderedOnce.current = true;
      markAfterFrame('rsb:rendered');
    }
    if (inputStart.current !== undefined) {
      markAfterFrame('rsb:filter', inputStart.current);
      inputStart.current = undefined;
    }
  }, [rows, complete, shown]);
  return (time) => {
    inputStart.current = time;
  };
}
