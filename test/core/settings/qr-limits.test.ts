import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSources, fileOf, FIXTURES, source } from '../../helpers/build.js';
import { cli, spawnCli, STACK_FRAME } from '../../helpers/cli.js';
import { readPdf } from '../../helpers/pdf.js';
import { decodeQr } from '../../helpers/qr.js';
import { tempDir } from '../../helpers/temp.js';
import { qrProblem } from '../../../src/core/settings/qr-capacity.js';

/** The minimal topic with its film at `url`. */
async function topicWithFilm(url: string): Promise<string> {
  const text = await readFile(join(FIXTURES, 'valid/minimal.md'), 'utf8');
  const replaced = text.replace(/url: "[^"]*"/, `url: "${url}"`);
  expect(replaced).not.toBe(text);
  return replaced;
}

describe('addresses printed as QR codes', () => {
  it('refuses a media URL too long for the printed code, at its line, with a hint: never an internal error', async () => {
    for (const length of [400, 3000]) {
      const url = `https://vpt.dk/${'a'.repeat(length - 15)}`;
      const text = await topicWithFilm(url);
      const result = await buildSources([source(text)]);
      const line = text.split('\n').findIndex((l) => l.includes(url)) + 1;
      const errors = result.topics[0]!.diagnostics.filter((d) => d.severity === 'error');
      expect(errors, String(length)).toHaveLength(1);
      expect(errors[0]!.line).toBe(line);
      expect(errors[0]!.message).toMatch(new RegExp(`is ${length} bytes long; a printed QR code holds at most 362`));
      expect(errors[0]!.hint).toMatch(/shorter address/);
    }
  }, 60_000);

  it('prints the longest address that fits as a code a phone can read', async () => {
    const url = `https://vpt.dk/${'a'.repeat(362 - 15)}`;
    // Counted in UTF-8, as the code stores it: a letter like æ takes two.
    expect(qrProblem(`https://a.dk/${'æ'.repeat(174)}a`)).toBeUndefined();
    expect(qrProblem(`https://a.dk/${'æ'.repeat(174)}aa`)).toBe('is 363 bytes long; a printed QR code holds at most 362');
    const result = await buildSources([source(await topicWithFilm(url))]);
    expect(result.topics[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pdf = await readPdf(fileOf(result, 'drejebog.pdf'));
    const pageIndex = pdf.pages.findIndex((p) => p.links.some((l) => l.url === url));
    const rects = pdf.pages[pageIndex]!.links.filter((l) => l.url === url).map((l) => l.rect as [number, number, number, number]);
    const near = {
      x1: Math.min(...rects.map((r) => r[0])),
      y1: Math.min(...rects.map((r) => r[1])),
      x2: Math.max(...rects.map((r) => r[2])),
      y2: Math.max(...rects.map((r) => r[3])),
    };
    expect(await decodeQr(pdf.doc, pageIndex + 1, near)).toBe(url);
  }, 60_000);

  it('refuses a --base-url too long for the code, or with a password, in one --base-url line, exit 2', async () => {
    const long = await cli(['check', '--content', join(FIXTURES, 'valid'), '--base-url', `https://www.example.dk/${'d'.repeat(3000)}/`]);
    expect(long.code).toBe(2);
    expect(long.stderr.split('\n')[0]).toMatch(
      /^dialogkit: --base-url with a topic's folder after it is \d+ bytes long; a printed QR code holds at most 362; publish out\/ at a shorter address$/,
    );
    expect(long.stderr).not.toMatch(STACK_FRAME);

    const dir = await tempDir();
    const secret = await spawnCli([
      'build',
      '--content',
      join(FIXTURES, 'valid'),
      '--out',
      join(dir, 'out'),
      '--base-url',
      'https://kommune:hemmelig@www.example.dk/dialog/',
    ]);
    expect(secret.code).toBe(2);
    expect(secret.stderr.split('\n')[0]).toMatch(
      /^dialogkit: --base-url holds a user name or password, which every QR code and printed address would show/,
    );
    // The password is not repeated on the terminal either.
    expect(secret.stderr).not.toContain('hemmelig');
  }, 60_000);
});
