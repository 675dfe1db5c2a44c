// The service worker: the only part of the extension that holds the WebAssembly core.
//
// A click on the toolbar button (or the `_execute_action` command) injects `togglePage` into the
// active tab, which `activeTab` alone allows; it toggles the page session (page/main.js). The
// page session sends the page's text here to be analysed, so the wasm is never exposed to web
// pages, and the analysis never blocks the page's main thread.

import { analyze, clean, load } from './engine.js';

/** @typedef {import('./page/messages.js').Request} Request */

chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined) return;
  // Compile the wasm while the page collects its text.
  load().catch((error) => console.warn('straytext: the core did not load:', error?.message ?? error));
  inject(tab.id).catch((error) => {
    // A page closed or navigated away while the script went in: there is nothing to analyse.
    if (gone(error)) return;
    // Pages no extension may script (chrome://, the Web Store, PDF viewer), or a failure in
    // the page session: reported here, in the extension's console, not in the page's.
    console.warn('straytext:', error?.message ?? error);
  });
});

/**
 * Whether an injection failed because its tab or frame no longer exists (Chromium's messages:
 * "Frame with ID 0 was removed.", "No tab with id: 7.", "No frame with id 3 in tab 7.").
 * @param {unknown} error
 */
function gone(error) {
  const message = String(error instanceof Error ? error.message : error);
  return /Frame with ID \d+ was removed|No tab with id|No frame with id/i.test(message);
}

/**
 * Runs `togglePage` in the tab. The `activeTab` grant can land a moment after `onClicked`
 * fires (seen with DevTools' Extensions.triggerAction in about one click in three), so a
 * refusal is retried briefly before it is believed.
 * @param {number} tabId
 */
async function inject(tabId) {
  for (const wait of [0, 25, 100, 400]) {
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      return await chrome.scripting.executeScript({ target: { tabId }, func: togglePage });
    } catch (error) {
      if (wait === 400 || !/Cannot access/.test(String(error))) throw error;
    }
  }
}

/**
 * Runs in the page's isolated world, not here (executeScript serialises it): nothing it does is
 * visible to the page's scripts. The session module is cached per page, so a second click
 * reaches the same session and clears it.
 * @returns {Promise<'cleared' | 'highlighted'>}
 */
async function togglePage() {
  const { toggle } = await import(chrome.runtime.getURL('page/main.js'));
  return toggle();
}

chrome.runtime.onMessage.addListener((/** @type {Request} */ message, sender, sendResponse) => {
  // Only our own content scripts talk to us (no `externally_connectable`), but say so.
  if (sender.id !== chrome.runtime.id || sender.tab?.id === undefined) return false;
  const target = { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] };
  handle(message, target).then(
    (result) => sendResponse({ ok: true, result }),
    (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
  );
  return true; // the response is asynchronous
});

/**
 * @param {Request} message
 * @param {chrome.scripting.InjectionTarget} target the tab and frame that asked
 * @returns {Promise<unknown>}
 */
async function handle(message, target) {
  switch (message?.type) {
    case 'analyze': {
      const began = performance.now();
      const report = await analyze(message.text, message.html);
      return { report, ms: performance.now() - began };
    }
    case 'clean':
      return clean(message.text, message.html);
    case 'style':
      // The ::highlight() colours, as a stylesheet the page's DOM never sees.
      if (message.on) await chrome.scripting.insertCSS({ target, files: ['highlight.css'] });
      else await chrome.scripting.removeCSS({ target, files: ['highlight.css'] });
      return null;
    default:
      throw new Error(`unknown request ${JSON.stringify(/** @type {{type?: unknown}} */ (message)?.type)}`);
  }
}
