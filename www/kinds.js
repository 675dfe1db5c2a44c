// How the paste box names and describes each kind of finding.

import { KINDS } from "../js/dom.js";

export { KINDS };

/** @type {Record<string, { label: string, description: string }>} */
const META = {
  ui_text: { label: "Stray UI text", description: "menus, buttons, counters, prices, dates and captions left over from the page" },
  foreign_language: { label: "Foreign language", description: "a passage in the page's script but another language" },
  foreign_script: { label: "Foreign script", description: "words in another script than the page's" },
  mixed_script_word: { label: "Mixed-script word", description: "a word mixing look-alike letters of several scripts" },
  invisible: { label: "Invisible character", description: "zero-width and direction-control characters" },
};

/**
 * The name a person reads for a kind (unknown kinds get their identifier, spaced).
 * @param {string} kind
 */
export function kindLabel(kind) {
  return META[kind]?.label ?? kind.replace(/_/g, " ");
}

/**
 * A sentence saying what the kind marks.
 * @param {string} kind
 */
export function kindDescription(kind) {
  return META[kind]?.description ?? "";
}

/**
 * Every kind to show: the contract's, then any other the report holds.
 * @param {{ kind: string }[]} findings
 */
export function kindsOf(findings) {
  /** @type {string[]} */
  const out = [...KINDS];
  for (const f of findings) if (!out.includes(f.kind)) out.push(f.kind);
  return out;
}
