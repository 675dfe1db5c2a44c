// straytext/dom: the DOM layer shared by the paste box (www/) and the browser extension.
//
// It turns an element into the text a reader sees (with a map back to the DOM's text nodes),
// turns report offsets into DOM Ranges, and shows findings with the CSS Custom Highlight API.
// It never modifies the DOM it reads.
//
// Offsets are UTF-16 code units everywhere (JavaScript string indices), like the report's
// `start`/`end`.

/** @typedef {import("./dom.d.ts").TextMap} TextMap */
/** @typedef {import("./dom.d.ts").Collected} Collected */
/** @typedef {import("./dom.d.ts").CollectOptions} CollectOptions */
/** @typedef {import("./dom.d.ts").ReportLike} ReportLike */
/** @typedef {import("./dom.d.ts").FindingLike} FindingLike */
/** @typedef {import("./dom.d.ts").HighlightOptions} HighlightOptions */
/** @typedef {import("./dom.d.ts").HighlightHandle} HighlightHandle */

/** The kinds of the contract, in the order the highlights are layered (later wins). */
export const KINDS = Object.freeze([
  "ui_text",
  "foreign_language",
  "foreign_script",
  "mixed_script_word",
  "invisible",
]);

/** Elements whose content a reader never sees as text. */
const SKIPPED_TAGS = new Set([
  "SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "IFRAME", "OBJECT", "EMBED", "CANVAS",
  "VIDEO", "AUDIO", "TEXTAREA", "SELECT", "INPUT", "HEAD", "TITLE", "META", "LINK",
  "svg", "SVG",
]);

/** Block-level elements, used when no computed style is available (detached trees). */
const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS",
  "DIALOG", "DIR", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM",
  "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP", "HR", "HTML", "LI", "LEGEND", "MAIN",
  "MENU", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TFOOT", "THEAD",
  "TR", "UL", "OPTGROUP", "OPTION",
]);
const CELL_TAGS = new Set(["TD", "TH"]);

/** white-space values that keep white space as it is. */
const PRESERVING = /^(pre|pre-wrap|break-spaces|pre-line)\b/;

// Item types of the first pass (see collectText).
const TEXT = 0; // text taken from a text node (maybe a collapsed white-space run)
const SPACE = 1; // a collapsible space (from a white-space run of a text node)
const BR = 2; // a <br>
const BREAKS = 3; // a required number of line breaks (block boundary)
const CELL = 4; // a table-cell boundary (a tab between cells)

/**
 * How an element lays out, for the text a reader sees.
 * @param {Element} el
 * @param {CSSStyleDeclaration | null} cs
 * @returns {{ breaks: number, cell: boolean, preserve: boolean | null, visible: boolean | null }}
 */
function layoutOf(el, cs) {
  if (cs) {
    const d = cs.display;
    let breaks = 0;
    let cell = false;
    if (d === "table-cell") cell = true;
    else if (d !== "contents" && !d.startsWith("inline") && d !== "ruby" && d !== "none") {
      breaks = el.tagName === "P" ? 2 : 1;
    }
    const ws = cs.whiteSpaceCollapse || cs.whiteSpace || "";
    const preserve = PRESERVING.test(cs.whiteSpace || "") || ws === "preserve" || ws === "break-spaces" || ws === "preserve-breaks";
    return { breaks, cell, preserve, visible: cs.visibility === "visible" };
  }
  const tag = el.tagName.toUpperCase();
  // Detached trees (DOMParser, clipboard HTML): the inline style is all there is.
  const style = /** @type {HTMLElement} */ (el).style;
  const display = style ? style.display : "";
  const breaks = display
    ? (display.startsWith("inline") || display === "contents" ? 0 : tag === "P" ? 2 : 1)
    : tag === "P" ? 2 : BLOCK_TAGS.has(tag) ? 1 : 0;
  const visibility = style ? style.visibility : "";
  return {
    breaks,
    cell: CELL_TAGS.has(tag),
    preserve: tag === "PRE" || tag === "TEXTAREA" ? true : null,
    visible: visibility === "hidden" || visibility === "collapse" ? false : visibility === "visible" ? true : null,
  };
}

/**
 * True when the element and its content are left out of the text (before any style lookup).
 * @param {Element} el
 */
function isSkipped(el) {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute("hidden")) return true;
  if (el.getAttribute("aria-hidden") === "true") return true;
  const style = /** @type {HTMLElement} */ (el).style;
  if (style && style.display === "none") return true;
  return false;
}

