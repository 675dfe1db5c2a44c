// The DOM layer's arguments (js/dom.js), checked in Node: the functions that take a report, a
// threshold or kinds need no DOM to refuse a wrong one. A wrong one used to be taken silently:
// `kinds: "ui_text"` asked for the kinds "u", "i", "_"… and showed nothing; a NaN threshold (a
// `parseFloat` of an empty field) made cleanText drop every finding's text, a string one
// compared as a number or not at all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanText, highlightReport, removedSpans } from "../../js/dom.js";

const TEXT = "Subscribe\nThe talks in Doha ended on Sunday without an agreement.\n";
const REPORT = { findings: [{ kind: "ui_text", subkind: "control", start: 0, end: 9, score: 0.9, reason: "a button" }] };
/** An empty map (no DOM text): highlightReport still counts, and registers nothing in Node. */
const MAP = {
  length: TEXT.length, nodes: [], starts: new Int32Array(), ends: new Int32Array(),
  nodeStarts: new Int32Array(), nodeEnds: new Int32Array(), brs: [], brBefore: new Int32Array(), brAfter: new Int32Array(),
};

test("good arguments work as before", () => {
  assert.equal(cleanText(TEXT, REPORT), TEXT.slice(10));
  assert.equal(cleanText(TEXT, REPORT, 0.95), TEXT);
  assert.deepEqual(removedSpans(TEXT, REPORT, 0), [[0, 10]]);
  assert.equal(highlightReport(REPORT, MAP).counts.ui_text, 1);
  assert.equal(highlightReport(REPORT, MAP, { threshold: 0.95 }).counts.ui_text, 0);
  assert.deepEqual(highlightReport(REPORT, MAP, { kinds: ["ui_text"] }).counts, { ui_text: 1 });
  assert.deepEqual(highlightReport(REPORT, MAP, { kinds: new Set(["invisible"]) }).counts, { invisible: 0 });
  assert.deepEqual(highlightReport(REPORT, MAP, { kinds: ["ads"] }).counts, { ads: 0 }, "an unknown kind is counted as 0");
  assert.equal(highlightReport(REPORT, MAP, { threshold: undefined, kinds: undefined }).counts.ui_text, 1);
  assert.equal(highlightReport(REPORT, MAP, { kinds: null }).counts.ui_text, 1);
});

test("kinds must be an iterable of names, not a string", () => {
  for (const [kinds, got] of [["ui_text", "string"], [5, "number"], [{ ui_text: true }, "object"]]) {
    assert.throws(() => highlightReport(REPORT, MAP, { kinds }), {
      name: "TypeError",
      message: `straytext/dom.highlightReport: options.kinds must be an array (or another iterable) of kind names such as ["ui_text"], got ${got}`,
    });
  }
});

test("a threshold must be a number", () => {
  for (const [threshold, got] of [[NaN, "NaN"], ["0.8", "string"], [[0.5], "an array"]]) {
    assert.throws(() => highlightReport(REPORT, MAP, { threshold: /** @type {any} */ (threshold) }), {
      name: "TypeError",
      message: `straytext/dom.highlightReport: threshold must be a number (a score in [0, 1]), got ${got}`,
    }, `highlightReport ${String(threshold)}`);
    for (const fn of [cleanText, removedSpans]) {
      assert.throws(() => fn(TEXT, REPORT, /** @type {any} */ (threshold)), {
        name: "TypeError",
        message: `straytext/dom.${fn.name}: threshold must be a number (a score in [0, 1]), got ${got}`,
      }, `${fn.name} ${String(threshold)}`);
    }
  }
});

test("the report and the text must be what analyze() takes and gives", () => {
  for (const [report, got] of [[null, "null"], [undefined, "undefined"], ["{}", "string"], [{}, "object"], [[], "an array"]]) {
    assert.throws(() => highlightReport(/** @type {any} */ (report), MAP), {
      name: "TypeError",
      message: `straytext/dom.highlightReport: report must be a report from analyze() (an object with a findings array), got ${got}`,
    });
    assert.throws(() => cleanText(TEXT, /** @type {any} */ (report)), { name: "TypeError", message: /^straytext\/dom\.cleanText: report must be/ });
  }
  assert.throws(() => cleanText(/** @type {any} */ (42), REPORT), {
    name: "TypeError",
    message: "straytext/dom.cleanText: text must be a string, got number",
  });
  assert.throws(() => removedSpans(/** @type {any} */ (null), REPORT), { name: "TypeError", message: /removedSpans: text must be a string, got null$/ });
});
