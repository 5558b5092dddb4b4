// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockOf, walkSegments } from './walk';

function segmentsOf(html: string) {
  document.body.innerHTML = html;
  const shadows: ShadowRoot[] = [];
  const texts = [...walkSegments(document.body, (sr) => shadows.push(sr))].map((s) => s.text.replace(/\s+/g, ' ').trim());
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
        '<div contenteditable="true"><p>Scaleway</p></div><div data-sovereignty-lens="warning"><p>Azure</p></div><noscript>GCP</noscript><p>end</p>',
    );
    expect(texts).toEqual(['keep', 'end']);
  });

  it('hands open shadow roots to the caller', () => {
    document.body.innerHTML = '<div id="h"></div>';
    const sr = document.getElementById('h')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>inside</p>';
    const found: ShadowRoot[] = [];
    [...walkSegments(document.body, (s) => found.push(s))];
    expect(found).toEqual([sr]);
    expect([...walkSegments(sr, () => undefined)].map((s) => s.text)).toEqual(['inside']);
  });

  it('walks a lone text node and finds its block', () => {
    document.body.innerHTML = '<p>Hello <span>there</span></p>';
    const text = document.querySelector('span')!.firstChild!;
    expect(blockOf(text)?.tagName).toBe('P');
    expect([...walkSegments(text, () => undefined)].map((s) => s.text)).toEqual(['there']);
  });
});
