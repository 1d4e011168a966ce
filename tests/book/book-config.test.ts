/**
 * book.config.ts's schema and its messages: every mistake an instructor can make in the
 * file comes back as `book.config.ts:line: field: what is wrong: what to do`; a good file
 * gets its defaults filled in.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bookSchema } from '../../src/book/book-config-schema.ts';
import { checkBookConfig, fieldLine, fieldName, loadBookConfig } from '../../src/book/load-book-config.ts';
import { formatProblems } from '../../src/book/validate-book.ts';

/** The file an instructor would write for `config`, one key a line, so lines can be checked. */
function sourceOf(config: unknown): string {
  const body = JSON.stringify(config, null, 2).replace(/"(\w+)":/g, '$1:');
  return `import { defineBook } from './src/book/book-config-schema.ts';\n\nexport default defineBook(${body});\n`;
}

/** The problem lines for `config` (as the build prints them). */
function problems(config: unknown): string[] {
  return formatProblems(checkBookConfig(config, sourceOf(config)).problems)
    .split('\n')
    .filter(Boolean);
}

const minimal = { title: 'Focal Loss', description: 'A short course.' };

describe('a valid configuration', () => {
  it('needs only a title and a description, and fills in the rest', () => {
    const { config, problems } = checkBookConfig(minimal, sourceOf(minimal));
    expect(problems).toEqual([]);
    expect(config).toEqual({
      title: 'Focal Loss',
      description: 'A short course.',
      authors: [],
      language: 'en',
      logo: { kind: 'text', text: 'F', background: '#1f3a8a', color: '#ffffff' },
      home: { cards: [] },
      parts: [],
    });
  });

  it('keeps a full configuration, trims a repository address and resolves an image logo', () => {
    const config = bookSchema.parse({
      ...minimal,
      subtitle: 'Spring term',
      authors: ['Ada Lovelace'],
      language: 'zh-CN',
      logo: { image: 'logo.svg' },
      repository: { url: 'https://gitlab.com/you/book.git/', branch: 'course' },
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      home: { introduction: 'Hello **there**.', cards: [{ title: 'Who', body: 'You.' }] },
      footer: 'Written for ML 201.',
      parts: [{ id: 'week-1', title: 'Week 1', description: 'Probabilities.' }],
    });
    expect(config.logo).toEqual({ kind: 'image', image: 'logo.svg', alt: '' });
    expect(config.repository).toEqual({ url: 'https://gitlab.com/you/book', branch: 'course' });
    expect(config.parts).toEqual([{ id: 'week-1', title: 'Week 1', description: 'Probabilities.' }]);
  });
});

describe('messages', () => {
  it('asks for a missing title and names the example to copy', () => {
    expect(problems({ description: 'd' })).toEqual([
      "book.config.ts:1: title: is missing: add it, e.g. title: 'Focal Loss for Beginners'",
    ]);
  });

  it('suggests the field meant by a misspelt one, at its line', () => {
    expect(problems({ ...minimal, licens: { name: 'MIT' }, subtitel: 'x' })).toEqual([
      'book.config.ts:6: licens: is not a field of the configuration: did you mean `licence`? the configuration has only title, subtitle, description, authors, language, logo, repository, licence, home, footer, parts',
      'book.config.ts:9: subtitel: is not a field of the configuration: did you mean `subtitle`? the configuration has only title, subtitle, description, authors, language, logo, repository, licence, home, footer, parts',
    ]);
  });

  it('explains a bad logo: too many letters, a colour that is not hex, text and image together', () => {
    expect(problems({ ...minimal, logo: { text: 'ABCD', background: 'blue' } })).toEqual([
      "book.config.ts:7: logo.text: is too long for the square: give one to three characters, e.g. text: 'F'",
      'book.config.ts:8: logo.background: "blue" is not a hex colour: write one like background: \'#1f3a8a\'',
    ]);
    expect(problems({ ...minimal, logo: { text: 'A', image: 'a.svg' } })).toEqual([
      "book.config.ts:6: logo: has both `text` and `image`: keep one, e.g. logo: { text: 'F' } or logo: { image: 'logo.svg' }",
    ]);
    expect(problems({ ...minimal, logo: { image: '/img/logo.svg' } })[0]).toMatch(
      /^book\.config\.ts:7: logo\.image: "\/img\/logo\.svg" is not an image path in public\/: .*without a leading slash\)$/,
    );
  });

  it('asks for a full repository address, and for editUrl on a host whose edit links it does not know', () => {
    expect(problems({ ...minimal, repository: { url: 'github.com/you/book' } })).toEqual([
      'book.config.ts:7: repository.url: "github.com/you/book" is not a web address: write it in full, e.g. url: \'https://github.com/you/your-book\'',
    ]);
    expect(problems({ ...minimal, repository: { url: 'https://git.example.org/you/book' } })).toEqual([
      "book.config.ts:6: repository.editUrl: is needed: the book knows the edit links of github.com, gitlab.com, codeberg.org, bitbucket.org and GitLab or Gitea servers, not of git.example.org; add the address of a file's edit page with {path}, e.g. editUrl: 'https://git.example.org/you/book/edit/{branch}/{path}'",
    ]);
    expect(
      problems({
        ...minimal,
        repository: { url: 'https://git.example.org/you/book', editUrl: 'https://x/{file}' },
      }),
    ).toEqual([
      "book.config.ts:8: repository.editUrl: has no {path}: write where the file's path goes, e.g. editUrl: 'https://git.example.org/you/book/edit/{branch}/{path}'",
    ]);
  });

  it('rejects a language that is not a language tag, and a list written as text', () => {
    expect(problems({ ...minimal, language: 'english!', authors: 'Ada' })).toEqual([
      "book.config.ts:6: language: \"english!\" is not a language tag: write one like 'en', 'de' or 'zh-CN'",
      "book.config.ts:7: authors: must be a list, e.g. authors: ['Ada Lovelace', 'Alan Turing']",
    ]);
  });

  it('checks parts: ids usable in frontmatter, titles present, no id twice', () => {
    expect(
      problems({
        ...minimal,
        parts: [
          { id: 'Week 1', title: '' },
          { id: 'w2', title: 'Week 2' },
          { id: 'w2', title: 'Week 3' },
        ],
      }),
    ).toEqual([
      'book.config.ts:8: parts[0].id: "Week 1" cannot be a part id: use lower-case letters, digits and dashes, e.g. id: \'week-1\'',
      "book.config.ts:9: parts[0].title: is empty: write it between the quotes, e.g. { id: 'week-1', title: 'Week 1: probabilities' }",
      'book.config.ts:16: parts[2].id: "w2" is the id of an earlier part too: give each part its own id',
    ]);
  });

  it('asks for the body of a home-page card', () => {
    expect(problems({ ...minimal, home: { cards: [{ title: 'Who' }] } })).toEqual([
      "book.config.ts:7: home.cards[0].body: is missing: add it, e.g. { title: 'Who it is for', body: 'Students of ML 201.' }",
    ]);
  });

  it('says what to write when the file exports nothing', () => {
    expect(formatProblems(checkBookConfig(undefined, '').problems)).toBe(
      "book.config.ts:1: exports no configuration: end it with `export default defineBook({ title: '…', description: '…' })`",
    );
  });
});

