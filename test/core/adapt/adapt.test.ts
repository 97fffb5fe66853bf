import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSources, contentTopics, fileOf, source, TINY_TOPIC } from '../../helpers/build.js';
import { cli } from '../../helpers/cli.js';
import { flat, readPdf } from '../../helpers/pdf.js';
import { tempDir } from '../../helpers/temp.js';
import type { BuildOptions } from '../../../src/core/settings/options.js';

/** The example in issue 32 and docs/adapt.md, as written. */
const EXAMPLE = `topic: private-it-loesninger
media: before
steps:
  2: { minutes: 10, note: "Brug vores egen sag fra sidste uge" }
  3:
    questions: ["Hvad gør vi i Testrup, når borgeren sidder fast?"]
  4: { skip: true }
`;

const adapt = (text: string, extra: BuildOptions = {}): BuildOptions => ({ adapt: [{ path: 'tilpasning.yml', text }], ...extra });

async function privateIt(options: BuildOptions) {
  const topic = (await contentTopics()).find((t) => t.path.endsWith('/private-it-loesninger.md'))!;
  return buildSources([topic], options);
}

const text = async (bytes: Uint8Array) => flat((await readPdf(bytes)).text);
const html = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('an adaptation file', () => {
  it('leaves out, retimes, notes, replaces and marks the medium as seen, in every product', async () => {
    const result = await privateIt(adapt(EXAMPLE));
    expect(result.topics[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const guide = await text(fileOf(result, 'drejebog.pdf'));
    // Step 4 ("Find mulige handlingsrum") is gone; step 5 is now step 4.
    expect(guide).not.toContain('Find mulige handlingsrum');
    expect(guide).toContain('Trin 4 · Saml op og beslut');
    expect(guide).not.toContain('Trin 5');
    // Step 1 loses the film's 7 minutes (10 → 3); step 2 has 10; total 3 + 10 + 12 + 13.
    expect(guide).toMatch(/1 Rammesæt emnet og dilemmaerne 3 0–3/);
    expect(guide).toMatch(/2 Indsaml pointer 10 3–13/);
    expect(guide).toMatch(/I alt 38/);
    expect(guide).toMatch(/VARIGHED 38 min/);
    expect(guide).toContain('(set på forhånd)');
    expect(guide).toContain('Set på forhånd: Deltagerne har set filmen før mødet');
    expect(guide).toContain('Lokal note: Brug vores egen sag fra sidste uge');
    expect(guide).toContain('Hvad gør vi i Testrup, når borgeren sidder fast?');

    const runSheet = await text(fileOf(result, 'koereplan.pdf'));
    expect(runSheet).toContain('Køreplan · 38 minutter');
    expect(runSheet).toContain('Hvor går grænsen? (set på forhånd)');
    expect(runSheet).not.toContain('handlingsrum');
    expect(runSheet).toMatch(/25–38 13 Trin 4 · Saml op og beslut/);

    // Step 4's flip-chart prompt is gone from the sheets, the handout and both web editions.
    const gone = 'Vores idéforslag';
    const sheets = await readPdf(fileOf(result, 'flipover.pdf'));
    expect(sheets.pages).toHaveLength(3);
    expect(flat(sheets.text)).not.toContain(gone);
    const handout = await text(fileOf(result, 'handout.pdf'));
    expect(handout).not.toContain(gone);
    // The film is still on the handout, with its address for the QR code.
    expect(handout).toContain('Borgerservice i Faaborg-Midtfyn: Hvor går grænsen?');
    for (const name of ['index.html', 'skaerm.html']) {
      const page = html(fileOf(result, name));
      expect(page, name).not.toContain(gone);
      expect(page, name).not.toContain('Find mulige handlingsrum');
    }
    // The phone edition is the participants': prompts only. The screen edition runs the steps.
    expect(html(fileOf(result, 'skaerm.html'))).toContain('Saml op og beslut');
    expect(html(fileOf(result, 'skaerm.html'))).toContain('Hvad gør vi i Testrup, når borgeren sidder fast?');
  }, 120_000);

  it('lets --duration scale what is left around the steps the facilitator timed', async () => {
    const result = await privateIt(adapt(EXAMPLE, { duration: 45 }));
    const guide = await text(fileOf(result, 'drejebog.pdf'));
    expect(guide).toMatch(/I alt 45/);
    // Step 2 keeps its 10 minutes; the other three share the remaining 35.
    expect(guide).toMatch(/2 Indsaml pointer 10 /);
    const minutes = [...guide.matchAll(/(\d+) min Trin \d/g)].map((m) => Number(m[1]));
    expect(minutes).toHaveLength(4);
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(45);
    expect(minutes[1]).toBe(10);
  }, 120_000);

  it('takes the settings from the file, under the command line', async () => {
    const file = `topic: private-it-loesninger\norganisation: Testrup Kommune\ndate: 2027-03-04\nduration: 40\nparticipants: 8\n`;
    const result = await privateIt(adapt(file, { organisation: 'Borgerservice Testrup' }));
    const guide = await text(fileOf(result, 'drejebog.pdf'));
    expect(guide).toContain('Borgerservice Testrup');
    expect(guide).not.toContain('Testrup Kommune');
    expect(guide).toContain('4. marts 2027');
    expect(guide).toMatch(/I alt 40/);
    // {varighed} and {deltagere} in the preparation list print the kit's own figures.
    expect(guide).toContain('Tid: 40 minutter.');
    expect(guide).toContain('Deltagere: 8 kolleger.');
  }, 120_000);

  it('replaces and adds flip-chart prompts and questions', async () => {
    const file = `topic: private-it-loesninger
steps:
  3:
    prompts: ["Hvad betyder *det* for os?"]
    addQuestions:
      - Hvem spørger vi først?
  1: { addPrompts: "Ekstra ark" }
`;
    const result = await privateIt(adapt(file));
    const sheets = await readPdf(fileOf(result, 'flipover.pdf'));
    // Step 1's new sheet, step 3's one replacement, step 4's own: three sheets.
    expect(sheets.pages.map((p) => flat(p.text))).toEqual([
      expect.stringContaining('Ekstra ark'),
      expect.stringContaining('Hvad betyder det for os?'),
      expect.stringContaining('Vores idéforslag'),
    ]);
    const guide = await text(fileOf(result, 'drejebog.pdf'));
    expect(guide).toContain('Hvem spørger vi først?');
    expect(guide).not.toContain('Hvilke erfaringer har vi med at hjælpe borgere');
    // Nothing but the prompts changed: the topic's own length stands.
    expect(guide).toMatch(/VARIGHED 50–60 min/);
  }, 120_000);

  it('reports mistakes at their line, with a suggestion, and builds nothing for the topic', async () => {
    const file = `topic: private-it-loesninger
steps:
  2: { minuttes: 10 }
  9: { skip: true }
`;
    const result = await privateIt(adapt(file));
    const messages = [...result.diagnostics, ...result.topics.flatMap((t) => t.diagnostics)].map(
      (d) => `${d.file}:${d.line}:${d.col}: ${d.message} ${d.hint ?? ''}`,
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^tilpasning\.yml:3:8: unknown key `minuttes` in `steps\.2` did you mean `minutes`\?/),
    );
    expect(result.topics[0]!.files).toEqual([]);
    const second = await privateIt(adapt(`topic: private-it-loesninger\nsteps:\n  9: { skip: true }\n`));
    const step = second.topics[0]!.diagnostics.find((d) => d.file === 'tilpasning.yml')!;
    expect(step).toMatchObject({ line: 3, col: 3, severity: 'error' });
    expect(step.message).toContain('step 9 is not in');
    expect(second.topics[0]!.files).toEqual([]);
  }, 120_000);

  it('names a misspelt topic, and keeps the other topics building', async () => {
    const topics = [
      source(TINY_TOPIC, 'content/lille.md'),
      ...(await contentTopics()).filter((t) => t.path.endsWith('/private-it-loesninger.md')),
    ];
    const result = await buildSources(topics, adapt('topic: private-it-losninger\n'));
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'tilpasning.yml', line: 1, col: 8, hint: 'did you mean `private-it-loesninger`?' }),
    );
    expect(result.topics.find((t) => t.slug === 'lille')!.files.length).toBeGreaterThan(0);
  }, 120_000);

  it('holds back the topic a broken file names, and reports the YAML at its line', async () => {
    const result = await privateIt(adapt('topic: private-it-loesninger\nsteps:\n  2: { minutes: 10\n'));
    expect(result.diagnostics[0]).toMatchObject({ file: 'tilpasning.yml', severity: 'error' });
    expect(result.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
    expect(result.topics[0]!.files).toEqual([]);
    expect(result.topics[0]!.ok).toBe(false);
  }, 120_000);

  it("refuses a duration the timed steps cannot meet, at the file's line", async () => {
    const file = `topic: private-it-loesninger\nduration: 20\nsteps:\n  1: { minutes: 10 }\n  2: { minutes: 10 }\n`;
    const result = await privateIt(adapt(file));
    const problem = result.topics[0]!.diagnostics.find((d) => d.file === 'tilpasning.yml')!;
    expect(problem).toMatchObject({ line: 2, col: 11, severity: 'error' });
    expect(result.topics[0]!.files).toEqual([]);
  }, 120_000);
});

