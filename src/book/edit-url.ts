/**
 * The "Edit this page" address of a source file in the book's repository (book.config.ts's
 * `repository`), in the form its host uses: GitHub `…/edit/<branch>/<path>`, GitLab
 * `…/-/edit/<branch>/<path>`, Codeberg, Gitea and Forgejo `…/_edit/<branch>/<path>`, Bitbucket
 * `…/src/<branch>/<path>?mode=edit`, or the configured `editUrl` with `{branch}` and `{path}`
 * filled in. No repository, no address (the page shows no link).
 */
import type { BookConfig } from './book-config-schema.ts';

export function editUrl(repository: BookConfig['repository'], path: string): string | undefined {
  if (!repository) return undefined;
  const file = path.split('/').map(encodeURIComponent).join('/');
  const branch = repository.branch.split('/').map(encodeURIComponent).join('/');
  if (repository.editUrl) return repository.editUrl.replaceAll('{branch}', branch).replaceAll('{path}', file);
  const host = new URL(repository.url).hostname;
  if (host === 'bitbucket.org') return `${repository.url}/src/${branch}/${file}?mode=edit`;
  if (host === 'codeberg.org' || /gitea|forgejo/.test(host))
    return `${repository.url}/_edit/${branch}/${file}`;
  if (host === 'gitlab.com' || /gitlab/.test(host)) return `${repository.url}/-/edit/${branch}/${file}`;
  return `${repository.url}/edit/${branch}/${file}`;
}

/** The host's name for link text ("Edit this page on GitHub"), when it is a known one. */
export function forgeName(repository: BookConfig['repository']): string | undefined {
  if (!repository) return undefined;
  const host = new URL(repository.url).hostname;
  return {
    'github.com': 'GitHub',
    'gitlab.com': 'GitLab',
    'codeberg.org': 'Codeberg',
    'bitbucket.org': 'Bitbucket',
  }[host];
}
