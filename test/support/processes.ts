import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** A compiled app as a real process (so a test can kill it like one), with only `env` set. */
export function runCompiled(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(root, script)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: 'ignore',
  });
}

export const runCompiledWorker = (env: Record<string, string>) =>
  runCompiled('dist/apps/worker/src/main.js', env);
