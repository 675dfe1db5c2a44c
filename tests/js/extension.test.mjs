// The MV3 extension in www/extension/, loaded unpacked into Debian's Chromium and clicked the
// way a person clicks it. Needs `bash scripts/build-extension.sh` first (www/extension/lib/).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadavg, cpus } from 'node:os';
import { launch, openPage } from './extension/browser.mjs';
import { serve } from './extension/server.mjs';
import { panelOf } from './extension/panel.mjs';
import { highlightsInPage, straytextHighlightCount, pageGlobals, pageStyles } from './extension/probes.mjs';

const EXTENSION = fileURLToPath(new URL('../../www/extension/', import.meta.url));

/** @type {Awaited<ReturnType<typeof launch>>} */
let chrome;
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;

before(async () => {
  await access(`${EXTENSION}lib/straytext_bg.wasm`).catch(() => {
    throw new Error('www/extension/lib/ is not built: run `bash scripts/build-extension.sh` after the wasm build');
  });
  server = await serve();
  chrome = await launch(EXTENSION);
});

after(async () => {
  // The server is closed even if Chromium's shutdown fails, or its open socket would keep this
  // process (and the test run) waiting forever.
  try {
    await chrome?.close();
  } finally {
    await server?.close();
  }
});

/**
 * Opens a test page and records what its console and its own scripts complain about.
 * @param {string} path
 */
function open(path) {
  return openPage(chrome.context, `${server.origin}${path}`);
}

/**
 * Clicks the toolbar button and waits until the panel is up (analysis done, highlights drawn).
 * @param {import('playwright-core').Page} page
 * @returns {Promise<number>} milliseconds from the click to the panel
 */
async function clickAndWait(page) {
  const began = performance.now();
  await chrome.click(page);
  await page.waitForFunction(() => document.querySelector('straytext-panel') !== null, null, { polling: 'raf', timeout: 30_000 });
  return performance.now() - began;
}

/** @param {import('playwright-core').Page} page */
async function waitCleared(page) {
  await page.waitForFunction(
    () => document.querySelector('straytext-panel') === null && ![...CSS.highlights.keys()].some((k) => k.startsWith('straytext-')),
    null,
    { timeout: 10_000 },
  );
}

/**
 * @param {{kind: string, text: string}[]} highlights
 * @param {string} needle
 */
function covered(highlights, needle) {
  return highlights.some((h) => h.text.includes(needle));
}

test('the manifest asks for activeTab and scripting only, and exposes no wasm', async () => {
  const manifest = JSON.parse(await readFile(`${EXTENSION}manifest.json`, 'utf8'));
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions, ['activeTab', 'scripting']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.optional_permissions, undefined);
  assert.equal(manifest.optional_host_permissions, undefined);
  assert.equal(manifest.content_scripts, undefined, 'nothing is injected before a click');
  assert.equal(manifest.externally_connectable, undefined);
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  for (const entry of manifest.web_accessible_resources) {
    assert.equal(entry.use_dynamic_url, true, 'no stable URL a page could probe for');
    for (const r of entry.resources) assert.doesNotMatch(r, /wasm|straytext\.js/, `${r}: the wasm core stays in the service worker`);
    assert.ok(!entry.matches.includes('<all_urls>'));
  }
});

test('English news page: the widgets are highlighted, the article is not; Esc clears it all', async (t) => {
  const { page, problems } = await open('/news-en.html');
  const body = await page.evaluate(() => document.body.innerHTML);
  const globals = await page.evaluate(pageGlobals);
  const styles = await page.evaluate(pageStyles);
  const ms = await clickAndWait(page);

  const highlights = await page.evaluate(highlightsInPage);
  const kinds = new Set(highlights.map((h) => h.kind));
  assert.ok(kinds.has('ui_text'), `kinds: ${[...kinds]}`);
  assert.ok(kinds.has('foreign_script'), `kinds: ${[...kinds]}`);
  for (const noise of ['2,500 $', 'يوم متبقٍ', 'Subscribe', '55 Comments']) {
    assert.ok(covered(highlights, noise), `${noise} is highlighted; highlights: ${JSON.stringify(highlights.map((h) => h.text))}`);
  }
  const inArticle = highlights.filter((h) => h.paragraphs.length > 0);
  assert.deepEqual(inArticle, [], 'no highlight touches the article');

  // The panel counts what is highlighted.
  const panel = await panelOf(page);
  const uiCount = Number(await panel.text('li[data-kind="ui_text"] .count'));
  assert.equal(uiCount, highlights.filter((h) => h.kind === 'ui_text').length);
  assert.match(await panel.text('.summary'), /English/);

  // The panel shows despite the page's hostile CSS ([role=dialog] {display: none !important}).
  assert.ok(Number(await panel.prop('.box', 'offsetHeight')) > 50, 'the panel is visible');

  // Nothing of the page's own changed, even with the panel up.
  assert.equal(await page.evaluate(() => document.body.innerHTML), body);
  assert.deepEqual(await page.evaluate(pageStyles), styles, 'page styles unchanged');
  assert.deepEqual(await page.evaluate(pageGlobals), globals);

  await page.keyboard.press('Escape');
  await waitCleared(page);
  assert.equal(await page.evaluate(straytextHighlightCount), 0);
  assert.equal(await page.evaluate(() => document.body.innerHTML), body);
  assert.deepEqual(await page.evaluate(pageGlobals), globals, 'no new globals in the page');
  assert.deepEqual(problems, [], 'no errors or warnings in the page console');
  t.diagnostic(`news-en: panel up ${Math.round(ms)} ms after the click`);
  await panel.detach();
  await page.close();
});

