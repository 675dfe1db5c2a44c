// The page session: collect the visible text, have it analysed, highlight the noise, show the
// panel; and clear all of it again. Runs in the extension's isolated world (the page sees the
// highlights and the panel's host element, never a variable). One session per page at most.
//
// The other modules are imported by absolute extension URL, not by relative `import`: they are
// web-accessible only under a per-session dynamic URL (`use_dynamic_url`), and Chromium resolves
// a relative import inside a module loaded from such a URL against the extension's static id,
// where the load is denied (crbug.com/363027634). So this module has no static imports, and the
// modules it loads import nothing.

/**
 * @typedef {object} Modules
 * @property {typeof import('../lib/dom.js')} dom the shared DOM layer
 * @property {typeof import('./messages.js')} messages
 * @property {typeof import('./panel.js')} panel
 * @property {typeof import('./clipboard.js')} clipboard
 * @property {typeof import('./selection.js')} selection
 * @property {typeof import('./offsets.js')} offsets
 * @property {typeof import('./kinds.js')} kinds
 */

/** @type {Promise<Modules> | undefined} */
let modules;

/** Loads the page-side modules once per page. */
function load() {
  const at = (/** @type {string} */ path) => import(chrome.runtime.getURL(path));
  modules ??= Promise.all(
    ['lib/dom.js', 'page/messages.js', 'page/panel.js', 'page/clipboard.js', 'page/selection.js', 'page/offsets.js', 'page/kinds.js'].map(at),
  ).then(([dom, messages, panel, clipboard, selection, offsets, kinds]) => ({ dom, messages, panel, clipboard, selection, offsets, kinds }));
  return modules;
}

/** Highlight names are this plus the kind; highlight.css styles them. */
const PREFIX = 'straytext-';

/**
 * @typedef {object} Session
 * @property {() => Promise<void>} stop clears everything the session put on the page
 */

/** @type {Session | null} */
let current = null;

/**
 * What a click on the toolbar button does: clears the open session, or starts one.
 * @returns {Promise<'cleared' | 'highlighted'>}
 */
export async function toggle() {
  // Loaded before `current` is looked at, so that two quick clicks see each other's session.
  const modules = await load();
  if (current) {
    await stop();
    return 'cleared';
  }
  await start(modules);
  return 'highlighted';
}

/** Ends the open session, if any. */
async function stop() {
  const session = current;
  current = null;
  if (session) await session.stop();
}

/**
 * Starts a session on the current selection, or on the whole page.
 * @param {Modules} modules
 */
async function start(modules) {
  const session = createSession(modules);
  current = session;
  await session.run();
}

/**
 * @param {Modules} modules
 * @returns {Session & {run: () => Promise<void>}}
 */
