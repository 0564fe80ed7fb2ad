/**
 * A static file server for tests, screenshots and the bench: serves a built `dist/` under a base
 * path on loopback, the way any static host would (index.html for folders, 404.html when
 * missing, text and WebAssembly gzip-compressed when the browser accepts it, as GitHub Pages,
 * Netlify or a plain nginx with `gzip on` do; Pagefind's own files are compressed already).
 * With `cors`, every answer allows any origin, as GitHub Pages sends (and public/_headers asks
 * of Netlify and Cloudflare Pages), so a portal on another origin can read the archive.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Start serving `root` at `http://127.0.0.1:<port><base>`. Resolves with the server and its origin. */
export function serveStatic(
  dir: string,
  base = '/',
  options: {
    cors?: boolean;
    /** Files served from memory instead of the folder, by path under the base. */ files?: Record<string, string>;
  } = {},
): Promise<{ server: Server; origin: string }> {
  const root = path.resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (file: string, status = 200): void => {
      const type = TYPES[path.extname(file)];
      const gzip = type !== undefined && !type.startsWith('image/png') && /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(status, {
        'Content-Type': type ?? 'application/octet-stream',
        ...(options.cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
        ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      });
      const body = createReadStream(file);
      if (gzip) body.pipe(createGzip()).pipe(res);
      else body.pipe(res);
    };
    const notFound = (): void => {
      const page = path.join(root, '404.html');
      if (existsSync(page)) send(page, 404);
      else res.writeHead(404).end('not found');
    };
    if (!pathname.startsWith(prefix)) return notFound();
    const inMemory = options.files?.[pathname.slice(prefix.length)];
    if (inMemory !== undefined) {
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(pathname)] ?? 'application/octet-stream',
        ...(options.cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      });
      res.end(inMemory);
      return;
    }
    let file = path.join(root, pathname.slice(prefix.length));
    if (!file.startsWith(root)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return notFound();
    send(file);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}
