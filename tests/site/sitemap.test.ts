import { describe, expect, it } from 'vitest';
import { pageUrls, robotsTxt, sitemapXml } from '../../src/site/sitemap.ts';

describe('pageUrls', () => {
  it('makes absolute, sorted addresses under the base path and leaves out the 404 page', () => {
    expect(pageUrls(['', 'b/', 'a/', '404/'], 'https://you.github.io', '/book/')).toEqual([
      'https://you.github.io/book/',
      'https://you.github.io/book/a/',
      'https://you.github.io/book/b/',
    ]);
  });
  it('works at the root and with a base path lacking its trailing slash', () => {
    expect(pageUrls(['/x/'], 'http://localhost:4321', '/')).toEqual(['http://localhost:4321/x/']);
    expect(pageUrls(['x/'], 'http://localhost:4321', '/book')).toEqual(['http://localhost:4321/book/x/']);
  });
});

describe('sitemapXml and robotsTxt', () => {
  it('escapes addresses and points robots.txt at the sitemap', () => {
    expect(sitemapXml(['https://h/a?b&c'])).toContain('<loc>https://h/a?b&amp;c</loc>');
    expect(robotsTxt('https://h/book/sitemap.xml')).toMatch(/^Sitemap: https:\/\/h\/book\/sitemap\.xml$/m);
  });
  it('writes a robots.txt without a Sitemap line (and no address) when there is no sitemap', () => {
    expect(robotsTxt()).toBe('User-agent: *\nAllow: /\n');
  });
});
