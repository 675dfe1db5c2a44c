// The paste box and the DOM layer, in real Chromium (Debian's /usr/bin/chromium driven by
// playwright-core; never a DOM imitation). Needs the wasm build in pkg/ (npm run build).
//
//   node --test tests/js/pastebox.test.mjs
//
// Screenshots go to test-results/ (git-ignored): look at them.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

const ROOT = new URL("../../", import.meta.url);
const EXAMPLE = fileURLToPath(new URL("../shared/examples/news-article-pasted.txt", ROOT));
const RESULTS = fileURLToPath(new URL("test-results/", ROOT));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const HAVE_PKG = existsSync(new URL("pkg/straytext.js", ROOT)) && existsSync(new URL("pkg/straytext_bg.wasm", ROOT));
const HAVE_EXAMPLE = existsSync(EXAMPLE);
// Without the build or the browser these suites cannot prove anything: fail, never skip.
assert.ok(HAVE_PKG, "pkg/ is not built: run npm run build first");
assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: run npm run setup (or set CHROMIUM)`);

/** @type {import("playwright-core").Browser} */
let browser;
/** @type {import("node:http").Server} */
let server;
/** @type {string} */
let origin;

before(async () => {
  const started = await serve({ port: 0 });
  server = started.server;
  origin = started.url.replace(/\/$/, "");
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
  mkdirSync(RESULTS, { recursive: true });
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    server?.close();
  }
});

/**
 * A fresh context with clipboard permissions, watching every request (page and workers) and
 * every page error.
 * @param {{ colorScheme?: "light" | "dark", viewport?: { width: number, height: number } }} [options]
 */
async function newContext(options = {}) {
  const context = await browser.newContext({
    permissions: ["clipboard-read", "clipboard-write"],
    viewport: options.viewport ?? { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? "light",
  });
  /** @type {string[]} */
  const requests = [];
  /** @type {string[]} */
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  context.on("page", (p) => {
    p.on("pageerror", (e) => errors.push(e.message));
    p.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  });
  return { context, requests, errors };
}

/**
 * Opens the paste box and waits until the wasm is loaded.
 * @param {import("playwright-core").BrowserContext} context
 */
async function openPasteBox(context) {
  const page = await context.newPage();
  await page.goto(`${origin}/www/`);
  await page.waitForFunction(() => document.body.dataset.status === "ready", null, { timeout: 30_000 });
  return page;
}

/**
 * Waits for the analysis after `action` to be shown.
 * @param {import("playwright-core").Page} page
 * @param {() => Promise<unknown>} action
 * @param {number} [timeout]
 */
async function analysed(page, action, timeout = 30_000) {
  const before = Number(await page.evaluate(() => document.body.dataset.analyses ?? "0"));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.analyses ?? "0") > n && document.body.dataset.status === "done", before, { timeout });
}

/**
 * Puts text/plain (and text/html) on the clipboard and pastes with Ctrl+V in the editor.
 * @param {import("playwright-core").Page} page
 * @param {string} text
 * @param {string | null} html
 */
async function realPaste(page, text, html) {
  await page.evaluate(async ([t, h]) => {
    /** @type {Record<string, Blob>} */
    const items = {};
    if (t !== null) items["text/plain"] = new Blob([t], { type: "text/plain" });
    if (h !== null) items["text/html"] = new Blob([h], { type: "text/html" });
    await navigator.clipboard.write([new ClipboardItem(items)]);
  }, [text, html]);
  await page.click("#editor");
  await page.keyboard.press("Control+V");
}

/** Every highlight registered: name → the text of each range. */
function highlightTexts(page) {
  return page.evaluate(() => Object.fromEntries([...CSS.highlights].map(([name, h]) => [name, [...h].map((r) => r.toString())])));
}

/**
 * Per line of the editor: its text and the highlights that touch it.
 * @param {import("playwright-core").Page} page
 * @returns {Promise<{ text: string, names: string[] }[]>}
 */
function lineCoverage(page) {
  return page.evaluate(() => {
    const editor = /** @type {HTMLElement} */ (document.getElementById("editor"));
    return [...editor.children].map((div) => {
      const names = [];
      for (const [name, h] of CSS.highlights) {
        for (const r of h) {
          if (/** @type {Range} */ (r).intersectsNode(div) && !r.collapsed) {
            const text = div.firstChild;
            // touching the line's text, not only its boundary
            const inside = text && text.nodeType === 3 && r.comparePoint(text, text.length) >= 0 && r.comparePoint(text, 0) <= 0;
            const starts = r.startContainer === text && r.startOffset < (text?.length ?? 0);
            if (inside || starts) { names.push(name); break; }
          }
        }
      }
      return { text: div.textContent ?? "", names };
    });
  });
}

/**
 * An HTML version of a pasted page's text, as a browser's clipboard would carry it (lines as
 * paragraphs; short lines in a nav list), plus a script that must never run.
 * @param {string} text
 */
/**
 * The clipboard HTML a browser would give for `text`, shaped like a news page: the lines before
 * the first paragraph of prose as menu links, the article (prose as `<p>`, short lines as
 * headings) in `<article>`, and the lines after its last paragraph in a comment widget; a
 * script that must never run rides along.
 * @param {string} text
 */
function htmlOf(text) {
  const esc = (/** @type {string} */ s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l);
  const prose = (/** @type {string} */ l) => l.length >= 120;
  const first = lines.findIndex(prose);
  const last = lines.findLastIndex(prose);
  const menu = lines.slice(0, first).map((l) => `<li><a href="/x">${esc(l)}</a></li>`).join("\n");
  const article = lines.slice(first, last + 1).map((l) => (prose(l) ? `<p>${esc(l)}</p>` : `<h2>${esc(l)}</h2>`)).join("\n");
  const widget = lines.slice(last + 1).map((l) => `<div class="comment-meta"><span>${esc(l)}</span></div>`).join("\n");
  return `<meta charset="utf-8"><html><body><script>window.__pwned = "clipboard script"</script>` +
    `<header><nav><ul>${menu}</ul></nav></header><article>${article}</article>` +
    `<section id="comments" class="comments-area">${widget}</section></body></html>`;
}

describe("the DOM layer (js/dom.js) in the browser", () => {
  /** @type {import("playwright-core").BrowserContext} */
  let context;
  /** @type {import("playwright-core").Page} */
  let page;
  before(async () => {
    ({ context } = await newContext());
    page = await context.newPage();
    await page.goto(`${origin}/tests/js/dom.html`);
  });
  after(() => context.close());

  test("collectText reads what a reader sees", async () => {
    const cases = await page.evaluate(async () => {
      const dom = await import("/js/dom.js");
      const f = /** @type {HTMLElement} */ (document.getElementById("fixture"));
      /** @param {string} html */
      const read = (html) => { f.innerHTML = html; return dom.collectText(f).text; };
      return {
        mixed: read(`<h1>Title</h1><p>First   paragraph
          with <b>bold</b> text.</p><div hidden>HIDDEN</div><script>var x = "SCRIPT"</script><style>p{color:red}</style><template>TEMPLATE</template><noscript>NOSCRIPT</noscript><span style="display:none">NONE</span><span style="visibility:hidden">INVISIBLE</span><span aria-hidden="true">ARIA</span><div>Line one<br>Line two<br></div>`),
        nested: read(`<div><div>outer <div>inner <span>span</span></div> tail</div></div><ul><li>one</li><li>two <a href="#">link</a></li></ul>`),
        emptyLines: read(`<div>a</div><div><br></div><div>b</div>`),
        rtl: read(`<p dir="rtl">يوم متبقٍ</p><p>AUGUST 2025 <bdi>يوم متبقٍ</bdi></p><p dir="rtl">שלום עולם</p>`),
        emoji: read(`<p>Thumbs 👍🏽 and the flag 🇫🇷 and a family 👨‍👩‍👧 and é (e + ◌́: e\u0301)</p>`),
        table: read(`<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>`),
        pre: read(`<pre>keep   these
  spaces</pre>after`),
        visibleInsideHidden: read(`<div style="visibility:hidden">gone <span style="visibility:visible">shown</span></div>`),
        inlineBlocks: read(`<span>one</span><span style="display:block">two</span><span>three</span>`),
        details: read(`<details><summary>More</summary>closed content</details><details open><summary>Open</summary><p>shown</p></details>`),
        contentHidden: read(`<div style="content-visibility:hidden">not rendered</div><div>rendered</div>`),
        detached: (() => {
          const doc = new DOMParser().parseFromString(`<body><p>a <span style="display:none">none</span><span style="visibility:hidden">invisible</span></p><span style="display:block">block</span><script>s()</script><div hidden>h</div>b</body>`, "text/html");
          return dom.collectText(doc.body).text;
        })(),
      };
    });
    assert.equal(cases.mixed, "Title\n\nFirst paragraph with bold text.\n\nLine one\nLine two");
    assert.equal(cases.nested, "outer\ninner span\ntail\none\ntwo link");
    assert.equal(cases.emptyLines, "a\n\nb");
    assert.equal(cases.rtl, "يوم متبقٍ\n\nAUGUST 2025 يوم متبقٍ\n\nשלום עולם");
    assert.equal(cases.emoji, "Thumbs 👍🏽 and the flag 🇫🇷 and a family 👨‍👩‍👧 and é (e + ◌́: e\u0301)");
    assert.equal(cases.table, "a\tb\nc\td");
    assert.equal(cases.pre, "keep   these\n  spaces\nafter");
    assert.equal(cases.visibleInsideHidden, "shown");
    assert.equal(cases.inlineBlocks, "one\ntwo\nthree");
    assert.equal(cases.details, "More\nOpen\n\nshown");
    assert.equal(cases.contentHidden, "rendered");
    assert.equal(cases.detached, "a\n\nblock\nb");
  });

  test("collectText agrees with innerText where innerText follows what is seen", async () => {
    const pairs = await page.evaluate(async () => {
      const dom = await import("/js/dom.js");
      const f = /** @type {HTMLElement} */ (document.getElementById("fixture"));
      const htmls = [
        `<article><h2>Heading</h2><p>Some <em>emphasis</em>, a <a href="#">link</a>.</p><ul><li>x</li><li>y</li></ul><blockquote>Quote</blockquote></article>`,
        `<p>one<br>two</p><p>three</p>`,
        `<div>  leading and trailing   </div><div>\n\tindented\n</div>`,
      ];
      return htmls.map((h) => { f.innerHTML = h; return [dom.collectText(f).text, f.innerText]; });
    });
    for (const [ours, inner] of pairs) assert.equal(ours, inner);
  });

  test("toRange round-trips: range.toString() is the text's slice", async () => {
    const failures = await page.evaluate(async () => {
      const dom = await import("/js/dom.js");
      const f = /** @type {HTMLElement} */ (document.getElementById("fixture"));
      f.style.whiteSpace = "pre-wrap";
      f.innerHTML = `<div>Plain <b>bold</b> and <i>it<u>al</u>ic</i></div><div dir="rtl">يوم <span>متبقٍ</span> AUGUST</div>`
        + `<div>👍🏽 e\u0301 🇫🇷 x</div><div><br></div><div>tail<br>after break</div>`;
      const { text, map } = dom.collectText(f);
      const out = [];
      for (let s = 0; s < text.length; s++) {
        for (let e = s + 1; e <= text.length; e++) {
          const slice = text.slice(s, e);
          const r = dom.toRange(map, s, e);
          const got = r ? r.toString() : null;
          // Line breaks between blocks are not in any text node: compare without them.
          const want = slice.replace(/\n/g, "");
          if (want === "" ? got !== null : got === null || got.replace(/\n/g, "") !== want) out.push({ s, e, slice, got });
          if (!slice.includes("\n") && got !== slice) out.push({ s, e, slice, got, exact: true });
        }
      }
      f.style.whiteSpace = "";
      return { failures: out.slice(0, 5), count: out.length, text };
    });
    assert.equal(failures.text, "Plain bold and italic\nيوم متبقٍ AUGUST\n👍🏽 e\u0301 🇫🇷 x\n\ntail\nafter break");
    assert.deepEqual(failures.failures, []);
  });

  test("toRange on collapsed white space, toPosition and toOffset invert each other", async () => {
    const result = await page.evaluate(async () => {
      const dom = await import("/js/dom.js");
      const f = /** @type {HTMLElement} */ (document.getElementById("fixture"));
      f.innerHTML = `<p>  many    spaces\n here  </p><div>x<br><br></div><div>y</div>`;
      const { text, map } = dom.collectText(f);
      const word = dom.toRange(map, text.indexOf("spaces"), text.indexOf("spaces") + 6)?.toString();
      const across = dom.toRange(map, 0, text.indexOf("here") + 4)?.toString().replace(/\s+/g, " ");
      const mismatches = [];
      for (let o = 0; o <= text.length; o++) {
        const p = dom.toPosition(map, o);
        if (!p) { mismatches.push({ o, p: null }); continue; }
        const back = dom.toOffset(map, p.node, p.offset);
        // Offsets on line breaks the text added map to the end of the line before them.
        const expected = text[o - 1] === "\n" && (o === text.length || text[o] === "\n") ? null : o;
        if (expected !== null && back !== expected) mismatches.push({ o, back });
      }
      // A caret in the empty line (the element holding only a <br>).
      const emptyLine = /** @type {Element} */ (f.children[1]);
      const caretAfterBr = dom.toOffset(map, emptyLine, 2);
      return { text, word, across, mismatches, caretAfterBr };
    });
    assert.equal(result.text, "many spaces here\n\nx\n\ny");
    assert.equal(result.word, "spaces");
    assert.equal(result.across, "many spaces here");
    assert.deepEqual(result.mismatches, []);
    assert.equal(result.caretAfterBr, result.text.indexOf("x") + 2);
  });

  test("highlightReport registers one highlight per kind, leaves the DOM alone, and clears", async () => {
    const r = await page.evaluate(async () => {
      const dom = await import("/js/dom.js");
      const f = /** @type {HTMLElement} */ (document.getElementById("fixture"));
      f.innerHTML = `<p>Subscribe</p><p>The talks ended on Sunday. يوم متبقٍ</p><p>55 Comments</p>`;
      const before = f.innerHTML;
      const { text, map } = dom.collectText(f);
      /** @param {string} s @param {string} kind @param {number} score */
      const finding = (s, kind, score) => ({ kind, score, reason: "test", start: text.indexOf(s), end: text.indexOf(s) + s.length });
      const report = { findings: [finding("Subscribe", "ui_text", 0.9), finding("يوم متبقٍ", "foreign_script", 0.97), finding("55 Comments", "ui_text", 0.6)] };
      const h = dom.highlightReport(report, map);
      const names = [...CSS.highlights.keys()].sort();
      const uiTexts = [...(CSS.highlights.get("straytext-ui_text") ?? [])].map((x) => x.toString());
      const narrowed = dom.highlightReport(report, map, { kinds: ["foreign_script"] });
      const afterNarrowing = [...CSS.highlights.keys()].sort();
      narrowed.clear();
      const h2 = dom.highlightReport(report, map);
      const strict = dom.highlightReport(report, map, { threshold: 0.8, kinds: ["ui_text"], prefix: "other-" });
      const strictNames = [...CSS.highlights.keys()].filter((k) => k.startsWith("other-"));
      const strictCounts = strict.counts;
      strict.clear();
      const afterStrictClear = [...CSS.highlights.keys()].sort();
      h.clear(); // an older handle: what h2 registered since stays
      const afterStaleClear = [...CSS.highlights.keys()].sort();
      h2.clear();
      const afterClear = [...CSS.highlights.keys()];
      dom.highlightReport(report, map);
      dom.clearHighlights();
      return { names, afterNarrowing, afterStaleClear, uiTexts, counts: h.counts, strictNames, strictCounts, afterStrictClear, afterClear, afterAll: [...CSS.highlights.keys()], unchanged: f.innerHTML === before };
    });
    assert.deepEqual(r.names, ["straytext-foreign_script", "straytext-ui_text"]);
    assert.deepEqual(r.afterNarrowing, ["straytext-foreign_script"], "a second call replaces the first");
    assert.deepEqual(r.uiTexts, ["Subscribe", "55 Comments"]);
    assert.equal(r.counts.ui_text, 2);
    assert.equal(r.counts.foreign_script, 1);
    assert.equal(r.counts.invisible, 0);
    assert.deepEqual(r.strictNames, ["other-ui_text"]);
    assert.deepEqual(r.strictCounts, { ui_text: 1 });
    assert.deepEqual(r.afterStrictClear, ["straytext-foreign_script", "straytext-ui_text"]);
    assert.deepEqual(r.afterStaleClear, ["straytext-foreign_script", "straytext-ui_text"]);
    assert.deepEqual(r.afterClear, []);
    assert.deepEqual(r.afterAll, []);
    assert.ok(r.unchanged, "the DOM was modified");
  });

  test("structureHtml keeps the page's structure and nothing hidden or executable", async () => {
    const result = await page.evaluate(async () => {
      const dom = await import("/js/dom.js");
      const f = /** @type {HTMLElement} */ (document.getElementById("fixture"));
      f.innerHTML = `<nav class="menu"><ul><li><a href="/home" onclick="x()">Home</a></li></ul></nav>`
        + `<article><h1 id="t">Title &amp; more</h1><figure><img src="data:," alt="x"><figcaption>Photo</figcaption></figure><p style="color:red">Body <b>text</b> &lt;tag&gt;</p></article>`
        + `<aside role="complementary">Related</aside><button type="button">Share</button><footer>© 2026</footer>`
        + `<script>var secret = 1</script><style>.x{}</style><div hidden>hidden text</div><span style="display:none">none</span><span style="display:block">block span</span>`;
      const structure = dom.structureHtml(f);
      // It goes to the core as options.html with the collected text.
      const st = await import("/pkg/straytext.js");
      await st.default();
      const { text } = dom.collectText(f);
      const report = /** @type {(t: string, o?: { html?: string }) => { findings: { start: number, end: number }[] }} */ (st.analyze)(text, { html: structure });
      return { structure, text, inRange: report.findings.every((x) => x.end <= text.length) };
    });
    assert.equal(result.text, "Home\nTitle & more\nPhoto\n\nBody text <tag>\n\nRelated\nShare\n© 2026\nblock span");
    assert.ok(result.inRange);
    const html = result.structure;
    assert.match(html, /<nav class="menu"><ul><li><a href="\/home">Home<\/a><\/li><\/ul><\/nav>/);
    assert.match(html, /<h1 id="t">Title &amp; more<\/h1>/);
    assert.match(html, /<figcaption>Photo<\/figcaption>/);
    assert.match(html, /<p>Body <b>text<\/b> &lt;tag&gt;<\/p>/);
    assert.match(html, /<aside role="complementary">Related<\/aside><button type="button">Share<\/button><footer>© 2026<\/footer>/);
    assert.match(html, /<div>block span<\/div>/);
    for (const gone of ["secret", "<script", "<style", "hidden text", "none", "onclick", "style="]) assert.ok(!html.includes(gone), `${gone} in ${html}`);
  });

  test("cleanText agrees with the core's clean at threshold 0", async (t) => {
    const texts = [];
    if (HAVE_EXAMPLE) texts.push(readFileSync(EXAMPLE, "utf8"));
    for (const name of ["en-news", "ar-news", "ja-blog", "ru-news", "es-recipe"]) {
      texts.push(readFileSync(new URL(`www/examples/${name}.txt`, ROOT), "utf8"));
    }
    texts.push("  Subscribe  \r\n\r\nThe talks ended on Sunday without an agreement, officials said.\r\n55 Comments\u2028x");
    const result = await page.evaluate(async (all) => {
      const dom = await import("/js/dom.js");
      const st = await import("/pkg/straytext.js");
      await st.default();
      return all.map((text) => {
        const report = st.analyze(text);
        const ours = dom.cleanText(text, report, 0);
        const theirs = typeof st.clean === "function" ? st.clean(text) : null;
        const all = dom.cleanText(text, report, 1.01);
        return { ours, theirs, unchangedAboveOne: all === text, findings: report.findings.length };
      });
    }, texts);
    for (const [i, r] of result.entries()) {
      assert.ok(r.findings > 0, `text ${i} has findings`);
      assert.ok(r.unchangedAboveOne);
      if (r.theirs === null) {
        t.diagnostic("the wasm build exports no clean() yet: only cleanText was checked");
        continue;
      }
      assert.equal(r.ours, r.theirs, `text ${i}`);
    }
  });
});

describe("the paste box (www/)", () => {
  test("serves a strict Content-Security-Policy and loads nothing from elsewhere", async () => {
    const { context, requests, errors } = await newContext();
    const page = await openPasteBox(context);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp ?? "", /default-src 'self'/);
    assert.match(csp ?? "", /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.equal(await page.evaluate(() => document.body.dataset.engine), "worker");
    for (const url of requests) assert.ok(url.startsWith(origin + "/"), url);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a real paste (Ctrl+V, text/plain + text/html) of the news page highlights its noise and no paragraph", { skip: HAVE_EXAMPLE ? false : `${EXAMPLE} is absent` }, async () => {
    const text = readFileSync(EXAMPLE, "utf8");
    const { context, requests, errors } = await newContext();
    const page = await openPasteBox(context);
    const requestsBefore = requests.length;
    await analysed(page, () => realPaste(page, text, htmlOf(text)));
    assert.equal(await page.evaluate(() => document.body.dataset.html), "yes", "the clipboard's HTML went to the analyzer");
    assert.equal(await page.evaluate(() => /** @type {{ __pwned?: string }} */ (window).__pwned), undefined);
    // The editor holds the pasted text, as text.
    const shown = await page.evaluate(async () => {
      const dom = await import("/js/dom.js");
      return dom.collectText(/** @type {HTMLElement} */ (document.getElementById("editor"))).text;
    });
    assert.equal(shown, text.replace(/\r\n?/g, "\n"));
    assert.equal(await page.locator("#editor *:not(div):not(br)").count(), 0);

    const lines = await lineCoverage(page);
    const noise = ["0 $", "2,500 $", "5,000 $", "500 $", "FILE IMAGE", "Subscribe", "Notify of", "guest", "55 Comments", "Oldest", "Newest Most Voted", "Inline Feedbacks", "View all comments", "Would love your thoughts, please comment.x"];
    for (const line of noise) {
      const found = lines.filter((l) => l.text.trim() === line);
      assert.ok(found.length > 0, `line ${line} is in the editor`);
      for (const l of found) assert.ok(l.names.length > 0, `noise line ${JSON.stringify(line)} is highlighted`);
    }
    const paragraphs = lines.filter((l) => l.text.length > 120);
    assert.ok(paragraphs.length >= 20, "the article's paragraphs are in the editor");
    for (const p of paragraphs) assert.deepEqual(p.names, [], `paragraph highlighted: ${p.text.slice(0, 60)}…`);

    const texts = await highlightTexts(page);
    assert.ok((texts["straytext-foreign_script"] ?? []).includes("يوم متبقٍ"), `the Arabic words are highlighted: ${JSON.stringify(texts["straytext-foreign_script"])}`);
    const arabicLine = await page.evaluate(() => [...document.querySelectorAll("#editor > div")].find((d) => d.textContent?.includes("AUGUST 2025"))?.getAttribute("dir"));
    assert.equal(arabicLine, "rtl", "the line whose letters are mostly Arabic reads right to left");
    assert.equal(await page.getAttribute("#editor", "dir"), "ltr");

    assert.deepEqual(requests.slice(requestsBefore), [], "no request after the paste");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("pasted HTML never runs or loads: scripts, handlers, iframes, styles, javascript: links", async () => {
    const { context, requests, errors } = await newContext();
    const page = await openPasteBox(context);
    await page.evaluate(() => {
      window.addEventListener("securitypolicyviolation", (e) => { /** @type {any} */ (window).__violations = (/** @type {any} */ (window).__violations ?? 0) + 1; });
    });
    const payloads = [
      `<script>window.__pwned = "script"</script>`,
      `<img src="/pwned-img" onerror="window.__pwned = 'img onerror'">`,
      `<img src=x onerror=window.__pwned=1>`,
      `<iframe src="/pwned-iframe" onload="window.__pwned = 'iframe'"></iframe>`,
      `<iframe srcdoc="<script>parent.__pwned = 'srcdoc'</script>"></iframe>`,
      `<style>@import url(/pwned-import); body { background: url(/pwned-bg) }</style>`,
      `<link rel="stylesheet" href="/pwned-link">`,
      `<a href="javascript:window.__pwned = 'javascript link'">click me</a>`,
      `<svg onload="window.__pwned = 'svg'"><image href="/pwned-svg-image"/></svg>`,
      `<object data="/pwned-object"></object><embed src="/pwned-embed">`,
      `<video poster="/pwned-poster" src="/pwned-video"></video><audio src="/pwned-audio" autoplay></audio>`,
      `<details open ontoggle="window.__pwned = 'details'">x</details>`,
      `<input autofocus onfocus="window.__pwned = 'input'">`,
      `<meta http-equiv="refresh" content="0; url=/pwned-refresh"><base href="http://example.invalid/">`,
      `<div style="background-image: url(/pwned-inline-style)">styled</div>`,
      `<form action="/pwned-form"><button>Send</button></form>`,
    ];
    const html = `<html><body><p>Before the payloads.</p>${payloads.join("\n")}<p>After the payloads.</p>`
      // Last, as it leaves its elements open: markup that mutates when parsed again (mXSS).
      + `<math><mtext><table><mglyph><style><img src=/pwned-mxss onerror=window.__pwned='mxss'></body></html>`;
    const plain = `Before the payloads.\n<script>window.__pwned = "plain"</script>\n<img src=x onerror=window.__pwned=1>\nAfter the payloads.`;
    const before = requests.length;
    const EMBEDDED = "iframe, object, embed, img, svg, video, audio, body style, body script, body link, form, input, meta[http-equiv=refresh], base";
    const embeddedBefore = await page.locator(EMBEDDED).count(); // the page's own controls
    /** @param {string | null} t @param {string} h */
    const syntheticPaste = (t, h) => page.evaluate(([t, h]) => {
      // A paste event carrying the raw HTML (the async clipboard sanitizes what it writes).
      const dt = new DataTransfer();
      if (t !== null) dt.setData("text/plain", t);
      dt.setData("text/html", h);
      document.getElementById("editor")?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }, [t, h]);
    const pastes = [
      ["real paste, text and HTML", () => realPaste(page, plain, html)],
      ["real paste, HTML only", () => realPaste(page, /** @type {any} */ (null), html)],
      ["paste event with raw HTML", () => syntheticPaste(plain, html)],
      ["paste event with raw HTML only", () => syntheticPaste(null, html)],
    ];
    for (const [name, paste] of pastes) {
      await page.click("#clear");
      await analysed(page, /** @type {() => Promise<unknown>} */ (paste));
      await page.waitForTimeout(300); // give anything that could load or run the time to do it
      const after = await page.evaluate((selector) => ({
        pwned: /** @type {any} */ (window).__pwned,
        elements: [...document.querySelectorAll("#editor *")].map((e) => e.tagName).filter((t) => t !== "DIV" && t !== "BR"),
        embedded: document.querySelectorAll(selector).length,
        text: document.getElementById("editor")?.textContent ?? "",
        html: document.body.dataset.html,
      }), EMBEDDED);
      assert.equal(after.pwned, undefined, `${name}: nothing ran`);
      assert.deepEqual(after.elements, [], `${name}: only line elements in the editor`);
      assert.equal(after.embedded, embeddedBefore, `${name}: no element added to the page`);
      assert.match(after.text, /Before the payloads\./, name);
      assert.match(after.text, /After the payloads\./, name);
      assert.equal(after.html, "yes", name);
      assert.deepEqual(requests.slice(before), [], `${name}: nothing loaded`);
    }

    // Markup in the plain text is shown as text.
    await page.click("#clear");
    await analysed(page, () => realPaste(page, plain, null));
    const text = await page.locator("#editor").textContent();
    assert.ok(text?.includes(`<script>window.__pwned = "plain"</script>`), text ?? "");
    assert.ok(text?.includes("<img src=x onerror=window.__pwned=1>"));
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
    assert.deepEqual(requests.slice(before), []);
    // Parsing the HTML (Chrome's clipboard sanitizer, DOMParser) reports the handlers, styles
    // and <base> it met to the page's CSP as blocked; nothing else may reach the console.
    assert.deepEqual(errors.filter((e) => !/violates the following Content Security Policy directive.*(blocked|The action has been blocked)/s.test(e)), []);
    await context.close();
  });

  test("Copy clean text puts exactly the core's clean text on the clipboard; the threshold changes it", { skip: HAVE_EXAMPLE ? false : `${EXAMPLE} is absent` }, async () => {
    const text = readFileSync(EXAMPLE, "utf8");
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    await analysed(page, () => realPaste(page, text, null));
    await page.click("#copy-clean");
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.startsWith("Clean text copied"));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const reference = await page.evaluate(async (t) => {
      const st = await import("/pkg/straytext.js");
      await st.default();
      const dom = await import("/js/dom.js");
      const report = st.analyze(t);
      return {
        clean: typeof st.clean === "function" ? st.clean(t) : null,
        cleanText: dom.cleanText(t, report, 0),
        strict: dom.cleanText(t, report, 0.9),
      };
    }, text);
    if (reference.clean !== null) assert.equal(copied, reference.clean);
    assert.equal(copied, reference.cleanText);
    assert.ok(!copied.includes("2,500 $") && !copied.includes("View all comments") && !copied.includes("يوم"));
    assert.ok(copied.includes("On October 12th, Zalmay Khalilzad, the US special envoy"));

    // At a minimum score of 0.9, findings below it stay in the text.
    await page.locator("#threshold").fill("0.9");
    await page.click("#copy-clean");
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.startsWith("Clean text copied"));
    const strict = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(strict, reference.strict);
    assert.notEqual(strict, copied);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("per-kind toggles and the score threshold change the highlights", async () => {
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    await analysed(page, () => page.click('[data-example="en-news"]'));
    const names = async () => (await page.evaluate(() => [...CSS.highlights.keys()])).sort();
    assert.deepEqual(await names(), ["straytext-foreign_script", "straytext-invisible", "straytext-mixed_script_word", "straytext-ui_text"]);
    const shownBefore = Number(await page.evaluate(() => document.body.dataset.shown));
    await page.getByRole("checkbox", { name: /Stray UI text/ }).uncheck();
    assert.deepEqual(await names(), ["straytext-foreign_script", "straytext-invisible", "straytext-mixed_script_word"]);
    const shownWithout = Number(await page.evaluate(() => document.body.dataset.shown));
    assert.ok(shownWithout < shownBefore);
    assert.equal(await page.locator("#findings .finding[data-kind=ui_text]").count(), 0);
    await page.getByRole("checkbox", { name: /Foreign script/ }).uncheck();
    assert.deepEqual(await names(), ["straytext-invisible", "straytext-mixed_script_word"]);
    await page.getByRole("checkbox", { name: /Stray UI text/ }).check();
    await page.getByRole("checkbox", { name: /Foreign script/ }).check();
    assert.deepEqual(await names(), ["straytext-foreign_script", "straytext-invisible", "straytext-mixed_script_word", "straytext-ui_text"]);

    const sizeAt = async (/** @type {string} */ v) => {
      await page.locator("#threshold").fill(v);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve))); // re-rendered once per frame
      return page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
    };
    const all = await sizeAt("0");
    const high = await sizeAt("0.9");
    const none = await sizeAt("1");
    assert.ok(all > high && high > 0, `${all} > ${high} > 0`);
    assert.ok(none < high);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("the keyboard goes from finding to finding, and the caret shows what is there", async () => {
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    await analysed(page, () => page.click('[data-example="en-news"]'));
    const findings = await page.evaluate(() => [...document.querySelectorAll("#findings .finding-text")].map((e) => e.textContent));
    await page.focus("#editor");
    await page.evaluate(() => document.getSelection()?.collapse(document.getElementById("editor"), 0));
    const selected = () => page.evaluate(() => document.getSelection()?.toString());
    await page.keyboard.press("F8");
    assert.equal(await selected(), findings[0]);
    await page.keyboard.press("F8");
    assert.equal(await selected(), findings[1]);
    await page.keyboard.press("Alt+ArrowDown");
    assert.equal(await selected(), findings[2]);
    await page.keyboard.press("Shift+F8");
    assert.equal(await selected(), findings[1]);
    assert.equal(await page.getAttribute("#findings [aria-current=true]", "data-index"), "1");
    // Shift+F8 from the first wraps to the last.
    await page.keyboard.press("Alt+ArrowUp");
    await page.keyboard.press("Shift+F8");
    assert.equal(await page.evaluate(() => document.body.dataset.current), String(Number(await page.evaluate(() => document.body.dataset.shown)) - 1));
    // The tooltip shows kind, reason and score of the finding under the caret.
    await page.keyboard.press("F8");
    const tip = await page.locator("#tooltip");
    assert.ok(await tip.isVisible());
    assert.match((await tip.textContent()) ?? "", /Stray UI text .*score (?:0\.\d\d|1\.00).*reads like/);
    // The announcement is written on the next animation frame (a fresh text node is read again).
    await page.waitForFunction(() => /Finding 1 of \d+/.test(document.getElementById("announce")?.textContent ?? ""), null, { timeout: 5000 });
    // Clicking a finding in the list selects it in the text.
    await page.locator("#findings .finding").nth(5).click();
    assert.equal(await selected(), findings[5]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("hovering highlighted text shows its kind, reason and score", async () => {
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    await analysed(page, () => page.click('[data-example="en-news"]'));
    const box = await page.evaluate(() => {
      const div = [...document.querySelectorAll("#editor > div")].find((d) => d.textContent === "Subscribe");
      const r = div?.firstChild ? document.createRange() : null;
      if (!r || !div?.firstChild) return null;
      r.selectNodeContents(div.firstChild);
      const rect = r.getBoundingClientRect();
      div.scrollIntoView({ block: "center" });
      const again = r.getBoundingClientRect();
      return { x: again.left + again.width / 2, y: again.top + again.height / 2, w: rect.width };
    });
    assert.ok(box);
    await page.mouse.move(box.x, box.y);
    await page.waitForSelector("#tooltip:not([hidden])");
    assert.match((await page.locator("#tooltip").textContent()) ?? "", /Stray UI text \(control\), score (?:0\.\d\d|1\.00)/);
    // Away from any finding, it goes.
    const para = await page.evaluate(() => {
      const div = [...document.querySelectorAll("#editor > div")].find((d) => (d.textContent ?? "").startsWith("After more than a year"));
      div?.scrollIntoView({ block: "center" });
      const r = div?.getBoundingClientRect();
      return r ? { x: r.left + 40, y: r.top + 8 } : null;
    });
    assert.ok(para);
    await page.mouse.move(para.x, para.y);
    await page.waitForSelector("#tooltip[hidden]", { state: "attached" });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("typing re-analyses after a pause and keeps the caret", async () => {
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    await analysed(page, () => page.click('[data-example="en-news"]'));
    // Put the caret at the end of the first paragraph and type a new line.
    await page.evaluate(() => {
      const div = [...document.querySelectorAll("#editor > div")].find((d) => (d.textContent ?? "").startsWith("After more than a year"));
      const t = div?.firstChild;
      document.getElementById("editor")?.focus();
      if (t) document.getSelection()?.collapse(t, /** @type {Text} */ (t).length);
    });
    await analysed(page, async () => {
      await page.keyboard.press("Enter");
      await page.keyboard.type("Subscribe", { delay: 20 });
    });
    const after = await page.evaluate(async () => {
      const dom = await import("/js/dom.js");
      const editor = /** @type {HTMLElement} */ (document.getElementById("editor"));
      const { text, map } = dom.collectText(editor);
      const sel = document.getSelection();
      const caret = sel?.focusNode ? dom.toOffset(map, sel.focusNode, sel.focusOffset) : null;
      return { text, caret, collapsed: sel?.isCollapsed, highlighted: [...(CSS.highlights.get("straytext-ui_text") ?? [])].map((r) => r.toString()) };
    });
    const typedAt = after.text.indexOf("by the end of 2029.\nSubscribe\n") + "by the end of 2029.\n".length;
    assert.ok(typedAt > 100, "Enter made a new line holding what was typed");
    assert.equal(after.caret, typedAt + "Subscribe".length, "the caret stayed after what was typed");
    assert.ok(after.collapsed);
    assert.equal(after.highlighted.filter((t) => t === "Subscribe").length, 2, JSON.stringify(after.highlighted));
    // Typing goes on where the caret is.
    await analysed(page, () => page.keyboard.type("!"));
    assert.ok((await page.evaluate(() => document.getElementById("editor")?.textContent)).includes("2029.Subscribe!") || (await page.evaluate(() => document.getElementById("editor")?.children.length)) > 0);
    assert.match((await page.evaluate(async () => (await import("/js/dom.js")).collectText(/** @type {HTMLElement} */ (document.getElementById("editor"))).text)), /by the end of 2029\.\nSubscribe!\n/);
    // Backspace over what was typed and the line break joins the lines again, caret in place.
    await analysed(page, async () => {
      for (let i = 0; i < "Subscribe!".length + 1; i++) await page.keyboard.press("Backspace");
    });
    const joined = await page.evaluate(async () => {
      const dom = await import("/js/dom.js");
      const { text, map } = dom.collectText(/** @type {HTMLElement} */ (document.getElementById("editor")));
      const sel = document.getSelection();
      return { text, caret: sel?.focusNode ? dom.toOffset(map, sel.focusNode, sel.focusOffset) : null, canonical: [...document.querySelectorAll("#editor > div")].every((d) => d.childNodes.length === 1) };
    });
    assert.equal(joined.text, await page.evaluate(() => fetch("/www/examples/en-news.txt").then((r) => r.text())));
    assert.equal(joined.caret, joined.text.indexOf("by the end of 2029.") + "by the end of 2029.".length);
    assert.ok(joined.canonical);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("once loaded, it works offline: examples, pastes, copying", async () => {
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    await page.waitForLoadState("networkidle");
    await context.setOffline(true);
    for (const name of ["ja-blog", "en-news"]) {
      await analysed(page, () => page.click(`[data-example="${name}"]`));
      assert.ok(Number(await page.evaluate(() => document.body.dataset.shown)) > 5, name);
    }
    assert.equal(await page.getAttribute("#editor", "lang"), "en");
    await page.click("#clear");
    await analysed(page, () => realPaste(page, "Subscribe\nThe council met on Tuesday evening and approved the budget for the new park by nine votes to four.\n55 Comments", null));
    await page.click("#copy-clean");
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.startsWith("Clean text copied"));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "The council met on Tuesday evening and approved the budget for the new park by nine votes to four.\n");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a drop inserts its text, as text, where it is dropped", async () => {
    const { context, requests, errors } = await newContext();
    const page = await openPasteBox(context);
    await analysed(page, () => page.click('[data-example="en-news"]'));
    const before = requests.length;
    await analysed(page, () => page.evaluate(() => {
      const div = [...document.querySelectorAll("#editor > div")].find((d) => d.textContent === "Newsletter");
      div?.scrollIntoView({ block: "center" });
      const r = document.createRange();
      r.setStart(/** @type {Node} */ (div?.firstChild), 0);
      r.setEnd(/** @type {Node} */ (div?.firstChild), 1);
      const rect = r.getBoundingClientRect();
      const dt = new DataTransfer();
      dt.setData("text/plain", "Dropped <b>here</b>\n");
      dt.setData("text/html", `<p>Dropped <b>here</b></p><img src="/pwned-drop" onerror="window.__pwned = 'drop'">`);
      document.getElementById("editor")?.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, clientX: rect.left + 1, clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true }));
    }));
    const text = await page.evaluate(async () => (await import("/js/dom.js")).collectText(/** @type {HTMLElement} */ (document.getElementById("editor"))).text);
    assert.match(text, /\nDropped <b>here<\/b>\nNewsletter\n/);
    assert.equal(await page.locator("#editor *:not(div):not(br)").count(), 0);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
    assert.deepEqual(requests.slice(before), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("Ctrl+Z right after a paste or Clear brings the previous text back", async () => {
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    await analysed(page, () => page.click('[data-example="ru-news"]'));
    const russian = await page.locator("#editor").textContent();
    await analysed(page, () => realPaste(page, "Subscribe\nSome other text that replaced nothing.", null));
    const combined = await page.locator("#editor").textContent();
    assert.notEqual(combined, russian);
    await analysed(page, () => page.keyboard.press("Control+Z"));
    assert.equal(await page.locator("#editor").textContent(), russian);
    await page.click("#clear");
    assert.equal(await page.locator("#editor").textContent(), "");
    await analysed(page, () => page.keyboard.press("Control+Z"));
    assert.equal(await page.locator("#editor").textContent(), russian);
    assert.ok(Number(await page.evaluate(() => document.body.dataset.shown)) > 5);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("every example loads with one click; the Arabic one reads right to left", async () => {
    const { context, requests, errors } = await newContext();
    const page = await openPasteBox(context);
    for (const name of ["en-news", "ar-news", "ja-blog", "ru-news", "es-recipe"]) {
      await analysed(page, () => page.click(`[data-example="${name}"]`));
      const shown = Number(await page.evaluate(() => document.body.dataset.shown));
      assert.ok(shown > 5, `${name}: ${shown} findings`);
      if (name === "ar-news") {
        assert.equal(await page.getAttribute("#editor", "dir"), "rtl");
        const dirs = await page.evaluate(() => [...document.querySelectorAll("#editor > div")].map((d) => [d.textContent, d.getAttribute("dir")]));
        for (const [text, dir] of dirs) {
          if (/^[\u0600-\u06ff]/.test(text ?? "")) assert.equal(dir, "rtl", text ?? "");
          if (/^[A-Za-z ]+$/.test(text ?? "")) assert.equal(dir, "ltr", text ?? "");
        }
      }
    }
    for (const url of requests) assert.ok(url.startsWith(origin + "/"), url);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("Download report saves the JSON report; Clear empties everything", async () => {
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    await analysed(page, () => page.click('[data-example="ru-news"]'));
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    assert.equal(download.suggestedFilename(), "straytext-report.json");
    const path = await download.path();
    const report = JSON.parse(readFileSync(path, "utf8"));
    assert.equal(report.language.code, "rus");
    assert.equal(report.script, "Cyrillic");
    assert.ok(report.findings.length > 5);
    await page.click("#clear");
    assert.equal(await page.locator("#editor").evaluate((e) => e.childNodes.length), 0);
    assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
    assert.equal(await page.locator("#findings li").count(), 0);
    assert.ok(await page.locator("#copy-clean").isDisabled());
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a 50 KB paste: timings of the analysis (worker) and of the highlighting (page)", async () => {
    const base = HAVE_EXAMPLE ? readFileSync(EXAMPLE, "utf8") : readFileSync(new URL("www/examples/en-news.txt", ROOT), "utf8");
    let text = "";
    for (let i = 0; text.length < 50_000; i++) text += base.replace(/Taliban|Harbour City/g, (m) => `${m} ${i}`) + "\n";
    text = text.slice(0, 50_000);
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    /** @type {{ total: number, longest: number, status: string }[]} */
    const runs = [];
    for (let round = 0; round < 3; round++) {
      await page.click("#clear");
      await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        w.__longest = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration); }).observe({ type: "longtask" });
        document.getElementById("editor")?.addEventListener("paste", () => { w.__pasted = performance.now(); }, { capture: true, once: true });
      });
      await analysed(page, () => realPaste(page, text, null));
      runs.push(await page.evaluate(() => {
        const w = /** @type {any} */ (window);
        return { total: Math.round(performance.now() - w.__pasted), longest: Math.round(w.__longest), status: document.getElementById("status")?.textContent ?? "" };
      }));
    }
    for (const r of runs) console.log(`# 50 KB paste: done ${r.total} ms after the paste event, longest main-thread task ${r.longest} ms; ${r.status}`);
    const best = runs.reduce((a, b) => (a.total < b.total ? a : b));
    const shownMs = Number(/shown in (\d+) ms/.exec(best.status)?.[1]);
    assert.ok(shownMs < 500, `highlighting took ${shownMs} ms`);
    assert.ok(best.total < 5000, `no freeze: ${best.total} ms`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a 5 MB paste finishes in the worker with a progress indicator, and the page keeps responding", async () => {
    const base = HAVE_EXAMPLE ? readFileSync(EXAMPLE, "utf8") : readFileSync(new URL("www/examples/en-news.txt", ROOT), "utf8");
    let big = "";
    for (let i = 0; big.length < 5_000_000; i++) big += base.replace(/Taliban|Harbour City/g, (m) => `${m} ${i}`) + "\n";
    const { context, errors } = await newContext();
    const page = await openPasteBox(context);
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__ticks = 0;
      w.__maxGap = 0;
      w.__progressSeen = false;
      let last = performance.now();
      w.__timer = setInterval(() => {
        const now = performance.now();
        w.__maxGap = Math.max(w.__maxGap, now - last);
        last = now;
        w.__ticks++;
      }, 50);
      const box = /** @type {HTMLElement} */ (document.getElementById("progress-box"));
      new MutationObserver(() => { if (!box.hidden) w.__progressSeen = true; }).observe(box, { attributes: true, subtree: true, childList: true });
    });
    const started = Date.now();
    await analysed(page, () => realPaste(page, big, null), 300_000);
    const elapsed = Date.now() - started;
    const r = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      clearInterval(w.__timer);
      return { ticks: w.__ticks, maxGap: w.__maxGap, progressSeen: w.__progressSeen, hidden: document.getElementById("progress-box")?.hidden, shown: Number(document.body.dataset.shown), highlights: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0), length: document.getElementById("editor")?.textContent?.length };
    });
    console.log(`# 5 MB paste: ${elapsed} ms, ${r.ticks} timer ticks, longest gap ${Math.round(r.maxGap)} ms, ${r.shown} findings`);
    assert.ok(r.progressSeen, "the progress indicator was shown");
    assert.ok(r.hidden, "and hidden at the end");
    assert.ok(r.shown > 1000);
    assert.ok(r.highlights > 1000);
    assert.ok(r.ticks >= (elapsed / 50) * 0.3, `the timer kept firing: ${r.ticks} ticks in ${elapsed} ms`);
    assert.ok(r.maxGap < 3000, `no long freeze (longest gap ${Math.round(r.maxGap)} ms)`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("colours meet WCAG AA in the light and dark schemes (text 4.5:1, underlines and focus 3:1)", async () => {
    for (const scheme of /** @type {const} */ (["light", "dark"])) {
      const { context } = await newContext({ colorScheme: scheme });
      const page = await openPasteBox(context);
      const vars = await page.evaluate(() => {
        const cs = getComputedStyle(document.documentElement);
        /** @type {Record<string, string>} */
        const out = {};
        for (const name of ["bg", "fg", "muted", "panel", "editor-bg", "accent", "accent-fg", "focus", "mark-fg",
          "ui-bg", "ui-line", "script-bg", "script-line", "lang-bg", "lang-line", "mixed-bg", "mixed-line", "invis-bg", "invis-line", "other-bg", "other-line"]) {
          out[name] = cs.getPropertyValue(`--${name}`).trim();
        }
        return out;
      });
      /** @param {string} hex */
      const luminance = (hex) => {
        const m = /^#([0-9a-f]{6})$/i.exec(hex);
        assert.ok(m, `${scheme}: ${hex} is a #rrggbb colour`);
        const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      /** @param {string} a @param {string} b */
      const ratio = (a, b) => {
        const [x, y] = [luminance(vars[a]), luminance(vars[b])].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
      };
      const text = [["fg", "bg"], ["fg", "panel"], ["fg", "editor-bg"], ["muted", "bg"], ["muted", "panel"], ["muted", "editor-bg"],
        ["accent-fg", "accent"], ["bg", "fg"], ...["ui", "script", "lang", "mixed", "invis", "other"].map((k) => ["mark-fg", `${k}-bg`])];
      for (const [a, b] of text) assert.ok(ratio(a, b) >= 4.5, `${scheme}: ${a} on ${b} is ${ratio(a, b).toFixed(2)}:1`);
      const lines = [["focus", "bg"], ["focus", "editor-bg"], ...["ui", "script", "lang", "mixed", "invis", "other"].map((k) => [`${k}-line`, `${k}-bg`])];
      for (const [a, b] of lines) assert.ok(ratio(a, b) >= 3, `${scheme}: ${a} on ${b} is ${ratio(a, b).toFixed(2)}:1`);
      await context.close();
    }
  });

  test("screenshots with an example loaded, in the light and dark schemes", async () => {
    for (const scheme of /** @type {const} */ (["light", "dark"])) {
      const { context, errors } = await newContext({ colorScheme: scheme, viewport: { width: 1280, height: 860 } });
      const page = await openPasteBox(context);
      await analysed(page, () => page.click('[data-example="en-news"]'));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${RESULTS}pastebox-${scheme}.png` });
      if (scheme === "light") {
        await analysed(page, () => page.click('[data-example="ar-news"]'));
        await page.screenshot({ path: `${RESULTS}pastebox-arabic.png` });
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
});