test('a second click clears, a third analyses the page again as it is now', async () => {
  const { page, problems } = await open('/news-en.html');
  await clickAndWait(page);
  assert.ok((await page.evaluate(straytextHighlightCount)) > 0);
  await chrome.click(page);
  await waitCleared(page);

  // The page changes after load; re-running sees the change.
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'late';
    div.textContent = '1,234 Comments';
    document.querySelector('.comments')?.append(div);
  });
  await clickAndWait(page);
  const highlights = await page.evaluate(highlightsInPage);
  assert.ok(covered(highlights, '1,234 Comments'), JSON.stringify(highlights.map((h) => h.text)));
  await chrome.click(page);
  await waitCleared(page);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the panel\'s Re-run analyses again; two quick clicks leave nothing behind', async () => {
  const { page, problems } = await open('/news-en.html');
  await clickAndWait(page);
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.textContent = '4,321 Comments';
    document.querySelector('.comments')?.append(div);
  });
  const panel = await panelOf(page);
  await panel.click('button[data-action="rerun"]');
  await page.waitForFunction(() => {
    for (const [name, h] of CSS.highlights) if (name.startsWith('straytext-')) for (const r of h) if (r.toString().includes('4,321 Comments')) return true;
    return false;
  }, null, { timeout: 10_000 });
  await panel.detach();
  await page.keyboard.press('Escape');
  await waitCleared(page);

  await Promise.all([chrome.click(page), chrome.click(page)]);
  await page.waitForTimeout(1500);
  const left = await page.evaluate(() => ({ panel: document.querySelectorAll('straytext-panel').length, highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('straytext-')).length }));
  assert.ok((left.panel === 0 && left.highlights === 0) || (left.panel === 1 && left.highlights > 0), JSON.stringify(left));
  if (left.panel) {
    await page.keyboard.press('Escape');
    await waitCleared(page);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a page cannot probe for the extension: its files are not at the stable extension URL', async () => {
  const { page } = await open('/news-en.html');
  for (const path of ['page/main.js', 'lib/dom.js', 'lib/straytext_bg.wasm', 'manifest.json']) {
    const outcome = await page.evaluate((url) => fetch(url).then(() => 'loaded', () => 'refused'), `chrome-extension://${chrome.extensionId}/${path}`);
    assert.equal(outcome, 'refused', path);
  }
  await page.close();
});

test('kind toggles hide and show one kind; "Copy clean text" copies the article without the noise', async () => {
  const { page, problems } = await open('/news-en.html');
  await chrome.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await clickAndWait(page);
  const panel = await panelOf(page);

  await panel.click('input[data-kind="foreign_script"]');
  let kinds = new Set((await page.evaluate(highlightsInPage)).map((h) => h.kind));
  assert.ok(!kinds.has('foreign_script') && kinds.has('ui_text'), `kinds: ${[...kinds]}`);
  await panel.click('input[data-kind="foreign_script"]');
  kinds = new Set((await page.evaluate(highlightsInPage)).map((h) => h.kind));
  assert.ok(kinds.has('foreign_script'), `kinds: ${[...kinds]}`);

  await panel.click('button[data-action="copy"]');
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && !(await panel.text('.status')); i++) await page.waitForTimeout(50);
  assert.match(await panel.text('.status'), /^Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const article = await page.evaluate(() => [...document.querySelectorAll('.body-text')].map((p) => p.textContent));
  for (const paragraph of article) assert.ok(copied.includes(paragraph), `the clean text keeps: ${paragraph}`);
  for (const noise of ['2,500 $', 'يوم متبقٍ', 'Subscribe', '55 Comments']) {
    assert.ok(!copied.includes(noise), `the clean text drops ${noise}:\n${copied}`);
  }

  await panel.click('button.close');
  await waitCleared(page);
  assert.deepEqual(problems, []);
  await panel.detach();
  await page.close();
});

