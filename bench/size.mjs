// The npm package's size and speed, for BENCHMARKS.md: the raw and gzipped size of the shipped
// .wasm, and analyze() in Node on the example page (ms per call after warm-up) next to the size
// limit (200 KB gzipped) and the latency target (5 ms per call).
//
//   npm run build && node bench/size.mjs [path/to/straytext_bg.wasm]
import { readFileSync, existsSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
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
// GNU gzip -9, the figure of BENCHMARKS.md (bench/bench.py); Node's zlib at level 9 (Chromium's
// fork, another match finder) gives a file 2 % larger, printed too: the limit must hold for both.
const zgz = gzipSync(bytes, { level: 9 }).length;
const gnu = spawnSync("gzip", ["-9", "-c", wasmPath], { maxBuffer: 1 << 30 });
const gz = gnu.status === 0 ? gnu.stdout.length : zgz;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const fits = Math.max(gz, zgz) <= 200_000;
console.log(`wasm raw   ${bytes.length} bytes (${kb(bytes.length)})  ${wasmPath}`);
console.log(
  `wasm gzip  ${gz} bytes (${kb(gz)}, ${gnu.status === 0 ? "gzip -9" : "zlib level 9; no gzip on PATH"}; ` +
    `Node's zlib level 9: ${zgz}; limit 200 kB: ${fits ? "ok" : "OVER"})`,
);
// Where the bytes are: the code and data sections, raw and what each adds to the gzipped file
// (zlib's gzip of the file minus that of the file without the section). tools/size/RESULTS.md goes deeper.
const sectionsOf = (b) => {
  const out = [];
  let i = 8;
  const leb = () => {
    let r = 0;
    for (let s = 0; ; s += 7) {
      const x = b[i++];
      r += (x & 0x7f) * 2 ** s;
      if (x < 0x80) return r;
    }
  };
  while (i < b.length) {
    const id = b[i++];
    const n = leb();
    out.push({ id, start: i, end: i + n });
    i += n;
  }
  return out;
};
for (const { id, start, end } of sectionsOf(bytes).filter((s) => s.id === 10 || s.id === 11)) {
  const without = Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)]);
  const share = zgz - gzipSync(without, { level: 9 }).length;
  console.log(`  ${id === 10 ? "code" : "data"}     ${end - start} bytes raw, ${share} bytes of the gzip`);
}
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
