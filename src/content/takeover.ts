// One content script per document. After an update Chrome leaves the old
// version's script running in open tabs (orphaned) and does not inject the new
// one: the background injects it (src/background/reinject.ts), and the
// newcomer stops its predecessor at once and removes the notice it left.
// The handle lives in the extension's isolated world: pages cannot reach it.
const KEY = Symbol.for('sovereignty-lens');

interface Instance {
  stop(): void;
  orphaned(): boolean;
}

/** Claims the document; false when a live instance of this same version already runs here (then do nothing). */
export function claimDocument(me: Instance): boolean {
  const g = globalThis as { [KEY]?: Instance };
  const prev = g[KEY];
  if (prev && !prev.orphaned()) return false;
  prev?.stop();
  // A predecessor in another world cannot be called: its notice and highlight style go anyway.
  for (const el of document.querySelectorAll('[data-sovereignty-lens="warning"],[data-sovereignty-lens="highlight"]')) if (isLeftByUs(el)) el.remove();
  g[KEY] = me;
  return true;
}

/**
 * Only what an instance of ours built: a notice host is an empty div holding
 * an open shadow root with our notice box; a highlight style holds our rule.
 * A page element that merely carries the attribute is the page's own.
 */
export function isLeftByUs(el: Element): boolean {
  if (el.childNodes.length > 0 && el.localName !== 'style') return false;
  if (el.getAttribute('data-sovereignty-lens') === 'highlight') return el.localName === 'style' && (el.textContent ?? '').startsWith('::highlight(sovereignty-lens)');
  return el.localName === 'div' && el.attributes.length === 1 && [...(el.shadowRoot?.children ?? [])].some((c) => c.matches('.box[role="region"]'));
}