/**
 * True for a child of a closed <details> other than its <summary>: not shown.
 * @param {Element} parent
 * @param {Node} child
 */
function inClosedDetails(parent, child) {
  return parent.tagName === "DETAILS" && !parent.hasAttribute("open")
    && !(child.nodeType === 1 && /** @type {Element} */ (child).tagName === "SUMMARY");
}

/**
 * True when the element's box shows but not its content (`content-visibility: hidden`).
 * @param {CSSStyleDeclaration | null} cs
 */
function hidesContent(cs) {
  return cs !== null && /** @type {{ contentVisibility?: string }} */ (/** @type {unknown} */ (cs)).contentVisibility === "hidden";
}

/**
 * The computed style of an element, when the element is rendered in a window.
 * @param {Element} el
 * @returns {CSSStyleDeclaration | null}
 */
function styleOf(el) {
  const view = el.ownerDocument && el.ownerDocument.defaultView;
  if (!view || !el.isConnected || typeof view.getComputedStyle !== "function") return null;
  return view.getComputedStyle(el);
}

/** @param {number} c */
function isCollapsible(c) {
  // CSS document white space: space, tab, line feed, carriage return, form feed.
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

/**
 * The visible text of `root` the way a reader sees it, with a map from its offsets back to the
 * DOM. Block boundaries become `\n` (two after a `<p>`), a `<br>` a `\n`, table cells are
 * separated by a tab; white space collapses as CSS collapses it (kept where `white-space`
 * preserves it). Hidden content is left out: the `hidden` attribute, `aria-hidden="true"`,
 * `display: none` and `visibility: hidden` (through getComputedStyle when the root is rendered),
 * and `<script>`, `<style>`, `<template>`, `<noscript>`, `<svg>`, form controls and embedded
 * content. Shadow trees are not entered.
 *
 * @param {Element} root
 * @param {CollectOptions} [options]
 * @returns {Collected}
 */
export function collectText(root, options = {}) {
  const useStyles = options.styles !== false;
  /** @type {number[]} */ const types = [];
  /** @type {(Text | Element | null)[]} */ const nodes = [];
  /** @type {number[]} */ const from = []; // node offset where the item starts (or break count)
  /** @type {number[]} */ const to = []; // node offset where it ends

  /**
   * @param {Element} el
   * @param {boolean} preserve
   * @param {boolean} visible
   */
  const visit = (el, preserve, visible) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (inClosedDetails(el, child)) continue;
      if (child.nodeType === 3) {
        if (!visible) continue;
        const node = /** @type {Text} */ (child);
        const data = node.data;
        if (preserve) {
          if (data.length) { types.push(TEXT); nodes.push(node); from.push(0); to.push(data.length); }
          continue;
        }
        let i = 0;
        const n = data.length;
        while (i < n) {
          let j = i;
          if (isCollapsible(data.charCodeAt(i))) {
            while (j < n && isCollapsible(data.charCodeAt(j))) j++;
            types.push(SPACE);
          } else {
            while (j < n && !isCollapsible(data.charCodeAt(j))) j++;
            types.push(TEXT);
          }
          nodes.push(node); from.push(i); to.push(j);
          i = j;
        }
      } else if (child.nodeType === 1) {
        const elc = /** @type {Element} */ (child);
        if (isSkipped(elc)) continue;
        if (elc.tagName === "BR") {
          if (visible) { types.push(BR); nodes.push(elc); from.push(0); to.push(0); }
          continue;
        }
        const cs = useStyles ? styleOf(elc) : null;
        if (cs && cs.display === "none") continue;
        const lay = layoutOf(elc, cs);
        const vis = lay.visible === null ? visible : lay.visible;
        const pre = lay.preserve === null ? preserve : lay.preserve;
        if (lay.breaks) { types.push(BREAKS); nodes.push(null); from.push(lay.breaks); to.push(0); }
        if (lay.cell) { types.push(CELL); nodes.push(null); from.push(0); to.push(0); }
        if (!hidesContent(cs)) visit(elc, pre, vis);
        if (lay.breaks) { types.push(BREAKS); nodes.push(null); from.push(lay.breaks); to.push(0); }
      }
    }
  };

  const rootStyle = useStyles ? styleOf(root) : null;
  if (!isSkipped(root) && !(rootStyle && rootStyle.display === "none")) {
    const lay = layoutOf(root, rootStyle);
    visit(root, lay.preserve === true, lay.visible !== false);
  }

  // Second pass: resolve breaks, collapsible spaces and <br>s into text and map pieces.
  /** @type {string[]} */ const parts = [];
  /** @type {Text[]} */ const mNodes = [];
  /** @type {number[]} */ const mStart = [];
  /** @type {number[]} */ const mEnd = [];
  /** @type {number[]} */ const mNodeStart = [];
  /** @type {number[]} */ const mNodeEnd = [];
  /** @type {Element[]} */ const brs = [];
  /** @type {number[]} */ const brBefore = [];
  /** @type {number[]} */ const brAfter = [];
  let length = 0;
  let hasOutput = false; // something (maybe an empty line) was emitted
  let lineHasContent = false; // text was emitted since the last line break
  let pendingBreaks = 0;
  let pendingCell = false;
  let pendingSpace = -1; // index of a SPACE item waiting to be emitted

  /** @param {string} s */
  const emitSynthetic = (s) => { parts.push(s); length += s.length; };
  /**
   * @param {string} s
   * @param {Text} node
   * @param {number} ns
   * @param {number} ne
   */
  const emitMapped = (s, node, ns, ne) => {
    const last = mNodes.length - 1;
    if (last >= 0 && mNodes[last] === node && mEnd[last] === length && mNodeEnd[last] === ns
        && ne - ns === s.length && mNodeEnd[last] - mNodeStart[last] === mEnd[last] - mStart[last]) {
      mEnd[last] += s.length; // extend an identity piece of the same node
      mNodeEnd[last] = ne;
    } else {
      mNodes.push(node); mStart.push(length); mEnd.push(length + s.length);
      mNodeStart.push(ns); mNodeEnd.push(ne);
    }
    parts.push(s); length += s.length;
  };
  const flushBreaks = () => {
    if (pendingBreaks && hasOutput) emitSynthetic("\n".repeat(pendingBreaks));
    if (pendingBreaks) lineHasContent = false;
    pendingBreaks = 0;
  };
  /** Before content on the current line. */
  const beforeContent = () => {
    flushBreaks();
    if (pendingCell && lineHasContent) { emitSynthetic("\t"); pendingSpace = -1; }
    pendingCell = false;
    if (pendingSpace >= 0 && lineHasContent) {
      const k = pendingSpace;
      const node = /** @type {Text} */ (nodes[k]);
      emitMapped(" ", node, from[k], to[k]);
    }
    pendingSpace = -1;
  };

  const count = types.length;
  for (let k = 0; k < count; k++) {
    const t = types[k];
    if (t === TEXT) {
      beforeContent();
      const node = /** @type {Text} */ (nodes[k]);
      const s = node.data.slice(from[k], to[k]);
      emitMapped(s, node, from[k], to[k]);
      hasOutput = true;
      lineHasContent = !s.endsWith("\n");
    } else if (t === SPACE) {
      if (pendingBreaks === 0 && lineHasContent && pendingSpace < 0) pendingSpace = k;
    } else if (t === CELL) {
      pendingCell = true;
      pendingSpace = -1;
    } else if (t === BREAKS) {
      pendingSpace = -1;
      pendingCell = false;
      if (from[k] > pendingBreaks) pendingBreaks = from[k];
    } else {
      // A <br>: what follows it up to the next content decides what it means.
      pendingSpace = -1;
      pendingCell = false;
      let next = k + 1;
      while (next < count && (types[next] === SPACE || types[next] === CELL)) next++;
      const endsBlock = next >= count || types[next] === BREAKS;
      if (endsBlock && lineHasContent && pendingBreaks === 0) continue; // trailing: the block's end ends the line
      flushBreaks();
      brs.push(/** @type {Element} */ (nodes[k]));
      brBefore.push(length);
      if (!endsBlock) emitSynthetic("\n"); // else: alone in its block, an empty line
      brAfter.push(length);
      hasOutput = true;
      lineHasContent = false;
    }
  }

  const text = parts.join("");
  /** @type {TextMap} */
  const map = {
    length: text.length,
    nodes: mNodes,
    starts: Int32Array.from(mStart),
    ends: Int32Array.from(mEnd),
    nodeStarts: Int32Array.from(mNodeStart),
    nodeEnds: Int32Array.from(mNodeEnd),
    brs,
    brBefore: Int32Array.from(brBefore),
    brAfter: Int32Array.from(brAfter),
  };
  return { text, map };
}

