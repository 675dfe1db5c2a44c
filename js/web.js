// The entry for browsers, bundlers and extensions (the "default" export condition). The
// WebAssembly must be loaded once before use: `await init()` fetches it next to
// pkg/straytext.js; `await init({module_or_path: url})` or `initSync({module: bytes})` take it
// from elsewhere (an extension's own files, a bundler's asset URL).
import wasmInit, {
  initSync as wasmInitSync,
  analyze as wasmAnalyze,
  clean as wasmClean,
} from "../pkg/straytext.js";

let ready = false;

function loaded(fn) {
  if (!ready) {
    throw new Error(
      `straytext.${fn}: the WebAssembly is not loaded yet; call \`await init()\` (or \`initSync({module})\`) once first`,
    );
  }
}

/** Loads the WebAssembly (once; later calls return at once). */
export default async function init(input) {
  await wasmInit(input === undefined ? undefined : input);
  ready = true;
}

/** Loads the WebAssembly synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(input) {
  wasmInitSync(input);
  ready = true;
}

export { init };

// From this length on (UTF-16 code units), a trap is most likely the WebAssembly's memory (4 GB,
// about 150 MB of text) running out rather than a bug.
const LARGE = 100_000_000;

// A trap inside the WebAssembly (a bug, or a text too large for its memory) throws a
// RuntimeError; the instance has then already been scheduled for a fresh start, so say that
// plainly.
function call(fn, wasmFn, text, options) {
  loaded(fn);
  try {
    return wasmFn(text, options);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      const why =
        typeof text === "string" && text.length >= LARGE
          ? `the text (${Math.round(text.length / 1e6)} million characters) is too large for the WebAssembly's memory (about 150 MB of text at most): split it, or use the native command line`
          : "internal error (a bug; details on the console)";
      throw new Error(`straytext.${fn}: ${why}; the WebAssembly is restarted for the next call`, { cause: e });
    }
    throw e;
  }
}

/** The report on `text`: findings and line verdicts, with offsets (see straytext.d.ts). */
export function analyze(text, options) {
  return call("analyze", wasmAnalyze, text, options);
}

/** `text` without its noise. */
export function clean(text, options) {
  return call("clean", wasmClean, text, options);
}
