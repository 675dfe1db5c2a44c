// The JS test cases of the npm package, shared by every environment: tests/js/node.test.mjs
// runs them against the Node entry of the packed package, tests/js/browser.test.mjs against its
// web entry in headless Chromium. Plain ES module, no Node APIs: each case receives the
// package's module (`{analyze, clean, init, initSync}`) and throws on failure.

/** An English page in the shape of the contract's example. */
export const PAGE =
  "2,500 $\nAUGUST 2025 يوم متبقٍ\n" +
  "The talks in Doha ended on Sunday without an agreement, officials from both delegations said.\n" +
  "The two sides will meet again next month in the same city, according to a statement.\n";

/**
 * Texts whose offsets are easy to get wrong: emoji (astral, ZWJ sequences, flags), combining
 * marks, right-to-left text, CRLF and lone CR, astral letters, a zero-width space inside a word.
 */
export const TRICKY = {
  emoji:
    "👩‍👩‍👧 Family 🇸🇪 news 😀\nThe talks in Doha ended on Sunday without an agreement, officials said.\n" +
    "The two sides will meet again next month, according to a state\u200Bment.\n2,500 $\n",
  combining:
    "Cafe\u0301 owners in the old town said the new rules would hurt business during the winter months.\n" +
    "Most of them had already cut their opening hours, and some had closed alto\u200Bgether.\nAUGUST 2025 يوم متبقٍ\n",
  rtl:
    "المقالة الرئيسية\nThe talks in Doha ended on Sunday without an agreement, officials from both delegations said.\n" +
    "The two sides will meet again next month in the same city, according to a state\u200Bment.\n",
  crlf:
    "2,500 $\r\nAUGUST 2025 يوم متبقٍ\r\nThe talks in Doha ended on Sunday without an agreement, officials said.\r\n" +
    "The two sides will meet again next month, according to a state\u200Bment.\r\rShare this article\r\n",
  astral:
    "𝐓𝐡𝐞 𝐍𝐞𝐰𝐬 𓂀 𠀋𠀌\nThe talks in Doha ended on Sunday without an agreement, officials from both delegations said.\n" +
    "The two sides will meet again next month in the same city, according to a state\u200Bment.\nAUGUST 2025 يوم متبقٍ\n",
  separators:
    "The talks in Doha ended on Sunday without an agreement, officials from both delegations said.\u2028" +
    "The two sides will meet again next month in the same city, according to a state\u200Bment.\u20292,500 $",
};

const KINDS = ["foreign_script", "foreign_language", "mixed_script_word", "ui_text", "invisible"];
const SUBKINDS = [
  "amount", "counter", "date", "control", "navigation", "share", "comments", "consent",
  "caption", "duplicate", "symbol", "other",
];
const SPAN = ["start", "end", "char_start", "char_end", "byte_start", "byte_end"];
/** The fields each kind carries, as js/straytext.d.ts types them: [required, optional]. */
const FIELDS = {
  ui_text: [["subkind"], []],
  foreign_script: [["script"], ["language"]],
  foreign_language: [["language"], []],
  mixed_script_word: [["script"], []],
  invisible: [[], []],
};

export class AssertionError extends Error {}

export function ok(cond, message) {
  if (!cond) throw new AssertionError(message ?? "expected a truthy value");
}
export function equal(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(
      `${message ?? "not equal"}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`,
    );
  }
}
export function throws(fn, type, pattern, message) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  ok(caught !== undefined, `${message ?? "expected an exception"}: nothing was thrown`);
  ok(caught instanceof type, `${message ?? ""}: expected a ${type.name}, got ${caught}`);
  ok(pattern.test(caught.message), `${message ?? ""}: message ${JSON.stringify(caught.message)} does not match ${pattern}`);
  return caught;
}

