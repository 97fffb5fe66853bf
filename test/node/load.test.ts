import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, cp, mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TOPIC_BYTES } from '../../src/core/parse/parse-topic.js';
import { build } from '../../src/core/build/build.js';
import { isEditorArtifact, loadFonts, loadLayouts, loadTopics } from '../../src/node/load.js';
import { FIXTURES } from '../helpers/build.js';
import { cli, ROOT, spawnCli, STACK_FRAME, temporaryDir } from '../helpers/cli.js';

describe('reading the content folder', () => {
  let content: string;
  beforeAll(async () => {
    content = await temporaryDir('dialogkit-load-');
    await copyFile(join(FIXTURES, 'valid/minimal.md'), join(content, 'emne.md'));
    // Editors' artifacts: Emacs' lock (a dangling link) and backup, vim's swap, a backup with ~.
    await symlink('root@host.1234:1700000000', join(content, '.#emne.md'));
    await writeFile(join(content, '#emne.md#'), 'half an edit');
    await writeFile(join(content, '.emne.md.swp'), 'swap');
    await writeFile(join(content, 'emne.md~'), 'backup');
    await writeFile(join(content, '.skjult.md'), 'hidden');
    // Entries that end in .md but cannot be read as topics.
    await symlink('nowhere.md', join(content, 'dangling.md'));
    await symlink('loop.md', join(content, 'loop.md'));
    await mkdir(join(content, 'folder.md'));
    execFileSync('mkfifo', [join(content, 'pipe.md')]);
  });
  afterAll(() => rm(content, { recursive: true, force: true }));

  it('ignores editor artifacts and hidden files', () => {
    for (const name of ['.#emne.md', '#emne.md#', '.emne.md.swp', 'emne.md~', '.skjult.md', 'emne.md.swo'])
      expect(isEditorArtifact(name), name).toBe(true);
    for (const name of ['emne.md', 'emne-2.md', 'a#b.md']) expect(isEditorArtifact(name), name).toBe(false);
  });

  it('warns about each entry it cannot read, and reads the rest', async () => {
    const { sources, diagnostics } = await loadTopics(content);
    expect(sources.map((s) => s.path.split('/').pop())).toEqual(['emne.md']);
    const lines = diagnostics.map((d) => `${d.file.split('/').pop()}: ${d.severity}: ${d.message}`);
    expect(lines).toEqual([
      'dangling.md: warning: skipped: it is a symbolic link to a file that does not exist',
      'folder.md: warning: skipped: this is not a regular file',
      'loop.md: warning: skipped: it is a loop of symbolic links',
      'pipe.md: warning: skipped: this is not a regular file',
    ]);
  });

  it('check and build say so in file:1:1 warnings, exit 0, no stack', async () => {
    const checked = await spawnCli(['check', '--content', content]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toContain(`${join(content, 'loop.md')}:1:1: warning: skipped: it is a loop of symbolic links`);
    expect(checked.stderr).not.toContain('.#emne.md');
    expect(checked.stderr).not.toMatch(STACK_FRAME);
    const out = await temporaryDir('dialogkit-load-out-');
    try {
      const built = await cli(['build', '-q', '--content', content, '--out', out]);
      expect(built.code, built.stderr).toBe(0);
      expect(built.stderr).toMatch(/Built 1 of 1 topic, 10 files .*: 0 errors, 4 warnings\./);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads no more than the size cap and one byte of a huge file', async () => {
    const dir = await temporaryDir('dialogkit-huge-');
    try {
      // 1.5 GB, sparse: reading it whole would take 1.5 GB of memory.
      await writeFile(join(dir, 'huge.md'), '');
      await truncate(join(dir, 'huge.md'), 1_500_000_000);
      const { sources } = await loadTopics(dir);
      expect(sources[0]!.bytes.length).toBe(MAX_TOPIC_BYTES + 1);
      expect(sources[0]!.size).toBe(1_500_000_000);
      // `check` in a process of its own, which reports its peak memory (kB) when done.
      const script = `const { main } = await import(${JSON.stringify(join(ROOT, 'dist/node/cli.js'))}); process.exitCode = await main(['check', '--content', ${JSON.stringify(dir)}]); console.log(process.resourceUsage().maxRSS);`;
      const checked = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(checked.status).toBe(1);
      expect(checked.stderr).toMatch(/huge\.md:1:1: error: the file is 1,500,000,000 bytes; topic files are limited to 1,000,000 bytes/);
      expect(checked.stderr).not.toMatch(STACK_FRAME);
      expect(Number(checked.stdout.trim()) * 1024).toBeLessThan(400_000_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('reports an emptied labels file as a diagnostic; a layout missing from --templates DIR comes from the package', async () => {
    const templates = await temporaryDir('dialogkit-templates-');
    try {
      await cp(join(ROOT, 'templates'), templates, { recursive: true });
      await writeFile(join(templates, 'labels.yml'), '');
      await rm(join(templates, 'handout.hbs'));
      const [layouts, fonts, { sources }] = await Promise.all([loadLayouts(templates), loadFonts(), loadTopics(content)]);
      const result = await build({ topics: sources, ...layouts, fonts, options: {} });
      expect(result.diagnostics.map((d) => `${d.file.split('/').pop()}: ${d.message}`).sort()).toEqual([
        'labels.yml: the labels file is missing or empty',
      ]);
      expect(result.topics.map((t) => t.ok)).toEqual([false]);
    } finally {
      await rm(templates, { recursive: true, force: true });
    }
  });
});
