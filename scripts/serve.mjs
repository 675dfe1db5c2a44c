#!/usr/bin/env node
// A static file server for the paste box: serves the repository root (so /www/ and /pkg/ are
// both reachable) on 127.0.0.1, on $PORT or 8080, with the MIME types browsers insist on
// (application/wasm for instantiateStreaming, text/javascript for modules). No dependencies.
//
//   node scripts/serve.mjs            → http://127.0.0.1:8080/www/
//   PORT=0 node scripts/serve.mjs     → a free port, printed
//
// Also importable: `const { server, url } = await serve({ port: 0 })`.

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** MIME types by file extension. */
export const MIME_TYPES = Object.freeze({
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
});

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/**
 * Starts the server.
 * @param {{ port?: number, host?: string, root?: string, log?: boolean }} [options]
 * @returns {Promise<{ server: import("node:http").Server, url: string }>}
 */
export function serve({ port = 8080, host = "127.0.0.1", root = ROOT, log = false } = {}) {
  const server = createServer(async (req, res) => {
    const send = (/** @type {number} */ status, /** @type {string} */ body, headers = {}) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n", { allow: "GET, HEAD" });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      return send(400, "bad request\n");
    }
    if (pathname === "/") return send(302, "see /www/\n", { location: "/www/" });
    if (pathname.includes("\0")) return send(400, "bad request\n");
    let file = resolve(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return send(403, "forbidden\n");
    // Dot files and directories (.git, .cargo…) and node_modules are not served.
    if (pathname.split("/").some((part) => part.startsWith(".") || part === "node_modules")) return send(404, "not found\n");
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith("/")) return send(301, "", { location: pathname + "/" });
        file = join(file, "index.html");
        info = await stat(file);
      }
      res.writeHead(200, {
        "content-type": MIME_TYPES[/** @type {keyof typeof MIME_TYPES} */ (extname(file).toLowerCase())] ?? "application/octet-stream",
        "content-length": info.size,
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).on("error", () => res.destroy()).pipe(res);
    } catch {
      send(404, "not found\n");
    }
    if (log) console.log(`${req.method} ${pathname}`);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      ok({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = process.env.PORT === undefined || process.env.PORT === "" ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  serve({ port }).then(
    ({ url }) => console.log(`straytext paste box: ${url}www/  (Ctrl+C to stop)`),
    (err) => {
      console.error(`serve: ${err.code === "EADDRINUSE" ? `port ${port} is in use; set PORT to another` : err.message}`);
      process.exit(1);
    },
  );
}
