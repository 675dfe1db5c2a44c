// Copying text from a click in the panel.

/**
 * Puts `text` on the clipboard. Uses the async Clipboard API where the page is a secure
 * context; otherwise a textarea inside the panel's closed shadow root and `execCommand`, so the
 * page's own DOM is never touched. Must run inside the click's user activation.
 * @param {string} text
 * @param {ShadowRoot} scratch where the fallback textarea may live for a moment
 * @returns {Promise<void>}
 */
export async function copyText(text, scratch) {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // denied (no focus, a permissions policy): try the old way
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;opacity:0;inset:0 auto auto 0;width:1px;height:1px';
  scratch.append(area);
  try {
    area.select();
    if (!document.execCommand('copy')) throw new Error('the browser refused to copy');
  } finally {
    area.remove();
  }
}
