// The side panel: the document's language and script, a toggle and a count per kind, and the
// list of findings. It builds its DOM from text with textContent only.

import { kindLabel, kindDescription } from "./kinds.js";

/** @typedef {import("./types.js").Report} Report */
/** @typedef {import("./types.js").Finding} Finding */

/** At most this many findings are listed (navigation with F8 reaches every one). */
export const LIST_LIMIT = 500;

/**
 * The finding's text, shortened for a list, with invisible characters named.
 * @param {string} text
 * @param {Finding} f
 */
export function excerpt(text, f) {
  const s = text.slice(f.start, f.end);
  if (f.kind === "invisible") {
    return [...s].map((c) => "U+" + (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")).join(" ");
  }
  const flat = s.replace(/\s+/g, " ");
  return flat.length > 60 ? flat.slice(0, 57) + "…" : flat;
}

/**
 * A one-line description of a finding, for people and screen readers.
 * @param {Finding} f
 */
export function describe(f) {
  const kind = kindLabel(f.kind) + (f.subkind ? ` (${f.subkind.replace(/_/g, " ")})` : "");
  return `${kind}, score ${f.score.toFixed(2)}: ${f.reason}`;
}

/**
 * @param {HTMLElement} el
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 */
function add(el, tag, className, text) {
  const child = el.ownerDocument.createElement(tag);
  if (className) child.className = className;
  if (text !== undefined) child.textContent = text;
  el.append(child);
  return child;
}

/**
 * Shows the document's language, script and line verdicts.
 * @param {Document} doc
 * @param {Report | null} report
 */
export function renderDocument(doc, report) {
  const lang = /** @type {HTMLElement} */ (doc.getElementById("doc-language"));
  const script = /** @type {HTMLElement} */ (doc.getElementById("doc-script"));
  const lines = /** @type {HTMLElement} */ (doc.getElementById("doc-lines"));
  if (!report) {
    lang.textContent = script.textContent = lines.textContent = "–";
    return;
  }
  const l = report.language;
  lang.textContent = l
    ? `${l.name} (${l.code}), confidence ${l.confidence.toFixed(2)}${l.reliable ? "" : ", unreliable"}`
    : "not determined";
  script.textContent = report.script ?? "not determined";
  const noise = report.lines.filter((x) => x.verdict === "noise").length;
  lines.textContent = `${report.lines.length} (${noise} noise)`;
}

/**
 * Builds the kind toggles (once per set of kinds) and updates their counts.
 * @param {Document} doc
 * @param {string[]} kinds
 * @param {Record<string, number>} counts findings at or above the threshold, per kind
 * @param {Set<string>} enabled
 * @param {(kind: string, on: boolean) => void} onToggle
 */
export function renderKinds(doc, kinds, counts, enabled, onToggle) {
  const list = /** @type {HTMLElement} */ (doc.getElementById("kinds"));
  const have = [...list.querySelectorAll("input")].map((i) => i.value);
  if (have.join() !== kinds.join()) {
    list.replaceChildren();
    for (const kind of kinds) {
      const li = add(list, "li");
      const label = /** @type {HTMLLabelElement} */ (add(li, "label"));
      const box = /** @type {HTMLInputElement} */ (add(label, "input"));
      box.type = "checkbox";
      box.value = kind;
      box.id = `toggle-${kind}`;
      box.addEventListener("change", () => onToggle(kind, box.checked));
      const sw = add(label, "span", "swatch", "Abc");
      sw.dataset.kind = kind;
      sw.setAttribute("aria-hidden", "true");
      add(label, "span", "kind-name", kindLabel(kind));
      add(label, "span", "count");
      const desc = kindDescription(kind);
      if (desc) label.title = desc;
    }
  }
  for (const box of list.querySelectorAll("input")) {
    const input = /** @type {HTMLInputElement} */ (box);
    input.checked = enabled.has(input.value);
    const n = counts[input.value] ?? 0;
    const count = /** @type {HTMLElement} */ (input.parentElement?.querySelector(".count"));
    count.textContent = String(n);
    input.setAttribute("aria-label", `${kindLabel(input.value)}: ${n} ${n === 1 ? "finding" : "findings"}`);
  }
}

/**
 * Lists the findings shown (up to LIST_LIMIT).
 * @param {Document} doc
 * @param {string} text
 * @param {Finding[]} shown
 * @param {(index: number) => void} onPick
 */
export function renderFindings(doc, text, shown, onPick) {
  const list = /** @type {HTMLElement} */ (doc.getElementById("findings"));
  const more = /** @type {HTMLElement} */ (doc.getElementById("findings-more"));
  const count = /** @type {HTMLElement} */ (doc.getElementById("findings-count"));
  count.textContent = shown.length ? `(${shown.length})` : "";
  list.replaceChildren();
  const n = Math.min(shown.length, LIST_LIMIT);
  for (let i = 0; i < n; i++) {
    const f = shown[i];
    const li = add(list, "li");
    const button = /** @type {HTMLButtonElement} */ (add(li, "button", "finding"));
    button.type = "button";
    button.dataset.index = String(i);
    button.dataset.kind = f.kind;
    const head = add(button, "span", "finding-head");
    const sw = add(head, "span", "swatch", "Abc");
    sw.dataset.kind = f.kind;
    sw.setAttribute("aria-hidden", "true");
    add(head, "span", "finding-kind", kindLabel(f.kind) + (f.subkind ? ` · ${f.subkind.replace(/_/g, " ")}` : ""));
    add(head, "span", "finding-score", f.score.toFixed(2));
    const quote = add(button, "span", "finding-text", excerpt(text, f));
    quote.dir = "auto";
    add(button, "span", "finding-reason", f.reason);
    button.setAttribute("aria-label", `${excerpt(text, f)}: ${describe(f)}`);
    button.addEventListener("click", () => onPick(i));
  }
  more.hidden = shown.length <= n;
  more.textContent = shown.length > n ? `The first ${n} of ${shown.length} are listed; F8 goes through them all.` : "";
}

/**
 * Marks the current finding in the list.
 * @param {Document} doc
 * @param {number} index
 */
export function markCurrent(doc, index) {
  const list = /** @type {HTMLElement} */ (doc.getElementById("findings"));
  for (const b of list.querySelectorAll("[aria-current]")) b.removeAttribute("aria-current");
  const button = list.querySelector(`button[data-index="${index}"]`);
  if (button) {
    button.setAttribute("aria-current", "true");
    button.scrollIntoView({ block: "nearest" });
  }
}
