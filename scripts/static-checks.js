/**
 * The quick static checks side by side: the type check, the format check and the import-structure
 * limits of issue 34 (`npm run structure`, scripts/import-structure.ts) (each is one program on one
 * core). `node scripts/static-checks.js` runs just them; `npm test` passes the test run as
 * arguments (`node scripts/static-checks.js vitest run`), which then runs alongside. The lint is
 * not one of them: type-aware ESLint costs more CPU than the type check and format check together
 * (about 17 s here), which on two cores would push `npm test` past its 90 s budget; it runs as
 * `npm run lint`, and CI runs it as a step of its own.
 *
 * Alongside, the tests' output streams as it comes and each check's output is held until the
 * tests end, so the two never interleave. The checks run at the tests' priority: lowered, they
 * were starved until the tests ended and then ran alone (measured on 2 cores: 91 s at nice 10,
 * 88 s as equals). Exits non-zero when anything failed; each prints its own
 * findings, and a check that failed is named.
 */
import { spawn } from 'node:child_process';

const CHECKS = ['typecheck', 'format:check', 'structure'];
const command = process.argv.slice(2);
const shell = process.platform === 'win32';

/** Runs `npm run <script>`; resolves with its exit code and, when held, what it printed. */
function runCheck(script, hold) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'],
      shell,
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${script}: ${error.message}\n`)));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output: Buffer.concat(output) }));
  });
}

function runCommand([program, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: 'inherit', shell });
    child.on('error', (error) => {
      process.stderr.write(`${program}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const hold = command.length > 0;
const [commandCode, ...checks] = await Promise.all([
  hold ? runCommand(command) : Promise.resolve(0),
  ...CHECKS.map((script) => runCheck(script, hold)),
]);
for (const check of checks) process.stdout.write(check.output);
const failed = checks.filter((check) => check.code !== 0).map((check) => check.script);
if (failed.length > 0) process.stderr.write(`static checks failed: ${failed.join(', ')}\n`);
process.exitCode = commandCode !== 0 || failed.length > 0 ? 1 : 0;
