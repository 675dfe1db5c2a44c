// The direction of a block from its dominant script: a line of the paste box gets dir="rtl" when
// most of its letters are in a right-to-left script, so `AUGUST 2025 يوم متبقٍ` in an English
// page stays left-to-right while an Arabic paragraph that starts with a Latin word reads
// right-to-left (dir="auto" would take the first strong letter instead).

/** Letters of the right-to-left scripts. */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/gu;
/** All letters. */
const LETTER = /\p{L}/gu;

/**
 * "rtl" when most letters of `line` are right-to-left, "ltr" when most are left-to-right,
 * `fallback` when it has no letter (digits, symbols, empty).
 * @param {string} line
 * @param {"ltr" | "rtl"} [fallback]
 * @returns {"ltr" | "rtl"}
 */
export function directionOf(line, fallback = "ltr") {
  const letters = line.match(LETTER);
  if (!letters) return fallback;
  const rtl = line.match(RTL);
  const r = rtl ? rtl.length : 0;
  if (r * 2 > letters.length) return "rtl";
  if (r * 2 < letters.length) return "ltr";
  return fallback;
}

/** Scripts written right to left, as the report names them. */
const RTL_SCRIPTS = new Set(["Arabic", "Hebrew", "Syriac", "Thaana", "Nko", "Adlam", "Samaritan", "Mandaic", "Hanifi_Rohingya", "Yezidi"]);

/**
 * The base direction of a document whose dominant script is `script` (the report's `script`).
 * @param {string | null | undefined} script
 * @returns {"ltr" | "rtl"}
 */
export function directionOfScript(script) {
  return script && RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
}
