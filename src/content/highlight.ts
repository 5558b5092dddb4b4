// Optional highlighting of mentions (off by default) with the CSS Custom
// Highlight API: ranges are painted without touching the page's DOM text.
// Browsers without it simply get no highlight.
import type { Mention } from '../core/matcher';
import { OWN_HOST_ATTR, ownNodes, type Segment } from './walk';

const NAME = 'sovereignty-lens';
const STYLE = `::highlight(${NAME}) { background-color: rgba(244, 196, 48, 0.55); color: inherit; }`;

export function createHighlighter(doc: Document) {
  const registry = typeof CSS !== 'undefined' ? (CSS as { highlights?: HighlightRegistry }).highlights : undefined;
  const HighlightCtor = (globalThis as unknown as { Highlight?: typeof Highlight }).Highlight;
  if (!registry || !HighlightCtor) return null;
  let highlight: Highlight | null = null;
  let style: HTMLStyleElement | null = null;

  function ensure(): Highlight {
    if (!highlight) {
      highlight = new HighlightCtor!();
      registry!.set(NAME, highlight);
    }
    if (!style || !style.isConnected) {
      style = doc.createElement('style');
      style.setAttribute(OWN_HOST_ATTR, 'highlight');
      ownNodes.add(style);
      style.textContent = STYLE;
      (doc.head ?? doc.documentElement).append(style);
    }
    return highlight;
  }

  return {
    /**
     * Adds the style rule ahead of the scan. Any ::highlight rule makes the
     * browser restyle the whole page once: done here, that restyle happens in
     * the browser's next frame, not forced inside one of the scan's slices.
     */
    prepare(): Promise<void> {
      ensure();
      // After the next frame (or 100 ms in a tab that paints no frames).
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, 100);
        requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
      });
    },
    add(segment: Segment, mentions: readonly Mention[]) {
      const ranges = ensure();
      for (const m of mentions) {
        const range = rangeOf(doc, segment, m.start, m.end);
        if (range) ranges.add(range);
      }
    },
    clear() {
      highlight?.clear();
      registry.delete(NAME);
      highlight = null;
      style?.remove();
      style = null;
    },
  };
}

/** Maps offsets in a segment's joined text back to a DOM range over its text nodes. */
export function rangeOf(doc: Document, segment: Segment, start: number, end: number): Range | null {
  const at = (offset: number, preferNext: boolean): [Text, number] | null => {
    const { nodes, starts } = segment;
    for (let i = nodes.length - 1; i >= 0; i--) {
      const s = starts[i]!;
      if (offset > s || (offset === s && (preferNext || i === 0))) {
        const node = nodes[i]!;
        const local = Math.min(offset - s, node.length);
        return [node, local];
      }
    }
    return null;
  };
  const a = at(start, true);
  const b = at(end, false);
  if (!a || !b || !a[0].isConnected || !b[0].isConnected) return null;
  const range = doc.createRange();
  try {
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1]);
  } catch {
    return null; // the text changed since the walk
  }
  return range;
}
