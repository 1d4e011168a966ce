/**
 * `npm run audit`: Lighthouse (performance, accessibility, best practices, SEO) on every
 * chapter page of the built site, with Debian's Chromium headless. Prints the four
 * scores per page; exits non-zero only when Lighthouse itself fails, never on a score.
 *
 * Builds the site first when dist/ is missing (or with --build). Serves dist/ gzipped
 * (as a static host would) with the small server of the benchmarks. Lighthouse's default (mobile, simulated
 * throttling) settings are used, as a reader's phone would see the page.
 *
 * Usage: npm run audit [-- --build] [-- --desktop] [-- --pages=/binary-cross-entropy/,/]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDist } from './bench/serve-dist.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const args = process.argv.slice(2);
const CHROME = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
].join(' ');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

if (args.includes('--build') || !existsSync(join(DIST, 'index.html'))) {
  console.log('building the site (npm run build)...');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.status})`);
}

// Every chapter (content/*.mdx) unless --pages= names some.
const chapterPages = readdirSync(join(ROOT, 'content'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `/${f.replace(/\.mdx$/, '')}/`)
  .filter((p) => existsSync(join(DIST, p, 'index.html')));
const pages =
  args
    .find((a) => a.startsWith('--pages='))
    ?.slice('--pages='.length)
    .split(',') ?? chapterPages;

const { server, url } = await serveDist(DIST, { gzip: true });
const out = mkdtempSync(join(tmpdir(), 'audit-'));
const rows: string[][] = [['page', ...CATEGORIES]];
let failed = false;
try {
  for (const page of pages) {
    const report = join(out, 'report.json');
    // Async: the static server runs in this process and must keep answering.
    const r = await run('npx', [
      'lighthouse',
      `${url}${page}`,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      ...(args.includes('--desktop') ? ['--preset=desktop'] : []),
    ]);
    if (r.status !== 0 || !existsSync(report)) {
      failed = true;
      rows.push([page, ...CATEGORIES.map(() => 'failed')]);
      console.error(`lighthouse failed on ${page}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const lhr = JSON.parse(readFileSync(report, 'utf8')) as {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
    };
    rows.push([page, ...CATEGORIES.map((c) => String(Math.round((lhr.categories[c]?.score ?? 0) * 100)))]);
    // What kept a score below 100, so the figure can be acted on.
    const misses = Object.entries(lhr.audits)
      .filter(
        ([, a]) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode),
      )
      .map(([id, a]) => `${id} (${Math.round((a.score ?? 0) * 100)})`);
    if (misses.length) console.log(`  ${page} below 100 on: ${misses.slice(0, 8).join(', ')}`);
    rmSync(report, { force: true });
  }
} finally {
  server.close();
  rmSync(out, { recursive: true, force: true });
}

/** Run a command to completion without blocking this process; collects stderr. */
function run(cmd: string, argv: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, argv, {
      cwd: ROOT,
      env: { ...process.env, CHROME_PATH: CHROME },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), 240_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stderr });
    });
  });
}

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(
  `\nLighthouse scores (${args.includes('--desktop') ? 'desktop' : 'mobile'} preset, headless Chromium)`,
);
rows.forEach((r, i) => {
  console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
});
process.exit(failed ? 1 : 0);
