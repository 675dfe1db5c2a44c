// The shared cases (cases.mjs) against the web entry of the packed package, in headless
// Chromium (Debian's /usr/bin/chromium driven by playwright-core; no downloaded browser).
// A static page imports the package the documented way, `import init, {analyze} from
// "/node_modules/straytext/js/web.js"`, checks the error before init(), then runs every case.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, normalize, extname } from "node:path";
import { chromium } from "playwright-core";
import { cases } from "./cases.mjs";
import { installPacked, repo } from "./packed.mjs";

const { dir } = installPacked();

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
};

const PAGE_HTML = `<!doctype html><meta charset="utf-8"><title>straytext web entry</title>
<script type="module">
  import init, { analyze } from "/node_modules/straytext/js/web.js";
  import * as m from "/node_modules/straytext/js/web.js";
  import { cases } from "/cases.mjs";
  const results = [];
  try {
    analyze("x");
    results.push({ name: "before init", ok: false, error: "no error before init()" });
  } catch (e) {
    const ok = e instanceof Error && /^straytext\\.analyze: the WebAssembly is not loaded yet; call \`await init\\(\\)\`/.test(e.message);
    results.push({ name: "before init", ok, error: ok ? null : String(e) });
  }
  await init();
  for (const [name, run] of cases) {
    try { await run(m); results.push({ name, ok: true }); }
    catch (e) { results.push({ name, ok: false, error: String(e && e.stack || e) }); }
  }
  window.__results = results;
</script>`;

// Serves the temporary project (the installed package) plus the page and the shared cases.
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path === "/favicon.ico") {
    res.writeHead(204).end();
    return;
  }
  let body;
  let file = path;
  try {
    if (path === "/") {
      body = PAGE_HTML;
      file = "/index.html";
    } else if (path === "/cases.mjs") {
      body = await readFile(join(repo, "tests", "js", "cases.mjs"));
    } else {
      const safe = normalize(path).replace(/^(\.\.[/\\])+/, "");
      body = await readFile(join(dir, safe));
    }
  } catch {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
});
after(async () => {
  await browser.close();
  server.close();
});

const page = await browser.newPage();
const consoleErrors = [];
page.on("pageerror", (e) => consoleErrors.push(String(e)));
page.on("console", (msg) => msg.type() === "error" && consoleErrors.push(msg.text()));
await page.goto(origin + "/");
await page.waitForFunction(() => window.__results, null, { timeout: 120_000 }).catch(() => {});
const results = (await page.evaluate(() => window.__results)) ?? [];

test("the page loaded the web entry and ran the cases", () => {
  assert.deepEqual(consoleErrors, []);
  assert.equal(results.length, cases.length + 1);
});

for (const r of results) {
  test(`web entry in Chromium: ${r.name}`, () => {
    assert.ok(r.ok, r.error ?? "failed");
  });
}
