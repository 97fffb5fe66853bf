import { describe, expect, it } from 'vitest';
import { safeForTerminal } from '../../src/node/terminal.js';

describe('safeForTerminal', () => {
  it('shows control characters, ANSI escapes and bidi overrides escaped, and keeps line breaks and text', () => {
    expect(safeForTerminal('\u001b[2J\u001b]0;pwned\u0007 rød\ttext\r\u009b31m\u202eabc\nnext')).toBe(
      '\\u001b[2J\\u001b]0;pwned\\u0007 rød\\u0009text\\u000d\\u009b31m\\u202eabc\nnext',
    );
  });

  it('leaves JSON parseable and equal to what it said', () => {
    const json = JSON.stringify({ slug: 'a\u009bb\u202ec' });
    expect(JSON.parse(safeForTerminal(json))).toEqual({ slug: 'a\u009bb\u202ec' });
  });
});
