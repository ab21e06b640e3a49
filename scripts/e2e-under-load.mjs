// Runs the whole end-to-end suite several times in a row while every core is kept busy by
// another process, and fails at the first failing run. A suite that waits on events (never on
// fixed sleeps, never retried) passes like this every time: `npm run test:e2e:load`.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';

const RUNS = Number(process.env.E2E_LOAD_RUNS ?? 3);
const busy = os.cpus().map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stop = () => busy.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

let failed = 0;
for (let run = 1; run <= RUNS && !failed; run++) {
  const started = Date.now();
  const result = spawnSync('npx', ['jest', '--selectProjects', 'e2e', '--maxWorkers=2'], { stdio: 'inherit', shell: false });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\ne2e under load (${busy.length} busy processes on ${os.cpus().length} cores): run ${run} of ${RUNS} ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s\n`);
  if (result.status !== 0) failed = run;
}
stop();
process.exit(failed ? 1 : 0);
