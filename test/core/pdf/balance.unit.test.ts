import { describe, expect, it } from 'vitest';
import { balanceLines } from '../../../src/core/pdf/balance.js';
import type { Span } from '../../../src/core/model.js';

/** A monospaced face: every character half a point wide at 1 pt. */
const mono = (text: string) => Promise.resolve(text.length * 0.5);
const text = (spans: readonly Span[]) => spans.map((s) => s.text + (s.lineBreak ? '\n' : '')).join('');

describe('balanceLines', () => {
  it('moves a word down rather than leave one alone on the last line', async () => {
    // At 10 pt each character is 5 pt: "Hvem henviser vi" is 80 pt and fits 85, "til?" would go alone.
    const spans = await balanceLines([{ text: 'Hvem henviser vi til?' }], 85, 10, mono);
    expect(text(spans)).toBe('Hvem henviser\nvi til?');
  });

  it('keeps words joined by a no-break space together, and the spans their style', async () => {
    const spans = await balanceLines(
      [
        { text: 'Trinnet varer ', bold: true },
        { text: '7\u00a0min i alt', italic: true },
      ],
      100,
      10,
      mono,
    );
    expect(text(spans)).toBe('Trinnet varer\n7\u00a0min i alt');
    expect(spans.map((s) => [s.bold ?? false, s.italic ?? false])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('balances each paragraph between hard breaks on its own, and leaves a line that fits alone', async () => {
    const spans = await balanceLines([{ text: 'Vores idé:', lineBreak: true }, { text: 'Hvem henviser vi til?' }], 85, 10, mono);
    expect(text(spans)).toBe('Vores idé:\nHvem henviser\nvi til?');
    const short: Span[] = [{ text: 'Kort spørgsmål?' }];
    expect(await balanceLines(short, 200, 10, mono)).toBe(short);
  });
});
