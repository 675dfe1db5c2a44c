// Recovery from a panic: a build with `--features panic-test` exports `__panicForTests()`; it
// traps the instance, and the next call must run on a fresh instance (the panic hook in
// src/wasm.rs schedules it). Shipped builds have no way to panic on purpose.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PAGE, checkReport } from "./cases.mjs";
import { repo, tempDir } from "./packed.mjs";

const dir = tempDir("straytext-panic-");
execFileSync(
  "cargo",
  ["build", "--quiet", "--lib", "--target", "wasm32-unknown-unknown", "--no-default-features", "--features", "panic-test"],
  { cwd: repo, stdio: "inherit" },
);
execFileSync("wasm-bindgen", [
  "--target", "web", "--no-typescript", "--out-dir", join(dir, "pkg"),
  join(repo, "target", "wasm32-unknown-unknown", "debug", "straytext.wasm"),
]);
cpSync(join(repo, "js"), join(dir, "js"), { recursive: true });
const glue = await import(pathToFileURL(join(dir, "pkg", "straytext.js")).href);
const web = await import(pathToFileURL(join(dir, "js", "web.js")).href);
web.initSync({ module: readFileSync(join(dir, "pkg", "straytext_bg.wasm")) });

test("a panic traps one call, reports it, and the next call runs on a fresh instance", () => {
  checkReport(PAGE, web.analyze(PAGE));
  const logged = [];
  const panic = () => {
    const consoleError = console.error;
    console.error = (...args) => logged.push(args.join(" "));
    try {
      glue.__panicForTests();
    } finally {
      console.error = consoleError;
    }
  };
  assert.throws(panic, WebAssembly.RuntimeError);
  assert.match(logged.join("\n"), /straytext: internal error \(a bug; please report it with the text\): .*a panic on purpose/s);
  for (let i = 0; i < 3; i++) {
    checkReport(PAGE, web.analyze(PAGE));
    assert.ok(web.clean(PAGE).startsWith("The talks"));
    assert.throws(() => web.analyze(42), TypeError);
  }
  assert.throws(panic, WebAssembly.RuntimeError, "and again");
  checkReport(PAGE, web.analyze(PAGE));
});