/**
 * The index of the first map piece whose end is after `offset` (pieces.length if none).
 * @param {TextMap} map
 * @param {number} offset
 */
function firstEndingAfter(map, offset) {
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map.ends[mid] > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The node offset of text offset `offset`, which lies in piece `i` (starts[i] ≤ offset ≤ ends[i]).
 * @param {TextMap} map
 * @param {number} i
 * @param {number} offset
 */
function nodeOffsetIn(map, i, offset) {
  const s = map.starts[i];
  const e = map.ends[i];
  if (e - s === map.nodeEnds[i] - map.nodeStarts[i]) return map.nodeStarts[i] + (offset - s);
  // A collapsed white-space run shown as one space.
  return offset <= s ? map.nodeStarts[i] : map.nodeEnds[i];
}

/**
 * The DOM position of a text offset: inside the text node that holds it, or, for an offset that
 * falls on a line break or a tab the text added, at the end of the text before it (at the start
 * of the text after it when nothing comes before). Null for an empty map or an offset out of range.
 * @param {TextMap} map
 * @param {number} offset
 * @returns {{ node: Text, offset: number } | null}
 */
export function toPosition(map, offset) {
  const n = map.nodes.length;
  if (!n || !(offset >= 0) || offset > map.length) return null;
  let i = firstEndingAfter(map, offset);
  if (i < n && map.starts[i] <= offset) return { node: map.nodes[i], offset: nodeOffsetIn(map, i, offset) };
  if (i > 0) {
    i -= 1; // the piece ending at or before the offset
    return { node: map.nodes[i], offset: map.nodeEnds[i] };
  }
  return { node: map.nodes[0], offset: map.nodeStarts[0] };
}

/**
 * A DOM Range for the text offsets [start, end) of a collected text (UTF-16 code units, as in
 * the report), spanning several text nodes when needed. Line breaks and tabs the text added at
 * either end are left out of the range. Null when the span holds no DOM text, when the offsets
 * are out of range, or when the DOM changed so that the map no longer fits it.
 * @param {TextMap} map
 * @param {number} start
 * @param {number} end
 * @returns {Range | null}
 */
export function toRange(map, start, end) {
  if (!(start >= 0) || !(end <= map.length) || !(start < end)) return null;
  const i = firstEndingAfter(map, start);
  if (i >= map.nodes.length || map.starts[i] >= end) return null;
  const j = firstEndingAfter(map, end - 1); // the piece holding the last code unit, or after it
  let last = j;
  if (last >= map.nodes.length || map.starts[last] >= end) last -= 1;
  if (last < i) return null;
  const s = Math.max(start, map.starts[i]);
  const e = Math.min(end, map.ends[last]);
  const startNode = map.nodes[i];
  const endNode = map.nodes[last];
  const range = startNode.ownerDocument.createRange();
  try {
    range.setStart(startNode, nodeOffsetIn(map, i, s));
    range.setEnd(endNode, nodeOffsetIn(map, last, e));
  } catch {
    return null; // the nodes changed since the text was collected
  }
  return range;
}

/** @type {WeakMap<TextMap, Map<Text, number>>} */
const pieceIndexes = new WeakMap();

/**
 * The first piece of each text node (a node's pieces are consecutive), built once per map.
 * @param {TextMap} map
 */
function pieceIndex(map) {
  let index = pieceIndexes.get(map);
  if (!index) {
    index = new Map();
    for (let i = map.nodes.length - 1; i >= 0; i--) index.set(map.nodes[i], i);
    pieceIndexes.set(map, index);
  }
  return index;
}

/**
 * The text offset of a DOM position (a selection's focus, a caret), the inverse of toPosition.
 * A position inside a mapped text node maps exactly; a position between nodes maps to the end
 * of the text before it when that text is inside the position's container, else to the start
 * of the text after it. Null when the map is empty or the position is not in the document.
 * @param {TextMap} map
 * @param {Node} node
 * @param {number} offset
 * @returns {number | null}
 */
export function toOffset(map, node, offset) {
  const n = map.nodes.length;
  if (!n && !map.brs.length) return null;
  if (node.nodeType === 3) {
    const first = pieceIndex(map).get(/** @type {Text} */ (node));
    for (let i = first ?? n; i < n && map.nodes[i] === node; i++) {
      if (map.nodeStarts[i] <= offset && offset <= map.nodeEnds[i]) {
        const s = map.starts[i];
        if (map.ends[i] - s === map.nodeEnds[i] - map.nodeStarts[i]) return s + (offset - map.nodeStarts[i]);
        return offset <= map.nodeStarts[i] ? s : map.ends[i];
      }
    }
  }
  const doc = node.ownerDocument;
  if (!doc) return null;
  const point = doc.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    return null;
  }
  // The first piece that starts at or after the point (comparePoint: -1 before, 0 at, 1 after).
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (point.comparePoint(map.nodes[mid], map.nodeStarts[mid]) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) {
    const prev = lo - 1;
    if (point.comparePoint(map.nodes[prev], map.nodeEnds[prev]) >= 0) {
      return map.starts[prev] + toOffsetWithin(map, prev, point); // inside the piece's node range
    }
  }
  // Between pieces: in the line breaks the text added. A <br> there places the point exactly.
  const gapStart = lo > 0 ? map.ends[lo - 1] : 0;
  const gapEnd = lo < n ? map.starts[lo] : map.length;
  const brs = map.brs;
  let b = 0;
  let bhi = brs.length;
  while (b < bhi) {
    const mid = (b + bhi) >>> 1;
    if (point.comparePoint(brs[mid], 0) < 0) b = mid + 1; // this <br> is before the point
    else bhi = mid;
  }
  if (b < brs.length && map.brBefore[b] >= gapStart && map.brBefore[b] <= gapEnd) return map.brBefore[b];
  if (b > 0 && map.brAfter[b - 1] >= gapStart && map.brAfter[b - 1] <= gapEnd) return map.brAfter[b - 1];
  if (lo > 0 && (lo === n || node.contains(map.nodes[lo - 1]))) return gapStart;
  return gapEnd;
}

