// straytext's web build (pkg/straytext.js, wasm-bindgen --target web) in headless Chromium:
// latency of analyze() on the example page, and MB/s over a sample of the dev pages.
//   node chromium-latency.mjs ROOT EXAMPLE.txt [PAGES.jsonl]   -> one JSON object on stdout
// Uses Debian's /usr/bin/chromium through playwright-core (no downloaded browser).
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const [root, examplePath, pagesPath] = process.argv.slice(2);
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const page0 = '<!doctype html><meta charset=utf-8><script type=module>import init, { analyze } from "/pkg/straytext.js"; await init(); window.analyze = analyze; window.ready = true;</script>';
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page0); return; }
  const p = normalize(join(root, url.pathname));
  if (!p.startsWith(join(root, 'pkg')) || !existsSync(p)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[p.slice(p.lastIndexOf('.'))] || 'application/octet-stream' });
  res.end(readFileSync(p));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 30000 });
  const example = readFileSync(examplePath, 'utf8');
  const pages = pagesPath ? readFileSync(pagesPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text) : [];
  const r = await page.evaluate(({ example, pages }) => {
    const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
    let sink = 0;
    for (let i = 0; i < 50; i++) sink += window.analyze(example).lines.length;
    // performance.now() is coarsened in a page that is not cross-origin isolated: time batches of 10.
    const lat = [];
    for (let b = 0; b < 40; b++) {
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) sink += window.analyze(example).lines.length;
      lat.push((performance.now() - t0) / 10);
    }
    let bytes = 0, secs = 0;
    if (pages.length) {
      const enc = new TextEncoder();
      for (const p of pages) bytes += enc.encode(p).length;
      const t0 = performance.now();
      for (const p of pages) sink += window.analyze(p).findings.length;
      secs = (performance.now() - t0) / 1e3;
    }
    return { median_ms: median(lat), p90_ms: [...lat].sort((a, b) => a - b)[Math.floor(lat.length * 0.9)], pages: pages.length, bytes, seconds: secs, mb_s: secs ? bytes / 1e6 / secs : null, sink };
  }, { example, pages });
  console.log(JSON.stringify({ browser: browser.version(), bytes: Buffer.byteLength(example), ...r }));
} finally {
  await browser.close();
  server.close();
}
