import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TopicBuild } from '../../../src/core/build/build.js';
import type { Manifest } from '../../../src/core/publish/manifest.js';
import { emptyState, nextState } from '../../../src/node/preview/state.js';
import { placeAt } from '../../../src/browser/live/places.js';
import { diagnostic } from '../../../src/core/messages/index.js';

const manifest = (sha: string): Manifest => ({
  generator: 'dialogkit test',
  topics: [
    {
      slug: 'emne',
      title: 'Emnet',
      source: 'emne.md',
      files: [
        { path: 'emne/drejebog.pdf', bytes: 10, pages: 2, sha256: sha },
        { path: 'emne/index.html', bytes: 5, pages: null, sha256: 'b'.repeat(64) },
      ],
    },
  ],
});

const topic = (over: Partial<TopicBuild>): TopicBuild => ({
  slug: 'emne',
  source: 'content/emne.md',
  title: 'Emnet',
  files: [],
  unchanged: [],
  fingerprints: {},
  reports: {},
  notes: [],
  diagnostics: [],
  ok: true,
  milliseconds: 1,
  missingGlyphs: [],
  ...over,
});

describe('the preview state', () => {
  it('lists products from the manifest with their SHA-256 as version, in product order', () => {
    const state = nextState(emptyState('x'), manifest('a'.repeat(64)), { topics: [topic({})], diagnostics: [] }, [], 'content');
    expect(state.build).toBe(1);
    expect(state.topics[0]!.products.map((p) => [p.file, p.kind, p.label, p.version.slice(0, 1)])).toEqual([
      ['drejebog.pdf', 'pdf', 'Drejebog', 'a'],
      ['index.html', 'html', 'Telefon', 'b'],
    ]);
    expect(state.topics[0]!.stale).toBe(false);
    expect(state.topics[0]!.sourcePath).toBe(resolve('content/emne.md'));
  });

  it('puts the errors of a topic whose front matter broke on that topic, over its last good products, in file order', () => {
    const good = nextState(emptyState('x'), manifest('a'.repeat(64)), { topics: [topic({})], diagnostics: [] }, [], 'content');
    const error = (line: number, severity: 'error' | 'warning' = 'error') => ({
      file: 'content/emne.md',
      line,
      col: 3,
      severity,
      code: 'DK9999' as const, // a code the table does not know keeps its text
      params: {},
      message: `m${line}`,
    });
    // The build names a topic it could not parse by its path.
    const broken = topic({
      slug: 'content/emne.md',
      title: 'content/emne.md',
      ok: false,
      diagnostics: [error(9), error(2, 'warning'), error(4)],
    });
    const bad = nextState(good, manifest('a'.repeat(64)), { topics: [broken], diagnostics: [] }, [], 'content');
    expect(bad.topics.map((t) => t.slug)).toEqual(['emne']);
    expect(bad.topics[0]!.stale).toBe(true);
    expect(bad.topics[0]!.title).toBe('Emnet');
    expect(bad.topics[0]!.diagnostics.map((d) => d.line)).toEqual([2, 4, 9]);
    expect(bad.topics[0]!.diagnostics[0]!.path).toBe(resolve('content/emne.md'));
    const fixed = nextState(bad, manifest('c'.repeat(64)), { topics: [topic({})], diagnostics: [] }, [], 'content');
    expect(fixed.topics[0]!.stale).toBe(false);
    expect(fixed.topics[0]!.diagnostics).toEqual([]);
  });

  it("shows a topic's diagnostics in the topic's language: Danish unless it says `language: en`", () => {
    const said = diagnostic('DK0205', { heading: 'Forbredelse', guess: 'Forberedelse' }, 'content/emne.md', 20, 4);
    const summary = (language: 'da' | 'en') => ({ summary: { language } as NonNullable<TopicBuild['summary']> });
    const shown = (over: Partial<TopicBuild>) =>
      nextState(
        emptyState('x'),
        manifest('a'.repeat(64)),
        { topics: [topic({ diagnostics: [said], ...over })], diagnostics: [] },
        [],
        'content',
      ).topics[0]!.diagnostics[0]!;
    expect(shown(summary('da'))).toMatchObject({
      code: 'DK0205',
      message: 'afsnittet `## Forbredelse` kendes ikke og udskrives, som det står',
    });
    expect(shown({ ok: false })).toMatchObject({ hint: 'mente du `## Forberedelse`?' });
    expect(shown(summary('en'))).toMatchObject({ message: said.message, hint: 'did you mean `## Forberedelse`?' });
  });

  it('keeps the diagnostics when a build stopped before building, and shows why', () => {
    const good = nextState(emptyState('x'), manifest('a'.repeat(64)), { topics: [topic({})], diagnostics: [] }, [], 'content');
    const stopped = nextState(
      good,
      manifest('a'.repeat(64)),
      undefined,
      ['cannot replace out/emne/drejebog.pdf: another program has it open'],
      'content',
    );
    expect(stopped.problems).toEqual(['cannot replace out/emne/drejebog.pdf: another program has it open']);
    expect(stopped.topics[0]!.products[0]!.version).toBe('a'.repeat(64));
  });
});

describe('placeAt', () => {
  const places = [
    { page: 0, x: 50, y: 100, width: 400, height: 15, line: 12 },
    { page: 0, x: 50, y: 115, width: 300, height: 15, line: 12 },
    { page: 0, x: 60, y: 140, width: 200, height: 15, line: 14 },
    { page: 1, x: 50, y: 100, width: 400, height: 15, line: 30 },
  ];
  it('finds the line drawn under a point, on that page only', () => {
    expect(placeAt(places, 0, 100, 105)?.line).toBe(12);
    expect(placeAt(places, 0, 100, 145)?.line).toBe(14);
    expect(placeAt(places, 1, 100, 105)?.line).toBe(30);
  });
  it('takes a point just beside a line to it, and one far from any text to nothing', () => {
    expect(placeAt(places, 0, 100, 137)?.line).toBe(14); // in the gap above line 14, nearer to it
    expect(placeAt(places, 0, 500, 400)).toBeUndefined();
    expect(placeAt(places, 2, 100, 105)).toBeUndefined();
  });
});
