// One page's scan: walks the document in time slices, then watches mutations
// and scans only what changed. Owns its queue, observers and timers; all of
// them stop when `signal` aborts (new route, orphaned script). Every step
// (walking, joining a block's text, matching) hands back control at the
// slice's deadline, whatever the page's shape.
import { snippetAround, type Matcher, type Mention } from '../core/matcher';
import { scheduleSlice } from './schedule';
import { blockOf, isSkipped, ownNodes, walkSegments, type Segment } from './walk';

/** Slice budget: well under the 16 ms of a frame. */
const SLICE_MS = 8;
/** More distinct changed places than this in one batch are scanned through their ancestors. */
const HUGE_BATCH = 1000;
/** Long texts are matched in windows; a window's size adapts so one call stays short even on pathological text. */
const WINDOW_MIN = 2 * 1024;
const WINDOW_MAX = 64 * 1024;
const OVERLAP = 512;
const MAX_SNIPPETS = 3;
const REPORT_DEBOUNCE_MS = 200;
/** How long DOM changes gather before they are scanned. */
const MUTATION_GATHER_MS = 150;
/** While a long scan runs, report what was found so far this often. */
const PROGRESS_REPORT_MS = 500;
/** Shadow roots attached to elements already scanned make no mutation: look for them this often, backing off to the max while none is found. */
const SHADOW_SWEEP_MS = 1000;
const SHADOW_SWEEP_MAX_MS = 30_000;

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

/** A segment being matched, and where to go on. */
interface Carry {
  segment: Segment;
  pos: number;
}

