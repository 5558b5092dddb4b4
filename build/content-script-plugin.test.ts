import { describe, expect, it } from 'vitest';
import { deferToLoad } from './content-script-plugin';

/** Runs the wrapped code against a fake window: returns how often the body ran, and the load trigger. */
function run(readyState: string) {
  const calls: string[] = [];
  const listeners: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const env = {
    document: { readyState },
    addEventListener: (_: string, fn: () => void) => listeners.push(fn),
    setTimeout: (fn: () => void) => timers.push(fn),
    calls,
  };
  new Function('document', 'addEventListener', 'setTimeout', 'calls', deferToLoad('calls.push("ran");'))(env.document, env.addEventListener, env.setTimeout, calls);
  return { calls, load: () => listeners.forEach((f) => f()), timeout: () => timers.forEach((f) => f()) };
}

describe('deferToLoad', () => {
  it('runs at once on a loaded page', () => {
    expect(run('complete').calls).toEqual(['ran']);
  });

  it('waits for the load event on a loading page, and runs once even when the 1 s fallback fires too', () => {
    const r = run('interactive');
    expect(r.calls).toEqual([]);
    r.load();
    r.timeout();
    expect(r.calls).toEqual(['ran']);
  });

  it('runs after 1 s on a page whose load never comes', () => {
    const r = run('loading');
    r.timeout();
    expect(r.calls).toEqual(['ran']);
  });
});
