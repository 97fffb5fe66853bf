import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkProblem } from '../../../src/core/parse/links.js';
import { parseTopic } from '../../../src/core/parse/parse-topic.js';
import { validateOptions } from '../../../src/core/settings/options.js';
import { FIXTURES, source } from '../../helpers/build.js';
import { addressCharName } from '../../../src/core/messages/phrases.js';

const seed = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');

/** The seed with one edit, parsed: `line:col: severity: message` for each diagnostic. */
function said(find: string, replace: string): string[] {
  if (!seed.includes(find)) throw new Error(`not in the seed: ${find}`);
  return parseTopic(source(seed.replace(find, replace))).diagnostics.map((d) => `${d.line}:${d.col}: ${d.severity}: ${d.message}`);
}

describe('the one rule for addresses (parse/links.ts)', () => {
  it('accepts web and mail addresses as a browser reads them, an apostrophe included', () => {
    for (const fine of [
      'https://www.borger.dk',
      'http://a.dk/b?c=d&e=f#g',
      "https://da.wikipedia.org/wiki/O'Brien",
      'https://x.dk/%22a%22',
    ])
      expect(linkProblem(fine, 'web'), fine).toBeUndefined();
    expect(linkProblem('mailto:hjaelp@kommune.dk', 'web-or-mail')).toBeUndefined();
  });

  it('refuses quotes, angle brackets, backticks, backslashes, spaces and control characters, naming the character', () => {
    const cases: [string, RegExp][] = [
      ['https://x.dk/"onmouseover=alert(1)', /a quote mark/],
      ['https://x.dk/<script>', /an angle bracket/],
      ['https://x.dk/`x`', /a backtick/],
      ['https://x.dk\\@evil.dk', /a backslash/],
      ['https://x.dk/a b', /a space/],
      ['https://x.dk/\u0007', /U\+0007/],
    ];
    for (const [address, named] of cases) {
      const problem = linkProblem(address, 'web-or-mail');
      expect(problem?.kind, address).toBe('character');
      expect(problem?.kind === 'character' && addressCharName(problem.char, 'en')).toMatch(named);
    }
  });

  it('refuses other schemes and addresses that are not full', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.dk', '/relative', 'www.borger.dk', 'mailto:nobody', 'https://'])
      expect(linkProblem(bad, 'web-or-mail')?.kind, bad).toBe('address');
    expect(linkProblem('mailto:a@b.dk', 'web')?.kind).toBe('address');
  });
});

describe('addresses are checked where they are accepted', () => {
  it('a Markdown link with a quote is an error at its column, and the link is not made', () => {
    const out = said('[borger.dk](https://www.borger.dk)', '[borger.dk](https://www.borger.dk/"onmouseover=alert(1))');
    expect(out.find((d) => d.includes('quote mark'))).toMatch(
      /^\d+:\d+: error: the link "https:\/\/www\.borger\.dk\/"onmouseover=alert\(1\)" holds a quote mark/,
    );
    // Also the autolink form, which marked reads without brackets.
    expect(said('Læs mere på [borger.dk](https://www.borger.dk).', 'Læs mere på https://www.borger.dk/"x.')).toEqual([
      expect.stringMatching(/error: the link "https:\/\/www\.borger\.dk\/"x" holds a quote mark/),
    ]);
  });

  it('a film address with a quote is an error in the front matter', () => {
    const out = said('url: "https://vpt.dk/film"', `url: 'https://vpt.dk/film"><img src=x>'`);
    expect(out).toEqual([expect.stringMatching(/^8:\d+: error: .*holds a quote mark/)]);
  });

  it('--base-url with a quote or a space is refused', () => {
    expect(validateOptions({ baseUrl: 'https://kit.dk/dialog/' })).toEqual([]);
    expect(validateOptions({ baseUrl: 'https://kit.dk/"dialog/' })).toHaveLength(1);
    expect(validateOptions({ baseUrl: 'https://kit.dk/a b/' })).toHaveLength(1);
  });
});
