import { describe, expect, it } from 'vitest';
import { parseTopic } from '../../../src/core/parse/parse-topic.js';
import type { Topic } from '../../../src/core/model.js';
import { durationProblems, mediaStepIndex, scheduleSteps, shortestSession } from '../../../src/core/view/schedule.js';
import { validateOptions } from '../../../src/core/settings/options.js';
import { buildProducts, contentTopics, fileOf, source } from '../../helpers/build.js';
import { flat, readPdf } from '../../helpers/pdf.js';
import { formatText } from '../../../src/core/messages/index.js';

function topic(steps: [number, string][], media = 'media: { kind: film, title: Filmen, url: "https://example.org/f", minutes: 6 }'): Topic {
  const body = steps.map(([minutes, text], i) => `## Trin ${i + 1} (${minutes} min): Trin ${i + 1}\n\n${text}\n`).join('\n');
  const text = `---\ntitle: Emne\nduration: "45-60"\nparticipants: "4-20"\n${media}\n---\n\n## Tag afsæt i emnet\n\n- Spørgsmål?\n\n## Forberedelse\n\n- Noget.\n\n${body}`;
  const parsed = parseTopic(source(text));
  if (!parsed.topic) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.topic;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('scheduleSteps', () => {
  const five = topic([
    [10, 'Introducér emnet og vis filmen.'],
    [8, 'Par.'],
    [13, 'Grupper.'],
    [9, 'Idéer.'],
    [12, 'Opsamling.'],
  ]);

  it('keeps the source minutes at the source length', () => {
    expect(scheduleSteps(five, 52).minutes).toEqual([10, 8, 13, 9, 12]);
  });

  it('scales to the asked length in whole minutes that sum exactly to it (largest remainder)', () => {
    for (const total of [11, 20, 30, 45, 47, 60, 75, 90, 120, 240]) {
      const { minutes } = scheduleSteps(five, total);
      expect(sum(minutes)).toBe(total);
      expect(minutes.every((m) => Number.isInteger(m) && m >= 1)).toBe(true);
      expect(minutes[0]).toBeGreaterThanOrEqual(6);
    }
    // 45/52 of 10, 8, 13, 9, 12 = 8.65, 6.92, 11.25, 7.79, 10.38: floors 8+6+11+7+10 = 42, three more to .92, .79, .65.
    expect(scheduleSteps(five, 45).minutes).toEqual([9, 7, 11, 8, 10]);
  });

  it('never makes the media step shorter than the medium, and re-shares the rest', () => {
    // 12/52 of 10 is 2.3, below the film's 6 minutes: the film step is pinned at 6, the other 6 shared.
    expect(scheduleSteps(five, 12).minutes).toEqual([6, 1, 2, 1, 2]);
    expect(scheduleSteps(five, 10).minutes).toEqual([6, 1, 1, 1, 1]);
  });

  it('finds the step that presents the medium, else step 1', () => {
    expect(
      mediaStepIndex(
        topic([
          [5, 'Hej.'],
          [5, 'Se filmen sammen.'],
          [5, 'Tal.'],
        ]),
      ),
    ).toBe(1);
    expect(
      mediaStepIndex(
        topic([
          [5, 'Hej.'],
          [5, 'Tal.'],
        ]),
      ),
    ).toBe(0);
    expect(
      mediaStepIndex(
        topic(
          [
            [5, 'Hej.'],
            [5, 'Læs casen højt.'],
          ],
          'media: { kind: case, title: C, minutes: 5 }',
        ),
      ),
    ).toBe(1);
    const podcastLate = topic(
      [
        [2, 'Hej.'],
        [20, 'Lyt til podcasten.'],
        [2, 'Tal.'],
      ],
      'media: { kind: podcast, title: P, minutes: 15 }',
    );
    // 1.5, 15, 1.5 → 1, 15, 1 and the last minute to the earlier of the tied steps.
    expect(scheduleSteps(podcastLate, 18).minutes).toEqual([2, 15, 1]);
  });
});

describe('durationProblems', () => {
  const five = topic([
    [10, 'Vis filmen.'],
    [8, 'a'],
    [13, 'b'],
    [9, 'c'],
    [12, 'd'],
  ]);
  it('refuses a length shorter than the fixed parts, naming the shortest', () => {
    expect(shortestSession(five)).toBe(10);
    const problem = durationProblems(five, 9);
    expect(problem?.severity).toBe('error');
    expect(problem && formatText(problem.problem, 'en').message).toContain('need 10 minutes');
    expect(problem && formatText(problem.problem, 'en').hint).toContain('--duration 10');
    expect(durationProblems(five, 10)?.severity).toBe('warning');
  });
  it('warns far outside the topic range, and is silent within reason', () => {
    expect(durationProblems(five, 20)?.severity).toBe('warning');
    expect(durationProblems(five, 121)?.severity).toBe('warning');
    expect(durationProblems(five, 23)).toBeUndefined();
    expect(durationProblems(five, 120)).toBeUndefined();
  });
  it('validates the option itself', () => {
    expect(validateOptions({ duration: 0 })).toHaveLength(1);
    expect(validateOptions({ duration: 4.5 })).toHaveLength(1);
    expect(validateOptions({ duration: 45 })).toEqual([]);
  });
});

describe('--duration in the products', () => {
  it('scales every topic of the series to 45 minutes: the guide totals 45 and says it was adapted', async () => {
    const sources = await contentTopics();
    const names = sources.map((s) => s.path.slice('content/'.length));
    const result = await buildProducts(sources, ['drejebog'], { duration: 45, start: '13:00' });
    expect(result.topics).toHaveLength(6);
    for (const [index] of names.entries()) {
      expect(result.topics[index]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const text = flat((await readPdf(fileOf(result, 'drejebog.pdf', index))).text);
      expect(text).toMatch(/I alt 45/);
      expect(text).toContain('13.45');
      const sourceTotal = Number(/kildens tider: [\d + ]+ = (\d+)/.exec(text)?.[1] ?? 45);
      // forventningsafstemning is written for 45 minutes: nothing to adapt, nothing said.
      if (names[index] === 'forventningsafstemning.md') expect(text).not.toContain('Tilpasset til');
      else expect(text).toMatch(/Tilpasset til 45\sminutter; kildens tider: [\d + ]+ = \d+\sminutter/);
      expect(sourceTotal).toBeGreaterThanOrEqual(45);
    }
  }, 120_000);

  it('makes an unmeetable length an error on the topic, at its duration line', async () => {
    const topic = (await contentTopics()).find((s) => s.path === 'content/forventningsafstemning.md')!;
    const result = await buildProducts([topic], ['drejebog'], { duration: 5 });
    const errors = result.topics[0]!.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(7);
    expect(result.topics[0]!.files).toEqual([]);
  });
});
