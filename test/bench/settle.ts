// Timing in Chromium is sensitive to what ran just before: `npm run bench` runs the CPU-heavy
// import section first, and its load would otherwise land in the next section's figures.
import os from 'node:os';

/**
 * Waits (at most `maxMs`) until the 1-minute load average is below one busy core, and says
 * what it was when measuring starts. Every contender in a section sees the same machine.
 */
export async function settle(maxMs = 60000): Promise<string> {
  const started = Date.now();
  while (os.loadavg()[0]! >= 1 && Date.now() - started < maxMs) await new Promise((resolve) => setTimeout(resolve, 2000));
  const waited = Math.round((Date.now() - started) / 1000);
  return `load average ${os.loadavg()[0]!.toFixed(1)} when measuring started${waited > 0 ? ` (waited ${waited} s for the machine to settle)` : ''}`;
}
