// Walks the visible text of a subtree as "segments": the text of the inline
// nodes that share one block ancestor, joined, so "Microsoft <b>Azure</b>"
// reads as one phrase. No getComputedStyle: block-ness comes from tag names.

/** Subtrees whose text a person does not read as page text (or that is ours). */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'svg', 'MATH', 'math', 'HEAD', 'TITLE']);

/** Elements that do not break a phrase. */
const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'DEL', 'INS', 'NOBR']);

export const OWN_HOST_ATTR = 'data-sovereignty-lens';

/** The elements this script created (notice host, highlight style): skipped by the walk, never the page's own. */
export const ownNodes = new WeakSet<Node>();

/** The walk hands control back (yields `null`) after visiting this many nodes, so its caller can keep its deadline. */
const PAUSE_EVERY = 256;
/** Joined text is gathered in chunks of this many parts (one big join at the end would be one long call). */
const CHUNK_PARTS = 2048;

export interface Segment {
  text: string;
  /** The block element whose phrase this is (for visibility checks and snippets). */
  block: Element | null;
  /** The text nodes joined into `text`, and where each starts in it (for highlighting; empty when not asked for). */
  nodes: Text[];
  starts: number[];
}

export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName) || ownNodes.has(el)) return true;
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
 * observes them). A generator, so the caller can stop at any deadline: it
 * yields `null` every few hundred nodes, inside a block too. A `<br>` reads as
 * a space within its segment.
 */
export function* walkSegments(root: Node, onShadowRoot: (root: ShadowRoot) => void, keepNodes = true): Generator<Segment | null, void, void> {
  if (root.nodeType === 3) {
    const text = root.nodeValue ?? '';
    if (text.trim()) yield { text, block: blockOf(root), nodes: [root as Text], starts: [0] };
    return;
  }
  if (root.nodeType === 1 && isSkipped(root as Element)) return;
  const doc = root.ownerDocument ?? (root as Document);
  // SHOW_ELEMENT | SHOW_TEXT; pruning by hand is cheaper than a filter callback per node.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4);
  const blocks = new Map<Element, Element | null>();
  let chunks: string[] = [];
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let length = 0;
  let block: Element | null = null;
  let lastParent: Node | null = null;
  let visited = 0;
  let node: Node | null = walker.currentNode;
  if (node === root && root.nodeType === 1) {
    const sr = (root as Element).shadowRoot;
    if (sr) onShadowRoot(sr);
  }
  const take = (): Segment => {
    chunks.push(parts.join(''));
    const segment = { text: chunks.length === 1 ? chunks[0]! : chunks.join(''), block, nodes, starts };
    chunks = [];
    parts = [];
    nodes = [];
    starts = [];
    length = 0;
    return segment;
  };
  node = walker.nextNode();
  while (node) {
    if (++visited % PAUSE_EVERY === 0) {
      const path = pathOf(node, root);
      yield null;
      // The page may have removed the node we stopped at: go on after it, not inside its detached subtree.
      if (!node.isConnected && root.isConnected) {
        node = resumeAt(walker, path, root);
        continue;
      }
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isSkipped(el)) {
        node = skipSubtree(walker, root);
        continue;
      }
      if (el.shadowRoot) onShadowRoot(el.shadowRoot);
      // A line break inside a phrase reads as a space ("Amazon<br>Web Services").
      if (el.tagName === 'BR' && length > 0) {
        parts.push(' ');
        length++;
      }
    } else {
      const text = node.nodeValue;
      if (text && text.length > 0) {
        const parent = node.parentNode;
        const b: Element | null = parent === lastParent ? block : blockOfCached(node, blocks);
        if (b !== block && length > 0) {
          const segment = take();
          if (segment.text.trim()) yield segment;
        }
        block = b;
        lastParent = parent;
        parts.push(text);
        // Nodes are kept only to map offsets back to the DOM (highlighting): a million of them are no small garbage.
        if (keepNodes) {
          nodes.push(node as Text);
          starts.push(length);
        }
        length += text.length;
        if (parts.length >= CHUNK_PARTS) {
          chunks.push(parts.join(''));
          parts = [];
        }
      }
    }
    node = walker.nextNode();
  }
  if (length > 0) {
    const segment = take();
    if (segment.text.trim()) yield segment;
  }
}

/** blockOf() with a per-walk memo: deep inline nesting costs one step per element, not one per ancestor. */
function blockOfCached(node: Node, memo: Map<Element, Element | null>): Element | null {
  const start = node.parentElement;
  if (!start) return null;
  const chain: Element[] = [];
  let el: Element | null = start;
  let found: Element | null | undefined;
  while (el) {
    found = memo.get(el);
    if (found !== undefined) break;
    if (!INLINE_TAGS.has(el.tagName) || !el.parentElement) {
      found = el;
      break;
    }
    chain.push(el);
    el = el.parentElement;
  }
  const result = found ?? null;
  for (const c of chain) memo.set(c, result);
  if (el) memo.set(el, result);
  return result;
}

/** The node and its ancestors below `root`, each with its next sibling at that time. */
function pathOf(node: Node, root: Node): [Node, Node | null][] {
  const path: [Node, Node | null][] = [];
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) path.push([n, n.nextSibling]);
  return path;
}

/** Where to go on after the node we paused at left the document: its old next sibling, or past its nearest ancestor still there. */
function resumeAt(walker: TreeWalker, path: [Node, Node | null][], root: Node): Node | null {
  for (let i = 1; i < path.length; i++) {
    const n = path[i]![0];
    if (!n.isConnected) continue;
    // `n` is still here: its child on the path was removed; that child's next sibling, if it stayed, comes next.
    const after = path[i - 1]![1];
    if (after && after.parentNode === n) {
      walker.currentNode = after;
      return after;
    }
    walker.currentNode = n;
    return skipSubtree(walker, root);
  }
  walker.currentNode = root;
  return null;
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
