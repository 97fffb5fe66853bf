/**
 * The static checks side by side: the type check, the lint and the format check (each is one
 * program on one core). `node scripts/static-checks.js` runs just them; `npm test` passes the
 * test run as arguments (`node scripts/static-checks.js vitest run`), which then runs alongside.
 *
 * Alongside, the tests' output streams as it comes and each check's output is held until the
 * tests end, so the two never interleave. The checks run at a lower priority: on a machine with
 * few cores they take the time the tests leave idle (their start-up, the last long file) instead
 * of slowing every test file down. Exits non-zero when anything failed; each prints its own
 * findings, and a check that failed is named.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

const CHECKS = ['typecheck', 'lint', 'format:check'];
const LOWER_PRIORITY = 10;
const command = process.argv.slice(2);
const shell = process.platform === 'win32';

/** Runs `npm run <script>`; resolves with its exit code and, when held, what it printed. */
function runCheck(script, hold) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'],
      shell,
    });
    if (hold) lower(child.pid);
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${script}: ${error.message}\n`)));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output: Buffer.concat(output) }));
  });
}

/** Lowers a process's priority (inherited by what it starts); where that is not allowed, it runs as it is. */
function lower(pid) {
  try {
    if (pid !== undefined) setPriority(pid, LOWER_PRIORITY);
  } catch {
    // Not permitted here: the checks then simply share the cores evenly.
  }
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
