import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLayout, TemplateError } from '../../../src/core/layouts/layout.js';
import { FIXTURES, TINY_TOPIC } from '../../helpers/build.js';
import { cli, ROOT, STACK_FRAME } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

/** `levels` nested `#each` over the topic's steps around `inner`. */
function nested(levels: number, inner: string): string {
  return '{{#each @root.topic.steps}}'.repeat(levels) + inner + '{{/each}}'.repeat(levels);
}

describe('a hostile layout that nests #each is stopped within its render budget', () => {
  it('counts loop passes even when the loops print nothing, and names the line', () => {
    const layout = compileLayout(
      { name: 'drejebog', path: 'templates/drejebog.hbs', body: `{{part "title"}}\n${nested(6, '')}\n`, bodyLine: 10 },
      {},
      ['title'],
    );
    const view = { topic: { steps: Array.from({ length: 12 }, (_, i) => ({ number: i + 1 })) } };
    const started = performance.now();
    let error: unknown;
    try {
      layout.render(view);
    } catch (e) {
      error = e;
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(TemplateError);
    const d = (error as TemplateError).diagnostic;
    expect([d.file, d.line, d.severity]).toEqual(['templates/drejebog.hbs', 11, 'error']);
    expect(d.message).toMatch(/too much work: more than 10000 passes through \{\{#each\}\}/);
    // A layout with a loop of ordinary size renders.
    const fine = compileLayout({ name: 'drejebog', path: 'x.hbs', body: nested(2, '{{part "title"}}'), bodyLine: 1 }, {}, ['title']);
    expect(fine.render(view)).toHaveLength(144);
  });

  it('build: exit 1 within seconds, one error at the layout file and line', async () => {
    const root = await tempDir();
    const templates = join(root, 'templates');
    const content = join(root, 'content');
    await mkdir(templates);
    await mkdir(content);
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'minimal.md'));
    const shipped = await readFile(join(ROOT, 'templates/drejebog.hbs'), 'utf8');
    const [front, body] = shipped.split('\n---\n', 2) as [string, string];
    const bomb = nested(6, '{{part "section" title=title blocks=@root.topic.about}}');
    await writeFile(join(templates, 'drejebog.hbs'), `${front}\n---\n${bomb}\n${body}`);
    const line = front.split('\n').length + 2;
    const started = performance.now();
    const run = await cli(['build', '-q', '--content', content, '--out', join(root, 'out'), '--templates', templates, '--jobs', '1']);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(run.code, run.stderr).toBe(1);
    const errors = run.stderr.split('\n').filter((l) => l.includes(': error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^${join(templates, 'drejebog.hbs').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${line}:1: error: the layout does too much work`,
      ),
    );
    expect(run.stderr).not.toMatch(STACK_FRAME);
  }, 30_000);

  it('the download page’s layout (index.hbs) too: an error at its line, the topics built', async () => {
    const root = await tempDir();
    const templates = join(root, 'templates');
    const content = join(root, 'content');
    await mkdir(templates);
    await mkdir(content);
    for (const slug of ['a', 'b', 'c']) await writeFile(join(content, `${slug}.md`), TINY_TOPIC.replace('Lille emne', `Emne ${slug}`));
    const shipped = await readFile(join(ROOT, 'templates/index.hbs'), 'utf8');
    // Three topics, fourteen levels: 3^14 passes, some 4.8 million.
    await writeFile(join(templates, 'index.hbs'), `${'{{#each @root.topics}}'.repeat(14)}${'{{/each}}'.repeat(14)}\n${shipped}`);
    const started = performance.now();
    const run = await cli(['build', '-q', '--content', content, '--out', join(root, 'out'), '--templates', templates, '--jobs', '1']);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/index\.hbs:1:\d+: error: .*too much work: more than 2000000 passes through \{\{#each\}\}/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    await expect(readFile(join(root, 'out', 'a', 'drejebog.pdf'))).resolves.toBeDefined();
  }, 30_000);
});