function createSession({ dom, messages, panel: panels, clipboard, selection, offsets, kinds }) {
  const { ask } = messages;
  let stopped = false;
  let styled = false;
  /** @type {{counts: Record<string, number>, clear: () => void} | null} */
  let shown = null;
  /** @type {import('./panel.js').Panel | null} */
  let panel = null;
  /**
   * What was analysed: `text` (the whole collected text, or the selected slice of it) and its
   * report in `text`'s offsets (`local`) and in the collected text's offsets (`report`, what
   * the map and the highlights use; the same object when there is no selection).
   * @type {{text: string, html: string, local: any, report: any, map: import('../lib/dom.js').TextMap, enabled: Set<string>} | null}
   */
  let state = null;

  /** @param {KeyboardEvent} event */
  const onKey = (event) => {
    if (event.key === 'Escape' && !event.isComposing) void stop();
  };

  /** (Re)draws the highlights of the enabled kinds. */
  const draw = () => {
    if (!state) return;
    shown?.clear();
    shown = null;
    const kinds = [...state.enabled];
    if (kinds.length > 0) shown = dom.highlightReport(state.report, state.map, { prefix: PREFIX, kinds });
  };

  const copyClean = async () => {
    if (!state || !panel) return;
    const { text, html, local, enabled } = state;
    try {
      const all = Object.keys(countKinds(local)).every((k) => enabled.has(k));
      let clean;
      if (typeof dom.cleanText === 'function') {
        // What is highlighted is what goes: the DOM layer cleans with the enabled kinds only.
        clean = dom.cleanText(text, { ...local, findings: local.findings.filter((/** @type {{kind: string}} */ f) => enabled.has(f.kind)) });
      } else if (all) {
        clean = await ask({ type: 'clean', text, html });
      } else {
        throw new Error('cleaning with some kinds switched off needs the DOM layer’s cleanText');
      }
      await clipboard.copyText(clean, panel.root);
      panel.setStatus(`Copied ${clean.length.toLocaleString('en')} characters of clean text.`);
    } catch (error) {
      panel.setStatus(`Could not copy: ${error instanceof Error ? error.message : error}`);
    }
  };

  /**
   * Shows the panel (once per session) and starts listening for Esc.
   * @param {string} summary
   * @param {string} details
   * @param {{kind: string, label: string, colour: string, count: number}[]} rows
   */
  const show = (summary, details, rows) => {
    window.addEventListener('keydown', onKey, true);
    panel = panels.openPanel({
      summary,
      details,
      rows,
      onToggle(kind, on) {
        if (!state) return;
        if (on) state.enabled.add(kind);
        else state.enabled.delete(kind);
        draw();
      },
      onCopy: () => void copyClean(),
      onRerun: () => void stop().then(load).then(start),
      onClose: () => void stop(),
    });
  };

  /** Collects, analyses, highlights; then shows the panel. */
  const analyse = async () => {
    const began = performance.now();
    const scope = selection.currentScope(document);
    const collected = dom.collectText(scope.root);
    const span = scope.range ? selection.spanInside(collected.map, scope.range, dom.toOffset) : null;
    const whole = collected.text;
    const text = span ? whole.slice(span.start, span.end) : whole;
    const html = dom.structureHtml(scope.root);
    const collectedAt = performance.now();

    styled = true;
    const sentAt = performance.now();
    const [, analysed] = await Promise.all([ask({ type: 'style', on: true }), ask({ type: 'analyze', text, html })]);
    if (stopped) return;
    const analysedAt = performance.now();
    const local = analysed.report;
    const report = span ? offsets.shiftReport(local, whole, span.start) : local;

    state = { text, html, local, report, map: collected.map, enabled: new Set(Object.keys(countKinds(report))) };
    draw();
    const counts = { ...Object.fromEntries(kinds.KINDS.map((k) => [k.kind, 0])), ...(shown?.counts ?? {}) };
    const rows = Object.entries(counts).map(([kind, count]) => ({ ...kinds.kindInfo(kind), count }));
    const done = performance.now();
    const timings = [
      `collect ${Math.round(collectedAt - began)} ms`,
      `analyse ${Math.round(analysed.ms)} ms (+ ${Math.round(analysedAt - sentAt - analysed.ms)} ms messaging)`,
      `highlight ${Math.round(done - analysedAt)} ms`,
    ].join(', ');
    show(describe(report, text, span !== null, Math.round(done - began)), timings, rows);
  };

  return {
    async run() {
      try {
        await analyse();
      } catch (error) {
        // Said in the panel, where the person who clicked looks; not in the page's console.
        if (stopped) return;
        shown?.clear();
        shown = null;
        state = null;
        show(`Could not analyse this page: ${error instanceof Error ? error.message : error}`, '', []);
      }
    },

    async stop() {
      if (stopped) return;
      stopped = true;
      window.removeEventListener('keydown', onKey, true);
      shown?.clear();
      shown = null;
      dom.clearHighlights(PREFIX);
      panel?.remove();
      panel = null;
      state = null;
      if (styled) await ask({ type: 'style', on: false }).catch(() => {});
    },
  };
}

/**
 * Findings per kind.
 * @param {{findings: {kind: string}[]}} report
 * @returns {Record<string, number>}
 */
function countKinds(report) {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const f of report.findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

/**
 * The panel's summary line.
 * @param {{language: {name: string} | null, script: string | null}} report
 * @param {string} text
 * @param {boolean} selection
 * @param {number} ms
 */
function describe(report, text, selection, ms) {
  const what = selection ? 'Selection' : 'Page';
  const size = text.length >= 1e5 ? `${(text.length / 1e6).toFixed(1)} M chars` : `${text.length.toLocaleString('en')} chars`;
  const lang = [report.language?.name, report.script].filter(Boolean).join(', ') || 'language unknown';
  return `${what}: ${size}, ${lang}; ${ms} ms`;
}
