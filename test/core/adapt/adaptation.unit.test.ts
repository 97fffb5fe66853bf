import { describe, expect, it } from 'vitest';
import { parseAdaptation } from '../../../src/core/adapt/adaptation.js';

const read = (text: string) => parseAdaptation({ path: 'tilpasning.yml', text });
const where = (text: string) =>
  read(text).diagnostics.map((d) => `${d.line}:${d.col} ${d.severity}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);

describe('parseAdaptation', () => {
  it("reads the issue's example with every position", () => {
    const { adaptation, diagnostics } = read(
      'topic: private-it-loesninger\nmedia: before\nsteps:\n  2: { minutes: 10, note: "Egen sag" }\n  3:\n    questions: ["Hvad gør vi?"]\n  4: { skip: true }\n',
    );
    expect(diagnostics).toEqual([]);
    expect(adaptation).toMatchObject({
      topic: 'private-it-loesninger',
      media: 'before',
      steps: [
        { number: 2, minutes: 10, note: 'Egen sag', at: { line: 4, col: 3 } },
        { number: 3, questions: [{ text: 'Hvad gør vi?', at: { line: 6, col: 17 } }] },
        { number: 4, skip: true },
      ],
    });
  });

  it('says what is wrong at its line, with a suggestion', () => {
    expect(where('topc: x\n')).toEqual(['1:1 error: unknown key `topc` (did you mean `topic`?)']);
    expect(where('topic: x\nsteps:\n  two: { skip: true }\n  3: 5\n  4: { minutes: "ti", skip: ja }\n')).toEqual([
      '3:3 error: `steps` has `two`, which is not a step number (name a step by its number, e.g. `2:`)',
      '4:6 error: step 3 must be a map of changes (write e.g. `3: { minutes: 10 }` or `3: { skip: true }`)',
      '5:17 error: `steps.4.minutes` must be a whole number from 1 to 480 (the step in whole minutes, e.g. 10)',
      '5:29 error: `steps.4.skip` must be `true` or `false`',
    ]);
    expect(where('topic: x\ndate: 2027-02-30\nstart: 25:00\n')).toEqual([
      expect.stringMatching(/^2:7 error: `date` "2027-02-30" /),
      '3:8 error: `start` "25:00" is not a time (write HH:MM, e.g. 13:00)',
    ]);
  });

  it('refuses what is not a map, YAML slips and aliases, and has no adaptation then', () => {
    expect(read('- topic: x\n').adaptation).toBeUndefined();
    expect(read('- topic: x\n').diagnostics).toMatchObject([{ line: 1, severity: 'error' }]);
    expect(read('topic: x\nsteps:\n  2: { minutes: 10\n').adaptation).toBeUndefined();
    expect(where('topic: x\nnote: &a "x"\norganisation: *a\n')).toEqual([expect.stringMatching(/^3:15 error: YAML aliases/)]);
  });
});
