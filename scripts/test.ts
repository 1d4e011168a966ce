/**
 * `npm test`: everything, in order, with one summary line at the end.
 *
 * 0. Types and lint: `astro check` (TypeScript over .ts and .astro files) and `npm run lint`
 *    (ESLint, and Prettier's check of formatting).
 * 1. Vitest: the loss module against PyTorch fixtures, property tests, the cell
 *    runtime, and the doc-tests that execute every cell of every chapter.
 * 2. Chromium: found, or installed from Debian's repositories (scripts/find-chromium.ts).
 * 3. Playwright: browser tests against the built site (playwright.config.ts builds and serves it).
 *
 * Exits non-zero if any stage fails. Extra arguments are not forwarded; run
 * `npm run test:unit` or `npm run test:e2e` for one stage.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './find-chromium.ts';

const reports = mkdtempSync(join(tmpdir(), 'ce-test-'));
const tally = { passed: 0, failed: 0, skipped: 0 };
let failedStage = '';
const flaky: string[] = [];

function run(stage: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n=== ${stage}: ${command} ${args.join(' ')}\n`);
  const r = spawnSync(command, args, { stdio: 'inherit', env });
  if (r.status !== 0 && !failedStage) failedStage = `${stage} (exit code ${r.status ?? r.signal})`;
}

/** The parts of Vitest's and Playwright's JSON reports that the summary reads. */
interface PlaywrightTest {
  status: string;
  projectName: string;
}
interface PlaywrightSuite {
  title?: string;
  specs?: { file: string; title: string; tests?: PlaywrightTest[] }[];
  suites?: PlaywrightSuite[];
}

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

// 0. Types and lint.
run('types', 'npm', ['run', '--silent', 'typecheck']);
run('lint', 'npm', ['run', '--silent', 'lint']);

// 1. Unit tests and doc-tests.
const vitestJson = join(reports, 'vitest.json');
run('unit and doc-tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
}>(vitestJson);
if (vitest) {
  tally.passed += vitest.numPassedTests;
  tally.failed += vitest.numFailedTests;
  tally.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
}

// 2 and 3. Browser tests in Chromium.
let chromium = '';
try {
  chromium = findChromium();
} catch (e) {
  console.error(`\n${(e as Error).message}`);
  if (!failedStage) failedStage = 'finding Chromium';
}
if (chromium) {
  const pwJson = join(reports, 'playwright.json');
  run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    ...process.env,
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  const pw = readJson<{
    stats: { expected: number; flaky: number; unexpected: number; skipped: number };
    suites?: PlaywrightSuite[];
  }>(pwJson);
  if (pw) {
    tally.passed += pw.stats.expected + pw.stats.flaky;
    tally.failed += pw.stats.unexpected;
    tally.skipped += pw.stats.skipped;
    flaky.push(...flakyTitles(pw.suites ?? []));
  }
}

/** Titles of the Playwright tests that failed and then passed on their retry. */
function flakyTitles(suites: PlaywrightSuite[], path: string[] = []): string[] {
  return suites.flatMap((suite) => {
    const here = suite.title && !suite.title.endsWith('.ts') ? [...path, suite.title] : path;
    const specs = (suite.specs ?? []).flatMap((spec) =>
      (spec.tests ?? [])
        .filter((t) => t.status === 'flaky')
        .map((t) => `[${t.projectName}] ${spec.file} › ${[...here, spec.title].join(' › ')}`),
    );
    return [...specs, ...flakyTitles(suite.suites ?? [], here)];
  });
}

console.log(`\n${failedStage ? `failed stage: ${failedStage}` : 'all stages passed'}`);
if (flaky.length) {
  console.log(`\npassed only on a retry (flaky; fix these):\n${flaky.map((t) => `  ${t}`).join('\n')}`);
}
console.log(
  `${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped${flaky.length ? `, ${flaky.length} flaky` : ''}`,
);
process.exit(failedStage ? 1 : 0);