export function startPageScan(root: Document, opts: PageScanOptions): { rescan(matcher?: Matcher): void } {
  let matcher = opts.matcher;
  const { signal } = opts;
  const found = new Map<string, string[]>();
  const queue: Node[] = [root];
  /** Open shadow roots being watched, with their observers (released when their host leaves the document). */
  const shadowRoots = new Map<ShadowRoot, MutationObserver>();
  const observers: MutationObserver[] = [];
  let pending: MutationRecord[] = [];
  let current: Generator<Segment | null, void, void> | null = null;
  let carry: Carry | null = null;
  let windowSize = 4 * 1024;
  let scheduled = false;
  let dirty = true; // the first report is sent even when nothing is found
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  let mutationTimer: ReturnType<typeof setTimeout> | undefined;
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  let sweep: Generator<null, void, void> | null = null;
  let sweepCost = 0;
  let sweepEvery = SHADOW_SWEEP_MS;
  let sweepFound = false;
  // Progress reports start half a second in: a small page reports once, when done.
  let lastReport = performance.now();

  const watch = (target: Document | ShadowRoot) => {
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
    return mo;
  };
  const onShadowRoot = (sr: ShadowRoot) => {
    if (shadowRoots.has(sr)) return;
    shadowRoots.set(sr, watch(sr));
    queue.push(sr);
    sweepFound = true;
  };
  /** Forgets shadow roots whose host left the document (a re-inserted host is found again by the walk). */
  const releaseShadowRoots = () => {
    for (const [sr, mo] of shadowRoots) {
      if (sr.host.isConnected) continue;
      mo.disconnect();
      shadowRoots.delete(sr);
    }
  };
  const allRoots = () => [root, ...shadowRoots.keys()];

  function schedule() {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    scheduleSlice(slice, signal);
  }

  const busy = () => !!(carry || current || queue.length || pending.length);

  function slice() {
    scheduled = false;
    if (signal.aborted) return;
    const deadline = performance.now() + SLICE_MS;
    if (pending.length) takeMutations();
    while (performance.now() < deadline) {
      if (carry) {
        carry = scanSegment(carry, deadline);
        continue;
      }
      if (!current) {
        const next = queue.shift();
        if (!next) break;
        if (!next.isConnected && next !== root) continue;
        current = walkSegments(next, onShadowRoot, !!opts.wantsMentions?.());
      }
      const step = current.next();
      if (step.done) current = null;
      else if (step.value) carry = scanSegment({ segment: step.value, pos: 0 }, deadline);
    }
    if (!busy() && sweep) runSweep(deadline);
    if (busy() || sweep) {
      if (dirty && performance.now() - lastReport > PROGRESS_REPORT_MS) flushReport();
      schedule();
    } else {
      queueReport();
      planSweep();
    }
  }

  /** Matches a segment from `pos` on, window by window, until done (null) or the deadline (where to go on). */
  function scanSegment(at: Carry, deadline: number): Carry | null {
    const { segment } = at;
    const { text } = segment;
    for (let start = at.pos; ; ) {
      const end = Math.min(text.length, start + windowSize);
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      const t0 = performance.now();
      let mentions = matcher.find(piece);
      // Adapt the window: one call stays around a millisecond, whatever the text.
      const took = performance.now() - t0;
      if (took > 2 && windowSize > WINDOW_MIN) windowSize >>= 1;
      else if (took < 0.5 && windowSize < WINDOW_MAX) windowSize <<= 1;
      if (start > 0) {
        // Mentions wholly inside the overlap were found by the previous window.
        mentions = mentions.filter((m) => m.end > OVERLAP);
        for (const m of mentions) {
          m.start += start;
          m.end += start;
        }
      }
      record(segment, mentions);
      if (end === text.length) return null;
      start = end - OVERLAP;
      if (performance.now() >= deadline) return { segment, pos: start };
    }
  }

  function record(segment: Segment, mentions: Mention[]) {
    // A visibility check may force a style recalc of the whole page: only
    // pay it when the mentions would change the findings or are highlighted.
    if (!mentions.length || !(opts.wantsMentions?.() || mentions.some((m) => isNews(m, segment.text))) || !isVisible(segment.block)) return;
    for (const m of mentions) {
      let snippets = found.get(m.id);
      if (!snippets) {
        snippets = [];
        found.set(m.id, snippets);
        dirty = true;
      }
      if (snippets.length < MAX_SNIPPETS) {
        const s = snippetAround(segment.text, m);
        if (!snippets.includes(s)) {
          snippets.push(s);
          dirty = true;
        }
      }
    }
    if (segment.nodes.length) opts.onMentions?.(segment, mentions);
  }

  /** Whether a mention would add a provider or a new snippet. */
  function isNews(m: Mention, text: string): boolean {
    const snippets = found.get(m.id);
    return !snippets || (snippets.length < MAX_SNIPPETS && !snippets.includes(snippetAround(text, m)));
  }

  function takeMutations() {
    const records = pending;
    pending = [];
    let roots = new Set<Node>();
    let removals = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        const b = blockOf(r.target);
        if (b) roots.add(b);
        continue;
      }
      if (r.removedNodes.length) removals = true;
      const added = r.addedNodes;
      // Many nodes into one parent: read the parent's block once.
      if (added.length > 32) {
        const b = r.target.nodeType === 1 && !isInline(r.target as Element) ? r.target : blockOf(r.target);
        roots.add(b ?? r.target);
        continue;
      }
      for (const n of added) {
        if (n.nodeType !== 1 && n.nodeType !== 3) continue;
        if (ownNodes.has(n)) continue;
        // Inline additions are read with their phrase: scan the block around them.
        const b = n.nodeType === 1 && !isInline(n as Element) ? n : blockOf(n);
        if (b) roots.add(b);
      }
    }
    if (removals) releaseShadowRoots();
    // A flood of changes at many places: read their ancestors instead, level by
    // level, never restarting the walk already under way (a restart would
    // starve the end of the document while the flood lasts).
    while (roots.size > HUGE_BATCH) {
      const up = new Set<Node>();
      for (const n of roots) up.add(n.parentNode ?? n);
      if (up.size === roots.size) break;
      roots = up;
    }
    const queued = new Set(queue);
    for (const n of dedupeByAncestor(roots)) {
      if (!n.isConnected || queued.has(n) || (n.nodeType === 1 && isSkippedDeep(n as Element))) continue;
      queue.push(n);
    }
  }

  /**
   * After a quiet scan, look for shadow roots attached since (they make no
   * mutation; those on inserted elements are found by the walk): at most
   * 0.5 % of the time (a sweep's own cost × 200), backing off while sweeps
   * find nothing.
   */
  function planSweep() {
    if (sweepTimer !== undefined || sweep) return;
    sweepTimer = setTimeout(() => {
      sweepTimer = undefined;
      sweep = sweepShadowHosts();
      sweepCost = 0;
      sweepFound = false;
      schedule();
    }, Math.max(sweepEvery, sweepCost * 200));
  }

  function runSweep(deadline: number) {
    const t0 = performance.now();
    while (sweep && performance.now() < deadline) {
      if (!sweep.next().done) continue;
      sweep = null;
      sweepEvery = sweepFound ? SHADOW_SWEEP_MS : Math.min(sweepEvery * 2, SHADOW_SWEEP_MAX_MS);
    }
    sweepCost += performance.now() - t0;
  }

  function* sweepShadowHosts(): Generator<null, void, void> {
    for (const r of allRoots()) {
      if (r !== root && !(r as ShadowRoot).host.isConnected) continue;
      const walker = root.createTreeWalker(r, 0x1);
      let n = 0;
      for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
        const sr = el.shadowRoot;
        if (sr && !shadowRoots.has(sr) && !ownNodes.has(el)) onShadowRoot(sr);
        if (++n % 256 === 0) yield null;
      }
    }
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
      for (const mo of shadowRoots.values()) mo.disconnect();
      shadowRoots.clear();
      clearTimeout(reportTimer);
      clearTimeout(mutationTimer);
      clearTimeout(sweepTimer);
      queue.length = 0;
      pending = [];
      current = null;
      carry = null;
      sweep = null;
    },
    { once: true },
  );

  observers.push(watch(root));
  schedule();

  return {
    rescan(next?: Matcher) {
      if (next) matcher = next;
      found.clear();
      dirty = true;
      current = null;
      carry = null;
      queue.length = 0;
      queue.push(...allRoots());
      schedule();
    },
  };
}

function isInline(el: Element): boolean {
  return blockOf(el) !== el;
}

/**
 * Past this depth a visibility check is made on the ancestor at this depth:
 * on thousands of nested `content-visibility: auto` boxes, Chromium's check
 * restyles every display-locked ancestor (seconds). Text inside hidden boxes
 * deeper than this then counts as visible.
 */
const MAX_CHECK_DEPTH = 256;

function isVisible(block: Element | null): boolean {
  let el = block;
  let depth = 0;
  for (let a = el; a && depth <= MAX_CHECK_DEPTH * 2; a = a.parentElement) depth++;
  if (depth > MAX_CHECK_DEPTH * 2) {
    const chain: Element[] = [];
    for (let a = el; a; a = a.parentElement) chain.push(a);
    el = chain[chain.length - MAX_CHECK_DEPTH] ?? el;
  }
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
