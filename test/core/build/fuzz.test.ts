import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../../src/core/build/build.js';
import { buildSources, FIXTURES } from '../../helpers/build.js';
import { flat, readPdf, readPdfInfo } from '../../helpers/pdf.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const seed = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
const lines = seed.split('\n');

/** Fragments authors (and copy-paste) really produce, plus YAML and Markdown syntax that breaks things. */
const fragment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '---',
    '## Trin 9 (0 min):',
    '## Trin x',
    '# Titel',
    '### Til flipover',
    '- ',
    '  - ',
    '> **Tip:**',
    ': [',
    '&a',
    '*a',
    '<<: *a',
    '__proto__: 1',
    'title:',
    'duration: "60-45"',
    '[x](javascript:alert(1))',
    '```',
    '\u0000',
    '\uFEFF',
    '\r',
    '😀',
    '    ',
  ),
);

/** One edit of the seed's lines. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), text: fragment }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(mutations: Mutation[]): string {
  const out = [...lines];
  for (const m of mutations) {
    const at = m.at % Math.max(1, out.length);
    switch (m.op) {
      case 'delete':
        out.splice(at, 1);
        break;
      case 'duplicate':
        out.splice(at, 0, out[at] ?? '');
        break;
      case 'swap': {
        const other = m.with % Math.max(1, out.length);
        [out[at], out[other]] = [out[other] ?? '', out[at] ?? ''];
        break;
      }
      case 'insert':
        out.splice(at, 0, m.text);
        break;
      case 'replace':
        out[at] = m.text;
        break;
      case 'truncate':
        out.length = Math.min(out.length, at);
        break;
    }
  }
  return out.join('\n');
}

function checkDiagnostics(text: string | Uint8Array) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const { topics, diagnostics } = checkAll([{ path: 'content/fuzz.md', bytes }]);
  for (const d of diagnostics) {
    expect(d.file).toBe('content/fuzz.md');
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
  // A topic comes back only when no error was found, and errors always come with no topic.
  expect(topics.length === 1).toBe(!diagnostics.some((d) => d.severity === 'error'));
}

/**
 * Heavy properties have their own time budget: each runs a fixed number of cases (numRuns, with a
 * seed, so a run is repeatable), and a timeout generous enough for a machine under load. A
 * timeout is a budget for the machine, not a bound on the parser: the parser's own bounds are
 * checked per case (bench/pathological.ts times them). 3,000 cases took 12 s alone and ran past
 * the default 30 s on the shared 2-core machine.
 */
const PARSE_BUDGET = { timeout: 240_000 };
const PDF_BUDGET = { timeout: 600_000 };

describe('property: any topic file gives a topic or diagnostics, never an exception', () => {
  it('holds for thousands of mutated topic files (parse and check)', PARSE_BUDGET, () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => checkDiagnostics(mutate(mutations))),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('holds for random text and random bytes', PARSE_BUDGET, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => checkDiagnostics(text)),
      { numRuns: 1000, seed: 20261207 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => checkDiagnostics(bytes)),
      { numRuns: 1000, seed: 20261207 },
    );
  });

  it('holds all the way to PDFs: a mutated topic either builds five valid PDFs or reports errors', PDF_BUDGET, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const result = await buildSources([{ path: 'content/fuzz.md', bytes: new TextEncoder().encode(mutate(mutations)) }]);
        const topic = result.topics[0]!;
        if (topic.ok) {
          const names = topic.files.filter((f) => f.path.endsWith('.pdf')).map((f) => f.path.split('/')[1]);
          // The flip-chart sheets are left out only when the topic has no prompts.
          expect(names.filter((n) => n !== 'flipover.pdf')).toEqual(['drejebog.pdf', 'koereplan.pdf', 'handout.pdf', 'prikkort.pdf']);
          for (const file of topic.files) {
            if (file.path.endsWith('.html')) {
              expect(new TextDecoder().decode(file.bytes.subarray(0, 15)), file.path).toBe('<!doctype html>');
              continue;
            }
            if (file.path.endsWith('.docx')) {
              // A Word copy is a zip; test/core/word/word.test.ts reads its XML back.
              expect(new TextDecoder().decode(file.bytes.subarray(0, 2)), file.path).toBe('PK');
              continue;
            }
            const pdf = await readPdfInfo(file.bytes);
            expect(pdf.pages, file.path).toBeGreaterThan(0);
            expect(String(pdf.info['Title']), file.path).toMatch(new RegExp(`^${escapeRegExp(topic.title)} – `));
          }
          // The guide prints the title (pdf.js may break it over lines).
          const guide = flat((await readPdf(topic.files.find((f) => f.path.endsWith('/drejebog.pdf'))!.bytes)).text).replace(/\s/g, '');
          expect(guide).toContain(topic.title.replace(/\s/g, ''));
        } else {
          expect(topic.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        }
      }),
      { numRuns: 25, seed: 20261122 },
    );
  });
});
