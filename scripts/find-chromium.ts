/**
 * Find a Chromium for the browser tests, or install Debian's when we can.
 *
 * Order: $CHROMIUM_PATH, /usr/bin/chromium, then (as root with apt-get)
 * `apt-get install -y chromium`. Prints what it found or did; returns the path.
 * `npx playwright install` cannot download browsers on these machines, so
 * Playwright runs the system Chromium (see playwright.config.ts).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    console.log(`chromium: using CHROMIUM_PATH=${fromEnv}`);
    return fromEnv;
  }
  if (existsSync(DEBIAN_CHROMIUM)) {
    console.log(`chromium: found ${DEBIAN_CHROMIUM}`);
    return DEBIAN_CHROMIUM;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `No Chromium found at ${DEBIAN_CHROMIUM}. Install it (Debian: sudo apt-get install -y chromium) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  console.log(
    "chromium: not found; installing Debian's package: apt-get update && apt-get install -y chromium",
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${r.status}`);
  }
  if (!existsSync(DEBIAN_CHROMIUM))
    throw new Error(`apt-get installed chromium but ${DEBIAN_CHROMIUM} is missing`);
  console.log(`chromium: installed ${DEBIAN_CHROMIUM}`);
  return DEBIAN_CHROMIUM;
}
