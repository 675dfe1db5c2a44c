// The JavaScript language identifiers, each run on every non-empty line of the dev pages (as a
// per-line language check would use them): MB/s, single-threaded.
//   node langid-speed.mjs PAGES.jsonl [BUDGET_BYTES]   -> one JSON object on stdout
// Run with NODE_PATH unset: the peers are resolved from bench/node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const [pagesPath, budgetArg] = process.argv.slice(2);
const budget = Number(budgetArg || 0);
let pages = readFileSync(pagesPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text);
if (budget > 0) {
  const keep = []; let n = 0;
  for (const p of pages) { if (n >= budget) break; keep.push(p); n += Buffer.byteLength(p); }
  pages = keep;
}
const lines = pages.flatMap((p) => p.split(/\r\n|[\n\r\u2028\u2029]/).map((l) => l.trim()).filter(Boolean));
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
const modules = join(dirname(dirname(fileURLToPath(import.meta.url))), 'node_modules');
const version = (name) => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;

const peers = [];
const { franc } = await import('franc-min');
peers.push({ name: 'franc-min', version: version('franc-min'), detect: (t) => franc(t) });
const tinyld = await import('tinyld');
peers.push({ name: 'tinyld', version: version('tinyld'), detect: (t) => tinyld.detect(t) });
const { eld } = await import('eld');
const eldDet = eld.newInstance();
await eldDet.load('medium');
peers.push({ name: 'eld (medium)', version: version('eld'), detect: (t) => eldDet.detect(t).language });
try {
  const cld = require('cld/build/Release/cld.node');
  peers.push({ name: 'cld (CLD2, sync binding)', version: version('cld'), detect: (t) => { try { return cld.detect(t, true, '', '', '', '', false).languages[0]?.code; } catch { return ''; } } });
} catch (e) {
  process.stderr.write(`cld not available: ${e.message}\n`);
}

const rows = [];
for (const p of peers) {
  for (const l of lines.slice(0, 200)) p.detect(l); // warm-up
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (const l of lines) sink += (p.detect(l) || '').length;
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  rows.push({ method: p.name, version: p.version, pages: pages.length, lines: lines.length, bytes, seconds: secs, mb_s: bytes / 1e6 / secs, ms_per_page: secs * 1e3 / pages.length, sink });
}
console.log(JSON.stringify({ rows }));
