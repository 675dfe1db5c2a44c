// Same answer: for every fixture, `straytext --format json` (the native CLI) and analyze() (the
// packed npm package, in Node) give the same object, and `straytext --clean` and clean() the
// same text. Fixtures: tests/fixtures/*.txt (with
// `--html NAME.html` / `{html}` when a NAME.html sits beside), ../shared/examples/*.txt, and
// the texts of cases.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PAGE, TRICKY } from "./cases.mjs";
import { installPacked, repo, tempDir } from "./packed.mjs";

const { analyze, clean } = await installPacked().importPackage();

// The CLI, built by `cargo build` (a no-op after `cargo test` has built it).
const built = execFileSync(
  "cargo",
  ["build", "--quiet", "--bin", "straytext", "--message-format=json"],
  { cwd: repo, encoding: "utf8", maxBuffer: 64 << 20 },
);
const cli = built
  .split("\n")
  .filter((l) => l.startsWith("{"))
  .map((l) => JSON.parse(l))
  .find((msg) => msg.reason === "compiler-artifact" && msg.target?.name === "straytext" && msg.executable)
  ?.executable;
assert.ok(cli, "cargo built the straytext binary");

function fixtures() {
  const out = [];
  const dirs = [join(repo, "tests", "fixtures"), join(repo, "..", "shared", "examples")];
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      test(`fixtures in ${relative(repo, dir)}`, { skip: `${dir} is absent` }, () => {});
      continue;
    }
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
      const html = join(dir, f.replace(/\.txt$/, ".html"));
      out.push({ name: relative(repo, join(dir, f)), path: join(dir, f), html: existsSync(html) ? html : null });
    }
  }
  const tmp = tempDir("straytext-same-");
  // Two scripts with as many letters each: whatlang's tie order once differed between the CLI
  // (x86_64) and the wasm.
  const ties = { script_tie: "Привет мирSubscribeيوم متبقٍ", script_tie_lines: "Привет мир\nSubscribe" };
  for (const [name, text] of Object.entries({ page: PAGE, ...TRICKY, ...ties })) {
    const path = join(tmp, `${name}.txt`);
    writeFileSync(path, text);
    out.push({ name: `cases.mjs ${name}`, path, html: null });
  }
  return out;
}

for (const fx of fixtures()) {
  test(`same answer: ${fx.name}${fx.html ? " (with its HTML)" : ""}`, () => {
    const args = ["--format", "json", ...(fx.html ? ["--html", fx.html] : []), fx.path];
    const fromCli = JSON.parse(execFileSync(cli, args, { encoding: "utf8", maxBuffer: 256 << 20 }));
    const text = readFileSync(fx.path, "utf8");
    const fromWasm = analyze(text, fx.html ? { html: readFileSync(fx.html, "utf8") } : undefined);
    assert.deepStrictEqual(fromWasm, fromCli);
    const cleanCli = execFileSync(cli, ["--clean", ...args.slice(2)], { encoding: "utf8", maxBuffer: 256 << 20 });
    assert.equal(clean(text, fx.html ? { html: readFileSync(fx.html, "utf8") } : undefined), cleanCli);
  });
}

// A JSONL corpus written by JavaScript: JSON.stringify escapes a lone surrogate (`\ud800`),
// which the CLI used to refuse (stopping the whole run); it reads it as the npm package does.
test("same answer: JSONL from JSON.stringify, lone surrogates included", () => {
  const texts = [PAGE, ...Object.values(TRICKY)].flatMap((t) => [t, `\uD800${t.replace("The", "The \uDC00")}\uD83D`]);
  const input = texts.map((text, id) => JSON.stringify({ id, text })).join("\n") + "\n";
  const lines = execFileSync(cli, ["--format", "jsonl"], { input, encoding: "utf8", maxBuffer: 256 << 20 }).trim().split("\n");
  assert.equal(lines.length, texts.length);
  texts.forEach((text, id) => {
    const { id: echoed, ...fromCli } = JSON.parse(lines[id]);
    assert.equal(echoed, id);
    assert.deepStrictEqual(analyze(text), fromCli, `record ${id}`);
  });
  const cleaned = execFileSync(cli, ["--format", "jsonl", "--clean"], { input, encoding: "utf8", maxBuffer: 256 << 20 }).trim().split("\n");
  texts.forEach((text, id) => {
    // The CLI's clean text has U+FFFD where the caller's string had a lone surrogate.
    assert.equal(JSON.parse(cleaned[id]).clean, clean(text).toWellFormed(), `record ${id} clean`);
  });
});
