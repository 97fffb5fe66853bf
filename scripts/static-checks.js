/**
 * `npm test`'s first step: the type check, the lint and the format check side by side (each is one TypeScript
 * program on one core; together they take as long as the lint alone). Exits non-zero when
 * any fails; each prints its own findings.
 */
import { spawn } from 'node:child_process';

const run = (script) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('close', (code) => resolve(code ?? 1));
  });

const codes = await Promise.all([run('typecheck'), run('lint'), run('format:check')]);
process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
