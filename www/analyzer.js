// One door to the core for the page: analyze(text, html) → Promise<report>. The work runs in a
// Web Worker (worker.js) so the page stays responsive whatever the size of the paste; if the
// worker cannot start, the module is loaded on the main thread instead. A newer request makes
// an older one moot: its promise rejects with an AbortError and, when it is still running in
// the worker, the worker is replaced rather than left to finish.

/** @typedef {import("./types.js").Report} Report */

/** @type {Worker | null} */
let worker = null;
/** @type {Promise<boolean> | null} */
let workerReady = null;
/** @type {{ id: number, resolve: (r: { report: Report, ms: number }) => void, reject: (e: Error) => void } | null} */
let pending = null;
let nextId = 1;
/** @type {Promise<typeof import("../pkg/straytext.js")> | null} */
let local = null;

function abortError() {
  return new DOMException("superseded by a newer analysis", "AbortError");
}

/** Starts the worker; resolves true when its module is loaded, false when it cannot run. */
function startWorker() {
  if (typeof Worker !== "function") return Promise.resolve(false);
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  } catch {
    worker = null;
    return Promise.resolve(false);
  }
  const w = worker;
  return new Promise((resolve) => {
    w.addEventListener("error", () => resolve(false), { once: true });
    w.addEventListener("message", (event) => {
      const data = event.data;
      if ("ready" in data) return resolve(Boolean(data.ready));
      if (!pending || pending.id !== data.id) return;
      const p = pending;
      pending = null;
      if (data.error) p.reject(new Error(data.error));
      else p.resolve({ report: data.report, ms: data.ms });
    });
  });
}

/** The core on the main thread (the fallback). */
function loadLocal() {
  local ??= import("../pkg/straytext.js").then(async (m) => {
    await m.default();
    return m;
  });
  return local;
}

/**
 * Loads the core (in the worker when possible). Safe to call more than once.
 * @returns {Promise<"worker" | "main thread">}
 */
export async function prepare() {
  workerReady ??= startWorker();
  if (await workerReady) return "worker";
  await loadLocal();
  return "main thread";
}

/**
 * Analyzes `text` (with the clipboard's HTML when there is one).
 * @param {string} text
 * @param {string | null} html
 * @returns {Promise<{ report: Report, ms: number }>}
 */
export async function analyze(text, html) {
  if (pending) {
    // Still busy with an older text: drop it, and restart the worker so it is free at once.
    pending.reject(abortError());
    pending = null;
    if (worker) {
      worker.terminate();
      worker = null;
      workerReady = null;
    }
  }
  const where = await prepare();
  if (where === "worker" && worker) {
    const w = worker;
    return new Promise((resolve, reject) => {
      const id = nextId++;
      if (pending) pending.reject(abortError()); // queued behind this one in the worker
      pending = { id, resolve, reject };
      w.postMessage({ id, text, html });
    });
  }
  const m = await loadLocal();
  const started = performance.now();
  const analyzeWith = /** @type {(text: string, options?: { html?: string }) => Report} */ (m.analyze);
  const report = analyzeWith(text, html ? { html } : undefined);
  return { report, ms: performance.now() - started };
}
