// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockOf, ownNodes, walkSegments, type Segment } from './walk';

const all = (it: Iterable<Segment | null>) => [...it].filter((s): s is Segment => s !== null);

function segmentsOf(html: string) {
  document.body.innerHTML = html;
  const shadows: ShadowRoot[] = [];
  const texts = all(walkSegments(document.body, (sr) => shadows.push(sr))).map((s) => s.text.replace(/\s+/g, ' ').trim());
  return { texts, shadows };
}

describe('walkSegments', () => {
  it('joins inline text into one phrase per block', () => {
    const { texts } = segmentsOf('<p>Hosted on Microsoft <b>Azure</b> <a href="#">today</a>.</p><p>Second</p>');
    expect(texts).toEqual(['Hosted on Microsoft Azure today.', 'Second']);
  });

  it('separates phrases of different blocks, nested ones included', () => {
    const { texts } = segmentsOf('<div>Microsoft<div>inner</div>Azure</div>');
    expect(texts).toEqual(['Microsoft', 'inner', 'Azure']);
  });

  it('prunes scripts, styles, form fields, templates, editable areas and our own host', () => {
    const { texts } = segmentsOf(
      '<p>keep</p><script>var a = "Azure"</script><style>.azure{}</style><textarea>AWS</textarea><template><p>OVH</p></template>' +
        '<div contenteditable="true"><p>Scaleway</p></div><div id="ours"><p>Azure</p></div><noscript>GCP</noscript><p>end</p>',
    );
    expect(texts).toEqual(['keep', 'Azure', 'end']);
    ownNodes.add(document.getElementById('ours')!);
    expect(all(walkSegments(document.body, () => undefined)).map((s) => s.text)).toEqual(['keep', 'end']);
  });

  it("reads the page's own elements that carry our attribute (only what we created is skipped)", () => {
    const { texts } = segmentsOf('<div data-sovereignty-lens="warning"><p>Hosted by OVHcloud.</p></div>');
    expect(texts).toEqual(['Hosted by OVHcloud.']);
  });

  it('reads a line break as a space inside a phrase', () => {
    const { texts } = segmentsOf('<p>Amazon<br>Web <b>Services</b><br></p><p><br>next</p>');
    expect(texts).toEqual(['Amazon Web Services', 'next']);
  });

  it('hands back control inside one huge block, and the block still comes out whole', () => {
    document.body.innerHTML = '<p>' + 'w <!---->'.repeat(3000) + 'end</p>';
    const steps = [...walkSegments(document.body, () => undefined)];
    expect(steps.filter((s) => s === null).length).toBeGreaterThan(10);
    const segments = all(steps);
    expect(segments).toHaveLength(1);
    expect(segments[0]!.text).toBe('w '.repeat(3000) + 'end');
    expect(segments[0]!.nodes).toHaveLength(3001);
  });

  it('finds blocks through deep inline nesting', () => {
    document.body.innerHTML = '<div id="d"></div>';
    let e: Element = document.getElementById('d')!;
    for (let i = 0; i < 2000; i++) {
      const s = document.createElement('span');
      s.append('w ');
      e.append(s);
      e = s;
    }
    const segments = all(walkSegments(document.body, () => undefined));
    expect(segments).toHaveLength(1);
    expect(segments[0]!.block?.id).toBe('d');
  });

  it('hands open shadow roots to the caller', () => {
    document.body.innerHTML = '<div id="h"></div>';
    const sr = document.getElementById('h')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>inside</p>';
    const found: ShadowRoot[] = [];
    all(walkSegments(document.body, (s) => found.push(s)));
    expect(found).toEqual([sr]);
    expect(all(walkSegments(sr, () => undefined)).map((s) => s.text)).toEqual(['inside']);
  });

  it('walks a lone text node and finds its block', () => {
    document.body.innerHTML = '<p>Hello <span>there</span></p>';
    const text = document.querySelector('span')!.firstChild!;
    expect(blockOf(text)?.tagName).toBe('P');
    expect(all(walkSegments(text, () => undefined)).map((s) => s.text)).toEqual(['there']);
  });
});

describe('walkSegments while the page changes', () => {
  it('goes on after a node the page removed while the walk was paused on it', () => {
    document.body.innerHTML = '<div id="feed">' + '<span>x</span>'.repeat(600) + '</div>' + '<p>filler</p>'.repeat(300) + '<p>the end</p>';
    const walk = walkSegments(document.body, () => undefined, false);
    const texts: string[] = [];
    let pauses = 0;
    for (let step = walk.next(); !step.done; step = walk.next()) {
      if (step.value === null) {
        // The page replaces the feed while we are paused inside it.
        if (++pauses === 1) document.getElementById('feed')!.replaceChildren(document.createElement('span'));
        continue;
      }
      texts.push(step.value.text);
    }
    expect(pauses).toBeGreaterThan(1);
    expect(texts.at(-1)).toBe('the end');
  });
});
