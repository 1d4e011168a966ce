import { defineConfig, devices } from '@playwright/test';

/** Flags for Debian's Chromium on this machine (see /work/shared/toolchain.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const PORT = Number(process.env.E2E_PORT || 4322);
/** The site built under a base path (BASE_PATH=/book), as a fork on GitHub Pages would be. */
const BASE_PORT = Number(process.env.E2E_BASE_PORT || 4323);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // On CI (.ci/run sets CI), a test that fails gets one more try: these machines are shared
  // and noisy. A test that passes only on its retry is still named in npm test's summary
  // (scripts/test.ts), so a flaky test is seen and fixed, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /base-path\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      name: 'base-path',
      testMatch: /base-path\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://localhost:${BASE_PORT}/book/`,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: [
    {
      // Build unless told to reuse an existing dist/ (E2E_SKIP_BUILD=1).
      command: `${process.env.E2E_SKIP_BUILD ? '' : 'npm run build && '}npx astro preview --port ${PORT}`,
      url: `http://localhost:${PORT}/`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Started after the first one (Playwright starts web servers in turn), so the two
      // builds do not overlap. Built into dist-base/ and served by a plain static server
      // (astro preview allows one server per project).
      command: `${process.env.E2E_SKIP_BUILD ? '' : 'npx astro build --outDir dist-base && '}node scripts/serve-static.ts dist-base --base /book/ --port ${BASE_PORT}`,
      url: `http://localhost:${BASE_PORT}/book/`,
      env: { BASE_PATH: '/book', SITE_URL: `http://localhost:${BASE_PORT}` },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
