import { describe, expect, it } from 'vitest';
import { lostTextDiagnostics } from '../../../src/core/pdf/lost-text.js';

describe('lostTextDiagnostics', () => {
  it('makes each lost block an error at its source line that says how much of what was not drawn', () => {
    const diagnostics = lostTextDiagnostics('content/emne.md', 'handout.pdf', [
      { sourceLine: 42, sample: 'Borgeren skal selv …', expected: 120, drawn: 20 },
      { sample: 'Juridisk baggrund', expected: 17, drawn: 0 },
    ]);
    expect(diagnostics).toEqual([
      {
        file: 'content/emne.md',
        line: 42,
        col: 1,
        severity: 'error',
        code: 'DK0323',
        params: expect.any(Object) as unknown,
        message: 'handout.pdf does not print all of this: 100 of 120 characters of "Borgeren skal selv …" were not drawn',
        hint: expect.stringContaining('shorten or split the block') as unknown,
      },
      // A part's own heading has no source line: the top of the file.
      expect.objectContaining({ line: 1, message: expect.stringContaining('17 of 17 characters of "Juridisk baggrund"') as unknown }),
    ]);
  });

  it('reports nothing when nothing was lost', () => {
    expect(lostTextDiagnostics('content/emne.md', 'drejebog.pdf', [])).toEqual([]);
  });
});
