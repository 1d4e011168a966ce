/**
 * The info string of a cell's code fence: ```ts run [throws] [timeout=<ms>]
 *
 * Shared by the remark plugin (build), the doc-tests and the record script, so a flag
 * means the same thing everywhere. Unknown flags are an error: a typo such as `trows`
 * would otherwise silently turn an expected failure into a test failure elsewhere.
 */

/** Time limit of a cell when its fence does not set `timeout=<ms>`. */
export const DEFAULT_TIMEOUT_MS = 5000;

export interface CellFlags {
  /** The cell is expected to throw; its output ends with the error line. */
  throws: boolean;
  /** Time limit in milliseconds before the cell is stopped. */
  timeout: number;
}

/** Languages a runnable cell may declare. */
const RUN_LANGS = new Set(['ts', 'typescript']);

/**
 * The flags of a fence, or null when the fence is not a runnable cell.
 * `lang` and `meta` are the two parts of the info string as mdast splits them
 * (```ts run throws -> lang "ts", meta "run throws").
 * Throws on an unknown flag or a malformed timeout.
 */
export function parseCellFlags(
  lang: string | null | undefined,
  meta: string | null | undefined,
): CellFlags | null {
  if (!lang || !RUN_LANGS.has(lang)) return null;
  const words = (meta ?? '').trim().split(/\s+/).filter(Boolean);
  if (words[0] !== 'run') return null;
  const flags: CellFlags = { throws: false, timeout: DEFAULT_TIMEOUT_MS };
  for (const word of words.slice(1)) {
    if (word === 'throws') {
      flags.throws = true;
    } else if (word.startsWith('timeout=')) {
      const ms = Number(word.slice('timeout='.length));
      if (!Number.isInteger(ms) || ms <= 0) {
        throw new Error(`cell flag "${word}": timeout must be a positive whole number of milliseconds`);
      }
      flags.timeout = ms;
    } else {
      throw new Error(`unknown cell flag "${word}" (known: throws, timeout=<ms>)`);
    }
  }
  return flags;
}

/** True for the fence that holds a cell's expected output: ```output */
export function isOutputFence(lang: string | null | undefined): boolean {
  return lang === 'output';
}
