/**
 * The watch loop, measured: `dialogkit watch` on a copy of the topics, ten saves of one topic
 * (a wording change in its legal background) and one save of a layout, each timed from the
 * write to the `rebuilt` line. The ratio is to a cold `build` of the same topics in the same run (median of three).
 *
 *   npx tsx bench/watch.ts        (also run by `npm run bench`)
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SAVES = 10;

export interface WatchFigures {
  coldMs: number;
  /** Median of the topic saves, write to `rebuilt` line. */
  saveMs: number;
  saves: number[];
  /** One save of a layout: that product for every topic. */
  layoutMs: number;
}

export async function runWatchBench(contentDir: string): Promise<WatchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'dialogkit-bench-watch-'));
  try {
    const content = join(dir, 'content');
    const templates = join(dir, 'templates');
    cpSync(join(ROOT, contentDir), content, { recursive: true });
    cpSync(join(ROOT, 'templates'), templates, { recursive: true });

    const colds: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const out = join(dir, `cold-${run}`);
      const cold = spawnSync(process.execPath, ['bin/dialogkit.js', 'build', '--quiet', '--content', content, '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      colds.push(performance.now() - started);
      if (cold.status !== 0 && cold.status !== 1) throw new Error(cold.stderr);
    }
    const coldMs = median(colds);

    const child = spawn(
      process.execPath,
      ['bin/dialogkit.js', 'watch', '--content', content, '--templates', templates, '--out', join(dir, 'out')],
      { cwd: ROOT },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const waitFor = async (pattern: RegExp, from: number): Promise<void> => {
      for (let waited = 0; waited < 60_000; waited += 2) {
        if (pattern.test(stderr.slice(from))) return;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
    };
    /** Writes `text` to `file`, and returns the time until the rebuild after it is reported. */
    const save = async (file: string, text: string): Promise<number> => {
      const from = stderr.length;
      const started = performance.now();
      writeFileSync(file, text);
      await waitFor(/rebuilt after .* ms\n/, from);
      return performance.now() - started;
    };
    try {
      await waitFor(/Watching /, 0);
      const name = readdirSync(content)
        .filter((n) => n.endsWith('.md'))
        .sort()[0]!;
      const topic = join(content, name);
      const original = readFileSync(topic, 'utf8');
      const saves: number[] = [];
      for (let i = 0; i < SAVES; i++) {
        // Let the watcher settle, as between two saves in an editor.
        await new Promise((resolve) => setTimeout(resolve, 300));
        saves.push(await save(topic, `${original.trimEnd()}\n\nÆndret ${i + 1}. gang.\n`));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      const layout = join(templates, 'prikkort.hbs');
      const layoutMs = await save(layout, `${readFileSync(layout, 'utf8')}\n{{!-- saved --}}\n`);
      return { coldMs, saveMs: median(saves), saves, layoutMs };
    } finally {
      child.kill('SIGINT');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs the watch loop and prints one line of figures. */
export async function printWatchBench(contentDir: string): Promise<void> {
  const r = await runWatchBench(contentDir);
  console.log(
    `watch, ${SAVES} saves of one topic (write → rebuilt line): median ${r.saveMs.toFixed(0)} ms = ${(r.saveMs / r.coldMs).toFixed(3)}× a cold build of ${contentDir} in the same run (${r.coldMs.toFixed(0)} ms); each: ${r.saves.map((s) => s.toFixed(0)).join(' ')}; a layout save, that product for every topic: ${r.layoutMs.toFixed(0)} ms`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await printWatchBench('content');