describe('loadBookConfig', () => {
  it('reads a file, checks that an image logo exists in public/, and reports a missing file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'book-config-'));
    expect(formatProblems((await loadBookConfig(root)).problems)).toMatch(
      /^book\.config\.ts:0: the book's configuration is missing: create book\.config\.ts with/,
    );
    writeFileSync(
      join(root, 'book.config.ts'),
      "export default {\n  title: 'T',\n  description: 'D.',\n  logo: { image: 'logo.png' },\n};\n",
    );
    expect(formatProblems((await loadBookConfig(root)).problems)).toBe(
      'book.config.ts:4: logo.image: public/logo.png does not exist: put the image in public/ or fix the file name',
    );
    mkdirSync(join(root, 'public'));
    writeFileSync(join(root, 'public/logo.png'), '');
    const { config, problems } = await loadBookConfig(root);
    expect(problems).toEqual([]);
    expect(config?.logo).toEqual({ kind: 'image', image: 'logo.png', alt: '' });
  });

  it('points at a file that does not parse', async () => {
    const root = mkdtempSync(join(tmpdir(), 'book-config-'));
    writeFileSync(join(root, 'book.config.ts'), "export default {\n  title: 'T'\n  description: 'D.',\n};\n");
    const [problem] = (await loadBookConfig(root)).problems;
    expect(problem.file).toBe('book.config.ts');
    expect(problem.message).toMatch(
      /^cannot be read \(.+\): check the quotes, commas and braces around this line$/,
    );
  });
});

describe('fieldLine and fieldName', () => {
  const source = [
    'export default defineBook({',
    "  title: 'T', // title: not this one",
    '  home: {',
    '    cards: [',
    "      { title: 'A', body: 'a' },",
    '      {',
    "        title: 'B',",
    "        body: 'b',",
    '      },',
    '    ],',
    '  },',
    '});',
  ].join('\n');
  it('finds a nested field, the n-th item of a list, and falls back to the nearest line', () => {
    expect(fieldLine(source, ['title'])).toBe(2);
    expect(fieldLine(source, ['home', 'cards'])).toBe(4);
    expect(fieldLine(source, ['home', 'cards', 1, 'title'])).toBe(7);
    expect(fieldLine(source, ['home', 'cards', 1, 'body'])).toBe(8);
    expect(fieldLine(source, ['home', 'introduction'])).toBe(3);
    expect(fieldLine(source, ['footer'])).toBe(1);
  });
  it('names a field as it is written', () => {
    expect(fieldName(['home', 'cards', 1, 'title'])).toBe('home.cards[1].title');
    expect(fieldName([])).toBe('the configuration');
  });
});
