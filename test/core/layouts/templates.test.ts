import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readForm } from '../../../src/browser/form.js';
import { FIXTURES } from '../../helpers/build.js';
import { flat, readPdf } from '../../helpers/pdf.js';
import { cli, ROOT, STACK_FRAME } from '../../helpers/cli.js';

/** One slip in one template file: `find` is replaced by `replace`; the error is on the line of `line` (after the edit). */
interface Slip {
  name: string;
  file: string;
  find: string;
  replace: string;
  line: string;
  message: RegExp;
  hint?: RegExp;
}

const SLIPS: Slip[] = [
  {
    name: 'a misspelt setting',
    file: 'drejebog.hbs',
    find: '  margins: [56, 52, 56, 64]',
    replace: '  margni: [56, 52, 56, 64]',
    line: 'margni',
    message: /unknown setting `margni` under `page`/,
    hint: /did you mean `margins`/,
  },
  {
    name: 'a setting in the wrong case',
    file: 'handout.hbs',
    find: '  fontSize: 10.5',
    replace: '  fontsize: 10.5',
    line: 'fontsize',
    message: /unknown setting `fontsize`/,
    hint: /did you mean `fontSize`/,
  },
  {
    name: 'a paper size the product does not take',
    file: 'drejebog.hbs',
    find: '  size: A4',
    replace: '  size: A5',
    line: 'size: A5',
    message: /`page.size` cannot be "A5"/,
    hint: /allowed: A4, A3/,
  },
  {
    name: 'three margins',
    file: 'handout.hbs',
    find: '  margins: [56, 52, 56, 64]',
    replace: '  margins: [56, 52, 56]',
    line: 'margins: [56, 52, 56]',
    message: /`page.margins` must be four numbers/,
  },
  {
    name: 'a colour that is not a hex code',
    file: 'drejebog.hbs',
    find: '    accent: "#1f5c73"',
    replace: '    accent: "blå"',
    line: 'accent: "blå"',
    message: /`theme.colors.accent` must be a colour as a hex code/,
  },
  {
    name: 'a font Dialogkit does not embed',
    file: 'prikkort.hbs',
    find: '  font: Atkinson',
    replace: '  font: Arial',
    line: 'font: Arial',
    message: /the font "Arial" is not one Dialogkit embeds/,
  },
  {
    name: 'a length with a unit',
    file: 'flipover.hbs',
    find: 'margin: 40 ',
    replace: 'margin: "4cm" ',
    line: 'margin: "4cm"',
    message: /`margin` must be a number \(points/,
  },
  {
    name: 'a card size that does not exist',
    file: 'prikkort.hbs',
    find: '  card: A6',
    replace: '  card: A8',
    line: 'card: A8',
    message: /`cards.card` cannot be "A8"/,
    hint: /allowed: A6, A7/,
  },
  {
    name: 'a line of text outside the parts',
    file: 'handout.hbs',
    find: '{{part "header"}}',
    replace: '{{part "header"}}\n{ "part": "header" }',
    line: '{ "part": "header" }',
    message: /text outside a part/,
  },
  {
    name: 'a label that does not exist',
    file: 'drejebog.hbs',
    find: 'title=labels.overview',
    replace: 'title=labels.overveiw',
    line: 'labels.overveiw',
    message: /`labels.overveiw` does not exist/,
    hint: /did you mean `labels.overview`/,
  },
  {
    name: 'a group of labels where one is meant',
    file: 'handout.hbs',
    find: 'title=labels.reflection',
    replace: 'title=labels.watchAgain',
    line: 'labels.watchAgain',
    message: /`labels.watchAgain` is a group of labels, not one/,
    hint: /labels.watchAgain.film/,
  },
  {
    name: 'a topic field that does not exist',
    file: 'handout.hbs',
    find: 'items=topic.guidingQuestions',
    replace: 'items=topic.guidingQuestion',
    line: 'topic.guidingQuestion',
    message: /`topic.guidingQuestion` does not exist/,
  },
  {
    name: 'a Danish label without its English one',
    file: 'labels.yml',
    find: '  reflection: Spørgsmål til refleksion',
    replace: '  reflection: Spørgsmål til refleksion\n  reflektion: Refleksion',
    line: 'reflektion: Refleksion',
    message: /unknown label `da.reflektion`/,
    hint: /hint: did you mean `reflection`\?/,
  },
  {
    name: 'a label given a group where a text belongs',
    file: 'labels.yml',
    find: '  overview: Overblik over dialogen\n',
    replace: '  overview:\n    text: Overblik over dialogen\n',
    line: 'text: Overblik over dialogen',
    message: /the label `da.overview` must be a text/,
  },
  {
    name: 'a YAML slip in the labels',
    file: 'labels.yml',
    find: '  total: I alt',
    replace: '  total: "I alt',
    line: 'total: "I alt',
    message: /bad YAML/,
  },
];

let root: string;
let content: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dialogkit-templates-'));
  content = join(root, 'content');
  await mkdir(content);
  await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'minimal.md'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A `--templates` folder holding only the edited file; the others come from the package. */
async function templatesWith(slip: Slip, index: number): Promise<{ dir: string; line: number }> {
  const dir = join(root, `templates-${index}`);
  await mkdir(dir, { recursive: true });
  const original = await readFile(join(ROOT, 'templates', slip.file), 'utf8');
  expect(original, `${slip.file} holds ${JSON.stringify(slip.find)}`).toContain(slip.find);
  const edited = original.replace(slip.find, slip.replace);
  await writeFile(join(dir, slip.file), edited);
  const line = edited.split('\n').findIndex((l) => l.includes(slip.line)) + 1;
  return { dir, line };
}

describe('layout and label mistakes in --templates DIR', () => {
  for (const [index, slip] of SLIPS.entries()) {
    it(`check: ${slip.name} is an error at its file and line, exit 1`, async () => {
      const { dir, line } = await templatesWith(slip, index);
      const run = await cli(['check', '--content', content, '--templates', dir]);
      expect(run.code, run.stderr).toBe(1);
      const error = run.stderr.split('\n').find((l) => l.startsWith(`${join(dir, slip.file)}:${line}:`) && l.includes(': error: '));
      expect(error, run.stderr).toBeDefined();
      expect(error).toMatch(slip.message);
      if (slip.hint) expect(run.stderr).toMatch(slip.hint);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stderr).not.toMatch(/internal error/);
    });
  }

  it('build: a misspelt label is exit 1 and prints nothing, never "undefined"', async () => {
    const { dir } = await templatesWith(
      SLIPS.find((s) => s.name === 'a label that does not exist')!,
      100,
    );
    const out = join(root, 'out');
    const run = await cli(['build', '--content', content, '--out', out, '--templates', dir, '-q']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/drejebog\.hbs:\d+:\d+: error: `labels.overveiw` does not exist/);
    await expect(readFile(join(out, 'minimal', 'drejebog.pdf'))).rejects.toThrow();
  });

  it('build: a part argument of the wrong kind is an error at its layout line, not an empty section', async () => {
    // blocks= takes a section's blocks; a label is text. Read without a typed check, the advice
    // section would quietly print nothing.
    const { dir, line } = await templatesWith(
      {
        name: 'wrong kind',
        file: 'drejebog.hbs',
        find: 'blocks=topic.advice',
        replace: 'blocks=labels.advice',
        line: 'blocks=labels.advice',
        message: /./,
      },
      101,
    );
    const out = join(root, 'out-kind');
    const run = await cli(['build', '--content', content, '--out', out, '--templates', dir, '-q']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      `${join(dir, 'drejebog.hbs')}:${line}:1: error: \`blocks=\` of the part "section" must be the blocks of a section, such as topic.advice`,
    );
    expect(run.stderr).not.toMatch(STACK_FRAME);
    await expect(readFile(join(out, 'minimal', 'drejebog.pdf'))).rejects.toThrow();
  });

  it('build: an edited layout in --templates DIR is used, file by file', async () => {
    const dir = join(root, 'templates-used');
    await mkdir(dir, { recursive: true });
    const layout = await readFile(join(ROOT, 'templates', 'drejebog.hbs'), 'utf8');
    await writeFile(join(dir, 'drejebog.hbs'), layout.replace('{{part "overview" title=labels.overview}}\n', ''));
    const out = join(root, 'out-used');
    const run = await cli(['build', '--content', content, '--out', out, '--templates', dir, '-q']);
    expect(run.code, run.stderr).toBe(0);
    const guide = flat((await readPdf(new Uint8Array(await readFile(join(out, 'minimal', 'drejebog.pdf'))))).text);
    const handout = flat((await readPdf(new Uint8Array(await readFile(join(out, 'minimal', 'handout.pdf'))))).text);
    // The guide (edited layout) lost its overview; the handout (built-in layout) is as before.
    expect(guide).toContain('Tag afsæt i emnet');
    expect(guide).not.toContain('Overblik over dialogen');
    expect(handout).toContain('Spørgsmål til refleksion');
  });

  it('refuses a --templates folder that does not exist, in one line, exit 2', async () => {
    const run = await cli(['check', '--content', content, '--templates', join(root, 'nowhere')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the templates folder ".*nowhere" does not exist/);
  });
});

describe('the page’s form checks with the CLI’s validateOptions', () => {
  const labels = {
    working: '',
    done: '',
    failed: '',
    errors: { date: 'DATO', start: 'START', duration: 'MINUTTER', participants: 'ANTAL', organisation: 'NAVN', note: 'NOTE', logo: 'LOGO' },
  };
  const form = (fields: Record<string, string>) => readForm({ get: (name: string) => fields[name] ?? '' }, labels);

  it('maps each wrong field to the page’s own words and leaves it out of the options', () => {
    const result = form({
      date: '2027-02-30x',
      start: '25:00',
      participants: '1',
      organisation: 'x'.repeat(81),
      note: 'ok',
      paper: 'A1-tiled',
    });
    expect(result.errors.map((e) => [e.field, e.message])).toEqual([
      ['start', 'START'],
      ['date', 'DATO'],
      ['participants', 'ANTAL'],
      ['organisation', 'NAVN'],
    ]);
    expect(result.options).toEqual({ note: 'ok', flipoverSize: 'A1', tile: 'A4' });
  });

  it('passes good fields through as build options', () => {
    expect(form({ date: '2027-01-15', start: '13:00', participants: '7', organisation: 'Faaborg', paper: 'A3' })).toEqual({
      options: { organisation: 'Faaborg', date: '2027-01-15', start: '13:00', participants: 7, flipoverSize: 'A3' },
      errors: [],
    });
  });

  it('offers every paper the CLI does: A4 to A1 whole, A2 and A1 in A4 pieces, or the topic’s own', () => {
    const paper = (value: string) => form({ paper: value }).options;
    expect(paper('')).toEqual({});
    expect(paper('A2')).toEqual({ flipoverSize: 'A2' });
    expect(paper('A1')).toEqual({ flipoverSize: 'A1' });
    expect(paper('A2-tiled')).toEqual({ flipoverSize: 'A2', tile: 'A4' });
    expect(paper('A1-tiled')).toEqual({ flipoverSize: 'A1', tile: 'A4' });
    expect(paper('A0')).toEqual({});
  });
});

describe('a broken download-page layout (index.hbs) in --templates DIR', () => {
  /** A templates folder whose index.hbs has line 136's `{{title}}` replaced; returns the folder. */
  async function pageWith(replacement: string, name: string): Promise<string> {
    const dir = join(root, `page-${name}`);
    await mkdir(dir, { recursive: true });
    const lines = (await readFile(join(ROOT, 'templates', 'index.hbs'), 'utf8')).split('\n');
    expect(lines[135]).toContain('<h1>{{title}}</h1>');
    lines[135] = lines[135]!.replace('{{title}}', replacement);
    await writeFile(join(dir, 'index.hbs'), lines.join('\n'));
    return dir;
  }

  it('check: an unclosed tag is an error at its line, exit 1', async () => {
    const dir = await pageWith('{{title}', 'syntax-check');
    const run = await cli(['check', '--content', content, '--templates', dir]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'index.hbs')}:136:1: error: the download page's layout cannot be used`);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('build: a broken or misspelt page is an error at its line; the topics and the earlier page stay', async () => {
    const out = join(root, 'out-page');
    expect((await cli(['build', '--content', content, '--out', out, '-q'])).code).toBe(0);
    const earlier = await readFile(join(out, 'index.html'), 'utf8');
    for (const [name, replacement, at] of [
      ['syntax', '{{title}', ':136:1:'],
      ['field', '{{titel}}', ':136:'],
    ] as const) {
      const dir = await pageWith(replacement, name);
      const run = await cli(['build', '--content', content, '--out', out, '--templates', dir, '--force', '-q']);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(`${join(dir, 'index.hbs')}${at}`);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(earlier);
      expect((await readFile(join(out, 'minimal', 'drejebog.pdf'))).length).toBeGreaterThan(1000);
    }
  });
});
