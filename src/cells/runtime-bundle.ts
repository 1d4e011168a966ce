/**
 * The Node cell runtime as one script (./context-runtime.ts with the loss module, the
 * check library, sucrase and the worker core), built with esbuild once per process and
 * kept on disk under the runs cache (a file named by its content's hash), where the
 * runner processes (./node-worker.ts) read it. The browser's worker is the same code
 * bundled by Vite.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cacheRoot } from './cache-dir.ts';

const ENTRY = fileURLToPath(new URL('./context-runtime.ts', import.meta.url));

let bundled: Promise<string> | null = null;

/** The path of the bundled runtime (built on the first call of this process). */
export function runtimeBundle(): Promise<string> {
  return (bundled ??= buildBundle());
}

async function buildBundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const dir = join(cacheRoot(), 'runtime');
  const path = join(dir, `${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    // Written under a temporary name, then renamed: a process never reads half a file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, path);
    pruneBundles(dir, path);
  }
  return path;
}

/** How many bundles are kept (the runtime's source changed in between: older ones are of no use). */
const KEEP_BUNDLES = 3;

/** Remove all but the latest bundles besides `current`. */
function pruneBundles(dir: string, current: string): void {
  const others = readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name))
    .filter((path) => path !== current)
    .map((path) => ({ path, time: statSync(path).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { path } of others.slice(KEEP_BUNDLES - 1)) rmSync(path, { force: true });
}
