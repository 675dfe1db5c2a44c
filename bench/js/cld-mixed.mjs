// CLD2 chunks (npm `cld`, its synchronous native binding) as a mixed-script / foreign-fragment
// predictor: every chunk whose language is not the document's top language is a span.
//   node cld-mixed.mjs GOLD.jsonl > PRED.jsonl   (timing as JSON on stderr)
// CLD2 reports chunks in UTF-8 byte offsets; they are mapped to UTF-16 offsets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cld = require('cld/build/Release/cld.node');
const docs = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const out = [];
let secs = 0, bytes = 0;
for (const d of docs) {
  const buf = Buffer.from(d.text, 'utf8');
  bytes += buf.length;
  const t0 = process.hrtime.bigint();
  let res = null;
  try { res = cld.detect(d.text, true, '', '', '', '', false); } catch { res = null; }
  secs += Number(process.hrtime.bigint() - t0) / 1e9;
  const spans = [];
  if (res && res.languages.length) {
    const top = res.languages[0].code;
    for (const c of res.chunks || []) {
      if (c.code === top) continue;
      // byte offsets -> UTF-16 offsets, trimmed of white space
      let s = buf.subarray(0, c.offset).toString('utf8').length;
      const piece = buf.subarray(c.offset, c.offset + c.bytes).toString('utf8');
      const lead = piece.length - piece.trimStart().length;
      const t = piece.trim();
      if (t) spans.push({ start: s + lead, end: s + lead + t.length });
    }
  }
  out.push(JSON.stringify({ id: d.id, spans }));
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(JSON.stringify({ method: 'cld2-chunks', docs: docs.length, bytes, seconds: secs, mb_s: bytes / 1e6 / secs }) + '\n');
