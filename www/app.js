// The paste box: wires the editable area, the analyzer (a worker) and the side panel together.
//
// Data flow: a paste (or an example, or an edit) puts text in the editor → js/dom.js collects
// it back with a map to the DOM → the core analyzes it (with the clipboard's HTML as
// options.html) → js/dom.js highlights the findings with the CSS Custom Highlight API → the
// panel lists them. Pasted HTML is only ever a string handed to the analyzer.

import { KINDS, clearHighlights, cleanText, collectText, highlightReport, toOffset, toRange } from "../js/dom.js";
import * as analyzer from "./analyzer.js";
import { directionOf, directionOfScript } from "./bidi.js";
import { canonicalize, readTransfer, renderText, saveSelection, restoreSelection, updateDirections } from "./editor.js";
import { kindsOf } from "./kinds.js";
import { languageTag } from "./lang.js";
import { describe, markCurrent, renderDocument, renderFindings, renderKinds } from "./panel.js";

/** @typedef {import("./types.js").Report} Report */
/** @typedef {import("./types.js").Finding} Finding */
/** @typedef {import("../js/dom.js").TextMap} TextMap */

const PREFIX = "straytext-";
/** From this size (UTF-16 code units) on, a progress indicator shows each step. */
const LARGE = 1_000_000;
const DEBOUNCE_MS = 300;

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
const $ = (id) => /** @type {T} */ (document.getElementById(id));

const editor = $("editor");
const tooltip = $("tooltip");
const progressBox = $("progress-box");
const progress = /** @type {HTMLProgressElement} */ ($("progress"));
const progressLabel = $("progress-label");
const threshold = /** @type {HTMLInputElement} */ ($("threshold"));
const thresholdValue = /** @type {HTMLOutputElement} */ ($("threshold-value"));
const statusLine = $("status");
const announcer = $("announce");
const buttons = {
  copy: /** @type {HTMLButtonElement} */ ($("copy-clean")),
  download: /** @type {HTMLButtonElement} */ ($("download")),
  clear: /** @type {HTMLButtonElement} */ ($("clear")),
  prev: /** @type {HTMLButtonElement} */ ($("prev")),
  next: /** @type {HTMLButtonElement} */ ($("next")),
};

const state = {
  /** The text the report is about (the editor's text when it was analysed). */
  text: "",
  /** The clipboard's HTML for the pasted text, kept as a string only. @type {string | null} */
  html: null,
  /** @type {Report | null} */
  report: null,
  /** @type {TextMap | null} */
  map: null,
  /** @type {"ltr" | "rtl"} */
  base: "ltr",
  threshold: 0,
  /** @type {Set<string>} */
  enabled: new Set(KINDS),
  /** @type {ReturnType<typeof highlightReport> | null} */
  handle: null,
  /** The findings shown (threshold and toggles applied), in text order. @type {Finding[]} */
  shown: [],
  current: -1,
  /** Bumped by every new text or edit: results for an older one are dropped. */
  generation: 0,
  analyses: 0,
  /** @type {ReturnType<typeof setTimeout> | null} */
  timer: null,
  /** @type {Promise<void> | null} */
  running: null,
  /** The lines' directions may be out of date (after an edit). */
  dirsStale: false,
  /**
   * What the editor held before each paste, drop, example or Clear replaced it, for Ctrl+Z
   * (the browser's own undo knows nothing of these replacements).
   * @type {{ text: string, html: string | null, caret: number }[]}
   */
  history: [],
  /** The person typed since the last replacement (Ctrl+Z is then the browser's). */
  typedSinceReplace: false,
};

/** How many replacements Ctrl+Z can take back. */
const HISTORY = 5;

/** Remembers the editor's text before a replacement. */
function remember() {
  const { text, map } = collectText(editor);
  if (!text && !state.history.length) return;
  const sel = saveSelection(editor, map);
  state.history.push({ text, html: state.html, caret: sel ? sel.focus : text.length });
  if (state.history.length > HISTORY) state.history.shift();
}

