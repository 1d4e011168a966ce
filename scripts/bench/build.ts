/**
 * Build benchmark (prints figures; never fails on timing): `astro build` of the book as it
 * is and with extra synthetic chapters, cold and warm, with peak memory.
 *
 * For each size, the project is copied into a temporary folder (never touching content/:
 * the copy's content/ gets the real chapters plus copies of them under new ids and
 * orders), with a node_modules of its own that links every package of this one, so its
 * caches (node_modules/.cache, .astro, .vite) start empty. Then:
 * - cold: `astro build` with no cache at all;
 * - warm: one chapter edited (a paragraph added), `astro build` again with the caches kept.
 * Peak memory is the largest sum of the resident memory of the build's whole process tree
 * (the build and its cell runners), sampled from /proc every 100 ms. CPU is the user and
 * system time of the whole tree (GNU time): on a shared machine it moves less than the
 * wall-clock times, which grow with the other work on the machine.
 *
 * Usage: node scripts/bench/build.ts [--sizes=3,30,100] [--project=<dir>]
 *   --project  the project to measure (default: this one), e.g. an export of an older
 *              commit, to compare before and after a change; it uses this project's packages.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { copyProject, PROJECT_ROOT } from '../project-copy.ts';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const PROJECT = resolve(option('project') ?? PROJECT_ROOT);
const SIZES = (option('sizes') ?? '3,30,100').split(',').map(Number);

/** A copy of the project with `total` chapters; returns its folder. */
function makeBook(total: number): string {
  const dir = copyProject({ from: PROJECT, content: true });
  const content = join(dir, 'content');
  const real = readdirSync(content)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  const orders = real.map((f) =>
    Number(/^order:\s*(\d+)/m.exec(readFileSync(join(content, f), 'utf8'))?.[1] ?? 0),
  );
  let order = Math.max(0, ...orders);
  for (let k = 1; real.length + k - 1 < total; k++) {
    const source = real[(k - 1) % real.length];
    const text = readFileSync(join(content, source), 'utf8')
      .replace(/^order:.*$/m, `order: ${(order += 1)}`)
      .replace(/^title:\s*(.*)$/m, (_, t: string) => `title: ${t.replace(/^['"]|['"]$/g, '')} (copy ${k})`);
    writeFileSync(join(content, source.replace(/\.mdx$/, `-copy-${k}.mdx`)), text);
  }
  return dir;
}

/** The resident memory (bytes) of `pid` and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** GNU time, when installed: the CPU time of the whole process tree, which a busy machine does not inflate. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface BuildResult {
  seconds: number;
  /** User + system CPU seconds of the build and every process it waited for (null without GNU time). */
  cpu: number | null;
  peak: number;
  ok: boolean;
  tail: string;
}

/** `astro build` in `dir`: seconds, CPU seconds, peak tree memory (bytes), and whether it passed. */
function build(dir: string): Promise<BuildResult> {
  return new Promise((done) => {
    const start = performance.now();
    const astro = [process.execPath, join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'];
    const [command, ...commandArgs] = GNU_TIME ? [GNU_TIME, '-f', 'cpu-seconds %U %S', ...astro] : astro;
    const child = spawn(command, commandArgs, {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const keep = (chunk: Buffer) => (out = (out + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('exit', (code) => {
      clearInterval(sample);
      const cpu = /cpu-seconds ([\d.]+) ([\d.]+)/.exec(out);
      done({
        seconds: (performance.now() - start) / 1000,
        cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
        peak,
        ok: code === 0,
        tail: out,
      });
    });
  });
}

function editOneChapter(dir: string): void {
  const content = join(dir, 'content');
  const files = readdirSync(content)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  const file = join(content, files.at(-1)!);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nA paragraph added for the warm build.\n`);
}

const s = (x: number) => `${x.toFixed(1)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const rows = [
  [
    'chapters',
    'cold',
    'warm',
    'cold per chapter',
    'warm per chapter',
    'CPU (cold, warm)',
    'peak memory (cold, warm)',
  ],
];
const cpuOf = (r: BuildResult) => (r.cpu === null ? '?' : s(r.cpu));
console.log(
  `project: ${PROJECT}\ncores: ${availableParallelism()}, load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const size of SIZES) {
  const dir = makeBook(size);
  try {
    const cold = await build(dir);
    if (!cold.ok) console.log(`${size} chapters: the cold build failed:\n${cold.tail}`);
    editOneChapter(dir);
    const warm = await build(dir);
    if (!warm.ok) console.log(`${size} chapters: the warm build failed:\n${warm.tail}`);
    const fmt = (r: { seconds: number; ok: boolean }) =>
      r.ok ? s(r.seconds) : `failed after ${s(r.seconds)}`;
    rows.push([
      String(size),
      fmt(cold),
      fmt(warm),
      s(cold.seconds / size),
      s(warm.seconds / size),
      `${cpuOf(cold)}, ${cpuOf(warm)}`,
      `${mib(cold.peak)}, ${mib(warm.peak)}`,
    ]);
    console.log(`${size} chapters: cold ${fmt(cold)}, warm ${fmt(warm)} (load ${loadavg()[0].toFixed(2)})`);
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log('');
rows.forEach((r, i) => {
  console.log(`| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`);
  if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
});
console.log(
  `\nload average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
