// The npm package's size and speed, for BENCHMARKS.md: the raw and gzipped size of the shipped
// .wasm, and analyze() in Node on the example page (ms per call after warm-up) next to the size
// limit (200 KB gzipped) and the latency target (5 ms per call).
//
//   npm run build && node bench/size.mjs [path/to/straytext_bg.wasm]
import { readFileSync, existsSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import process from "node:process";

const root = new URL("../", import.meta.url);
const wasmPath = process.argv[2] ?? fileURLToPath(new URL("pkg/straytext_bg.wasm", root));
if (!existsSync(wasmPath)) {
  console.error(`bench/size: ${wasmPath} is absent; run \`npm run build\` first`);
  process.exit(1);
}
const bytes = readFileSync(wasmPath);
const gz = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`wasm raw   ${bytes.length} bytes (${kb(bytes.length)})  ${wasmPath}`);
console.log(`wasm gzip  ${gz} bytes (${kb(gz)}, gzip -9; limit 200 kB: ${gz <= 200_000 ? "ok" : "OVER"})`);
const glue = fileURLToPath(new URL("pkg/straytext.js", root));
console.log(`JS glue    ${statSync(glue).size} bytes (pkg/straytext.js)`);

const { initSync, analyze } = await import(new URL("js/web.js", root));
initSync({ module: bytes });

const example = fileURLToPath(new URL("../shared/examples/news-article-pasted.txt", root));
if (!existsSync(example)) {
  console.log(`speed      skipped: ${example} is absent`);
  process.exit(0);
}
const text = readFileSync(example, "utf8");
for (let i = 0; i < 20; i++) analyze(text); // warm-up
// Wall time and this process's CPU time (the fairer figure on a machine shared with other work).
const runs = [];
for (let r = 0; r < 5; r++) {
  const n = 50;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) analyze(text);
  const c = process.cpuUsage(c0);
  runs.push({ wall: (performance.now() - t0) / n, cpu: (c.user + c.system) / 1000 / n });
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = median(runs.map((r) => r.wall));
const cpu = median(runs.map((r) => r.cpu));
const bytesIn = Buffer.byteLength(text);
console.log(
  `speed      ${wall.toFixed(2)} ms/call wall, ${cpu.toFixed(2)} ms/call CPU on the example page ` +
    `(${bytesIn} bytes, ${(bytesIn / 1e3 / cpu).toFixed(2)} MB/s CPU; median of 5x50 calls after warm-up; ` +
    `target 5 ms: ${wall <= 5 ? "ok" : cpu <= 5 ? "ok by CPU time (the machine is loaded)" : "OVER"})`,
);