/** @param {string} status */
function setStatus(status) {
  document.body.dataset.status = status;
}

/** @param {string} message */
function announce(message) {
  announcer.textContent = "";
  // A fresh text node so the same message is announced again.
  requestAnimationFrame(() => { announcer.textContent = message; });
}

/**
 * @param {string} label
 * @param {number | null} value in [0, 1], or null for an indeterminate bar
 */
function showProgress(label, value) {
  progressBox.hidden = false;
  progressLabel.textContent = label;
  if (value === null) progress.removeAttribute("value");
  else progress.value = value;
  editor.setAttribute("aria-busy", "true");
}

function hideProgress() {
  progressBox.hidden = true;
  editor.removeAttribute("aria-busy");
}

/** @param {number} n */
function size(n) {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} M characters` : `${n.toLocaleString("en")} characters`;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Forgets the analysis and its highlights (the editor is left alone). */
function resetAnalysis() {
  state.handle?.clear();
  state.handle = null;
  clearHighlights(PREFIX);
  state.report = null;
  state.map = null;
  state.text = "";
  state.shown = [];
  state.current = -1;
  hideTooltip();
  renderDocument(document, null);
  renderKinds(document, [...KINDS], {}, state.enabled, toggleKind);
  renderFindings(document, "", [], goTo);
  for (const b of [buttons.copy, buttons.download, buttons.prev, buttons.next]) b.disabled = true;
}

/**
 * The findings the controls select: at or above the threshold, of an enabled kind.
 * @param {Report} report
 */
function selected(report) {
  return report.findings.filter((f) => f.score >= state.threshold && state.enabled.has(f.kind));
}

/** Shows the report: highlights, counts, the list. */
function render() {
  const report = state.report;
  const map = state.map;
  if (!report || !map) return;
  state.handle?.clear();
  state.handle = highlightReport(report, map, { threshold: state.threshold, kinds: state.enabled, prefix: PREFIX });
  const kinds = kindsOf(report.findings);
  /** @type {Record<string, number>} */
  const counts = {};
  for (const f of report.findings) if (f.score >= state.threshold) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  state.shown = selected(report);
  state.current = -1;
  renderDocument(document, report);
  renderKinds(document, kinds, counts, state.enabled, toggleKind);
  renderFindings(document, state.text, state.shown, goTo);
  buttons.copy.disabled = false;
  buttons.download.disabled = false;
  buttons.prev.disabled = buttons.next.disabled = state.shown.length === 0;
  document.body.dataset.shown = String(state.shown.length);
}

/**
 * @param {string} kind
 * @param {boolean} on
 */
function toggleKind(kind, on) {
  if (on) state.enabled.add(kind);
  else state.enabled.delete(kind);
  render();
  announce(`${state.shown.length} findings shown`);
}

/**
 * Analyses what the editor holds now.
 * @param {number} generation
 */
async function analyzeEditor(generation) {
  const collected = await canonicalize(editor, state.base);
  if (generation !== state.generation) return;
  const { text, map } = collected;
  if (!text.trim()) {
    resetAnalysis();
    setStatus("done");
    statusLine.textContent = "";
    return;
  }
  const large = text.length >= LARGE;
  if (large) {
    showProgress(`Analysing ${size(text.length)}…`, null);
    await nextFrame();
  }
  setStatus("analysing");
  document.body.dataset.html = state.html ? "yes" : "no"; // whether options.html went with the text
  let result;
  try {
    result = await analyzer.analyze(text, state.html);
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") return;
    if (generation === state.generation) {
      hideProgress();
      setStatus("error");
      statusLine.textContent = `The analysis failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    return;
  }
  if (generation !== state.generation) return;
  if (large) {
    showProgress(`Highlighting ${result.report.findings.length.toLocaleString("en")} findings…`, null);
    await nextFrame();
    if (generation !== state.generation) return;
  }
  const started = performance.now();
  state.text = text;
  state.map = map;
  state.report = result.report;
  const base = directionOfScript(result.report.script);
  if (base !== state.base || editor.dir !== base) {
    state.base = base;
    editor.dir = base;
    state.dirsStale = true;
  }
  const lang = languageTag(result.report.language?.code);
  if (lang) editor.lang = lang;
  else editor.removeAttribute("lang");
  // After edits, lines may have changed direction (long texts keep the directions they got).
  if (state.dirsStale && !editor.classList.contains("grouped")) updateDirections(editor, state.base);
  state.dirsStale = false;
  render();
  hideProgress();
  const shown = state.shown.length;
  statusLine.textContent = `${shown} ${shown === 1 ? "finding" : "findings"} in ${size(text.length)}; analysed in ${Math.round(result.ms)} ms, shown in ${Math.round(performance.now() - started)} ms.`;
  state.analyses += 1;
  document.body.dataset.analyses = String(state.analyses);
  setStatus("done");
}

