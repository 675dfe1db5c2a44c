// The editable area: one <div> per line of the text, each with the direction of its dominant
// script, holding the line as a single text node (an empty line holds a <br>, as a
// contenteditable does). It only ever receives text: pasted HTML never reaches it.

import { collectText, toOffset } from "../js/dom.js";
import { directionOf } from "./bidi.js";

/** @typedef {import("../js/dom.js").TextMap} TextMap */

/**
 * Line breaks as the editor keeps them: CRLF and CR become LF (U+2028 and U+2029 stay in the
 * text, where the core also reads them as line breaks).
 * @param {string} text
 */
export function normalizeNewlines(text) {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * One line's element.
 * @param {Document} doc
 * @param {string} line
 * @param {"ltr" | "rtl"} base
 */
function lineElement(doc, line, base) {
  const div = doc.createElement("div");
  if (line === "") div.append(doc.createElement("br"));
  else div.append(doc.createTextNode(line));
  div.dir = directionOf(line, base);
  return div;
}

/** From this many lines on, lines are grouped into blocks (see renderText). */
export const GROUP_FROM_LINES = 5000;
/** Lines per block at most, when grouped. */
const GROUP_LINES = 200;

/**
 * Groups lines into blocks of one direction: runs of lines of the same direction, at most
 * GROUP_LINES long; empty lines open the block of the line after them (a block ending in an
 * empty line would hide it).
 * @param {string[]} lines
 * @param {"ltr" | "rtl"} base
 * @returns {{ text: string, dir: "ltr" | "rtl" }[]}
 */
function groupLines(lines, base) {
  /** @type {{ text: string, dir: "ltr" | "rtl" }[]} */
  const blocks = [];
  /** @type {string[]} */
  let current = [];
  /** @type {"ltr" | "rtl"} */
  let dir = base;
  /** @type {string[]} */
  let empty = [];
  for (const line of lines) {
    if (line.trim() === "") {
      empty.push(line);
      continue;
    }
    const d = directionOf(line, base);
    if (current.length && d === dir && current.length + empty.length < GROUP_LINES) current.push(...empty, line);
    else {
      if (current.length) blocks.push({ text: current.join("\n"), dir });
      current = [...empty, line];
      dir = d;
    }
    empty = [];
  }
  if (empty.length) current.push(...empty);
  if (current.length) blocks.push({ text: current.join("\n"), dir });
  return blocks;
}

/**
 * Replaces the editor's content with `text`, as text: one element per line, with the direction
 * of the line's dominant script. A very long text (GROUP_FROM_LINES lines or more) gets one
 * element per run of up to GROUP_LINES lines of the same direction instead, which the browser
 * lays out only when it scrolls into view (the editor gets the class "grouped"). The elements
 * are built detached, in chunks that yield to the event loop (`onProgress(done, total)` reports
 * the lines built), and attached at once: growing a live editable element chunk by chunk would
 * make the browser lay it out again at every frame.
 * @param {HTMLElement} editor
 * @param {string} text
 * @param {{ base?: "ltr" | "rtl", onProgress?: (done: number, total: number) => void, chunk?: number }} [options]
 */
export async function renderText(editor, text, { base = "ltr", onProgress, chunk = 4000 } = {}) {
  const doc = editor.ownerDocument;
  const lines = text === "" ? [] : normalizeNewlines(text).split("\n");
  const grouped = lines.length >= GROUP_FROM_LINES;
  const frag = doc.createDocumentFragment();
  if (grouped) {
    const blocks = groupLines(lines, base);
    const per = Math.max(1, Math.floor(chunk / GROUP_LINES) * 4);
    for (let i = 0; i < blocks.length; i += per) {
      const end = Math.min(blocks.length, i + per);
      for (let k = i; k < end; k++) {
        const div = doc.createElement("div");
        div.append(doc.createTextNode(blocks[k].text));
        div.dir = blocks[k].dir;
        frag.append(div);
      }
      if (end < blocks.length) {
        onProgress?.(Math.round((end / blocks.length) * lines.length), lines.length);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  } else {
    for (let i = 0; i < lines.length; i += chunk) {
      const end = Math.min(lines.length, i + chunk);
      for (let k = i; k < end; k++) frag.append(lineElement(doc, lines[k], base));
      if (end < lines.length) {
        onProgress?.(end, lines.length);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
  }
  editor.classList.toggle("grouped", grouped);
  editor.replaceChildren(frag);
}

/**
 * True when the editor holds exactly what renderText builds (editing can merge lines, split
 * them or put text outside a line element).
 * @param {HTMLElement} editor
 */
export function isCanonical(editor) {
  const grouped = editor.classList.contains("grouped");
  for (let el = editor.firstChild; el; el = el.nextSibling) {
    if (el.nodeType !== 1 || /** @type {Element} */ (el).tagName !== "DIV") return false;
    const only = el.firstChild;
    if (!only || only !== el.lastChild) return false;
    if (only.nodeType === 3) {
      const data = /** @type {Text} */ (only).data;
      if (data === "" || data.includes("\r") || (!grouped && data.includes("\n"))) return false;
    } else if (only.nodeType !== 1 || /** @type {Element} */ (only).tagName !== "BR") return false;
  }
  return true;
}

/**
 * Sets each line's direction again from its text (after editing).
 * @param {HTMLElement} editor
 * @param {"ltr" | "rtl"} base
 */
export function updateDirections(editor, base) {
  for (let el = editor.firstElementChild; el; el = el.nextElementSibling) {
    const dir = directionOf(el.textContent ?? "", base);
    if (/** @type {HTMLElement} */ (el).dir !== dir) /** @type {HTMLElement} */ (el).dir = dir;
  }
}

/**
 * The selection inside the editor as text offsets, or null when it is elsewhere.
 * @param {HTMLElement} editor
 * @param {TextMap} map
 * @returns {{ anchor: number, focus: number } | null}
 */
export function saveSelection(editor, map) {
  const sel = editor.ownerDocument.getSelection();
  if (!sel || !sel.anchorNode || !sel.focusNode || !editor.contains(sel.anchorNode) || !editor.contains(sel.focusNode)) return null;
  const anchor = toOffset(map, sel.anchorNode, sel.anchorOffset);
  const focus = toOffset(map, sel.focusNode, sel.focusOffset);
  if (anchor === null || focus === null) return null;
  return { anchor, focus };
}

/**
 * The DOM position of a text offset in a canonical editor holding `text`: inside a block's
 * text node, or in the block itself for an empty line.
 * @param {HTMLElement} editor
 * @param {string} text
 * @param {number} offset
 * @returns {{ node: Node, offset: number }}
 */
export function editorPosition(editor, text, offset) {
  const at = Math.max(0, Math.min(offset, text.length));
  let pos = 0;
  for (let el = editor.firstElementChild; el; el = el.nextElementSibling) {
    const first = el.firstChild;
    const len = first && first.nodeType === 3 ? /** @type {Text} */ (first).length : 0;
    if (at <= pos + len) return first && first.nodeType === 3 ? { node: first, offset: at - pos } : { node: el, offset: 0 };
    pos += len + 1; // the line break between blocks
  }
  return { node: editor, offset: editor.childNodes.length };
}

/**
 * Puts the selection back at text offsets (a collapsed caret when anchor = focus) in a
 * canonical editor holding `text`.
 * @param {HTMLElement} editor
 * @param {string} text
 * @param {{ anchor: number, focus: number }} saved
 */
export function restoreSelection(editor, text, saved) {
  const sel = editor.ownerDocument.getSelection();
  if (!sel) return;
  const a = editorPosition(editor, text, saved.anchor);
  const f = editorPosition(editor, text, saved.focus);
  sel.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
}

/**
 * Brings the editor back to its canonical shape (one element per line) when editing broke it,
 * keeping the selection where it was. Returns the collected text and map of the result.
 * @param {HTMLElement} editor
 * @param {"ltr" | "rtl"} base
 */
export async function canonicalize(editor, base) {
  let collected = collectText(editor);
  if (isCanonical(editor)) return collected;
  const saved = saveSelection(editor, collected.map);
  await renderText(editor, collected.text, { base, chunk: Infinity });
  collected = collectText(editor);
  if (saved) restoreSelection(editor, collected.text, saved);
  return collected;
}

/**
 * The text and HTML of a paste or a drop. The HTML is only kept as a string (for the
 * analyzer); when there is no plain text, the text is read from the HTML parsed by DOMParser,
 * which builds an inert document (no script runs, nothing loads) that is never attached.
 * @param {DataTransfer | null} data
 * @returns {{ text: string, html: string | null }}
 */
export function readTransfer(data) {
  if (!data) return { text: "", html: null };
  const html = data.getData("text/html") || null;
  let text = data.getData("text/plain");
  if (!text && html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    text = collectText(doc.body, { styles: false }).text;
  }
  return { text: normalizeNewlines(text), html };
}
