// Functions run inside the test page (page.evaluate), seeing only what the page's own scripts
// can see.

/**
 * Every straytext highlight: per kind, the text of each range, and which of the page's
 * `.body-text` paragraphs each range touches.
 * @returns {{kind: string, text: string, paragraphs: number[]}[]}
 */
export function highlightsInPage() {
  const paragraphs = [...document.querySelectorAll('.body-text')];
  /** @type {{kind: string, text: string, paragraphs: number[]}[]} */
  const out = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('straytext-')) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      /** @type {number[]} */
      const touched = [];
      paragraphs.forEach((p, i) => {
        if (range.intersectsNode(p) && !range.collapsed) {
          // Touching a paragraph only at its edge (the range ends where it starts) is not a hit.
          const inside = document.createRange();
          inside.selectNodeContents(p);
          const overlap = range.compareBoundaryPoints(Range.END_TO_START, inside) < 0 && range.compareBoundaryPoints(Range.START_TO_END, inside) > 0;
          if (overlap) touched.push(i);
        }
      });
      out.push({ kind: name.slice('straytext-'.length), text: range.toString(), paragraphs: touched });
    }
  }
  return out;
}

/** How many straytext highlights (registry entries) the page has. */
export function straytextHighlightCount() {
  return [...CSS.highlights.keys()].filter((k) => k.startsWith('straytext-')).length;
}

/** The names on `window` (the page's globals). */
export function pageGlobals() {
  return Object.getOwnPropertyNames(window).sort();
}

/**
 * What the page's styling looks like from inside: its stylesheets, and the computed style of
 * every element in <body> (a few properties that any leaked rule would likely change).
 */
export function pageStyles() {
  const props = ['color', 'background-color', 'font-family', 'font-size', 'display', 'margin-top', 'box-sizing'];
  return {
    sheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
    elements: [...document.body.querySelectorAll('*')].map((e) => {
      const cs = getComputedStyle(e);
      return props.map((p) => cs.getPropertyValue(p)).join('|');
    }),
  };
}