/** Runs an analysis now (cancelling a scheduled one); resolves when it is shown. */
function analyzeNow() {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const generation = ++state.generation;
  const run = analyzeEditor(generation);
  state.running = run;
  return run;
}

/** Analyses after the person stops typing for a moment. */
function scheduleAnalysis() {
  state.dirsStale = true;
  state.generation++; // what is running now is about an older text
  if (state.timer) clearTimeout(state.timer);
  setStatus("editing");
  state.timer = setTimeout(analyzeNow, DEBOUNCE_MS);
}

/** Makes sure the report is about the editor's current text. */
async function upToDate() {
  if (state.timer || document.body.dataset.status !== "done") await analyzeNow();
}

/**
 * Replaces the editor's content with `text` and analyses it.
 * @param {string} text
 * @param {string | null} html
 * @param {number} caret text offset for the caret afterwards
 */
async function loadText(text, html, caret) {
  const generation = ++state.generation;
  state.typedSinceReplace = false;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  state.html = html;
  resetAnalysis();
  setStatus("rendering");
  const large = text.length >= LARGE;
  state.base = directionOf(text.slice(0, 100_000), state.base);
  editor.dir = state.base;
  if (large) {
    showProgress(`Laying out ${size(text.length)}…`, 0);
    await nextFrame();
  }
  await renderText(editor, text, {
    base: state.base,
    onProgress: (done, total) => showProgress(`Laying out ${size(text.length)}: line ${done.toLocaleString("en")} of ${total.toLocaleString("en")}…`, done / total),
  });
  if (generation !== state.generation) return;
  state.dirsStale = false;
  if (document.activeElement === editor) restoreSelection(editor, text, { anchor: caret, focus: caret });
  await analyzeNow();
}

/**
 * Puts pasted or dropped text where the selection is, or at `point` (a drop), or at the end.
 * @param {string} text
 * @param {string | null} html
 * @param {{ x: number, y: number }} [point]
 */
async function insertText(text, html, point) {
  const { text: current, map } = collectText(editor);
  let sel = saveSelection(editor, map);
  if (point) {
    const pos = caretAt(point.x, point.y);
    const at = pos && editor.contains(pos.node) ? toOffset(map, pos.node, pos.offset) : null;
    sel = { anchor: at ?? current.length, focus: at ?? current.length };
  }
  const start = sel ? Math.min(sel.anchor, sel.focus) : current.length;
  const end = sel ? Math.max(sel.anchor, sel.focus) : current.length;
  const before = current.slice(0, start);
  const after = current.slice(end);
  const replacesAll = !before.trim() && !after.trim();
  // The HTML only describes the pasted part; the core uses it for the lines it accounts for.
  const newHtml = replacesAll ? html : state.html || html ? (state.html ?? "") + (html ?? "") : null;
  remember();
  await loadText(before + text + after, newHtml, before.length + text.length);
}

