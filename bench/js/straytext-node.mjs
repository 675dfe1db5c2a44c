// straytext's wasm build in Node: MB/s of analyze() over the dev pages, and the latency of one
// call on the example page.
//   node straytext-node.mjs ROOT PAGES.jsonl EXAMPLE.txt [REPS]   -> one JSON object on stdout
// Uses the package's Node entry (ROOT/js/node.js) when it exists, else pkg/straytext.js.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, pagesPath, examplePath, repsArg] = process.argv.slice(2);
const reps = Number(repsArg || 3);
let mod, entry;
if (existsSync(join(root, 'js/node.js'))) {
  entry = 'js/node.js';
  mod = await import(pathToFileURL(join(root, entry)).href);
} else {
  entry = 'pkg/straytext.js';
  mod = await import(pathToFileURL(join(root, entry)).href);
  mod.initSync({ module: readFileSync(join(root, 'pkg/straytext_bg.wasm')) });
}
const analyze = mod.analyze;
const pages = readFileSync(pagesPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text);
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };

for (const p of pages.slice(0, 20)) analyze(p); // warm-up
let sink = 0;
const runs = [];
for (let r = 0; r < reps; r++) {
  const t0 = process.hrtime.bigint();
  for (const p of pages) sink += analyze(p).findings.length;
  runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const secs = median(runs);

const example = readFileSync(examplePath, 'utf8');
for (let i = 0; i < 50; i++) sink += analyze(example).lines.length;
const lat = [];
for (let i = 0; i < 300; i++) {
  const t0 = process.hrtime.bigint();
  sink += analyze(example).lines.length;
  lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
lat.sort((a, b) => a - b);
console.log(JSON.stringify({
  entry, pages: pages.length, bytes, seconds: secs, mb_s: bytes / 1e6 / secs, ms_per_page: secs * 1e3 / pages.length,
  latency: { bytes: Buffer.byteLength(example), calls: lat.length, median_ms: median(lat), p90_ms: lat[Math.floor(lat.length * 0.9)] },
  sink: sink > 0,
}));