describe('--adapt on the command line', () => {
  it('builds the example file as written, and check reports a broken one as file:line:col', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'content'));
    const topic = (await contentTopics()).find((t) => t.path.endsWith('/private-it-loesninger.md'))!;
    await writeFile(join(dir, 'content', 'private-it-loesninger.md'), topic.bytes);
    await writeFile(join(dir, 'tilpasning.yml'), EXAMPLE);
    const out = join(dir, 'out');
    const built = await cli(['build', '--content', join(dir, 'content'), '--out', out, '--adapt', join(dir, 'tilpasning.yml')]);
    expect(built.code, built.stderr).toBe(0);
    expect(await text(new Uint8Array(await readFile(join(out, 'private-it-loesninger', 'koereplan.pdf'))))).toContain('(set på forhånd)');
    await writeFile(join(dir, 'broken.yml'), 'topic: private-it-loesninger\nmedia: bfore\n');
    const checked = await cli(['check', '--content', join(dir, 'content'), '--adapt', join(dir, 'broken.yml')]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(`${join(dir, 'broken.yml')}:2:8: error: \`media\` must be before or during, not "bfore"`);
    const missing = await cli(['build', '--content', join(dir, 'content'), '--out', out, '--adapt', join(dir, 'nope.yml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  }, 120_000);
});

describe('{varighed} and {deltagere}', () => {
  const topic = (prep: string) =>
    source(TINY_TOPIC.replace('- Papir.', `- **Tid:** ${prep}\n- **Deltagere:** {deltagere} kolleger.`), 'content/lille.md');

  it("print the kit's length and group, and check warns about a length in words", async () => {
    const result = await buildSources([topic('{varighed}.')], { participants: 3 });
    const guide = await text(fileOf(result, 'drejebog.pdf'));
    expect(guide).toContain('Tid: 10 minutter.');
    expect(guide).toContain('Deltagere: 3 kolleger.');
    expect(result.topics[0]!.diagnostics).toEqual([]);
    const worded = await buildSources([topic('Omkring en time.')]);
    const length = worded.topics[0]!.diagnostics.find((d) => d.message.includes('"en time" states the session'));
    expect(length).toMatchObject({ severity: 'warning', line: 13, col: 20 });
    const typo = await buildSources([topic('{varihed}.')]);
    expect(typo.topics[0]!.diagnostics).toContainEqual(expect.objectContaining({ hint: 'did you mean `{varighed}`?', line: 13, col: 12 }));
  }, 120_000);
});