test('with a selection, only the selection is analysed, and only it is copied clean', async () => {
  const { page, problems } = await open('/news-en.html');
  await chrome.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  // From the last article paragraph to the end of the comments.
  await page.evaluate(() => {
    const range = document.createRange();
    range.setStartBefore(/** @type {Node} */ ([...document.querySelectorAll('.body-text')].at(-1)));
    range.setEndAfter(/** @type {Node} */ (document.querySelector('.comments')));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await clickAndWait(page);
  const highlights = await page.evaluate(highlightsInPage);
  assert.ok(covered(highlights, 'Subscribe'), JSON.stringify(highlights));
  assert.ok(!covered(highlights, '2,500 $'), 'nothing outside the selection is highlighted');
  assert.deepEqual(highlights.filter((h) => h.paragraphs.length > 0), [], 'the paragraph is not highlighted');
  const panel = await panelOf(page);
  assert.match(await panel.text('.summary'), /^Selection/);

  await panel.click('button[data-action="copy"]');
  for (let i = 0; i < 50 && !(await panel.text('.status')); i++) await page.waitForTimeout(50);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const last = await page.evaluate(() => [...document.querySelectorAll('.body-text')].at(-1)?.textContent ?? '');
  assert.ok(copied.includes(last), `the clean selection keeps its paragraph:\n${copied}`);
  for (const noise of ['Subscribe', '55 Comments', 'Notify of']) assert.ok(!copied.includes(noise), `drops ${noise}:\n${copied}`);
  assert.ok(!copied.includes('On Tuesday evening'), 'nothing from before the selection');
  await panel.detach();

  await page.keyboard.press('Escape');
  await waitCleared(page);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Arabic page (right to left): the Cyrillic promo is highlighted, the article is not', async () => {
  const { page, problems } = await open('/news-ar.html');
  const body = await page.evaluate(() => document.body.innerHTML);
  await clickAndWait(page);
  const highlights = await page.evaluate(highlightsInPage);
  assert.ok(covered(highlights, 'Подписаться'), JSON.stringify(highlights));
  const wrong = highlights.filter((h) => h.paragraphs.length > 0 && h.kind !== 'invisible');
  assert.deepEqual(wrong, [], 'only the invisible character inside the article is marked');
  assert.match(await (await panelOf(page)).text('.summary'), /Arabic/);
  await chrome.click(page);
  await waitCleared(page);
  assert.equal(await page.evaluate(() => document.body.innerHTML), body);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Japanese page under a strict CSP with Trusted Types: Hangul promo highlighted, article not', async () => {
  const { page, problems } = await open('/news-ja.html');
  const body = await page.evaluate(() => document.body.innerHTML);
  await clickAndWait(page);
  const highlights = await page.evaluate(highlightsInPage);
  assert.ok(covered(highlights, '구독하기'), JSON.stringify(highlights));
  assert.deepEqual(highlights.filter((h) => h.paragraphs.length > 0), [], 'no highlight touches the article');
  assert.match(await (await panelOf(page)).text('.summary'), /Japanese/);
  await page.keyboard.press('Escape');
  await waitCleared(page);
  assert.equal(await page.evaluate(() => document.body.innerHTML), body);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a 2 MB article page highlights in under a second', async (t) => {
  const { page, problems } = await open('/long.html');
  const chars = await page.evaluate(() => document.body.innerText.length);
  assert.ok(chars >= 2_000_000, `${chars} characters`);
  const ms = await clickAndWait(page);
  const highlights = await page.evaluate(highlightsInPage);
  assert.ok(covered(highlights, '2,500 $'), `${highlights.length} highlights`);
  const panel = await panelOf(page);
  const summary = await panel.text('.summary');
  const details = String(await panel.prop('.summary', 'title'));
  await panel.detach();
  const load = loadavg()[0];
  t.diagnostic(`${(chars / 1e6).toFixed(2)} M chars; click → panel ${Math.round(ms)} ms; "${summary}" (${details}); load ${load.toFixed(1)} on ${cpus().length} cores`);

  // The extension's own share (collecting, messaging, highlighting) stays linear: a loose bound
  // that holds even on an overloaded machine, and catches a quadratic slip.
  const analysis = Number(/analyse (\d+) ms/.exec(details)?.[1]);
  assert.ok(ms - analysis < 3000, `${Math.round(ms - analysis)} ms outside the core's analysis`);
  // End to end under a second; wall-clock budgets mean nothing on an overloaded machine, so
  // this is asserted only when the load is below the number of cores.
  const budget = Number(process.env.STRAYTEXT_EXT_BUDGET_MS ?? 1000);
  if (load <= cpus().length) assert.ok(ms < budget, `${Math.round(ms)} ms ≥ ${budget} ms`);
  else t.diagnostic(`end-to-end budget not asserted: load ${load.toFixed(1)} > ${cpus().length} cores`);

  await page.keyboard.press('Escape');
  await waitCleared(page);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a page closed just after the click leaves no error or warning in the service worker', async () => {
  const before = chrome.workerProblems.length;
  for (let i = 0; i < 5; i++) {
    const { page } = await open('/news-en.html');
    // The click's injection races the closing tab: whichever wins, nothing is worth a warning.
    await chrome.click(page);
    await page.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.deepEqual(chrome.workerProblems.slice(before), []);
});

test('the extension\'s service worker logged no errors or warnings through all of the above', () => {
  assert.deepEqual(chrome.workerProblems, []);
});
