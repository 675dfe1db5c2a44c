// JSDoc types of the report (docs: the contract), for the paste box's modules.
// This module exports nothing at run time.

/**
 * @typedef {object} Finding
 * @property {string} kind `foreign_script`, `foreign_language`, `mixed_script_word`, `ui_text`, `invisible` (more may come)
 * @property {string} [subkind] for `ui_text`
 * @property {string} reason
 * @property {number} score in [0, 1]
 * @property {string} [script]
 * @property {string} [language]
 * @property {number} start UTF-16
 * @property {number} end UTF-16, exclusive
 * @property {number} char_start
 * @property {number} char_end
 * @property {number} byte_start
 * @property {number} byte_end
 */

/**
 * @typedef {object} LineVerdict
 * @property {"content" | "noise"} verdict
 * @property {number} score
 * @property {number} start
 * @property {number} end
 */

/**
 * @typedef {object} Language
 * @property {string} code ISO 639-3
 * @property {string} name
 * @property {number} confidence
 * @property {boolean} reliable
 */

/**
 * @typedef {object} Report
 * @property {Language | null} language
 * @property {string | null} script
 * @property {Finding[]} findings
 * @property {LineVerdict[]} lines
 */

export {};
