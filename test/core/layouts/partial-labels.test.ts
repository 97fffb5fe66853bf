import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../helpers/build.js';
import { cli } from '../../helpers/cli.js';
import { readPdf } from '../../helpers/pdf.js';
import { tempDir } from '../../helpers/temp.js';

/** A content folder with the minimal topic, and a --templates folder holding only `labels.yml` with `labels`. */
async function folders(labels: string): Promise<{ content: string; templates: string }> {
  const [content, templates] = await Promise.all([tempDir(), tempDir()]);
  await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'minimal.md'));
  await writeFile(join(templates, 'labels.yml'), labels);
  return { content, templates };
}

async function guideText(out: string): Promise<string> {
  return (await readPdf(new Uint8Array(await readFile(join(out, 'minimal', 'drejebog.pdf'))))).text;
}

describe('a labels.yml in --templates that holds only some labels', () => {
  it('overrides just those: one label changes exactly that word in the guide, and nothing else', async () => {
    const { content, templates } = await folders('da:\n  overview: Dagens gang\n');
    const [plain, own] = [await tempDir(), await tempDir()];
    const built = await cli(['build', '--content', content, '--out', plain, '-q']);
    const overridden = await cli(['build', '--content', content, '--out', own, '--templates', templates, '-q']);
    expect(built.code, built.stderr).toBe(0);
    expect(overridden.code, overridden.stderr).toBe(0);
    expect(overridden.stderr).not.toMatch(/: error: /);
    const [before, after] = [await guideText(plain), await guideText(own)];
    expect(before).toContain('Overblik over dialogen');
    expect(after).not.toContain('Overblik over dialogen');
    expect(after).toContain('Dagens gang');
    expect(after).toBe(before.replaceAll('Overblik over dialogen', 'Dagens gang'));
  });

  it('names a misspelt label at its line with did-you-mean, and a wrong type at its line', async () => {
    const { content, templates } = await folders('da:\n  overveiw: Dagens gang\n  guide: 5\nen:\n  handout:\n    text: Handout\n');
    const run = await cli(['check', '--content', content, '--templates', templates]);
    const file = join(templates, 'labels.yml');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:2:3: error: unknown label \`da.overveiw\`\n  hint: did you mean \`overview\`?`);
    expect(run.stderr).toContain(`${file}:3:10: error: the label \`da.guide\` must be a text`);
    expect(run.stderr).toContain(`${file}:6:5: error: the label \`en.handout\` must be a text`);
    expect(run.stderr).toMatch(/Checked 1 topic: 3 errors/);
  });
});
