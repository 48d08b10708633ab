import { execFileSync } from 'node:child_process';
import { Socket } from 'node:net';

// Jest loads this file outside its module system, so it imports nothing of ours.
const TEST_PG_ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port), hostname);
  });
}

/** Fails fast with a useful message when the machine's PostgreSQL or Redis is not running. */
export default async function globalSetup(globalConfig: { rootDir: string }): Promise<void> {
  for (const [name, url] of [
    ['PostgreSQL', TEST_PG_ADMIN_URL],
    ['Redis', TEST_REDIS_URL],
  ]) {
    if (!(await reachable(url))) {
      throw new Error(`${name} is not reachable at ${new URL(url).host}; the e2e tests need it`);
    }
  }
  // Some suites run the compiled apps as real processes (start-up, crashes, the launcher).
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: globalConfig.rootDir,
    stdio: 'inherit',
  });
}
