// Walks the visible text of a subtree as "segments": the text of the inline
// nodes that share one block ancestor, joined, so "Microsoft <b>Azure</b>"
// reads as one phrase. No getComputedStyle: block-ness comes from tag names.

/** Subtrees whose text a person does not read as page text (or that is ours). */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'svg', 'MATH', 'math', 'HEAD', 'TITLE']);

/** Elements that do not break a phrase. */
const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'DEL', 'INS', 'NOBR']);

export const OWN_HOST_ATTR = 'data-sovereignty-lens';

export interface Segment {
  text: string;
  /** The block element whose phrase this is (for visibility checks and snippets). */
  block: Element | null;
  /** The text nodes joined into `text`, and where each starts in it (for highlighting). */
  nodes: Text[];
  starts: number[];
}

export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName) || el.hasAttribute(OWN_HOST_ATTR)) return true;
  // The attribute, not isContentEditable: that one may force a style recalc per node.
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The nearest ancestor (or self) that is not an inline element. */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName) && el.parentElement) el = el.parentElement;
  return el;
}

/**
 * Segments of `root` in document order, pruning skipped subtrees. Open shadow
 * roots met on the way are handed to `onShadowRoot` (the caller walks and
 * observes them). A generator, so the caller can stop at any deadline.
 */
export function* walkSegments(root: Node, onShadowRoot: (root: ShadowRoot) => void): Generator<Segment, void, void> {
  if (root.nodeType === 3) {
    const text = root.nodeValue ?? '';
    if (text.trim()) yield { text, block: blockOf(root), nodes: [root as Text], starts: [0] };
    return;
  }
  if (root.nodeType === 1 && isSkipped(root as Element)) return;
  const doc = root.ownerDocument ?? (root as Document);
  // SHOW_ELEMENT | SHOW_TEXT; pruning by hand is cheaper than a filter callback per node.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4);
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let length = 0;
  let block: Element | null = null;
  let lastParent: Node | null = null;
  let node: Node | null = walker.currentNode;
  if (node === root && root.nodeType === 1) {
    const sr = (root as Element).shadowRoot;
    if (sr) onShadowRoot(sr);
  }
  node = walker.nextNode();
  while (node) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isSkipped(el)) {
        node = skipSubtree(walker, root);
        continue;
      }
      if (el.shadowRoot) onShadowRoot(el.shadowRoot);
    } else {
      const text = node.nodeValue;
      if (text && text.length > 0) {
        const parent = node.parentNode;
        const b: Element | null = parent === lastParent ? block : blockOf(node);
        if (b !== block && parts.length > 0) {
          const joined = parts.join('');
          const segment = { text: joined, block, nodes, starts };
          parts = [];
          nodes = [];
          starts = [];
          length = 0;
          if (joined.trim()) yield segment;
        }
        block = b;
        lastParent = parent;
        parts.push(text);
        nodes.push(node as Text);
        starts.push(length);
        length += text.length;
      }
    }
    node = walker.nextNode();
  }
  if (parts.length > 0) {
    const joined = parts.join('');
    if (joined.trim()) yield { text: joined, block, nodes, starts };
  }
}

/** Moves past the current node's subtree; returns the next node or null. */
function skipSubtree(walker: TreeWalker, root: Node): Node | null {
  let n: Node | null = walker.currentNode;
  while (n && n !== root) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    n = walker.parentNode();
  }
  return null;
}
