import { describe, expect, it } from 'vitest';
import { findSlips } from '../../../src/core/parse/find-slips.js';

/** `line:col: message` for each slip in `body` (lines from 1, the body starting on line 1). */
function slips(body: string): string[] {
  return findSlips('topic.md', body.split('\n'), 1).map((d) => `${d.line}:${d.col}: ${d.message}`);
}

describe('slips in headings of any level', () => {
  it("names `###Til flipover`, whose prompts would otherwise print as the step's text", () => {
    expect(slips('## Trin 1 (5 min): Tal\n\n###Til flipover\n\n- Hvad?')).toEqual([
      '3:1: `###Til flipover` has no space after `###`, so it is no heading: it is printed as text',
    ]);
  });

  it('names a missing space after two to six marks, and not a heading written right', () => {
    expect(slips('##Råd\n####Noter\n######Sidst\n### Til flipover\n#######Syv')).toEqual([
      '1:1: `##Råd` has no space after `##`, so it is no heading: it is printed as text',
      '2:1: `####Noter` has no space after `####`, so it is no heading: it is printed as text',
      '3:1: `######Sidst` has no space after `######`, so it is no heading: it is printed as text',
    ]);
  });
});

describe('slips inside code fences', () => {
  it('leaves text inside a fence alone, and finds slips again after it closes', () => {
    const body = ['```', '-Hvor går grænsen?', '##Råd', '```', '-Hvad nu?'].join('\n');
    expect(slips(body)).toEqual([
      '5:1: "-Hvad nu?" has no space after the dash, so it is no list item: it is printed as part of the text before it',
    ]);
  });

  it('closes a fence only with the same mark, at least as long', () => {
    const body = ['~~~~', '```', '###Til flipover', '~~~', '-Inde', '~~~~', '###Til flipover'].join('\n');
    expect(slips(body)).toEqual(['7:1: `###Til flipover` has no space after `###`, so it is no heading: it is printed as text']);
  });
});
