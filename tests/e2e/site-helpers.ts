/** Shared bits of the site tests (tests/e2e/site-*.spec.ts). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The chapter ids, from the built site's folders that hold a chapter page. */
export function chapterPaths(): string[] {
  return readdirSync(join(process.cwd(), 'content'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => `/${f.replace(/\.mdx$/, '')}/`)
    .sort();
}

/** axe results as one readable line per violation. */
export function describeViolations(violations: { id: string; nodes: { target: unknown[] }[] }[]): string[] {
  return violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}
