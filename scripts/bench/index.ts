/**
 * `npm run bench`: every benchmark, one after the other, each printing its own figures.
 * Benchmarks print numbers; nothing here passes or fails on timing.
 *
 *   loss-speed.ts  cross-entropy forward/backward on (4, 21, 256, 256) vs @tensorflow/tfjs (CPU)
 *   cells.ts       JavaScript shipped per chapter page, cell runtime size, click-to-output times
 *   build.ts       astro build of the book and of 30 and 100 chapters (copies), cold and warm
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = ['loss-speed.ts', 'cells.ts', 'build.ts', 'figures.ts'];
let failed = false;
for (const file of benches) {
  const path = fileURLToPath(new URL(file, import.meta.url));
  console.log(`\n### ${file}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', path], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${file} exited with ${r.status ?? r.signal}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
