/**
 * node scripts/lint-workflows.ts: actionlint (./workflow-lint.ts) over every workflow in
 * .github/workflows/, printed as `file:line:column: message [rule]`; exit status 1 on any
 * finding. Part of `npm run lint`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintWorkflow } from './workflow-lint.ts';

const dir = join(import.meta.dirname, '../.github/workflows');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)) : [];
let findings = 0;
for (const name of files) {
  const path = join(dir, name);
  const shown = relative(process.cwd(), path);
  for (const f of await lintWorkflow(readFileSync(path, 'utf8'), shown)) {
    console.error(`${shown}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    findings += 1;
  }
}
if (findings > 0) process.exit(1);
console.log(`actionlint: ${files.length} workflow${files.length === 1 ? '' : 's'}, no findings`);
