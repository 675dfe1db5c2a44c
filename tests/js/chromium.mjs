// Helpers for the browser tests: a static server for a directory (node:http on 127.0.0.1, port
// 0, `.wasm` as application/wasm) and a page run in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core; never a downloaded browser) that leaves its
// results in `window.__results`.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize, extname } from "node:path";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Serves `root`; `routes` maps a path to a body served in its place. Returns `{origin, close}`. */
export async function serve(root, routes = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = path.endsWith("/") ? path + "index.html" : path;
    let body;
    try {
      body = routes[file] ?? (await readFile(join(root, normalize(file).replace(/^(\.\.[/\\])+/, ""))));
    } catch {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Opens `url` in headless Chromium; returns the page's `window.__results` and its errors. */
export async function runPage(url) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
    await page.goto(url);
    await page.waitForFunction(() => window.__results, null, { timeout: 120_000 }).catch(() => {});
    const results = (await page.evaluate(() => window.__results)) ?? [];
    return { results, errors };
  } finally {
    await browser.close();
  }
}

/** The body of a page script that runs the shared cases against the module `m`. */
export const RUN_CASES = `
  const results = [];
  for (const [name, run] of cases) {
    try { await run(m); results.push({ name, ok: true }); }
    catch (e) { results.push({ name, ok: false, error: String((e && e.stack) || e) }); }
  }
  window.__results = results;`;
