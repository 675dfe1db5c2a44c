// The hand-written types (js/straytext.d.ts) checked by `tsc --noEmit` on tests/js/typed-usage.ts,
// in a temporary project that installed the packed package (so the types resolve through its
// "exports" map, as a user's would).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installPacked, repo } from "./packed.mjs";

const { dir } = installPacked();
const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");

for (const moduleResolution of ["nodenext", "bundler"]) {
  test(`tsc --noEmit accepts the typed usage (moduleResolution ${moduleResolution})`, () => {
    copyFileSync(join(repo, "tests", "js", "typed-usage.ts"), join(dir, "typed-usage.ts"));
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: moduleResolution === "nodenext" ? "nodenext" : "esnext",
        moduleResolution,
        lib: ["es2022", "dom"],
        types: [],
        noUnusedLocals: false,
        skipLibCheck: false,
      },
      files: ["typed-usage.ts"],
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(config));
    try {
      execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: dir, encoding: "utf8" });
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  });
}
