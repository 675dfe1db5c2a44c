// The WebAssembly core, loaded once per service-worker life, on first use.

import * as bindings from './lib/straytext.js';

/**
 * The npm package's API (`analyze(text, options?)`, `clean(text, options?)`, `default` = init),
 * typed here so that a core built before `clean` or `options` existed still type-checks.
 * @typedef {object} Core
 * @property {(input: {module_or_path: URL | string}) => Promise<unknown>} default
 * @property {(text: string, options?: {html: string}) => any} analyze
 * @property {((text: string, options?: {html: string}) => string) | undefined} clean
 */
const core = /** @type {Core} */ (/** @type {unknown} */ (bindings));

/** @type {Promise<unknown> | undefined} */
let ready;

/** Loads the packaged wasm (never fetched from anywhere else); at most once. */
export function load() {
  ready ??= core.default({ module_or_path: new URL('./lib/straytext_bg.wasm', import.meta.url) });
  return ready;
}

/**
 * @param {string | undefined} html the page's structure as HTML, if known
 * @returns {{html: string} | undefined}
 */
function options(html) {
  return typeof html === 'string' && html !== '' ? { html } : undefined;
}

/**
 * The report for `text` (the contract's JSON shape).
 * @param {string} text
 * @param {string} [html]
 */
export async function analyze(text, html) {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  await load();
  return core.analyze(text, options(html));
}

/**
 * `text` without its noise.
 * @param {string} text
 * @param {string} [html]
 */
export async function clean(text, html) {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  // A namespace import, so a core built before `clean` existed still loads (and says so here).
  if (typeof core.clean !== 'function') throw new Error('this build of the core has no clean()');
  await load();
  return core.clean(text, options(html));
}
