// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rangeOf } from './highlight';
import { walkSegments } from './walk';

describe('rangeOf', () => {
  it('maps a mention spanning several text nodes back to the DOM', () => {
    document.body.innerHTML = '<p>Hosted on Microsoft <b>Azure</b> today</p>';
    const [segment] = [...walkSegments(document.body, () => undefined)];
    const start = segment!.text.indexOf('Microsoft');
    const end = start + 'Microsoft Azure'.length;
    const range = rangeOf(document, segment!, start, end)!;
    expect(range.toString()).toBe('Microsoft Azure');
    expect(range.startContainer).toBe(segment!.nodes[0]);
    expect(range.endContainer).toBe(document.querySelector('b')!.firstChild);
  });

  it('maps a mention inside a single node, at its very start', () => {
    document.body.innerHTML = '<p><i>OVHcloud</i> and more</p>';
    const [segment] = [...walkSegments(document.body, () => undefined)];
    expect(rangeOf(document, segment!, 0, 8)!.toString()).toBe('OVHcloud');
  });
});
