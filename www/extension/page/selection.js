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
 * The UTF-16 span [start, end) of the collected text that lies inside `range`, through the DOM
 * layer's own inverse mapping (`toOffset`), so the mapping logic lives in one place.
 * @param {unknown} map the DOM layer's map for the collected text
 * @param {Range} range the selection
 * @param {(map: any, node: Node, offset: number) => number | null} toOffset the DOM layer's
 * @returns {{start: number, end: number} | null} null when the selection maps to no text
 */
export function spanInside(map, range, toOffset) {
  const start = toOffset(map, range.startContainer, range.startOffset);
  const end = toOffset(map, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
