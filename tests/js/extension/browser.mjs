// Debian's Chromium with the extension loaded, driven over CDP; and the toolbar click, done as
// the recipe in ../shared/docs/toolchain.md says (Extensions.triggerAction grants activeTab
// exactly like a person's click).

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * @typedef {object} ExtensionBrowser
 * @property {import('playwright-core').Browser} browser
 * @property {import('playwright-core').BrowserContext} context
 * @property {string} extensionId
 * @property {string[]} workerProblems errors and warnings the extension's service worker logged
 * @property {(page: import('playwright-core').Page) => Promise<void>} click clicks the toolbar button on that page's tab
 * @property {() => Promise<void>} close
 */

/**
 * Starts Chromium with the unpacked extension in `extensionDir`.
 * @param {string} extensionDir
 * @returns {Promise<ExtensionBrowser>}
 */
export async function launch(extensionDir) {
  const profile = await mkdtemp(join(tmpdir(), 'straytext-ext-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--remote-debugging-port=0',
      '--enable-unsafe-extension-debugging',
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--metrics-recording-only',
      '--window-size=1280,900',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await devtoolsEndpoint(child);
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const cdp = await browser.newBrowserCDPSession();
  const extensionId = await findExtension(cdp);
  /** @type {string[]} */
  const workerProblems = [];
  const watch = (/** @type {import('playwright-core').Worker} */ worker) =>
    worker.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') workerProblems.push(`${m.type()}: ${m.text()}`);
    });
  context.serviceWorkers().forEach(watch);
  context.on('serviceworker', watch);

  return {
    browser,
    context,
    extensionId,
    workerProblems,
    async click(page) {
      const url = page.url();
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url === url);
      if (!tab) throw new Error(`no tab target for ${url}`);
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
    },
    async close() {
      await browser.close().catch(() => {});
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      // Chromium's helper processes (crash handler, utilities) may still write into the
      // profile for a moment after the browser process exits: a plain `rm` then fails with
      // ENOTEMPTY (seen once in CI). Node retries exactly those errors, with a backoff.
      await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/**
 * The DevTools websocket URL Chromium prints on standard error.
 * @param {import('node:child_process').ChildProcessWithoutNullStreams | import('node:child_process').ChildProcess} child
 * @returns {Promise<string>}
 */
function devtoolsEndpoint(child) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open DevTools:\n${seen}`)), 30_000);
    child.stderr?.on('data', (chunk) => {
      seen += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${seen}`)));
  });
}

/**
 * The extension's id: the host of its service worker's URL.
 * @param {import('playwright-core').CDPSession} cdp
 */
async function findExtension(cdp) {
  for (let i = 0; i < 100; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (worker) return new URL(worker.url).host;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the extension\'s service worker never started');
}

/**
 * Opens `url` in a new tab of `context`, brought to the front, and records what its console and
 * its own scripts complain about.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.bringToFront();
  return { page, problems };
}
