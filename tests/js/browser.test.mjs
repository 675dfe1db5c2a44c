// The shared cases (cases.mjs) against the web entry of the packed package, in headless
// Chromium. A static page imports the package the documented way, `import init, {analyze} from
// "/node_modules/straytext/js/web.js"`, checks the error before init(), then runs every case.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cases } from "./cases.mjs";
import { installPacked, repo } from "./packed.mjs";
import { serve, runPage, RUN_CASES } from "./chromium.mjs";

const { dir } = installPacked();

const PAGE_HTML = `<!doctype html><meta charset="utf-8"><title>straytext web entry</title>
<script type="module">
  import init, { analyze } from "/node_modules/straytext/js/web.js";
  import * as m from "/node_modules/straytext/js/web.js";
  import { cases } from "/cases.mjs";
  let before;
  try {
    analyze("x");
    before = { name: "before init", ok: false, error: "no error before init()" };
  } catch (e) {
    const ok = e instanceof Error && /^straytext\\.analyze: the WebAssembly is not loaded yet; call \`await init\\(\\)\`/.test(e.message);
    before = { name: "before init", ok, error: ok ? null : String(e) };
  }
  await init();
  ${RUN_CASES}
  window.__results.unshift(before);
</script>`;

const server = await serve(dir, {
  "/index.html": PAGE_HTML,
  "/cases.mjs": readFileSync(join(repo, "tests", "js", "cases.mjs")),
});
after(() => server.close());
const { results, errors } = await runPage(server.origin + "/");

test("the page loaded the web entry and ran the cases", () => {
  assert.deepEqual(errors, []);
  assert.equal(results.length, cases.length + 1);
});

for (const r of results) {
  test(`web entry in Chromium: ${r.name}`, () => {
    assert.ok(r.ok, r.error ?? "failed");
  });
}
