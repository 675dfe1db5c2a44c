// A static server on 127.0.0.1 for the extension's test pages, plus a generated long page.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { longArticle } from './long-page.mjs';

const PAGES = new URL('../pages/', import.meta.url).pathname;

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/**
 * Extra response headers per page. The Japanese page is served with a strict CSP (no inline
 * script or style, Trusted Types required), which the extension must live with.
 * @type {Record<string, Record<string, string>>}
 */
const HEADERS = {
  '/news-ja.html': {
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'",
  },
};

/**
 * Starts the server on a free port.
 * @returns {Promise<{origin: string, close: () => Promise<void>}>}
 */
export async function serve() {
  /** @type {Map<string, string>} */
  const generated = new Map();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      let body;
      let type;
      if (path === '/long.html') {
        if (!generated.has(path)) generated.set(path, longArticle(2_000_000));
        body = generated.get(path);
        type = TYPES['.html'];
      } else {
        const file = normalize(join(PAGES, path));
        if (!file.startsWith(PAGES)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
        body = await readFile(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...(HEADERS[path] ?? {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
