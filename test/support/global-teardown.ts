import type { ChildProcess } from 'node:child_process';

/** Ends the run's LiveKit server (it stops when its stdin closes) and waits for it. */
export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { hearthLivekit?: ChildProcess }).hearthLivekit;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin!.end();
  const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(force);
}
