/**
 * The code's shape, read from its import lines, against the limits a newcomer can walk:
 *
 * - the longest chain of relative imports (a imports b imports c …), counted in files;
 * - how many modules the build's orchestration module imports;
 * - the longest file in src/;
 * - how many files sit in src/core/ itself, outside its stage folders.
 *
 * Prints the figures and exits non-zero when one is over its limit. Type-only imports count:
 * a reader follows them too. `npx tsx scripts/import-structure.ts` (run by `npm test`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ORCHESTRATOR = 'src/core/build/build.ts';

export const LIMITS = { chain: 16, orchestratorImports: 10, fileLines: 400, coreRootFiles: 8 };

export interface Structure {
  /** The longest chain of relative imports, file by file. */
  chain: string[];
  orchestratorImports: string[];
  longestFile: { path: string; lines: number };
  coreRootFiles: string[];
}

/** Every `from '…'` and `import '…'` of a module, as written (static imports and re-exports). */
export function importSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm))
    found.add((match[1] ?? match[2])!);
  return [...found];
}

export function measure(root = ROOT): Structure {
  const src = join(root, 'src');
  const files = walk(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const name = (file: string) => relative(root, file).split('\\').join('/');
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const edges = new Map<string, string[]>();
  for (const [file, text] of texts) {
    const targets = importSpecifiers(text)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
      .filter((target) => texts.has(target));
    edges.set(file, targets);
  }
  const chain = longestChain(edges).map(name);
  const orchestrator = join(root, ORCHESTRATOR);
  const longest = [...texts].map(([f, t]) => ({ path: name(f), lines: t.split('\n').length - (t.endsWith('\n') ? 1 : 0) }));
  longest.sort((a, b) => b.lines - a.lines);
  return {
    chain,
    orchestratorImports: importSpecifiers(texts.get(orchestrator) ?? ''),
    longestFile: longest[0] ?? { path: '', lines: 0 },
    coreRootFiles: readdirSync(join(src, 'core'), { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name),
  };
}

/**
 * The longest path of imports, in files. Import cycles are walked once round (a file is not
 * visited twice on one path), so the search is exhaustive over simple paths; with memoisation
 * per file when the graph has no cycle, which is the case this code keeps.
 */
function longestChain(edges: Map<string, string[]>): string[] {
  const memo = new Map<string, string[]>();
  const onPath = new Set<string>();
  let cyclic = false;
  const from = (file: string): string[] => {
    const known = memo.get(file);
    if (known) return known;
    onPath.add(file);
    let best: string[] = [];
    for (const next of edges.get(file) ?? []) {
      if (onPath.has(next)) {
        cyclic = true;
        continue;
      }
      const path = from(next);
      if (path.length > best.length) best = path;
    }
    onPath.delete(file);
    const chain = [file, ...best];
    if (!cyclic) memo.set(file, chain);
    return chain;
  };
  let longest: string[] = [];
  for (const file of edges.keys()) {
    const chain = from(file);
    if (chain.length > longest.length) longest = chain;
  }
  return longest;
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(folder, e.name)) : [join(folder, e.name)],
  );
}

/** The figures as lines, and the ones over their limits. */
export function report(s: Structure): { lines: string[]; over: string[] } {
  const rows: [string, number, number, string][] = [
    ['longest chain of relative imports (files)', s.chain.length, LIMITS.chain, s.chain.join(' → ')],
    [`imports of ${ORCHESTRATOR}`, s.orchestratorImports.length, LIMITS.orchestratorImports, s.orchestratorImports.join(', ')],
    ['longest file in src/ (lines)', s.longestFile.lines, LIMITS.fileLines, s.longestFile.path],
    ['files in src/core/ itself', s.coreRootFiles.length, LIMITS.coreRootFiles, s.coreRootFiles.join(', ')],
  ];
  return {
    lines: rows.map(
      ([what, value, limit, detail]) => `${value <= limit ? 'ok  ' : 'OVER'} ${what}: ${value} (limit ${limit})\n       ${detail}`,
    ),
    over: rows.filter(([, value, limit]) => value > limit).map(([what]) => what),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { lines, over } = report(measure());
  process.stdout.write(lines.join('\n') + '\n');
  if (over.length > 0) {
    process.stderr.write(`import structure: over the limit: ${over.join('; ')}\n`);
    process.exitCode = 1;
  }
}
