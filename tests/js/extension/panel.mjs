// Reaching into the extension's panel, which lives in a closed shadow root: the page's scripts
// cannot, but DevTools can (DOM.getDocument with pierce), and a real mouse click can.

/**
 * @typedef {{nodeId: number, nodeName: string, attributes?: string[], children?: CdpNode[],
 *   shadowRoots?: CdpNode[]}} CdpNode
 */

/**
 * The panel's shadow root as a DevTools node id, or null when there is no panel.
 * @param {import('playwright-core').CDPSession} cdp a session on the page
 */
async function shadowRootId(cdp) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  /** @param {CdpNode} node @returns {CdpNode | null} */
  const find = (node) => {
    if (node.nodeName === 'STRAYTEXT-PANEL') return node;
    for (const child of node.children ?? []) {
      const hit = find(child);
      if (hit) return hit;
    }
    return null;
  };
  const host = find(root);
  return host?.shadowRoots?.[0]?.nodeId ?? null;
}

/**
 * A handle on the panel of `page`.
 * @param {import('playwright-core').Page} page
 */
export async function panelOf(page) {
  const cdp = await page.context().newCDPSession(page);
  const query = async (/** @type {string} */ selector) => {
    const root = await shadowRootId(cdp);
    if (root === null) throw new Error('no panel on the page');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root, selector });
    if (!nodeId) throw new Error(`no ${selector} in the panel`);
    return nodeId;
  };
  const call = async (/** @type {string} */ selector, /** @type {string} */ fn) => {
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: await query(selector) });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, returnByValue: true });
    return result.value;
  };
  return {
    /** Whether the page has a panel at all. */
    exists: async () => (await shadowRootId(cdp)) !== null,
    /** The text of the first element matching `selector` in the panel. */
    text: (/** @type {string} */ selector) => call(selector, 'function () { return this.textContent; }'),
    /** A property of the first element matching `selector`. */
    prop: (/** @type {string} */ selector, /** @type {string} */ name) => call(selector, `function () { return this[${JSON.stringify(name)}]; }`),
    /** Clicks the middle of the element matching `selector` with the mouse, as a person would. */
    async click(/** @type {string} */ selector) {
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId: await query(selector) });
      const [x1, y1, , , x3, y3] = model.border;
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    },
    detach: () => cdp.detach(),
  };
}
