import { expect, it } from 'vitest';
import { baseOfPage } from '../../src/site/built-base.ts';

it('reads the base path a page was built with from its asset addresses, else from its icon', () => {
  expect(baseOfPage('<link rel="stylesheet" href="/book/_astro/Base.x.css">')).toBe('/book/');
  expect(baseOfPage('<script type="module" src="/_astro/page.js"></script>')).toBe('/');
  expect(baseOfPage('<link rel="icon" href="/a/b/favicon.svg" type="image/svg+xml">')).toBe('/a/b/');
  expect(baseOfPage('<p>no assets</p>')).toBe('/');
});