// ---- Going through the findings ----------------------------------------------------------

/**
 * Selects finding `index` of the shown ones in the editor and scrolls to it.
 * @param {number} index
 */
function goTo(index) {
  const f = state.shown[index];
  if (!f || !state.map) return;
  const range = toRange(state.map, f.start, f.end);
  if (!range) return;
  state.current = index;
  editor.focus({ preventScroll: true });
  const sel = document.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  const block = range.startContainer.parentElement;
  block?.scrollIntoView({ block: "center" });
  markCurrent(document, index);
  const message = `Finding ${index + 1} of ${state.shown.length}: ${describe(f)}`;
  announce(message);
  document.body.dataset.current = String(index);
  showTooltip(f, range.getBoundingClientRect(), true);
}

/** @param {1 | -1} direction */
function step(direction) {
  const n = state.shown.length;
  if (!n || !state.map) return;
  let from = state.current;
  const sel = saveSelection(editor, state.map);
  const cur = state.shown[from];
  const onCurrent = cur && sel && Math.min(sel.anchor, sel.focus) === cur.start && Math.max(sel.anchor, sel.focus) === cur.end;
  let index;
  if (onCurrent) index = (from + direction + n) % n;
  else if (sel) {
    const at = direction > 0 ? Math.max(sel.anchor, sel.focus) : Math.min(sel.anchor, sel.focus);
    if (direction > 0) {
      index = state.shown.findIndex((f) => f.start >= at);
      if (index < 0) index = 0;
    } else {
      index = state.shown.findLastIndex((f) => f.end <= at);
      if (index < 0) index = n - 1;
    }
  } else index = direction > 0 ? 0 : n - 1;
  goTo(index);
}

// ---- What is under the pointer or the caret --------------------------------------------------

/**
 * The shown finding covering text offset `offset` (the shortest when several do).
 * @param {number} offset
 * @param {boolean} inclusiveEnd
 */
function findingAt(offset, inclusiveEnd) {
  /** @type {Finding | null} */
  let best = null;
  for (const f of state.shown) {
    if (f.start > offset) break;
    if (offset < f.end || (inclusiveEnd && offset === f.end)) {
      if (!best || f.end - f.start < best.end - best.start) best = f;
    }
  }
  return best;
}

/**
 * @param {Finding} f
 * @param {DOMRect} rect where to show it (below)
 * @param {boolean} [fromKeyboard]
 */
function showTooltip(f, rect, fromKeyboard = false) {
  tooltip.replaceChildren();
  const head = document.createElement("strong");
  head.textContent = describe(f).split(":")[0];
  const reason = document.createElement("span");
  reason.textContent = f.reason;
  tooltip.append(head, reason);
  tooltip.dataset.kind = f.kind;
  tooltip.hidden = false;
  const box = tooltip.getBoundingClientRect();
  const x = Math.max(8, Math.min(rect.left, window.innerWidth - box.width - 8));
  let y = rect.bottom + 6;
  if (y + box.height > window.innerHeight - 8) y = Math.max(8, rect.top - box.height - 6);
  tooltip.style.left = `${x + window.scrollX}px`;
  tooltip.style.top = `${y + window.scrollY}px`;
  tooltip.dataset.source = fromKeyboard ? "keyboard" : "pointer";
}

function hideTooltip() {
  tooltip.hidden = true;
}

/** @type {{ x: number, y: number } | null} */
let pointer = null;
editor.addEventListener("mousemove", (event) => {
  const first = pointer === null;
  pointer = { x: event.clientX, y: event.clientY };
  if (first) requestAnimationFrame(updatePointer);
});
editor.addEventListener("mouseleave", () => {
  pointer = null;
  if (tooltip.dataset.source === "pointer") hideTooltip();
});

