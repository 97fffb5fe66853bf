import { describe, expect, it } from 'vitest';
import { buildProducts, fileOf, fixture } from '../../helpers/build.js';

/** The phone edition's credits line, as text: tags out, entities and no-break spaces read back. */
function credits(page: string): string {
  const footer = /<footer class="bottom">([\s\S]*?)<\/footer>/.exec(page)?.[1] ?? '';
  return footer
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, '\u00a0')
    .trim();
}

describe('the phone edition prints the topic date as a reader writes it', () => {
  it('Danish topic: "27. oktober 2023", kept on one line, never the ISO form', async () => {
    const result = await buildProducts([await fixture('content/digitale-fuldmagter.md')], ['phone']);
    const text = credits(new TextDecoder().decode(fileOf(result, 'index.html')));
    expect(text).toContain('27.\u00a0oktober\u00a02023');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('English topic: "1 March 2024"', async () => {
    const result = await buildProducts([await fixture('english/english.md')], ['phone']);
    const text = credits(new TextDecoder().decode(fileOf(result, 'index.html')));
    expect(text).toContain('1\u00a0March\u00a02024');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
