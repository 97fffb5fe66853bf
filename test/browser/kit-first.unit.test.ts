import { describe, expect, it } from 'vitest';
import { kitFirst } from '../../src/browser/kit-first.js';

describe('the kit goes first (src/browser/kit-first.ts)', () => {
  it('holds waiting work while the kit is busy, through overlapping and failing work', async () => {
    const gate = kitFirst();
    const order: string[] = [];
    await gate.idle(); // not busy: at once
    let finishLoad = () => {};
    let failMake = (_: Error) => {};
    const load = gate.during(new Promise<void>((resolve) => (finishLoad = resolve)));
    const make = gate.during(new Promise<void>((_, reject) => (failMake = reject)));
    const preview = gate.idle().then(() => order.push('preview'));
    await Promise.resolve();
    finishLoad();
    await load;
    order.push('loaded');
    failMake(new Error('no kit'));
    await expect(make).rejects.toThrow('no kit');
    await preview;
    expect(order).toEqual(['loaded', 'preview']);
    await gate.idle();
  });

  it('tells waiting work to stop each time the kit becomes busy, not again while it stays busy', async () => {
    let stops = 0;
    const gate = kitFirst(() => stops++);
    let finish = () => {};
    const first = gate.during(new Promise<void>((resolve) => (finish = resolve)));
    const second = gate.during(Promise.resolve());
    expect(stops).toBe(1);
    await second;
    finish();
    await first;
    await gate.during(Promise.resolve());
    expect(stops).toBe(2);
  });
});
