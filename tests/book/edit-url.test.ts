import { describe, expect, it } from 'vitest';
import { editUrl, forgeName } from '../../src/book/edit-url.ts';

const repo = (url: string, extra: { branch?: string; editUrl?: string } = {}) => ({
  url,
  branch: extra.branch ?? 'main',
  editUrl: extra.editUrl,
});

describe('editUrl', () => {
  it('writes each known host’s edit address for a file on the configured branch', () => {
    const file = 'content/softmax.mdx';
    expect(editUrl(repo('https://github.com/you/book'), file)).toBe(
      'https://github.com/you/book/edit/main/content/softmax.mdx',
    );
    expect(editUrl(repo('https://gitlab.com/group/sub/book', { branch: 'course' }), file)).toBe(
      'https://gitlab.com/group/sub/book/-/edit/course/content/softmax.mdx',
    );
    expect(editUrl(repo('https://gitlab.example.edu/you/book'), file)).toBe(
      'https://gitlab.example.edu/you/book/-/edit/main/content/softmax.mdx',
    );
    expect(editUrl(repo('https://codeberg.org/you/book'), file)).toBe(
      'https://codeberg.org/you/book/_edit/main/content/softmax.mdx',
    );
    expect(editUrl(repo('https://bitbucket.org/you/book'), file)).toBe(
      'https://bitbucket.org/you/book/src/main/content/softmax.mdx?mode=edit',
    );
  });

  it('fills in a configured editUrl, escapes what a path cannot hold, and keeps a branch’s slashes', () => {
    expect(
      editUrl(
        repo('https://git.example.org/you/book', { editUrl: 'https://git.example.org/e/{branch}/{path}' }),
        'content/week 1/a.mdx',
      ),
    ).toBe('https://git.example.org/e/main/content/week%201/a.mdx');
    expect(editUrl(repo('https://github.com/you/book', { branch: 'term/2025' }), 'a.mdx')).toBe(
      'https://github.com/you/book/edit/term/2025/a.mdx',
    );
  });

  it('gives no address (so no link) without a repository', () => {
    expect(editUrl(undefined, 'content/a.mdx')).toBeUndefined();
  });
});

describe('forgeName', () => {
  it('names the known hosts only', () => {
    expect(forgeName(repo('https://github.com/you/book'))).toBe('GitHub');
    expect(forgeName(repo('https://gitlab.example.edu/you/book'))).toBeUndefined();
    expect(forgeName(undefined)).toBeUndefined();
  });
});
