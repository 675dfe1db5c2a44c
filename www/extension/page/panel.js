// The panel: a small box in a closed shadow root, appended to <html> (outside <body>), so page
// CSS cannot reach into it, its styles cannot leak out, and page scripts cannot read it.

/** The host element's tag name: a custom-element name, so it can never mean anything else. */
export const PANEL_TAG = 'straytext-panel';

const STYLE = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: auto 16px 16px auto !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
  width: auto !important;
  height: auto !important;
  overflow: visible !important;
  background: transparent !important;
}
:host([data-side="left"]) { inset: auto auto 16px 16px !important; }
.box {
  box-sizing: border-box;
  min-width: 230px;
  max-width: 320px;
  padding: 10px 12px;
  border: 1px solid #888;
  border-radius: 8px;
  background: #fff;
  color: #111;
  font: 13px/1.4 system-ui, sans-serif;
  text-align: start;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
}
header { display: flex; align-items: center; gap: 8px; }
h2 { flex: 1; margin: 0; font: 600 14px/1.3 system-ui, sans-serif; }
.summary, .status { margin: 4px 0; color: #444; font-size: 12px; }
.status:empty { display: none; }
ul { list-style: none; margin: 6px 0; padding: 0; }
li label { display: flex; align-items: center; gap: 6px; padding: 2px 0; cursor: pointer; }
li.none { color: #888; }
.swatch { width: 12px; height: 12px; border-radius: 2px; flex: none; }
.name { flex: 1; }
.count { font-variant-numeric: tabular-nums; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 6px; }
button {
  font: 12px/1.2 system-ui, sans-serif;
  padding: 4px 8px;
  border: 1px solid #888;
  border-radius: 4px;
  background: #f4f4f4;
  color: #111;
  cursor: pointer;
}
button:focus-visible, input:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.close { border: 0; background: transparent; font-size: 16px; padding: 0 4px; }
.hint { margin: 6px 0 0; color: #666; font-size: 11px; }
@media (prefers-color-scheme: dark) {
  .box { background: #202124; color: #eee; border-color: #555; }
  .summary, .status, .hint { color: #bbb; }
  button { background: #303134; color: #eee; border-color: #666; }
}
`;

/**
 * @typedef {object} PanelOptions
 * @property {string} summary one line: what was analysed, the language, the time taken
 * @property {string} details where the time went (the summary's tooltip)
 * @property {{kind: string, label: string, colour: string, count: number}[]} rows one per kind
 * @property {(kind: string, on: boolean) => void} onToggle a kind's checkbox changed
 * @property {() => void} onCopy "Copy clean text"
 * @property {() => void} onRerun "Re-run": analyse the page again (it may have changed)
 * @property {() => void} onClose the close button
 */

/**
 * @typedef {object} Panel
 * @property {(text: string) => void} setStatus a short message under the buttons
 * @property {ShadowRoot} root the closed shadow root (for the clipboard fallback)
 * @property {() => void} remove takes the panel out of the page
 */

/**
 * Shows the panel.
 * @param {PanelOptions} options
 * @returns {Panel}
 */
export function openPanel({ summary, details, rows, onToggle, onCopy, onRerun, onClose }) {
  const host = document.createElement(PANEL_TAG);
  // Bottom corner at the end of lines, so a right-to-left page's line starts stay visible.
  if (getComputedStyle(document.documentElement).direction === 'rtl') host.dataset.side = 'left';
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLE);
  root.adoptedStyleSheets = [sheet];

  const box = el('section', { class: 'box', role: 'dialog', 'aria-label': 'straytext', lang: 'en', dir: 'ltr' });
  const close = el('button', { class: 'close', type: 'button', title: 'Clear (Esc)', 'aria-label': 'Clear' }, '×');
  close.addEventListener('click', onClose);
  box.append(el('header', {}, el('h2', {}, 'straytext'), close));
  box.append(el('p', { class: 'summary', title: details }, summary));

  const list = el('ul', {});
  for (const { kind, label, colour, count } of rows) {
    const check = el('input', { type: 'checkbox', 'data-kind': kind });
    check.checked = count > 0;
    check.disabled = count === 0;
    check.addEventListener('change', () => onToggle(kind, check.checked));
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = colour;
    const row = el('label', {}, check, swatch, el('span', { class: 'name' }, label), el('span', { class: 'count' }, String(count)));
    list.append(el('li', { class: count === 0 ? 'none' : '', 'data-kind': kind }, row));
  }
  box.append(list);

  const copy = el('button', { type: 'button', 'data-action': 'copy' }, 'Copy clean text');
  copy.addEventListener('click', onCopy);
  const rerun = el('button', { type: 'button', 'data-action': 'rerun' }, 'Re-run');
  rerun.addEventListener('click', onRerun);
  box.append(el('div', { class: 'actions' }, copy, rerun));
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  box.append(status);
  box.append(el('p', { class: 'hint' }, 'Esc or the toolbar button clears.'));
  root.append(box);

  document.documentElement.append(host);
  return {
    root,
    setStatus(text) {
      status.textContent = text;
    },
    remove() {
      host.remove();
    },
  };
}

/**
 * A new element in the page's document.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} attributes
 * @param {...(Node | string)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== '') node.setAttribute(name, value);
  node.append(...children);
  return node;
}
