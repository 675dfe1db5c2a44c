// A Vite app that uses the packed package (`import init, {analyze} from "straytext"` resolves
// through the "default" condition to the web entry; Vite emits the .wasm as an asset), built
// with `vite build` and run in headless Chromium against the shared cases.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import { cases } from "./cases.mjs";
import { installPacked, repo } from "./packed.mjs";
import { serve, runPage, RUN_CASES } from "./chromium.mjs";

const { dir } = installPacked();
copyFileSync(join(repo, "tests", "js", "cases.mjs"), join(dir, "cases.mjs"));
writeFileSync(join(dir, "index.html"), '<!doctype html><meta charset="utf-8"><script type="module" src="/main.js"></script>\n');
writeFileSync(
  join(dir, "main.js"),
  `import init, * as m from "straytext";
import { cases } from "./cases.mjs";
(async () => {
  await init();
  ${RUN_CASES}
})();
`,
);
await build({ root: dir, logLevel: "error", build: { outDir: join(dir, "dist") } });
const assets = readdirSync(join(dir, "dist", "assets"));

const server = await serve(join(dir, "dist"));
after(() => server.close());
const { results, errors } = await runPage(server.origin + "/");

test("vite build emits the wasm as an asset", () => {
  assert.ok(assets.some((f) => /^straytext_bg-.*\.wasm$/.test(f)), `assets: ${assets.join(", ")}`);
});

test("the Vite app ran the cases", () => {
  assert.deepEqual(errors, []);
  assert.equal(results.length, cases.length);
});

for (const r of results) {
  test(`Vite app in Chromium: ${r.name}`, () => {
    assert.ok(r.ok, r.error ?? "failed");
  });
}