const utf8 = new TextEncoder();
const isWellFormed = (s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/**
 * Checks a report against the contract and the types: the shape of every field, findings
 * sorted, each span's three units agreeing with the text, `text.slice(start, end)` being the
 * flagged text, and the lines being the text's non-empty trimmed lines in order.
 */
export function checkReport(text, report) {
  const keys = (o) => Object.keys(o).sort().join(",");
  equal(keys(report), "findings,language,lines,script", "report keys");
  if (report.language !== null) {
    equal(keys(report.language), "code,confidence,name,reliable", "language keys");
    equal(typeof report.language.code, "string");
    ok(report.language.confidence >= 0 && report.language.confidence <= 1, "language confidence in [0,1]");
    equal(typeof report.language.reliable, "boolean");
  }
  ok(report.script === null || typeof report.script === "string", "script is a string or null");
  const checkSpan = (s, what) => {
    for (const k of SPAN) ok(Number.isInteger(s[k]) && s[k] >= 0, `${what}.${k} is an index`);
    ok(s.start <= s.end && s.end <= text.length, `${what} within the text`);
    const before = text.slice(0, s.start);
    const inside = text.slice(s.start, s.end);
    equal(s.char_start, [...before].length, `${what}.char_start`);
    equal(s.char_end - s.char_start, [...inside].length, `${what} char length`);
    if (isWellFormed(text)) {
      equal(s.byte_start, utf8.encode(before).length, `${what}.byte_start`);
      equal(s.byte_end - s.byte_start, utf8.encode(inside).length, `${what} byte length`);
    }
    ok(s.score >= 0 && s.score <= 1, `${what}.score in [0,1]`);
  };
  let last = -1;
  report.findings.forEach((f, i) => {
    const what = `findings[${i}] (${f.kind} ${JSON.stringify(text.slice(f.start, f.end))})`;
    ok(KINDS.includes(f.kind), `${what}: known kind`);
    const [required, optional] = FIELDS[f.kind];
    const allowed = new Set(["kind", "reason", "score", ...SPAN, ...required, ...optional]);
    for (const k of Object.keys(f)) ok(allowed.has(k), `${what}: unexpected field ${k}`);
    for (const k of required) ok(typeof f[k] === "string", `${what}: ${k} is a string`);
    for (const k of optional) ok(!(k in f) || typeof f[k] === "string", `${what}: ${k} absent or a string`);
    if (f.kind === "ui_text") ok(SUBKINDS.includes(f.subkind), `${what}: known subkind`);
    ok(typeof f.reason === "string" && f.reason.length > 0, `${what}: a reason`);
    ok(f.start >= last, `${what}: sorted by start`);
    last = f.start;
    checkSpan(f, what);
  });
  const lines = text
    .split(/\r\n|\n|\r|\u2028|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  equal(report.lines.length, lines.length, "one verdict per non-empty line");
  report.lines.forEach((l, i) => {
    equal(keys(l), "byte_end,byte_start,char_end,char_start,end,score,start,verdict", `lines[${i}] keys`);
    ok(l.verdict === "content" || l.verdict === "noise", `lines[${i}].verdict`);
    checkSpan(l, `lines[${i}]`);
    equal(text.slice(l.start, l.end), lines[i], `lines[${i}] slices its line`);
  });
}

function findingOf(report, text, kind, flagged) {
  return report.findings.find((f) => f.kind === kind && text.slice(f.start, f.end) === flagged);
}

/** The cases: `[name, (mod) => void]`. */
export const cases = [
  ["analyze returns the report of the contract", (m) => {
    const report = m.analyze(PAGE);
    checkReport(PAGE, report);
    equal(report.language.code, "eng", "language");
    equal(report.script, "Latin", "script");
    const amount = report.findings[0];
    equal(amount.kind, "ui_text");
    equal(amount.subkind, "amount");
    equal(PAGE.slice(amount.start, amount.end), "2,500 $");
    ok(!("script" in amount) && !("language" in amount), "fields that do not apply are left out");
    ok(findingOf(report, PAGE, "foreign_script", "يوم متبقٍ"), "the Arabic run is flagged exactly");
    equal(Object.getPrototypeOf(report), Object.prototype, "a plain object");
  }],

  ...Object.entries(TRICKY).map(([name, text]) => [`offsets are JS string indices: ${name}`, (m) => {
    const report = m.analyze(text);
    checkReport(text, report);
    ok(findingOf(report, text, "invisible", "\u200B"), "the zero-width space is flagged exactly");
    if (text.includes("يوم")) ok(findingOf(report, text, "foreign_script", "يوم متبقٍ"), "the Arabic run");
  }]),

  ["lone surrogates keep the offsets of the caller's string", (m) => {
    for (const stray of ["\uD800", "\uDFFF", "\uDBFF\uDBFF", "x\uDC00"]) {
      const text = stray + TRICKY.emoji.replace("The talks", `The ${stray} talks`) + stray + "\n" + stray;
      const report = m.analyze(text);
      checkReport(text, report);
      ok(findingOf(report, text, "invisible", "\u200B"), `the zero-width space after ${JSON.stringify(stray)}`);
      const cleaned = m.clean(text);
      ok(cleaned.includes(`The ${stray} talks`), "clean keeps a lone surrogate as it was");
      ok(!cleaned.includes("\u200B") && !cleaned.includes("2,500 $"), "clean removes the noise");
    }
  }],

  ["clean returns the text without the noise", (m) => {
    const cleaned = m.clean(PAGE);
    equal(typeof cleaned, "string");
    equal(
      cleaned,
      "The talks in Doha ended on Sunday without an agreement, officials from both delegations said.\n" +
        "The two sides will meet again next month in the same city, according to a statement.\n",
    );
    equal(m.clean(""), "");
    const quiet = "The talks in Doha ended on Sunday without an agreement, officials from both delegations said.\n";
    equal(m.clean(quiet), quiet, "a text without noise comes back unchanged");
  }],

  ["options: html is passed, null and undefined mean none, other keys are ignored", (m) => {
    const html = "<nav><a href='/'>Home</a></nav><article><p>The talks in Doha ended.</p></article>";
    checkReport(PAGE, m.analyze(PAGE, { html }));
    checkReport(PAGE, m.analyze(PAGE, {}));
    checkReport(PAGE, m.analyze(PAGE, null));
    checkReport(PAGE, m.analyze(PAGE, undefined));
    checkReport(PAGE, m.analyze(PAGE, { html: null }));
    checkReport(PAGE, m.analyze(PAGE, { future: 1 }));
    equal(typeof m.clean(PAGE, { html }), "string");
  }],

  ["bad arguments are TypeErrors with a clear message, and the instance keeps working", (m) => {
    for (const fn of ["analyze", "clean"]) {
      const call = (...args) => () => m[fn](...args);
      throws(call(), TypeError, new RegExp(`^straytext\\.${fn}: text must be a string, got undefined$`));
      throws(call(null), TypeError, /text must be a string, got null$/);
      throws(call(undefined), TypeError, /text must be a string, got undefined$/);
      throws(call(42), TypeError, /text must be a string, got number$/);
      throws(call(new String("x")), TypeError, /text must be a string, got object$/);
      throws(call(["x"]), TypeError, /text must be a string, got an array$/);
      throws(call(Symbol("x")), TypeError, /text must be a string, got symbol$/);
      throws(call("x", "<p>x</p>"), TypeError, /options must be an object such as \{html: .*\}, got string$/);
      throws(call("x", 1), TypeError, /options must be an object .*got number$/);
      throws(call("x", []), TypeError, /options must be an object .*got an array$/);
      throws(call("x", { html: 5 }), TypeError, new RegExp(`^straytext\\.${fn}: options\\.html must be a string \\(the clipboard's text/html\\), got number$`));
      throws(call("x", { html: {} }), TypeError, /options\.html must be a string .*got object$/);
      throws(
        call("x", { get html() { throw new RangeError("getter failed"); } }),
        RangeError,
        /getter failed/,
        "an exception from the caller's getter passes through",
      );
    }
    checkReport(PAGE, m.analyze(PAGE));
    equal(m.clean("2,500 $\n" + PAGE).startsWith("The talks"), true, "still works after the errors");
  }],

  ["empty, blank and very long texts", (m) => {
    for (const text of ["", " ", "\n\n\r\n", "\u200B", "😀", PAGE.repeat(200)]) {
      checkReport(text, m.analyze(text));
    }
  }],

  ["init() and initSync() may be called again", async (m) => {
    await m.init();
    await m.default();
    checkReport(PAGE, m.analyze(PAGE));
  }],
];
