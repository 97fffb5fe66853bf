import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/core/publish/manifest.js';

const SHA = 'c'.repeat(64);
const file = (path: string) => ({ path, bytes: 10, pages: 1, sha256: SHA });
const topic = (slug: string, files: unknown[], extra: Record<string, unknown> = {}) => ({
  slug,
  title: 'T',
  source: `${slug}.md`,
  files,
  ...extra,
});
const manifest = (topics: unknown[]) => JSON.stringify({ generator: 'dialogkit 0.1.0', topics });

describe('parseManifest', () => {
  it('keeps only paths inside the topic’s own folder: no ../, no absolute path, no other topic’s folder', () => {
    const parsed = parseManifest(
      manifest([
        topic('emne', [
          file('emne/drejebog.pdf'),
          file('emne/../andet/drejebog.pdf'),
          file('../outside/id_rsa'),
          file('/etc/passwd'),
          file('andet/handout.pdf'),
          file('emne/sub/deeper.pdf'),
          file('emne/.hidden'),
          file('emne\\..\\x'),
        ]),
      ]),
    );
    expect(parsed?.topics[0]?.files.map((f) => f.path)).toEqual(['emne/drejebog.pdf']);
  });

  it('drops an archive outside the topic’s folder, and a topic whose slug is not one plain name', () => {
    const parsed = parseManifest(
      manifest([
        topic('emne', [], { archive: { path: 'andet/andet.zip', bytes: 1, sha256: SHA } }),
        topic('..', [file('../x')]),
        topic('a/b', [file('a/b/c')]),
        topic('\u001b[31mred', [file('\u001b[31mred/x.pdf')]),
      ]),
    );
    expect(parsed?.topics.map((t) => t.slug)).toEqual(['emne']);
    expect(parsed?.topics[0]?.archive).toBeUndefined();
  });

  // Each of these once made a build stop with an internal error; now the folder is refused with the usual line.
  it.each([
    ['a title that is not text', [{ ...topic('emne', []), title: 5 }]],
    ['a source that is not text', [{ ...topic('emne', []), source: null }]],
    ['files that are not a list', [{ ...topic('emne', []), files: {} }]],
    ['a file entry that is not an object', [topic('emne', ['emne/drejebog.pdf'])]],
    ['a size that is not a whole number', [topic('emne', [{ ...file('emne/a.pdf'), bytes: '10' }])]],
    ['a hash that is not a SHA-256', [topic('emne', [{ ...file('emne/a.pdf'), sha256: 'xyz' }])]],
    ['pages that are not a number', [topic('emne', [{ ...file('emne/a.pdf'), pages: 'two' }])]],
    ['a summary of the wrong shape', [topic('emne', [], { summary: { language: 'da', duration: 60 } })]],
    ['an archive of the wrong shape', [topic('emne', [], { archive: 'emne/emne.zip' })]],
    ['a topic that is not an object', ['emne']],
  ])('refuses a manifest with %s', (_name, topics) => {
    expect(parseManifest(manifest(topics))).toBeUndefined();
  });

  it('reads back what Dialogkit writes', () => {
    const summary = {
      language: 'da',
      series: null,
      publisher: 'KL',
      date: '2024-01-01',
      duration: { min: 45, max: 60 },
      participants: { min: 4, max: 20 },
      minutes: 50,
      media: { kind: 'film', title: 'F', minutes: null },
      intro: null,
    };
    const text = manifest([topic('emne', [{ ...file('emne/drejebog.pdf'), inputs: 'abc', conformance: ['PDF/UA-1'] }], { summary })]);
    expect(parseManifest(text)?.topics[0]).toEqual((JSON.parse(text) as { topics: unknown[] }).topics[0]);
  });
});
