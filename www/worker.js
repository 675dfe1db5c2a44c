// The analysis worker: runs the WebAssembly core off the main thread, so a paste of several
// megabytes never freezes the page. Messages in: { id, text, html }; out: { id, report } or
// { id, error }, and { ready: true } once the module is loaded.

import init, * as straytext from "../pkg/straytext.js";

const ready = init().then(
  () => { postMessage({ ready: true }); },
  (err) => { postMessage({ ready: false, error: String(err && err.message || err) }); throw err; },
);

addEventListener("message", async (event) => {
  const { id, text, html } = event.data;
  try {
    await ready;
    const started = performance.now();
    const report = straytext.analyze(text, html ? { html } : undefined);
    postMessage({ id, report, ms: performance.now() - started });
  } catch (err) {
    postMessage({ id, error: String(err && err.message || err) });
  }
});
