import { describe, expect, it, vi } from 'vitest';
import { scheduleSlice } from './schedule';

describe('scheduleSlice', () => {
  it('removes its abort listener once the slice ran (no listener per slice left behind)', async () => {
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, 'addEventListener');
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => scheduleSlice(resolve, controller.signal));
    expect(add).toHaveBeenCalledTimes(20);
    expect(remove).toHaveBeenCalledTimes(20);
    expect(remove.mock.calls.map((c) => c[1])).toEqual(add.mock.calls.map((c) => c[1]));
  });

  it('never runs a slice after abort', async () => {
    const controller = new AbortController();
    const fn = vi.fn();
    scheduleSlice(fn, controller.signal);
    controller.abort();
    await new Promise((r) => setTimeout(r, 20));
    expect(fn).not.toHaveBeenCalled();
  });
});
