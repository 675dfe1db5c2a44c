// scripts/serve.mjs: the paste box's static server (node:http, no dependencies).
//
//   node --test tests/js/serve.test.mjs

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";

/** @type {import("node:http").Server} */
let server;
/** @type {string} */
let base;

before(async () => {
  ({ server, url: base } = await serve({ port: 0 }));
});
after(() => server.close());

/**
 * A raw request (the path is sent as it is, without URL normalization).
 * @param {string} path
 * @param {string} [method]
 * @returns {Promise<{ status: number, headers: import("node:http").IncomingHttpHeaders, body: string }>}
 */
function get(path, method = "GET") {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (d) => { body += d; });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("binds to 127.0.0.1 and redirects / to /www/", async () => {
  assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const r = await get("/");
  assert.equal(r.status, 302);
  assert.equal(r.headers.location, "/www/");
});

test("serves the page, modules and wasm with the right MIME types", async () => {
  const page = await get("/www/");
  assert.equal(page.status, 200);
  assert.equal(page.headers["content-type"], "text/html; charset=utf-8");
  assert.match(page.body, /Content-Security-Policy/);
  assert.equal((await get("/js/dom.js")).headers["content-type"], "text/javascript; charset=utf-8");
  assert.equal((await get("/www/style.css")).headers["content-type"], "text/css; charset=utf-8");
  assert.equal((await get("/www/examples/en-news.txt")).headers["content-type"], "text/plain; charset=utf-8");
  const wasm = await get("/pkg/straytext_bg.wasm");
  if (wasm.status === 200) {
    assert.equal(wasm.headers["content-type"], "application/wasm");
    assert.equal(wasm.body.slice(0, 4), "\0asm");
  }
  const head = await get("/www/index.html", "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body, "");
  assert.equal((await get("/www")).status, 301);
});

test("serves nothing outside the repository, no dot files, no node_modules, only GET and HEAD", async () => {
  for (const path of ["/..%2f..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/www/..%2f..%2f..%2f..%2fetc/passwd"]) {
    const r = await get(path);
    assert.ok(r.status === 403 || r.status === 404, `${path}: ${r.status}`);
    assert.ok(!r.body.includes("root:"), path);
  }
  assert.equal((await get("/..%2f..%2f..%2fetc/passwd")).status, 403);
  assert.equal((await get("/.git/config")).status, 404);
  assert.equal((await get("/node_modules/playwright-core/package.json")).status, 404);
  assert.equal((await get("/www/nothing-here.js")).status, 404);
  assert.equal((await get("/www/%E0%A4%A")).status, 400);
  assert.equal((await get("/www/", "POST")).status, 405);
});

test("run as a script, it prints the address and honours PORT", async () => {
  const script = fileURLToPath(new URL("../../scripts/serve.mjs", import.meta.url));
  const child = spawn(process.execPath, [script], { env: { ...process.env, PORT: "0" } });
  try {
    const line = await new Promise((resolve, reject) => {
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (d) => resolve(String(d)));
      child.on("exit", (code) => reject(new Error(`exited with ${code}`)));
    });
    assert.match(/** @type {string} */ (line), /http:\/\/127\.0\.0\.1:\d+\/www\//);
  } finally {
    child.kill();
  }
  const bad = spawn(process.execPath, [script], { env: { ...process.env, PORT: "eighty" } });
  const code = await new Promise((resolve) => bad.on("exit", resolve));
  assert.equal(code, 2);
});
