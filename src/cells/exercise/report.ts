/**
 * How one check's result travels from the check code to the page: as a console line of
 * the check cell, marked so it cannot be confused with what the reader prints. Going
 * through the cell's console means any cell runner (the browser worker, the Node
 * worker process) carries check results without a protocol of its own.
 */

/** One check, as the learner sees it. */
export interface CheckResult {
  /** What the check asks, in the author's words ("sums to 1 along dim 1"). */
  name: string;
  passed: boolean;
  /** Why it failed, in the learner's words; empty when it passed. */
  message: string;
}

/** Starts a result line. U+0001 never appears in printed tensors or in ordinary text. */
export const CHECK_MARK = '\u0001check ';

export function encodeCheck(result: CheckResult): string {
  return CHECK_MARK + JSON.stringify(result);
}

/** The result carried by a console line, or null for an ordinary line. */
export function decodeCheck(line: string): CheckResult | null {
  if (!line.startsWith(CHECK_MARK)) return null;
  try {
    const r = JSON.parse(line.slice(CHECK_MARK.length)) as CheckResult;
    return { name: String(r.name), passed: r.passed === true, message: String(r.message ?? '') };
  } catch {
    return null;
  }
}
