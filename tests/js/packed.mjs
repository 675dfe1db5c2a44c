// Installs the package the way a user gets it: `npm pack` of this repository (after
// `npm run build`), then `npm install` of the tarball into a fresh temporary project. A file
// missing from "files" or a wrong "exports" path fails here, as it would for a user.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repo = fileURLToPath(new URL("../../", import.meta.url));

/** A fresh temporary directory, removed when the process exits (set KEEP_TMP=1 to keep it). */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (!process.env.KEEP_TMP) process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The temporary project, with the packed package installed: `{dir, pkgDir, importPackage}`. */
export function installPacked() {
  for (const f of ["pkg/straytext.js", "pkg/straytext_bg.wasm"]) {
    if (!existsSync(join(repo, f))) throw new Error(`${f} is absent: run \`npm run build\` first`);
  }
  const dir = tempDir("straytext-packed-");
  const npm = (args, cwd) =>
    execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" });
  npm(["pack", "--pack-destination", dir], repo);
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  npm(["install", "--ignore-scripts", "--offline", `./${tarball}`], dir);
  // A module inside the project, so that the bare specifier resolves as it would for a user.
  writeFileSync(join(dir, "entry.mjs"), 'export * from "straytext";\nexport { default } from "straytext";\n');
  writeFileSync(
    join(dir, "resolve.mjs"),
    'export const wasmUrl = import.meta.resolve("straytext/straytext_bg.wasm");\n' +
      'export const domUrl = import.meta.resolve("straytext/dom");\n',
  );
  return {
    dir,
    pkgDir: join(dir, "node_modules", "straytext"),
    importPackage: () => import(pathToFileURL(join(dir, "entry.mjs")).href),
    resolveWasm: async () => (await import(pathToFileURL(join(dir, "resolve.mjs")).href)).wasmUrl,
    resolveDom: async () => (await import(pathToFileURL(join(dir, "resolve.mjs")).href)).domUrl,
  };
}
