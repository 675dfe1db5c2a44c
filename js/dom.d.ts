// Types of straytext/dom (js/dom.js): the DOM layer shared by the paste box and the extension.
// Offsets are UTF-16 code units (JavaScript string indices), like the report's start/end.

/** The finding kinds of the contract, in the order their highlights are layered. */
export declare const KINDS: readonly [
  "ui_text",
  "foreign_language",
  "foreign_script",
  "mixed_script_word",
  "invisible",
];

/**
 * Maps offsets of a collected text back to the DOM. Piece `i` covers text offsets
 * [starts[i], ends[i]) and holds the data [nodeStarts[i], nodeEnds[i]) of `nodes[i]`; the two
 * lengths differ only for a collapsed white-space run shown as one space. Line breaks and tabs
 * the text added between blocks and cells belong to no piece. Valid until the DOM changes.
 */
export interface TextMap {
  /** Length of the collected text. */
  readonly length: number;
  readonly nodes: readonly Text[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly nodeStarts: Int32Array;
  readonly nodeEnds: Int32Array;
  /** The <br> elements that made a line break or an empty line, in document order. */
  readonly brs: readonly Element[];
  /** Text offset just before each <br>'s line break (for an empty line: the line's offset). */
  readonly brBefore: Int32Array;
  /** Text offset just after it (equal to brBefore for an empty line). */
  readonly brAfter: Int32Array;
}

/** What collectText returns. */
export interface Collected {
  /** The visible text, as a reader sees it. */
  text: string;
  map: TextMap;
}

export interface CollectOptions {
  /**
   * Read computed styles (display, visibility, white-space) when the root is rendered.
   * Default true; with false only tag names and the hidden / aria-hidden attributes are used.
   */
  styles?: boolean;
}

/** The parts of a report finding the DOM layer reads (the full report type fits it). */
export interface FindingLike {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly reason?: string;
  readonly subkind?: string;
}

/** The parts of a report the DOM layer reads. */
export interface ReportLike {
  readonly findings: readonly FindingLike[];
}

export interface HighlightOptions {
  /** Leave out findings scoring below this. Default 0. */
  threshold?: number;
  /** Only these kinds (an array or a set; a string is refused). Default: every kind found. */
  kinds?: Iterable<string> & object;
  /** Highlight names are `prefix + kind`. Default "straytext-". */
  prefix?: string;
}

/** What highlightReport returns. */
export interface HighlightHandle {
  /** Findings shown, per kind (every kind asked for is present, with 0 when none). */
  counts: Record<string, number>;
  /**
   * The ranges registered, per kind (only kinds with at least one range). They are shared with
   * later calls over the same map (and live: they follow DOM edits): read them, do not move them.
   */
  ranges: Map<string, Range[]>;
  /** Removes the highlights this call registered (not ones registered since under the same name). */
  clear(): void;
}

/** The visible text of `root` the way a reader sees it, with a map back to the DOM. */
export declare function collectText(root: Element, options?: CollectOptions): Collected;

/** A DOM Range for text offsets [start, end), or null when the span holds no DOM text. */
export declare function toRange(map: TextMap, start: number, end: number): Range | null;

/** The DOM position of a text offset (for placing a caret), or null. */
export declare function toPosition(map: TextMap, offset: number): { node: Text; offset: number } | null;

/** The text offset of a DOM position (a caret, a selection end), or null. */
export declare function toOffset(map: TextMap, node: Node, offset: number): number | null;

/**
 * Registers one CSS highlight per kind (`prefix + kind`), replacing what an earlier call left
 * under that prefix; never modifies the DOM. Throws a `TypeError` for a report without a
 * `findings` array, a threshold that is not a number (or is NaN), or `kinds` given as a string.
 */
export declare function highlightReport(
  report: ReportLike,
  map: TextMap,
  options?: HighlightOptions,
): HighlightHandle;

/** Removes every registered highlight whose name starts with `prefix` (default "straytext-"). */
export declare function clearHighlights(prefix?: string): void;

/** HTML describing the structure of `root`, to pass as `options.html` with collectText(root).text. */
export declare function structureHtml(root: Element, options?: CollectOptions): string;

/** A non-empty line as the core cuts it: trimmed [start, end), full [fullStart, fullEnd). */
export interface LineSpan {
  start: number;
  end: number;
  fullStart: number;
  fullEnd: number;
}

/** The non-empty lines of `text`, cut and trimmed the way the core cuts them. */
export declare function lineSpans(text: string): LineSpan[];

/** The [start, end) spans cleaning removes at `threshold` (default 0), sorted and disjoint. */
export declare function removedSpans(text: string, report: ReportLike, threshold?: number): [number, number][];

/**
 * `text` without the findings scoring at least `threshold`; equals the core's clean() at 0.
 * Throws a `TypeError` for a non-string text, a report without a `findings` array, or a threshold
 * that is not a number (or is NaN); so does removedSpans.
 */
export declare function cleanText(text: string, report: ReportLike, threshold?: number): string;
