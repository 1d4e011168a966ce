/**
 * node scripts/serve-static.ts <folder> [--base /book/] [--port 4323]
 *
 * Serves a built site as a plain static host does (GitHub Pages, say): files under the
 * base path, `index.html` for folders, and the site's own 404.html (status 404) for
 * anything else. Used by the browser test
 * of a site built with BASE_PATH (`astro preview` allows one server per project, and
 * the main browser tests already run one).
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: 'string', default: '/' }, port: { type: 'string', default: '4323' } },
});
const root = resolve(positionals[0] ?? 'dist');
const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const port = Number(values.port);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (!path.startsWith(base) && `${path}/` !== base) return notFound(res);
  if (`${path}/` === base) {
    res.writeHead(301, { location: base }).end();
    return;
  }
  let file = normalize(join(root, path.slice(base.length)));
  if (file !== root && !file.startsWith(root + sep)) return notFound(res);
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) {
      res.writeHead(301, { location: `${path}/` }).end();
      return;
    }
    file = join(file, 'index.html');
  }
  if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(port, () => console.log(`serving ${root} at http://localhost:${port}${base}`));

function notFound(res: import('node:http').ServerResponse): void {
  const page = join(root, '404.html');
  if (existsSync(page)) {
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    createReadStream(page).pipe(res);
  } else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  }
}
