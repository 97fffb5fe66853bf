/**
 * The compile-time check that the pdfmake, pdfkit and fontkit installed are the versions our
 * patches and scripts/pdfmake/fontkit.js were written for. Both reach into the packages'
 * internals (pdfkit's ES build, fontkit's glyph and layout objects), so another version may
 * still build and then print wrong bytes. package.json pins them exactly (`overrides`); this
 * catches a lockfile or a node_modules/ that says otherwise. Run first by scripts/pdfmake/build.ts
 * (so by `npm run compile`); on a mismatch it stops the compile with one line.
 * The upgrade checklist is in patches/README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A package and the version something of ours was written for. */
export interface Pin {
  name: string;
  /** What was written for it, for the message. */
  by: string;
  expected: string;
  /** Where the package is resolved from: the module that imports it. */
  from: string;
}

/** The pins: one per patch (`patches/<name>+<version>.patch`), and fontkit's from fontkit.js's header line. */
export function pins(root = ROOT): Pin[] {
  const patches = readdirSync(join(root, 'patches'))
    .map((file) => /^(.+)\+(\d+\.\d+\.\d+)\.patch$/.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([file, name, expected]) => ({
      name: name!,
      by: `patches/${file}`,
      expected: expected!,
      // pdfkit as pdfmake imports it; anything else from the root.
      from: name === 'pdfkit' ? require.resolve('pdfmake/package.json') : join(root, 'package.json'),
    }));
  const fontkitJs = join(root, 'scripts/pdfmake/fontkit.js');
  const written = /Written for fontkit (\d+\.\d+\.\d+)/.exec(readFileSync(fontkitJs, 'utf8'))?.[1];
  if (written === undefined)
    throw new Error('scripts/pdfmake/fontkit.js does not say which fontkit it was written for ("Written for fontkit x.y.z")');
  return [...patches, { name: 'fontkit', by: 'scripts/pdfmake/fontkit.js', expected: written, from: fontkitJs }];
}

/** What is wrong, one line per pin that the installed packages or package.json's `overrides` do not meet. */
export function pinProblems(root = ROOT): string[] {
  const overrides =
    (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { overrides?: Record<string, string> }).overrides ?? {};
  return pins(root).flatMap((pin) => {
    const installed = installedVersion(pin.name, pin.from);
    const problems: string[] = [];
    if (installed !== pin.expected)
      problems.push(`${pin.name} ${installed ?? '(not installed)'} is installed, but ${pin.by} was written for ${pin.expected}`);
    // pdfmake is a dependency of ours, pinned there; the packages it brings are pinned by overrides.
    if (pin.name !== 'pdfmake' && overrides[pin.name] !== pin.expected)
      problems.push(
        `package.json pins ${pin.name} to ${overrides[pin.name] ?? 'nothing'} in "overrides", but ${pin.by} was written for ${pin.expected}`,
      );
    return problems;
  });
}

const require = createRequire(import.meta.url);

/** The version of `name` as the module `from` would import it; `undefined` when it cannot. */
function installedVersion(name: string, from: string): string | undefined {
  let entry: string;
  try {
    entry = createRequire(from).resolve(name);
  } catch {
    return undefined;
  }
  // Up from its entry to its own package.json (fontkit's "exports" hide the file from `resolve`).
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name) return pkg.version;
  }
  return undefined;
}

/** For build.ts: stops the compile with one line per problem. */
export function assertPinned(): void {
  const problems = pinProblems();
  if (problems.length === 0) return;
  for (const problem of problems) console.error(`dialogkit compile: ${problem}; see patches/README.md, "Upgrading"`);
  process.exit(1);
}
