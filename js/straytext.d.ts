// Types of the npm package `straytext` (both entries), written by hand to match the report of
// the contract (../shared/docs/contract.md) exactly. `tsc --noEmit` checks tests/js/typed-usage.ts
// against this file, and the JS tests check every report against the same shapes at run time.

/** The kinds of noise. More may be added; none is renamed. */
export type Kind =
  | "foreign_script"
  | "foreign_language"
  | "mixed_script_word"
  | "ui_text"
  | "invisible";

/** What sort of UI text a `ui_text` finding is. More may be added; none is renamed. */
export type Subkind =
  | "amount"
  | "counter"
  | "date"
  | "control"
  | "navigation"
  | "share"
  | "comments"
  | "consent"
  | "caption"
  | "duplicate"
  | "symbol"
  | "other";

/** A line's verdict. */
export type Verdict = "content" | "noise";

/** A span in three units side by side, end exclusive. */
export interface Span {
  /** Start in UTF-16 code units: `text.slice(start, end)` is the span. */
  start: number;
  /** End (exclusive) in UTF-16 code units. */
  end: number;
  /** Start in Unicode scalar values (a Python string index). */
  char_start: number;
  /** End (exclusive) in Unicode scalar values. */
  char_end: number;
  /** Start in UTF-8 bytes (a Rust string index). */
  byte_start: number;
  /** End (exclusive) in UTF-8 bytes. */
  byte_end: number;
}

/** The document's main language, as whatlang names it. */
export interface Language {
  /** ISO 639-3 code, e.g. `"eng"`. */
  code: string;
  /** English name, e.g. `"English"`. */
  name: string;
  /** Confidence in [0, 1]. */
  confidence: number;
  /** Whether the detection is reliable. */
  reliable: boolean;
}

interface FindingBase extends Span {
  /** Why it was flagged, for a person to read. */
  reason: string;
  /** How sure straytext is, in [0, 1]. */
  score: number;
}

/** Stray user-interface text (`2,500 $`, `Subscribe`, `55 Comments`). */
export interface UiTextFinding extends FindingBase {
  kind: "ui_text";
  subkind: Subkind;
  script?: never;
  language?: never;
}

/** A run of letters in a script other than the document's. */
export interface ForeignScriptFinding extends FindingBase {
  kind: "foreign_script";
  subkind?: never;
  /** The run's script (a Unicode script name, e.g. `"Arabic"`). */
  script: string;
  /** The run's language (ISO 639-3), when it can be told. */
  language?: string;
}

/** A segment in the document's script but in another language. */
export interface ForeignLanguageFinding extends FindingBase {
  kind: "foreign_language";
  subkind?: never;
  script?: never;
  /** The segment's language (ISO 639-3). */
  language: string;
}

/** One word mixing confusable scripts (UTS #39). */
export interface MixedScriptWordFinding extends FindingBase {
  kind: "mixed_script_word";
  subkind?: never;
  /** The word's main script. */
  script: string;
  language?: never;
}

/** Zero-width, bidi-control and other invisible format characters. */
export interface InvisibleFinding extends FindingBase {
  kind: "invisible";
  subkind?: never;
  script?: never;
  language?: never;
}

/** One flagged span; narrow on `kind`. */
export type Finding =
  | UiTextFinding
  | ForeignScriptFinding
  | ForeignLanguageFinding
  | MixedScriptWordFinding
  | InvisibleFinding;

/** The verdict on one non-empty line (trimmed of surrounding white space). */
export interface LineVerdict extends Span {
  verdict: Verdict;
  /** Confidence in the verdict, in [0, 1]. */
  score: number;
}

/** What straytext found in one text: the same object as `straytext --format json`. */
export interface Report {
  /** The document's main language, or `null` when it cannot be told. */
  language: Language | null;
  /** The document's dominant script (a Unicode script name), or `null`. */
  script: string | null;
  /** Every finding, sorted by `start`. */
  findings: Finding[];
  /** One entry per non-empty line, in order. */
  lines: LineVerdict[];
}

/** What the caller knows besides the text. */
export interface Options {
  /** The clipboard's HTML (`text/html`) for the same text; its structure improves the verdicts. */
  html?: string | null;
}

/** Where `init` finds the WebAssembly: a URL/path, a `Response`, bytes or a compiled module. */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads the WebAssembly once (later calls return at once). Needed before `analyze`/`clean`
 * in browsers and extensions; a no-op in Node, where the package loads itself.
 * With no argument the `.wasm` next to the package's JS is fetched.
 */
export default function init(
  input?: { module_or_path: InitInput | Promise<InitInput> },
): Promise<void>;
export { init };

/** Loads the WebAssembly synchronously from its bytes or a compiled module. */
export function initSync(input: { module: BufferSource | WebAssembly.Module }): void;

/**
 * Finds the noise in `text` and judges each of its lines. Throws a `TypeError` for a
 * non-string `text` or bad `options`.
 */
export function analyze(text: string, options?: Options | null): Report;

/** `text` without its noise; every other UTF-16 code unit is kept as it was. */
export function clean(text: string, options?: Options | null): string;
