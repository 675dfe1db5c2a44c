// Moving a report made for a slice of a text to the offsets of the whole text.

/**
 * @typedef {{start: number, end: number, char_start: number, char_end: number,
 *   byte_start: number, byte_end: number}} Spanned
 */

/**
 * The report of `text.slice(from)` (or of a slice starting there) with every offset moved to
 * index `text` itself, in all three units of the contract. Returns a new object.
 * @template {{findings: Spanned[], lines: Spanned[]}} R
 * @param {R} report
 * @param {string} text the whole text
 * @param {number} from where the slice starts, in UTF-16 code units
 * @returns {R}
 */
export function shiftReport(report, text, from) {
  if (from === 0) return report;
  const before = text.slice(0, from);
  let chars = 0;
  for (const _ of before) chars++;
  const bytes = new TextEncoder().encode(before).length;
  /** @param {Spanned} s */
  const shift = (s) => ({
    ...s,
    start: s.start + from,
    end: s.end + from,
    char_start: s.char_start + chars,
    char_end: s.char_end + chars,
    byte_start: s.byte_start + bytes,
    byte_end: s.byte_end + bytes,
  });
  return { ...report, findings: report.findings.map(shift), lines: report.lines.map(shift) };
}
