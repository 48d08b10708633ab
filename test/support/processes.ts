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

/**
 * `npm start` as a new user runs it: no DATABASE_URL, no REDIS_URL, no secrets; in a process
 * group of its own, as a shell runs a foreground job.
 */
export function launch(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [join(root, 'dist/tools/start.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Ctrl-C: SIGINT to the launcher's whole process group, as a terminal sends it. */
export function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    process.kill(-child.pid!, 'SIGINT');
    // npm passes the terminal's Ctrl-C on too: a second one must not cut the stop short.
    setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGINT'), 100);
  });
}
