/**
 * node scripts/serve-static.ts [folder] [--base /book/] [--port 4323]
 *
 * Serves a built site as a plain static host does (GitHub Pages, say): files under the
 * base path, `index.html` for folders, and the site's own 404.html (status 404) for
 * anything else; `/` leads to the base path. Without --base, the base path is the one the
 * site was built with (src/site/built-base.ts), so a BASE_PATH build is served where its
 * links point. `npm run preview` and `npm start` serve dist/ with it (on port 4321), and
 * the browser test of a site built with BASE_PATH serves dist-base/.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { builtBase } from '../src/site/built-base.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: 'string' }, port: { type: 'string', default: '4323' } },
});
const root = resolve(positionals[0] ?? 'dist');
if (!existsSync(join(root, 'index.html'))) {
  console.error(`${root} holds no built site: run \`npm run build\` first`);
  process.exit(1);
}
const base = `/${(values.base ?? builtBase(root) ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
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
  '.xml': 'application/xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
};

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/' && base !== '/') {
    res.writeHead(302, { location: base }).end();
    return;
  }
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
})
  .on('error', (e: NodeJS.ErrnoException) => {
    console.error(
      e.code === 'EADDRINUSE'
        ? `port ${port} is in use (another \`npm start\` or preview?): stop it, or pass another port: --port ${port + 10}`
        : e.message,
    );
    process.exit(1);
  })
  .listen(port, () => {
    // The port actually taken (--port 0 picks a free one).
    const { port: taken } = server.address() as import('node:net').AddressInfo;
    console.log(`serving ${root} at http://localhost:${taken}${base}`);
  });

function notFound(res: import('node:http').ServerResponse): void {
  const page = join(root, '404.html');
  if (existsSync(page)) {
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    createReadStream(page).pipe(res);
  } else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  }
}
