/**
 * Chapter runs (./run-chapter.ts), computed once and kept: in memory for the process, and
 * on disk under node_modules/.cache (src/cells/cache-dir.ts) for the next build or test
 * run. The key is the hash of the chapter's source and of the fingerprint of everything
 * its run depends on (./dependencies.ts: the loss module, the cell runtime, the packages
 * they use, Node), so an unchanged chapter is never run twice, and an edit to the chapter
 * or to the loss module runs it again. Entries live in a folder per fingerprint; older
 * fingerprints' folders are removed as new ones appear. Deleting the cache is always safe.
 *
 * BOOK_RUN_LOG=<file> appends one line per chapter actually run (`<key>\n`): the tests
 * count runs through it.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from '../cells/cache-dir.ts';
import { dependencyFingerprint } from './dependencies.ts';
import { runChapter, type ChapterRun } from './run-chapter.ts';

/** Bumped when the shape of a stored run changes. */
const FORMAT = 1;
/** How many fingerprints' folders are kept (the current one and the latest others). */
const KEEP_FINGERPRINTS = 3;

export interface RunCacheOptions {
  /** Where runs are stored (default: `<cache root>/runs`). */
  dir?: string;
  /** The dependencies' fingerprint (default: computed from this project's sources). */
  dependencies?: string;
  /** Runs a chapter on a miss (default: runChapter). */
  run?: (source: string) => Promise<ChapterRun>;
}

export interface RunCacheStats {
  /** Chapters actually run. */
  runs: number;
  /** Answered from this process's memory. */
  memoryHits: number;
  /** Answered from disk. */
  diskHits: number;
}

export class RunCache {
  readonly stats: RunCacheStats = { runs: 0, memoryHits: 0, diskHits: 0 };
  private readonly memory = new Map<string, Promise<ChapterRun>>();
  private readonly dir: string;
  private readonly dependencies: string;
  private readonly run: (source: string) => Promise<ChapterRun>;
  private pruned = false;

  constructor(options: RunCacheOptions = {}) {
    this.dependencies = options.dependencies ?? dependencyFingerprint();
    this.dir = options.dir ?? join(cacheRoot(), 'runs');
    this.run = options.run ?? runChapter;
  }

  /** The cache key of a chapter's source. */
  key(source: string): string {
    return createHash('sha256').update(`${FORMAT}\n${this.dependencies}\n`).update(source).digest('hex');
  }

  /** The run of the chapter whose MDX source is `source`: from memory, from disk, or run now. */
  get(source: string): Promise<ChapterRun> {
    const key = this.key(source);
    const known = this.memory.get(key);
    if (known) {
      this.stats.memoryHits += 1;
      return known;
    }
    const stored = this.read(key);
    const result = stored ? Promise.resolve(stored) : this.runAndStore(key, source);
    if (stored) this.stats.diskHits += 1;
    this.memory.set(key, result);
    // A failed run (a crash of the tools, not a lesson problem) is not kept.
    result.catch(() => this.memory.delete(key));
    return result;
  }

  /**
   * Store `run` as the run of `source` without running it: for a source whose runnable
   * parts are those of a chapter already run (`npm run record` only rewrote its output
   * fences), so the next build does not run it again.
   */
  put(source: string, run: ChapterRun): void {
    const key = this.key(source);
    this.memory.set(key, Promise.resolve(run));
    this.write(key, run);
  }

  private async runAndStore(key: string, source: string): Promise<ChapterRun> {
    this.stats.runs += 1;
    if (process.env.BOOK_RUN_LOG) appendFileSync(process.env.BOOK_RUN_LOG, `${key}\n`);
    const run = await this.run(source);
    this.write(key, run);
    return run;
  }

  private folder(): string {
    return join(this.dir, this.dependencies.slice(0, 16));
  }

  private read(key: string): ChapterRun | null {
    const path = join(this.folder(), `${key}.json`);
    if (!existsSync(path)) return null;
    try {
      const stored = JSON.parse(readFileSync(path, 'utf8')) as {
        format: number;
        key: string;
        run: ChapterRun;
      };
      return stored.format === FORMAT && stored.key === key ? stored.run : null;
    } catch {
      return null; // A damaged entry is a miss; it is overwritten below.
    }
  }

  private write(key: string, run: ChapterRun): void {
    const folder = this.folder();
    mkdirSync(folder, { recursive: true });
    this.prune();
    // Written under a temporary name, then renamed: a reader never sees half an entry.
    const partial = join(folder, `${key}.${process.pid}.tmp`);
    writeFileSync(partial, JSON.stringify({ format: FORMAT, key, run }));
    renameSync(partial, join(folder, `${key}.json`));
  }

  /** Remove the folders of all but the latest fingerprints (once per process). */
  private prune(): void {
    if (this.pruned) return;
    this.pruned = true;
    const current = this.folder();
    const others = readdirSync(this.dir)
      .map((name) => join(this.dir, name))
      .filter((path) => path !== current)
      .map((path) => ({ path, time: statSync(path).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { path } of others.slice(KEEP_FINGERPRINTS - 1))
      rmSync(path, { recursive: true, force: true });
  }
}

let shared: RunCache | null = null;

/** This process's cache of chapter runs, shared by the build's check, its remark plugins and the tests. */
export function bookRuns(): RunCache {
  return (shared ??= new RunCache());
}

/** The run of a chapter, through this process's cache. */
export function chapterRun(source: string): Promise<ChapterRun> {
  return bookRuns().get(source);
}

/**
 * The run of the chapter a remark plugin is compiling: the file as it is on disk (so the
 * key is the one the book check used), or, for a file that has no path (a test's
 * string), its text.
 */
export function chapterRunOfFile(file: { path?: string; value?: unknown }): Promise<ChapterRun> {
  const source =
    file.path && existsSync(file.path) ? readFileSync(file.path, 'utf8') : String(file.value ?? '');
  return chapterRun(source);
}
