/**
 * A large build through the CLI: `size` copies of the topics (distinct titles and file names) in a
 * fresh process, timed, with its peak memory from `/usr/bin/time -v`, against six topics in the
 * same run: time per topic should not grow with the number of topics, and the peak must stay
 * under 500 MB.
 *
 *   npx tsx bench/many.ts [size]      (default 600; not part of `npm run bench`: it takes minutes)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PEAK_LIMIT_MB = 500;

interface Run {
  topics: number;
  ms: number;
  peakMb: number;
}

/** Builds `size` topics into an empty folder in a fresh process. */
function run(dir: string, size: number): Run {
  const content = join(dir, `content-${size}`);
  mkdirSync(content);
  const originals = readdirSync(join(ROOT, 'content'))
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => ({ name: n.replace(/\.md$/, ''), text: readFileSync(join(ROOT, 'content', n), 'utf8').replace(/^slug:.*\n/m, '') }));
  for (let i = 0; i < size; i++) {
    const original = originals[i % originals.length]!;
    const copy = i < originals.length ? '' : ` (kopi ${i})`;
    writeFileSync(join(content, `${original.name}-${i}.md`), original.text.replace(/^title: (.*)$/m, `title: $1${copy}`));
  }
  const started = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, 'bin/dialogkit.js', 'build', '-q', '--content', content, '--out', join(dir, `out-${size}`)],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr.slice(-2000));
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  return { topics: size, ms, peakMb: peakKb / 1024 };
}

const size = Number(process.argv[2] ?? 600);
const dir = mkdtempSync(join(tmpdir(), 'dialogkit-bench-many-'));
try {
  const small = run(dir, 6);
  const large = run(dir, size);
  const perSmall = small.ms / small.topics;
  const perLarge = large.ms / large.topics;
  console.log(`  6 topics: ${small.ms.toFixed(0)} ms, ${perSmall.toFixed(0)} ms/topic, peak ${small.peakMb.toFixed(0)} MB`);
  console.log(
    `${String(size).padStart(3)} topics: ${large.ms.toFixed(0)} ms, ${perLarge.toFixed(0)} ms/topic, peak ${large.peakMb.toFixed(0)} MB`,
  );
  console.log(
    `per topic, ${size} vs 6: ${(perLarge / perSmall).toFixed(2)}× (below 1: the start-up is shared); peak ${large.peakMb < PEAK_LIMIT_MB ? 'under' : 'OVER'} ${PEAK_LIMIT_MB} MB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
