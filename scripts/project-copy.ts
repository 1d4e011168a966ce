/**
 * A throwaway copy of this project in a temporary folder, for the build benchmark and the
 * build tests: its sources (not its tests, nor its chapters, unless asked) and a
 * node_modules of its own that links every package of this one, so that the copy's caches
 * (node_modules/.cache, .astro, .vite) start empty and never touch this project's.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** This project's root. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** What is never copied: packages (linked instead), outputs and caches. */
const SKIP = new Set([
  'node_modules',
  'dist',
  'dist-base',
  '.astro',
  '.git',
  'test-results',
  'playwright-report',
]);

export interface CopyOptions {
  /** The project to copy (default: this one); its packages are always this project's. */
  from?: string;
  /** Copy content/ too (default: false: the copy's content/ is empty). */
  content?: boolean;
  /** Copy tests/ too (default: false). */
  tests?: boolean;
}

/** Copy the project; returns the copy's folder. */
export function copyProject(options: CopyOptions = {}): string {
  const from = options.from ?? PROJECT_ROOT;
  const dir = mkdtempSync(join(tmpdir(), 'book-copy-'));
  for (const name of readdirSync(from)) {
    if (SKIP.has(name) || (name === 'content' && !options.content) || (name === 'tests' && !options.tests))
      continue;
    cpSync(join(from, name), join(dir, name), { recursive: true });
  }
  mkdirSync(join(dir, 'content'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (name === '.cache' || name === '.astro' || name === '.vite') continue;
    symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}
