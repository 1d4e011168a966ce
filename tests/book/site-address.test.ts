/**
 * SITE_URL and BASE_PATH as the hosts give them: the GitHub Pages workflow passes
 * actions/configure-pages' `origin` and `base_path` outputs straight through, so the three
 * kinds of Pages site must come out right; Netlify announces its address as URL.
 */
import { describe, expect, it } from 'vitest';
import { basePath, hostSiteUrl, siteUrl } from '../../src/book/site-address.ts';

describe('what actions/configure-pages gives', () => {
  it('a project site: https://<owner>.github.io under /<repo>/', () => {
    expect(siteUrl('https://octocat.github.io')).toBe('https://octocat.github.io');
    expect(basePath('/my-book')).toBe('/my-book/');
  });
  it('a <owner>.github.io repository, or a custom domain: the root (base_path is empty)', () => {
    expect(siteUrl('https://octocat.github.io')).toBe('https://octocat.github.io');
    expect(siteUrl('https://book.example.org')).toBe('https://book.example.org');
    expect(basePath('')).toBe('/');
  });
});

describe('siteUrl', () => {
  it('is undefined when unset, and refuses a path or a missing scheme with what to write', () => {
    expect(siteUrl('')).toBeUndefined();
    expect(() => siteUrl('https://you.github.io/book')).toThrow(
      'SITE_URL="https://you.github.io/book" must be the origin only (e.g. https://you.github.io); put the path in BASE_PATH (e.g. BASE_PATH=/book)',
    );
    expect(() => siteUrl('you.github.io')).toThrow(/is not a URL: write it with its scheme/);
  });
});

describe('hostSiteUrl', () => {
  it('is Netlify’s URL in a Netlify build, and nothing elsewhere', () => {
    expect(hostSiteUrl({ NETLIFY: 'true', URL: 'https://my-book.netlify.app' })).toBe(
      'https://my-book.netlify.app',
    );
    expect(hostSiteUrl({ URL: 'https://example.org' })).toBeUndefined();
  });
});