/**
 * The offset within piece `i` of a point that lies inside the piece's node range.
 * @param {TextMap} map
 * @param {number} i
 * @param {Range} point
 */
function toOffsetWithin(map, i, point) {
  if (point.startContainer !== map.nodes[i]) return 0;
  const len = map.ends[i] - map.starts[i];
  const within = point.startOffset - map.nodeStarts[i];
  return len === map.nodeEnds[i] - map.nodeStarts[i] ? within : within > 0 ? len : 0;
}

/**
 * The CSS highlight registry, when the browser has the CSS Custom Highlight API.
 * @returns {HighlightRegistry | null}
 */
function registry() {
  const css = /** @type {{ highlights?: HighlightRegistry } | undefined} */ (globalThis.CSS);
  return css && css.highlights && typeof globalThis.Highlight === "function" ? css.highlights : null;
}

/**
 * The Range of each finding already shown over a map: showing the same report again (another
 * threshold, other kinds) reuses them. Ranges are live: they follow edits of the DOM, as the
 * highlights do, until the text is collected again.
 * @type {WeakMap<TextMap, WeakMap<FindingLike, Range | null>>}
 */
const rangeCaches = new WeakMap();

/**
 * How a value's type reads in an error message (as the core's own errors say it).
 * @param {unknown} value
 */
