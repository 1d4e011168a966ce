/** Short inline code stays on one line; long inline code and code blocks are left alone. */
import { describe, expect, it } from 'vitest';
import rehypeShortCode, { SHORT_CODE_MAX } from '../../src/site/rehype-short-code.ts';

const code = (text: string) => ({
  type: 'element',
  tagName: 'code',
  properties: {},
  children: [{ type: 'text', value: text }],
});

describe('rehypeShortCode', () => {
  it('marks short inline code only', () => {
    const short = code('--id other-name');
    const long = code('http://localhost:4321/focal-loss-step-by-step/');
    const block = code('npm run new-lesson');
    const tree = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [short, { type: 'text', value: ' and ' }, long],
        },
        { type: 'element', tagName: 'pre', properties: {}, children: [block] },
      ],
    };
    rehypeShortCode()(tree);
    expect(short.properties).toEqual({ className: ['code-short'] });
    expect(long.properties).toEqual({});
    expect(block.properties).toEqual({});
    expect('--id other-name'.length).toBeLessThanOrEqual(SHORT_CODE_MAX);
  });
});
