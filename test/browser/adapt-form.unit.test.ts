import { describe, expect, it } from 'vitest';
import { parseAdaptation } from '../../src/core/adapt/adaptation.js';
import type { TopicOutline } from '../../src/core/publish/adapt-outline.js';
import { readAdaptForm } from '../../src/browser/adapt-form.js';

const OUTLINE: TopicOutline = {
  slug: 'emne',
  media: { kind: 'film', title: 'Filmen', minutes: 6 },
  mediaStep: 0,
  steps: [
    { number: 1, title: 'Start', minutes: 10, questions: ['Hvad så?', 'Og nu?'], prompts: [] },
    { number: 2, title: 'Midt', minutes: 8, questions: [], prompts: ['Arket'] },
    { number: 3, title: 'Slut', minutes: 12, questions: [], prompts: [] },
  ],
};

const form = (fields: Record<string, string>) => ({ get: (name: string) => fields[name] ?? null });

describe('readAdaptForm', () => {
  it('writes only what changed, as a file the CLI reads back to the same changes', () => {
    const { yaml, changed, minutes } = readAdaptForm(
      form({
        media: 'before',
        'step-1-q-0': 'Hvad gør vi "her"?',
        'step-1-q-1': '',
        'step-2-minutes': '5',
        'step-2-note': 'Vores sag',
        'step-2-p-0': 'Arket',
        'step-3-skip': 'on',
      }),
      OUTLINE,
      { organisation: 'Testrup', duration: 30 },
    );
    expect(changed).toBe(true);
    // 10 − 6 (seen beforehand) + 5; step 3 left out.
    expect(minutes).toBe(9);
    const read = parseAdaptation({ path: 'tilpasning.yml', text: yaml });
    expect(read.diagnostics).toEqual([]);
    expect(read.adaptation).toMatchObject({
      topic: 'emne',
      media: 'before',
      options: { organisation: 'Testrup', duration: 30 },
      steps: [
        { number: 1, questions: [{ text: 'Hvad gør vi "her"?' }] },
        { number: 2, minutes: 5, note: 'Vores sag' },
        { number: 3, skip: true },
      ],
    });
    expect(read.adaptation!.steps[1]!.prompts).toBeUndefined();
  });

  it('says nothing changed for an untouched form', () => {
    const { changed, minutes, yaml } = readAdaptForm(form({ 'step-1-q-0': 'Hvad så?' }), OUTLINE, {});
    expect({ changed, minutes, yaml }).toEqual({ changed: false, minutes: 30, yaml: 'topic: emne\n' });
  });
});
