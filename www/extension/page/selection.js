// What a click analyses: the user's selection if there is one, else the whole page.

/**
 * @typedef {object} Scope
 * @property {Element} root the element whose visible text is collected
 * @property {Range | null} range the selected part of it, or null for all of it
 */

/**
 * The current selection's scope, or the page body's.
 * @param {Document} doc
 * @returns {Scope}
 */
export function currentScope(doc) {
  const selection = doc.getSelection();
  const body = doc.body ?? doc.documentElement;
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return { root: body, range: null };
  const range = selection.getRangeAt(0).cloneRange();
  if (range.toString().trim() === '') return { root: body, range: null };
  const common = range.commonAncestorContainer;
  const root = common instanceof Element ? common : common.parentElement;
  if (!root || !body.contains(root)) return { root: body, range: null };
  return { root, range };
}

/**
 * The UTF-16 span [start, end) of `text` (collected from a scope's root, with `map`) that lies
 * inside `range`, found by bisection with the DOM layer's own `toRange`, so the mapping logic
 * lives in one place. Characters that map to no DOM text (block breaks) are skipped over.
 * @param {unknown} map the DOM layer's map for `text`
 * @param {number} length the length of the collected text
 * @param {Range} range the selection
 * @param {(map: any, start: number, end: number) => Range | null} toRange the DOM layer's
 * @returns {{start: number, end: number}}
 */
export function spanInside(map, length, range, toRange) {
  /** The first index >= i whose character maps to the DOM, with its range; or null. */
  const mapped = (/** @type {number} */ i) => {
    for (let j = i; j < length && j < i + 256; j++) {
      const r = toRange(map, j, j + 1);
      if (r) return r;
    }
    return null;
  };
  // Characters starting at or after the selection's start, then those ending after its end.
  const start = bisect(length, (i) => {
    const r = mapped(i);
    return !r || range.comparePoint(r.startContainer, r.startOffset) >= 0;
  });
  const end = bisect(length, (i) => {
    const r = mapped(i);
    return !r || range.comparePoint(r.endContainer, r.endOffset) > 0;
  });
  return { start, end: Math.max(start, end) };
}

/**
 * The least i in [0, n] for which the monotone predicate holds (n if none).
 * @param {number} n
 * @param {(i: number) => boolean} holds
 */
function bisect(n, holds) {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