function typeName(value) {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/**
 * Throws a TypeError unless `threshold` is a number (NaN would silently keep or drop everything).
 * @param {string} fn
 * @param {unknown} threshold
 */
function checkThreshold(fn, threshold) {
  if (typeof threshold !== "number" || Number.isNaN(threshold)) {
    throw new TypeError(`straytext/dom.${fn}: threshold must be a number (a score in [0, 1]), got ${Number.isNaN(threshold) ? "NaN" : typeName(threshold)}`);
  }
}

/**
 * Throws a TypeError unless `report` has a `findings` array.
 * @param {string} fn
 * @param {unknown} report
 */
function checkReport(fn, report) {
  if (report === null || typeof report !== "object" || !Array.isArray(/** @type {{ findings?: unknown }} */ (report).findings)) {
    throw new TypeError(`straytext/dom.${fn}: report must be a report from analyze() (an object with a findings array), got ${typeName(report)}`);
  }
}

/**
 * Shows a report's findings over the collected text with the CSS Custom Highlight API: one
 * `Highlight` per kind, registered as `prefix + kind` (`::highlight(straytext-ui_text)` styles
 * it). The DOM is not modified. Findings scoring below `threshold`, or of a kind not in `kinds`,
 * are left out. A call shows the whole picture for its prefix: it replaces the highlights an
 * earlier call registered under the same names, and removes those of kinds it does not show.
 * `clear()` removes what this call registered.
 * Without the Highlight API nothing is registered but the ranges and counts are still returned.
 * @param {ReportLike} report
 * @param {TextMap} map
 * @param {HighlightOptions} [options]
 * @returns {HighlightHandle}
 */
export function highlightReport(report, map, options = {}) {
  checkReport("highlightReport", report);
  const threshold = options.threshold ?? 0;
  checkThreshold("highlightReport", threshold);
  const asked = options.kinds;
  // A string is iterable too: "ui_text" would ask for the kinds "u", "i", "_"…
  if (asked != null && (typeof asked === "string" || typeof (/** @type {{ [Symbol.iterator]?: unknown }} */ (asked))[Symbol.iterator] !== "function")) {
    throw new TypeError(`straytext/dom.highlightReport: options.kinds must be an array (or another iterable) of kind names such as ["ui_text"], got ${typeName(asked)}`);
  }
  const kinds = asked ? new Set(asked) : null;
  const prefix = options.prefix ?? "straytext-";
  /** @type {Record<string, number>} */
  const counts = {};
  for (const k of kinds ? [...kinds] : KINDS) counts[k] = 0;
  /** @type {Map<string, Range[]>} */
  const ranges = new Map();
  let cache = rangeCaches.get(map);
  if (!cache) rangeCaches.set(map, (cache = new WeakMap()));
  for (const f of report.findings) {
    if (f.score < threshold) continue;
    if (kinds && !kinds.has(f.kind)) continue;
    counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    let r = cache.get(f);
    if (r === undefined) cache.set(f, (r = toRange(map, f.start, f.end)));
    if (!r) continue;
    let list = ranges.get(f.kind);
    if (!list) ranges.set(f.kind, (list = []));
    list.push(r);
  }
  const reg = registry();
  /** @type {Map<string, Highlight>} */
  const registered = new Map();
  if (reg) {
    for (const [kind, list] of ranges) {
      const h = new Highlight();
      for (const r of list) h.add(r);
      const layer = KINDS.indexOf(kind);
      h.priority = layer < 0 ? KINDS.length : layer;
      reg.set(prefix + kind, h);
      registered.set(prefix + kind, h);
    }
    // Kinds with nothing to show this time (none found, below the threshold or not asked for):
    // drop what an earlier call left under their names.
    for (const k of new Set([...KINDS, ...Object.keys(counts)])) if (!ranges.has(k)) reg.delete(prefix + k);
  }
  return {
    counts,
    ranges,
    clear() {
      if (!reg) return;
      for (const [name, h] of registered) if (reg.get(name) === h) reg.delete(name);
      registered.clear();
    },
  };
}

/**
 * Removes every highlight whose name starts with `prefix`.
 * @param {string} [prefix]
 */
export function clearHighlights(prefix = "straytext-") {
  const reg = registry();
  if (!reg) return;
  for (const name of [...reg.keys()]) if (name.startsWith(prefix)) reg.delete(name);
}

/** Attributes that say what an element is for; the only ones structureHtml keeps. */
const KEPT_ATTRIBUTES = ["id", "class", "role", "href", "type", "itemprop"];
const VOID_TAGS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const GENERIC_INLINE = new Set(["span", "font", "b", "i", "em", "strong", "small"]);

/** @param {string} s */
function escapeText(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
/** @param {string} s */
function escapeAttribute(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/**
 * The structure of `root` as HTML, to pass as `options.html` with the text of collectText(root):
 * the page's own links, buttons, `nav`, `footer`, `aside`, list items, headings and captions then
 * inform the verdicts the way clipboard HTML does. Only what collectText reads is written (no
 * script, style, hidden or skipped content), with the tag names and the attributes that name an
 * element's role (`id`, `class`, `role`, `href`, `type`, `itemprop`); an inline element shown as
 * a block is written as a `div`. The result is a string for the analyzer, never for a document.
 * @param {Element} root
 * @param {CollectOptions} [options]
 * @returns {string}
 */
export function structureHtml(root, options = {}) {
  const useStyles = options.styles !== false;
  /** @type {string[]} */
  const out = [];
  /**
   * @param {Element} el
   * @param {boolean} visible
   */
  const write = (el, visible) => {
    const cs = useStyles ? styleOf(el) : null;
    if (cs && cs.display === "none") return;
    const lay = layoutOf(el, cs);
    const vis = lay.visible === null ? visible : lay.visible;
    let tag = el.localName.toLowerCase();
    if (cs && GENERIC_INLINE.has(tag) && !cs.display.startsWith("inline") && cs.display !== "contents") tag = "div";
    if (!/^[a-z][a-z0-9-]*$/.test(tag)) tag = "span";
    out.push("<", tag);
    for (const name of KEPT_ATTRIBUTES) {
      const v = el.getAttribute(name);
      if (v !== null) out.push(" ", name, '="', escapeAttribute(v), '"');
    }
    out.push(">");
    if (VOID_TAGS.has(tag)) return;
    if (hidesContent(cs)) {
      out.push("</", tag, ">");
      return;
    }
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (inClosedDetails(el, child)) continue;
      if (child.nodeType === 3) {
        if (vis) out.push(escapeText(/** @type {Text} */ (child).data));
      } else if (child.nodeType === 1) {
        const c = /** @type {Element} */ (child);
        if (!isSkipped(c)) write(c, vis);
      }
    }
    out.push("</", tag, ">");
  };
  if (!isSkipped(root)) write(root, true);
  return out.join("");
}

/** Rust's `char::is_whitespace` (the White_Space property), which the core trims lines with. */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
/** The contract's line breaks. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

/**
 * The non-empty lines of `text` as the core cuts them: the trimmed content [start, end) and the
 * full extent [fullStart, fullEnd) with surrounding white space and the ending line break.
 * @param {string} text
 * @returns {{ start: number, end: number, fullStart: number, fullEnd: number }[]}
 */
export function lineSpans(text) {
  /** @type {{ start: number, end: number, fullStart: number, fullEnd: number }[]} */
  const out = [];
  /**
   * @param {number} from
   * @param {number} to
   * @param {number} next
   */
  const push = (from, to, next) => {
    let s = from;
    let e = to;
    while (s < e && WHITE_SPACE.test(text[s])) s++;
    while (e > s && WHITE_SPACE.test(text[e - 1])) e--;
    if (s < e) out.push({ start: s, end: e, fullStart: from, fullEnd: next });
  };
  let at = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    push(at, m.index, m.index + m[0].length);
    at = m.index + m[0].length;
  }
  if (at < text.length) push(at, text.length, text.length);
  return out;
}

/**
 * The argument checks of removedSpans and cleanText.
 * @param {string} fn
 * @param {unknown} text
 * @param {unknown} report
 * @param {unknown} threshold
 */
function checkCleaning(fn, text, report, threshold) {
  if (typeof text !== "string") throw new TypeError(`straytext/dom.${fn}: text must be a string, got ${typeName(text)}`);
  checkReport(fn, report);
  checkThreshold(fn, threshold);
}

/**
 * The spans (UTF-16, sorted, disjoint) that cleaning removes: every finding scoring at least
 * `threshold`; a finding that covers a whole trimmed line takes the line's surrounding white
 * space and its line break with it. The same rule as the core's `clean`.
 * @param {string} text
 * @param {ReportLike} report
 * @param {number} [threshold]
 * @returns {[number, number][]}
 */
export function removedSpans(text, report, threshold = 0) {
  checkCleaning("removedSpans", text, report, threshold);
  const lines = lineSpans(text);
  /** @type {[number, number][]} */
  const spans = [];
  for (const f of report.findings) {
    if (f.score < threshold) continue;
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lines[mid].start < f.start) lo = mid + 1;
      else hi = mid;
    }
    const line = lines[lo];
    if (line && line.start === f.start && line.end === f.end) spans.push([line.fullStart, line.fullEnd]);
    else spans.push([f.start, f.end]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  /** @type {[number, number][]} */
  const merged = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/**
 * `text` without the findings scoring at least `threshold` (see removedSpans); everything else is
 * kept code unit for code unit. At threshold 0 it equals the core's `clean(text)`.
 * @param {string} text
 * @param {ReportLike} report
 * @param {number} [threshold]
 * @returns {string}
 */
export function cleanText(text, report, threshold = 0) {
  /** @type {string[]} */
  const parts = [];
  let at = 0;
  checkCleaning("cleanText", text, report, threshold);
  for (const [s, e] of removedSpans(text, report, threshold)) {
    parts.push(text.slice(at, s));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
