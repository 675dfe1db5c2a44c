// A typed use of the package, checked by `tsc --noEmit` (tests/js/types.test.mjs) in a project
// that installed the packed tarball: the types resolve through the "exports" map, narrow on
// `kind`, and reject what the report never holds (each @ts-expect-error must be an error).
import init, { analyze, clean, initSync } from "straytext";
import type { Finding, Kind, LineVerdict, Report, Subkind, Verdict } from "straytext";

await init();
await init({ module_or_path: new URL("https://example.com/straytext_bg.wasm") });
initSync({ module: new Uint8Array([0, 97, 115, 109]) });

const text = "2,500 $\nThe talks in Doha ended on Sunday without an agreement.\n";
const report: Report = analyze(text, { html: "<p>2,500 $</p>" });
analyze(text);
analyze(text, null);
const cleaned: string = clean(text, {});

const code: string | undefined = report.language?.code;
const confidence: number | undefined = report.language?.confidence;
const script: string | null = report.script;

function describe(f: Finding): string {
  const flagged = text.slice(f.start, f.end);
  switch (f.kind) {
    case "ui_text": {
      const sub: Subkind = f.subkind;
      return `${sub}: ${flagged}`;
    }
    case "foreign_script": {
      const s: string = f.script;
      const lang: string | undefined = f.language;
      return `${s}/${lang ?? "?"}: ${flagged}`;
    }
    case "foreign_language": {
      const lang: string = f.language;
      return lang;
    }
    case "mixed_script_word":
      return f.script;
    case "invisible":
      return `${f.char_start}..${f.char_end} ${f.byte_start}..${f.byte_end}`;
    default: {
      const never: never = f;
      return never;
    }
  }
}

const kinds: Kind[] = report.findings.map((f) => f.kind);
const verdicts: Verdict[] = report.lines.map((l: LineVerdict) => l.verdict);
const scores: number[] = report.lines.map((l) => l.score);
console.log(code, confidence, script, cleaned, kinds, verdicts, scores, report.findings.map(describe));

// What the types must reject.
// @ts-expect-error: not a kind
const badKind: Kind = "ads";
// @ts-expect-error: not a subkind
const badSub: Subkind = "banner";
// @ts-expect-error: text must be a string
analyze(42);
// @ts-expect-error: html must be a string
analyze(text, { html: 5 });
// @ts-expect-error: the language may be null
const lang: string = report.language.code;
const first = report.findings[0];
if (first && first.kind === "foreign_script") {
  // @ts-expect-error: only ui_text findings have a subkind
  const sub: Subkind = first.subkind;
  console.log(sub);
}
// @ts-expect-error: findings are not `any`
const n: number = report.findings[0].reason;
console.log(badKind, badSub, lang, n);

// The DOM layer (straytext/dom) takes the report as analyze() returns it.
import { cleanText, collectText, highlightReport, structureHtml } from "straytext/dom";
const page = collectText(document.body);
const pageReport = analyze(page.text, { html: structureHtml(document.body) });
const shown = highlightReport(pageReport, page.map, { threshold: 0.8, kinds: ["ui_text", "invisible"] });
highlightReport(pageReport, page.map, { kinds: new Set<string>(["ui_text"]) });
const shownCount: number | undefined = shown.counts["ui_text"];
const pageClean: string = cleanText(page.text, pageReport, 0.8);
// @ts-expect-error: a string is not a list of kinds (it would ask for "u", "i", "_"…)
highlightReport(pageReport, page.map, { kinds: "ui_text" });
// @ts-expect-error: the threshold is a number
cleanText(page.text, pageReport, "0.8");
console.log(shownCount, pageClean);
