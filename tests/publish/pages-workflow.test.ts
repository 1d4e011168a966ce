/**
 * .github/workflows/pages.yml, the GitHub Pages workflow a fork uses to publish: actionlint
 * finds nothing in it (and does find a mistake planted in a copy, so the check is live),
 * and it does what the Writing lessons guide says: builds with `npm ci` and `npm run build`
 * on the Node the project pins, with SITE_URL and BASE_PATH taken from the repository's
 * Pages settings, uploads what Astro builds, and deploys with the official actions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { lintWorkflow } from '../../scripts/workflow-lint.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = '.github/workflows/pages.yml';
const text = readFileSync(`${ROOT}${FILE}`, 'utf8');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  'runs-on': string;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = parse(text) as Workflow;

/** The one step of `job` that uses `action` (owner/name, any version). */
function stepUsing(job: Job, action: string): Step {
  const found = job.steps.filter((s) => s.uses?.split('@')[0] === action);
  expect(found, `${FILE}: one step using ${action}`).toHaveLength(1);
  return found[0];
}

describe('actionlint', () => {
  let findings: Awaited<ReturnType<typeof lintWorkflow>>;
  beforeAll(async () => {
    findings = await lintWorkflow(text, FILE);
  });

  it(`finds nothing in ${FILE}`, () => {
    expect(findings.map((f) => `${FILE}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('finds a wrong step output and a misspelt input planted in a copy', async () => {
    const broken = text
      .replace('steps.pages.outputs.base_path', 'steps.page.outputs.base_path')
      .replace(
        'uses: actions/configure-pages@v5',
        'uses: actions/configure-pages@v5\n        with:\n          enablment: true',
      );
    const kinds = (await lintWorkflow(broken, FILE)).map((f) => f.kind);
    expect(kinds).toContain('expression');
    expect(kinds).toContain('action');
  });
});

describe('what the workflow does', () => {
  const build = workflow.jobs.build;
  const deploy = workflow.jobs.deploy;

  it('runs on a push to main, or by hand, with the permissions Pages deployment needs', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('sets up the Node major the project pins (the `node` devDependency)', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const pinned = /\d+/.exec(pkg.devDependencies.node)![0];
    expect(String(stepUsing(build, 'actions/setup-node').with?.['node-version'])).toBe(pinned);
  });

  it('runs npm ci, then npm run build with SITE_URL and BASE_PATH from configure-pages', () => {
    const runs = build.steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(['npm ci', 'npm run build']);
    const pages = stepUsing(build, 'actions/configure-pages');
    const buildStep = build.steps.find((s) => s.run === 'npm run build')!;
    expect(build.steps.indexOf(pages)).toBeLessThan(build.steps.indexOf(buildStep));
    // The variables src/book/site-address.ts reads, from the outputs that hold the Pages
    // site's origin (custom domain included) and its path ('' for a root site).
    expect(buildStep.env).toEqual({
      SITE_URL: `\${{ steps.${pages.id}.outputs.origin }}`,
      BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`,
    });
    expect(build.steps[0].uses?.split('@')[0]).toBe('actions/checkout');
  });

  it('uploads dist/, where astro build writes the site, and deploys it to the github-pages environment', () => {
    const astroConfig = readFileSync(`${ROOT}astro.config.mjs`, 'utf8');
    expect(astroConfig, 'astro.config.mjs sets no outDir: the build goes to dist/').not.toMatch(/outDir/);
    expect(stepUsing(build, 'actions/upload-pages-artifact').with).toEqual({ path: 'dist' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    const step = stepUsing(deploy, 'actions/deploy-pages');
    expect(deploy.environment?.url).toBe(`\${{ steps.${step.id}.outputs.page_url }}`);
  });

  it('uses only GitHub’s own actions, each at a major version', () => {
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter(Boolean));
    for (const u of uses) expect(u).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});
