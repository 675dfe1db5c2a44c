// The kinds of noise the panel lists, in the contract's words. Colours match highlight.css.

/** @typedef {{kind: string, label: string, colour: string}} KindInfo */

/** @type {readonly KindInfo[]} */
export const KINDS = Object.freeze([
  { kind: 'ui_text', label: 'Stray UI text', colour: 'rgb(255 193 7 / 0.7)' },
  { kind: 'foreign_script', label: 'Foreign script', colour: 'rgb(244 67 54 / 0.55)' },
  { kind: 'foreign_language', label: 'Foreign language', colour: 'rgb(33 150 243 / 0.5)' },
  { kind: 'mixed_script_word', label: 'Mixed-script words', colour: 'rgb(156 39 176 / 0.5)' },
  { kind: 'invisible', label: 'Invisible characters', colour: 'rgb(0 150 136 / 0.7)' },
]);

/**
 * What the panel shows for `kind`, also for kinds added to the contract after this list.
 * @param {string} kind
 * @returns {KindInfo}
 */
export function kindInfo(kind) {
  return (
    KINDS.find((k) => k.kind === kind) ?? {
      kind,
      label: kind.replaceAll('_', ' '),
      colour: 'rgb(128 128 128 / 0.5)',
    }
  );
}
