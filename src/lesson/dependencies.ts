/**
 * The fingerprint of everything a chapter's run depends on besides the chapter itself:
 * the source of every module the run reaches (the loss module, the cell runtime and its
 * runner, the lesson rules: found by following the imports from ./run-chapter.ts and
 * the runner's entry points), the version of each package they import (sucrase, the
 * MDX parser, esbuild...), and Node's version. A change to any of them changes the
 * fingerprint, and so every chapter's cache key (./run-cache.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files a run starts from, relative to the project root. */
export const RUN_ENTRIES = [
  'src/lesson/run-chapter.ts',
  'src/cells/node-worker.ts',
  'src/cells/context-runtime.ts',
];

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Import specifiers of a module: static imports and re-exports (at the start of a line, so
 * not in comments; not `import type`, which leaves nothing at run time), side-effect and
 * dynamic imports.
 */
const IMPORT =
  /^[ \t]*(?:(?:import|export)(?![ \t]+type\b)[^;'"]*?\bfrom[ \t]*|import[ \t]*)['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The modules (absolute paths) reachable from `entries`, and the packages they import. */
export function runDependencies(
  root = PROJECT,
  entries = RUN_ENTRIES,
): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (path: string) => {
    if (files.has(path)) return;
    files.add(path);
    for (const [, staticImport, dynamicImport] of readFileSync(path, 'utf8').matchAll(IMPORT)) {
      const specifier = staticImport ?? dynamicImport;
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(path), specifier);
        if (existsSync(target)) visit(target);
      } else if (!specifier.startsWith('node:')) {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
      }
    }
  };
  for (const entry of entries) visit(join(root, entry));
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** The fingerprint (hex) of the run's dependencies under `root`. */
export function dependencyFingerprint(root = PROJECT, entries = RUN_ENTRIES): string {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  const { files, packages } = runDependencies(root, entries);
  for (const file of files) {
    hash.update(`file ${relative(root, file).split(sep).join('/')}\n`).update(readFileSync(file));
  }
  for (const name of packages) hash.update(`package ${name}@${packageVersion(root, name)}\n`);
  return hash.digest('hex');
}

function packageVersion(root: string, name: string): string {
  try {
    const json = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return json.version ?? 'unknown';
  } catch {
    return 'missing';
  }
}
