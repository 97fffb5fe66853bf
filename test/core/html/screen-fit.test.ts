/**
 * Text the screen edition cannot show at a readable size (issue 35): never cut, and the build
 * says where it is. The page's side (the box scrolls) is in test/core/html/screen.browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { SCREEN_VIEW_CHARACTERS } from '../../../src/core/html/screen-fit.js';
import { buildProducts, fileOf, source, TINY_TOPIC } from '../../helpers/build.js';

describe('the screen edition and text that does not fit', () => {
  it('warns at the line of a flip-chart prompt too long for the screen, and still shows all of it', async () => {
    const long = Array.from({ length: 320 }, (_, i) => `ord${i}`).join(' ') + ' slut på spørgsmålet?';
    expect(long.length).toBeGreaterThan(SCREEN_VIEW_CHARACTERS);
    const text = TINY_TOPIC.replace('- Hvad gør vi nu?', `- ${long}`);
    const line = text.split('\n').findIndex((l) => l.startsWith(`- ${long}`)) + 1;
    const result = await buildProducts([source(text)], ['skaerm']);
    const warnings = result.topics[0]!.diagnostics.filter((d) => d.severity === 'warning' && /screen edition/.test(d.message));
    // The step's own view lists its prompts (it has no questions): that view scrolls too, at the step's line.
    const stepLine = text.split('\n').findIndex((l) => l.startsWith('## Trin 1')) + 1;
    expect(warnings.map((d) => [d.line, d.message.replace(/\d+ characters/, 'N characters')])).toEqual([
      [
        stepLine,
        "step 1's view is N characters: more than the screen edition shows at a readable size (about 2000), so it will scroll on the screen",
      ],
      [
        line,
        'a flip-chart prompt of step 1 is N characters: more than the screen edition shows at a readable size (about 2000), so it will scroll on the screen',
      ],
    ]);
    const page = new TextDecoder().decode(fileOf(result, 'skaerm.html'));
    expect(page).toContain(long);
    expect(result.topics[0]!.ok).toBe(true);
  });

  it('says nothing about text that fits', async () => {
    const result = await buildProducts([source(TINY_TOPIC)], ['skaerm']);
    expect(result.topics[0]!.diagnostics.filter((d) => /screen edition/.test(d.message))).toEqual([]);
  });
});
