// The shared cases (cases.mjs) against the Node entry of the packed package, plus what only
// Node can check: the tarball's contents, the raw .wasm subpath, and the web entry before init.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { cases, PAGE, checkReport } from "./cases.mjs";
import { installPacked } from "./packed.mjs";

const packed = installPacked();
const m = await packed.importPackage();

for (const [name, run] of cases) {
  test(`node entry: ${name}`, () => run(m));
}

test("import works with no set-up call and exports exactly the API", () => {
  assert.deepEqual(Object.keys(m).sort(), ["analyze", "clean", "default", "init", "initSync"]);
  assert.equal(m.analyze(PAGE).language.code, "eng");
});

test("the tarball ships only what is needed", () => {
  const files = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(packed.pkgDir, p));
    }
  };
  walk(packed.pkgDir);
  assert.deepEqual(files.sort(), [
    "LICENSE-APACHE",
    "LICENSE-MIT",
    "README.md",
    "js/dom.d.ts",
    "js/dom.js",
    "js/node.js",
    "js/straytext.d.ts",
    "js/web.js",
    "package.json",
    "pkg/straytext.js",
    "pkg/straytext_bg.wasm",
  ]);
});

test("the DOM layer is exported as straytext/dom", async () => {
  assert.equal(await packed.resolveDom(), pathToFileURL(join(packed.pkgDir, "js", "dom.js")).href);
});

test("the raw .wasm is exported as a subpath", async () => {
  const url = await packed.resolveWasm();
  assert.equal(url, pathToFileURL(join(packed.pkgDir, "pkg", "straytext_bg.wasm")).href);
  const bytes = readFileSync(fileURLToPath(url));
  assert.ok(WebAssembly.validate(bytes), "a valid WebAssembly module");
});

test("web entry: a clear error before init(), then initSync() from the subpath's bytes", async () => {
  // Imported by file (it is the "default" condition, which Node does not pick).
  const web = await import(pathToFileURL(join(packed.pkgDir, "js", "web.js")).href + "?fresh");
  for (const fn of ["analyze", "clean"]) {
    assert.throws(() => web[fn](PAGE), {
      name: "Error",
      message: new RegExp(`^straytext\\.${fn}: the WebAssembly is not loaded yet; call \`await init\\(\\)\``),
    });
  }
  web.initSync({ module: readFileSync(fileURLToPath(await packed.resolveWasm())) });
  checkReport(PAGE, web.analyze(PAGE));
});
