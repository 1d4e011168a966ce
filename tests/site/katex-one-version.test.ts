/**
 * One KaTeX for the renderer and the stylesheet. rehype-katex renders the HTML at build
 * time with the `katex` it resolves; the page gets the stylesheet and fonts of the `katex`
 * the project resolves (src/layouts/Base.astro, src/components/MathFontPreloads.astro).
 * KaTeX renames its CSS classes between versions (0.18 prefixed them with `katex-`), so
 * two versions draw every script full size. package.json's `overrides` entry
 * `"katex": "$katex"` makes every package use the project's katex; these tests fail if a
 * nested copy ever comes back (a new rehype-katex, remark-math, a lockfile edit).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = process.cwd();
const fromRoot = createRequire(join(root, 'package.json'));
const read = (path: string) => readFileSync(path, 'utf8');

/** The folder of the `katex` package that `require` finds from `fromFile`. */
function katexFolderFrom(fromFile: string): string {
  return realpathSync(dirname(createRequire(fromFile).resolve('katex/package.json')));
}

describe('KaTeX: one version renders and styles the math', () => {
  const projectKatex = katexFolderFrom(join(root, 'package.json'));
  const version = JSON.parse(read(join(projectKatex, 'package.json'))).version as string;

  it('rehype-katex (the renderer) resolves the same katex package file as the project', () => {
    const rehypeKatex = fromRoot.resolve('rehype-katex');
    const renderer = katexFolderFrom(rehypeKatex);
    expect(renderer).toBe(projectKatex);
    expect(realpathSync(createRequire(rehypeKatex).resolve('katex'))).toBe(
      realpathSync(fromRoot.resolve('katex')),
    );
    expect(JSON.parse(read(join(renderer, 'package.json'))).version).toBe(version);
  });

  it('the lockfile installs no other katex anywhere in the tree', () => {
    const lock = JSON.parse(read(join(root, 'package-lock.json'))) as {
      packages: Record<string, { version?: string }>;
    };
    const copies = Object.entries(lock.packages)
      .filter(([path]) => path === 'node_modules/katex' || path.endsWith('/node_modules/katex'))
      .map(([path, p]) => `${path}@${p.version}`);
    expect(copies).toEqual([`node_modules/katex@${version}`]);
  });

  it('package.json pins every katex to the project one (overrides "$katex")', () => {
    const pkg = JSON.parse(read(join(root, 'package.json'))) as { overrides?: Record<string, string> };
    expect(pkg.overrides?.katex).toBe('$katex');
  });

  it("the page's stylesheet is that katex's own, of the same version", () => {
    const base = read(join(root, 'src/layouts/Base.astro'));
    const imported = /import '(katex\/[^']+\.css)';/.exec(base)?.[1];
    expect(imported).toBeDefined();
    const css = fromRoot.resolve(imported!);
    expect(css.startsWith(projectKatex)).toBe(true);
    // KaTeX writes its version into its stylesheet (.katex-version::after).
    expect(/katex-version::?after\s*\{\s*content:\s*"([^"]+)"/.exec(read(css))?.[1]).toBe(version);
  });

  it('the preloaded fonts are files of that katex that its stylesheet uses', () => {
    const preloads = read(join(root, 'src/components/MathFontPreloads.astro'));
    const fonts = [...preloads.matchAll(/from '(katex\/dist\/fonts\/[^'?]+)\?url'/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    const css = read(fromRoot.resolve('katex/dist/katex.min.css'));
    for (const font of fonts) {
      expect(fromRoot.resolve(font).startsWith(projectKatex)).toBe(true);
      expect(css).toContain(font.replace('katex/dist/', ''));
    }
  });
});