function updatePointer() {
  const p = pointer;
  pointer = null;
  if (!p || !state.map || !state.shown.length) return;
  const pos = caretAt(p.x, p.y);
  if (!pos || !editor.contains(pos.node)) return;
  const offset = toOffset(state.map, pos.node, pos.offset);
  const f = offset === null ? null : findingAt(offset, false);
  const range = f && toRange(state.map, f.start, f.end);
  const rect = range && [...range.getClientRects()].find((r) => p.x >= r.left - 1 && p.x <= r.right + 1 && p.y >= r.top - 1 && p.y <= r.bottom + 1);
  if (f && rect) showTooltip(f, rect);
  else if (tooltip.dataset.source === "pointer") hideTooltip();
}

/**
 * The DOM position under a point.
 * @param {number} x
 * @param {number} y
 * @returns {{ node: Node, offset: number } | null}
 */
function caretAt(x, y) {
  if (typeof document.caretPositionFromPoint === "function") {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** @type {Finding | null} */
let caretFinding = null;
document.addEventListener("selectionchange", () => {
  if (document.activeElement !== editor || !state.map || document.body.dataset.status !== "done") return;
  const sel = saveSelection(editor, state.map);
  if (!sel) return;
  const f = findingAt(sel.focus, true);
  if (f === caretFinding) return;
  caretFinding = f;
  const range = f && toRange(state.map, f.start, f.end);
  if (f && range) {
    showTooltip(f, range.getBoundingClientRect(), true);
    if (state.shown[state.current] !== f) announce(describe(f));
  } else if (tooltip.dataset.source === "keyboard") hideTooltip();
});
editor.addEventListener("blur", () => {
  caretFinding = null;
  if (tooltip.dataset.source === "keyboard") hideTooltip();
});

// ---- Input ------------------------------------------------------------------------------------

editor.addEventListener("paste", (event) => {
  event.preventDefault(); // the browser never inserts the clipboard's HTML
  const { text, html } = readTransfer(event.clipboardData);
  if (text) insertText(text, html);
});
editor.addEventListener("drop", (event) => {
  event.preventDefault(); // as for a paste: text only, inserted where it was dropped
  const { text, html } = readTransfer(event.dataTransfer);
  if (text) insertText(text, html, { x: event.clientX, y: event.clientY });
});
// Dragging text around inside the editor would only copy it (drops are handled as above).
editor.addEventListener("dragstart", (event) => event.preventDefault());
editor.addEventListener("beforeinput", (event) => {
  // Only text: no bold, links or other formatting, and no rich paste by any other route.
  const t = event.inputType;
  if (t.startsWith("format") || t === "insertFromPaste" || t === "insertFromDrop" || t === "insertFromPasteAsQuotation") event.preventDefault();
});
// While an input method composes text (Japanese, Chinese, Korean…), the editor is left alone:
// re-rendering it would end the composition.
let composing = false;
editor.addEventListener("compositionstart", () => {
  composing = true;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  state.generation++;
});
editor.addEventListener("compositionend", () => {
  composing = false;
  state.typedSinceReplace = true;
  scheduleAnalysis();
});

editor.addEventListener("keydown", (event) => {
  // Ctrl+Z (⌘Z) right after a paste, a drop, an example or Clear brings the text before it back.
  const undo = (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "z";
  if (!undo || state.typedSinceReplace || !state.history.length) return;
  event.preventDefault();
  const previous = /** @type {{ text: string, html: string | null, caret: number }} */ (state.history.pop());
  loadText(previous.text, previous.html, previous.caret);
  announce("Undone");
});
editor.addEventListener("input", (event) => {
  if (composing || /** @type {InputEvent} */ (event).isComposing) {
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    state.generation++;
    return;
  }
  state.typedSinceReplace = true;
  scheduleAnalysis();
});

document.addEventListener("keydown", (event) => {
  const next = (event.key === "F8" && !event.shiftKey) || (event.altKey && event.key === "ArrowDown");
  const prev = (event.key === "F8" && event.shiftKey) || (event.altKey && event.key === "ArrowUp");
  if (next || prev) {
    event.preventDefault();
    step(next ? 1 : -1);
  } else if (event.key === "Escape" && !tooltip.hidden) {
    hideTooltip();
  }
});

let renderQueued = false;
threshold.addEventListener("input", () => {
  state.threshold = Number(threshold.value);
  thresholdValue.value = state.threshold.toFixed(2);
  threshold.setAttribute("aria-valuetext", `minimum score ${state.threshold.toFixed(2)}`);
  // Dragging fires faster than a long text re-renders: once per frame is enough.
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
});

buttons.prev.addEventListener("click", () => step(-1));
buttons.next.addEventListener("click", () => step(1));

buttons.clear.addEventListener("click", () => {
  remember();
  state.typedSinceReplace = false;
  state.generation++;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  state.html = null;
  editor.replaceChildren();
  resetAnalysis();
  hideProgress();
  statusLine.textContent = "Cleared.";
  setStatus("done");
  editor.focus();
});

buttons.copy.addEventListener("click", async () => {
  await upToDate();
  if (!state.report) return;
  const clean = cleanText(state.text, { findings: selected(state.report) }, 0);
  try {
    await navigator.clipboard.writeText(clean);
  } catch {
    copyByCommand(clean);
  }
  const removed = state.text.length - clean.length;
  statusLine.textContent = `Clean text copied: ${size(clean.length)} (${removed.toLocaleString("en")} removed).`;
  announce(statusLine.textContent);
});

/**
 * The clipboard without the async Clipboard API (older browsers, denied permission).
 * @param {string} text
 */
function copyByCommand(text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.className = "offscreen";
  area.setAttribute("aria-hidden", "true");
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

buttons.download.addEventListener("click", async () => {
  await upToDate();
  if (!state.report) return;
  const blob = new Blob([JSON.stringify(state.report, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = "straytext-report.json";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

/** The example pages, fetched once (at start, so they load offline too). @type {Map<string, Promise<string>>} */
const examples = new Map();

/** @param {string} name */
function example(name) {
  let text = examples.get(name);
  if (!text) {
    text = fetch(new URL(`examples/${name}.txt`, import.meta.url)).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.text();
    });
    text.catch(() => examples.delete(name)); // try again on the next click
    examples.set(name, text);
  }
  return text;
}

for (const button of document.querySelectorAll("[data-example]")) {
  const name = /** @type {string} */ (/** @type {HTMLElement} */ (button).dataset.example);
  button.addEventListener("click", async () => {
    let text;
    try {
      text = await example(name);
    } catch (err) {
      statusLine.textContent = `The example ${name} could not be loaded (${err instanceof Error ? err.message : String(err)}).`;
      return;
    }
    remember();
    await loadText(text, null, 0);
    editor.scrollTop = 0;
  });
}

// ---- Start --------------------------------------------------------------------------------------

try {
  editor.contentEditable = "plaintext-only"; // where supported, the browser itself inserts text only
} catch {
  // "true" stays; the paste, drop and beforeinput handlers keep it to text.
}
resetAnalysis();
analyzer.prepare().then(
  (where) => {
    statusLine.textContent = `Ready (the analysis runs ${where === "worker" ? "in a worker" : "on the main thread"}).`;
    document.body.dataset.engine = where;
    // Everything the page needs is now loaded but the examples: fetch them too, so the page
    // keeps working offline.
    for (const button of document.querySelectorAll("[data-example]")) example(/** @type {string} */ (/** @type {HTMLElement} */ (button).dataset.example)).catch(() => {});
    if (document.body.dataset.status === "loading") setStatus("ready");
  },
  (err) => {
    setStatus("error");
    statusLine.textContent = `The WebAssembly module could not be loaded (${err instanceof Error ? err.message : String(err)}). Run npm run build.`;
  },
);
