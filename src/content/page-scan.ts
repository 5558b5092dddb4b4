// One page's scan: walks the document in time slices, then watches mutations
// and scans only what changed. Owns its queue, observers and timers; all of
// them stop when `signal` aborts (new route, orphaned script).
import { snippetAround, type Matcher, type Mention } from '../core/matcher';
import { scheduleSlice } from './schedule';
import { blockOf, isSkipped, OWN_HOST_ATTR, walkSegments, type Segment } from './walk';

/** Slice budget: well under the 50 ms long-task threshold. */
const SLICE_MS = 8;
/** A mutation batch larger than this means: rescan the root instead. */
const HUGE_BATCH = 1000;
/** Long texts are matched in windows so a 20 MB text node never blocks a slice for long. */
const WINDOW = 64 * 1024;
const OVERLAP = 512;
const MAX_SNIPPETS = 3;
const REPORT_DEBOUNCE_MS = 200;
/** How long DOM changes gather before they are scanned. */
const MUTATION_GATHER_MS = 150;
/** While a long scan runs, report what was found so far this often. */
const PROGRESS_REPORT_MS = 500;

export interface Findings {
  ids: string[];
  snippets: Record<string, string[]>;
}

export interface PageScanOptions {
  matcher: Matcher;
  signal: AbortSignal;
  report: (findings: Findings) => void;
  /** Called with the visible mentions of a segment (for highlighting)… */
  onMentions?: (segment: Segment, mentions: Mention[]) => void;
  /** …for every mention while this says so, else only for those that change the findings. */
  wantsMentions?: () => boolean;
}

