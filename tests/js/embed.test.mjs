// The "Embedding straytext in your own extension" recipe of www/extension/README.md, run as
// written: its manifest and its two scripts are taken from the README's code blocks, loaded
// unpacked into Debian's Chromium with the built core and DOM layer, and clicked on a page
// without a CSP and on one with a strict CSP (where a content script cannot compile wasm: the
// recipe used to do exactly that, and failed with a CompileError on such pages).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage } from './extension/browser.mjs';
import { serve } from './extension/server.mjs';
import { tempDir } from './packed.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The code blocks of the README's embedding section, by their first line. */
async function recipe() {
  const readme = await readFile(join(REPO, 'www/extension/README.md'), 'utf8');
  const section = readme.split('### Embedding straytext in your own extension')[1]?.split('\n### ')[0] ?? '';
  const blocks = [...section.matchAll(/```(json|js)\n([\s\S]*?)```/g)].map((m) => m[2]);
  const manifest = blocks.find((b) => b.trimStart().startsWith('{'));
  const background = blocks.find((b) => b.startsWith('// background.js'));
  const content = blocks.find((b) => b.startsWith('// content.js'));
  assert.ok(manifest && background && content, 'the README shows a manifest, background.js and content.js');
  return { manifest, background, content };
}

/** @type {Awaited<ReturnType<typeof launch>>} */
let chrome;
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;

before(async () => {
  for (const f of ['pkg/straytext.js', 'pkg/straytext_bg.wasm']) {
    await access(join(REPO, f)).catch(() => {
      throw new Error(`${f} is absent: run \`npm run build\` first`);
    });
  }
  const dir = tempDir('straytext-embed-');
  const { manifest, background, content } = await recipe();
  await mkdir(join(dir, 'lib'));
  await writeFile(join(dir, 'manifest.json'), manifest);
  await writeFile(join(dir, 'background.js'), background);
  await writeFile(join(dir, 'content.js'), content);
  for (const f of ['pkg/straytext.js', 'pkg/straytext_bg.wasm', 'js/dom.js']) {
    await copyFile(join(REPO, f), join(dir, 'lib', f.split('/')[1]));
  }
  server = await serve();
  chrome = await launch(dir);
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

for (const [path, csp] of [['/news-en.html', 'no CSP'], ['/news-ja.html', "a strict CSP (script-src 'self', Trusted Types)"]]) {
  test(`the README's embedding recipe highlights the noise on a page with ${csp}`, async () => {
    const { page, problems } = await openPage(chrome.context, `${server.origin}${path}`);
    // Highlights drawn and the inserted ::highlight style applied (the two land in either order).
    const highlighted = () =>
      page.waitForFunction(() => {
        const range = [...(CSS.highlights.get('straytext-ui_text') ?? [])][0];
        const el = range?.startContainer.parentElement;
        return el ? getComputedStyle(el, '::highlight(straytext-ui_text)').backgroundColor === 'rgb(255, 215, 0)' : false;
      }, null, { timeout: 10_000 });
    // Extensions.triggerAction can fire before the activeTab grant lands (see
    // extension/browser.mjs): one more click then.
    await chrome.click(page);
    await highlighted().catch(async () => {
      await chrome.click(page);
      await highlighted();
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(chrome.workerProblems, []);
    await page.close();
  });
}
