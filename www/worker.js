// The analysis worker: runs the WebAssembly core off the main thread, so a paste of several
// megabytes never freezes the page. Messages in: { id, text, html }; out: { id, report } or
// { id, error }, and { ready: true } once the module is loaded.

import init, * as straytext from "../pkg/straytext.js";

/** The package's analyze(text, options?) (`options.html`: the clipboard's HTML). */
const analyze = /** @type {(text: string, options?: { html?: string }) => unknown} */ (straytext.analyze);

/** @param {unknown} err */
const message = (err) => (err instanceof Error ? err.message : String(err));

const ready = init().then(
  () => { postMessage({ ready: true }); },
  (err) => { postMessage({ ready: false, error: message(err) }); throw err; },
);

addEventListener("message", async (event) => {
  const { id, text, html } = event.data;
  try {
    await ready;
    const started = performance.now();
    const report = analyze(text, html ? { html } : undefined);
    postMessage({ id, report, ms: performance.now() - started });
  } catch (err) {
    postMessage({ id, error: message(err) });
  }
});