export function startPageScan(root: Document, opts: PageScanOptions): { rescan(matcher?: Matcher): void } {
  let matcher = opts.matcher;
  const { signal } = opts;
  const found = new Map<string, string[]>();
  const queue: Node[] = [root];
  const observed = new WeakSet<Node>();
  const observers: MutationObserver[] = [];
  let pending: MutationRecord[] = [];
  let current: Generator<Segment, void, void> | null = null;
  /** The rest of a huge text, carried over to the next slice. */
  let carry: Segment | null = null;
  let scheduled = false;
  let dirty = true; // the first report is sent even when nothing is found
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  let mutationTimer: ReturnType<typeof setTimeout> | undefined;
  // Progress reports start half a second in: a small page reports once, when done.
  let lastReport = performance.now();

  const observe = (target: Document | ShadowRoot) => {
    if (observed.has(target)) return;
    observed.add(target);
    const mo = new MutationObserver((records) => {
      // Only stash here; the work happens in a later slice. Changes gather for
      // a moment first: one pass over a burst of insertions costs far less
      // than a pass (and a style recalc) per insertion.
      for (const r of records) pending.push(r);
      mutationTimer ??= setTimeout(() => {
        mutationTimer = undefined;
        schedule();
      }, MUTATION_GATHER_MS);
    });
    mo.observe(target, { childList: true, characterData: true, subtree: true });
    observers.push(mo);
  };
  const shadowRoots: ShadowRoot[] = [];
  const shadowRootsSeen = () => shadowRoots.filter((sr) => sr.host.isConnected);
  const onShadowRoot = (sr: ShadowRoot) => {
    if (observed.has(sr)) return;
    observe(sr);
    shadowRoots.push(sr);
    queue.push(sr);
  };

  function schedule() {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    scheduleSlice(slice, signal);
  }

  function slice() {
    scheduled = false;
    if (signal.aborted) return;
    const deadline = performance.now() + SLICE_MS;
    if (pending.length) takeMutations();
    while (performance.now() < deadline) {
      if (carry) {
        const segment = carry;
        carry = null;
        scanSegment(segment, deadline);
        continue;
      }
      if (!current) {
        const next = queue.shift();
        if (!next) break;
        if (!next.isConnected && next !== root) continue;
        current = walkSegments(next, onShadowRoot);
      }
      const step = current.next();
      if (step.done) current = null;
      else scanSegment(step.value, deadline);
    }
    if (carry || current || queue.length || pending.length) {
      if (dirty && performance.now() - lastReport > PROGRESS_REPORT_MS) flushReport();
      schedule();
    } else {
      queueReport();
    }
  }

  function scanSegment(segment: Segment, deadline: number) {
    const { text } = segment;
    for (let start = 0; start < text.length; start += WINDOW - OVERLAP) {
      const end = Math.min(text.length, start + WINDOW);
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      const mentions = matcher.find(piece);
      // A visibility check may force a style recalc of the whole page: only
      // pay it when the mentions would change the findings or are highlighted.
      if (mentions.length && (opts.wantsMentions?.() || mentions.some((m) => isNews(m, piece))) && isVisible(segment.block)) {
        for (const m of mentions) {
          let snippets = found.get(m.id);
          if (!snippets) {
            snippets = [];
            found.set(m.id, snippets);
            dirty = true;
          }
          if (snippets.length < MAX_SNIPPETS) {
            const s = snippetAround(piece, m);
            if (!snippets.includes(s)) {
              snippets.push(s);
              dirty = true;
            }
          }
        }
        // Offsets map to the DOM only when the text was matched whole.
        if (piece === text) opts.onMentions?.(segment, mentions);
      }
      if (end === text.length) break;
      // A huge text keeps going in the next slice rather than blocking this one.
      if (performance.now() > deadline + SLICE_MS) {
        carry = { text: text.slice(end - OVERLAP), block: segment.block, nodes: [], starts: [] };
        break;
      }
    }
  }

  /** Whether a mention would add a provider or a new snippet. */
  function isNews(m: Mention, piece: string): boolean {
    const snippets = found.get(m.id);
    return !snippets || (snippets.length < MAX_SNIPPETS && !snippets.includes(snippetAround(piece, m)));
  }

  function takeMutations() {
    const records = pending;
    pending = [];
    const roots = new Set<Node>();
    let added = 0;
    for (const r of records) {
      if (r.type === 'characterData') {
        const b = blockOf(r.target);
        if (b) roots.add(b);
        continue;
      }
      for (const n of r.addedNodes) {
        added++;
        if (n.nodeType !== 1 && n.nodeType !== 3) continue;
        if (n.nodeType === 1 && (n as Element).hasAttribute(OWN_HOST_ATTR)) continue;
        // Inline additions are read with their phrase: scan the block around them.
        const b = n.nodeType === 1 && !isInline(n as Element) ? n : blockOf(n);
        if (b) roots.add(b);
      }
      if (added > HUGE_BATCH) break;
    }
    if (added > HUGE_BATCH || roots.size > HUGE_BATCH) {
      queue.length = 0;
      current = null;
      carry = null;
      queue.push(root, ...shadowRootsSeen());
      return;
    }
    for (const n of dedupeByAncestor(roots)) if (n.isConnected && !(n.nodeType === 1 && isSkippedDeep(n as Element))) queue.push(n);
  }

  function queueReport() {
    if (!dirty) return;
    // A page that never stops changing must still get its report within the 2 s budget.
    if (performance.now() - lastReport >= PROGRESS_REPORT_MS) return flushReport();
    clearTimeout(reportTimer);
    reportTimer = setTimeout(flushReport, REPORT_DEBOUNCE_MS);
  }

  function flushReport() {
    clearTimeout(reportTimer);
    if (signal.aborted || !dirty) return;
    dirty = false;
    lastReport = performance.now();
    opts.report({ ids: [...found.keys()], snippets: Object.fromEntries(found) });
  }

  signal.addEventListener(
    'abort',
    () => {
      for (const mo of observers) mo.disconnect();
      clearTimeout(reportTimer);
      clearTimeout(mutationTimer);
      queue.length = 0;
      pending = [];
      current = null;
    },
    { once: true },
  );

  observe(root);
  schedule();

  return {
    rescan(next?: Matcher) {
      if (next) matcher = next;
      found.clear();
      dirty = true;
      current = null;
      carry = null;
      queue.length = 0;
      queue.push(root, ...shadowRootsSeen());
      schedule();
    },
  };
}

function isInline(el: Element): boolean {
  return blockOf(el) !== el;
}

function isVisible(block: Element | null): boolean {
  let el = block;
  while (el) {
    const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    if (!check || check.call(el, { visibilityProperty: true })) return true;
    // A display:contents element has no box of its own, yet its text is painted: ask its parent.
    if (getComputedStyle(el).display !== 'contents') return false;
    el = el.parentElement;
  }
  return true;
}

/** Skipped itself or inside a skipped ancestor (e.g. text added to a <script>). */
function isSkippedDeep(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}

/** Drops every node whose ancestor is also in the set. */
function dedupeByAncestor(nodes: Set<Node>): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    let p = n.parentNode;
    let covered = false;
    while (p) {
      if (nodes.has(p)) {
        covered = true;
        break;
      }
      p = p.parentNode ?? (p as ShadowRoot).host ?? null;
    }
    if (!covered) out.push(n);
  }
  return out;
}
