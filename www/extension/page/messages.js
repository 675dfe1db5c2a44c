// The page session's requests to the service worker, which holds the wasm core.

/**
 * @typedef {{type: 'analyze', text: string, html?: string}
 *   | {type: 'clean', text: string, html?: string}
 *   | {type: 'style', on: boolean}} Request
 */

/**
 * Sends one request to the service worker and returns its result, or throws its error.
 * @param {Request} request
 * @returns {Promise<any>}
 */
export async function ask(request) {
  const response = await chrome.runtime.sendMessage(request);
  if (!response) throw new Error('straytext: the extension did not answer');
  if (!response.ok) throw new Error(`straytext: ${response.error}`);
  return response.result;
}
