import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/node/cli.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, capturing what it prints. */
export async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Runs the real executable (`bin/dialogkit.js`, compiled) in a child process. */
export function spawnCli(
  args: string[],
  options: {
    env?: Record<string, string>;
    cwd?: string;
    onStderr?: (text: string, kill: () => void) => void;
    /** Another copy of the package's `bin/dialogkit.js`. */
    bin?: string;
  } = {},
): Promise<CliRun & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? join(ROOT, 'bin/dialogkit.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      options.onStderr?.(stderr, () => child.kill('SIGKILL'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}

/** Kept for the tests that use this name; see ./temp.ts. */
export { tempDir as temporaryDir } from './temp.js';

/** A Node stack frame ("    at fn (file.js:1:2)"): never shown to a user. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
