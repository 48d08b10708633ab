import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
  ensureChromium();
  // Some suites run the compiled apps as real processes (start-up, crashes, the launcher).
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: globalConfig.rootDir,
    stdio: 'inherit',
  });
  // The web app the api serves at /.
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', 'apps/web', '--logLevel', 'warn'],
    { cwd: globalConfig.rootDir, stdio: 'inherit' },
  );
  ensureLivekit(globalConfig.rootDir);
  await startLivekitForTheRun(globalConfig.rootDir);
}

/**
 * One LiveKit server for the whole run (test/support/livekit-server.main.ts), described to the
 * test files in HEARTH_TEST_LIVEKIT; the global tear-down ends it.
 */
async function startLivekitForTheRun(rootDir: string): Promise<void> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['dist/test/support/livekit-server.main.js'],
    { cwd: rootDir, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const line = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('\n')) resolve(output.split('\n')[0]);
    });
    child.once('exit', (code) =>
      reject(new Error(`The test run's LiveKit server did not start (${code}): ${errors.trim()}`)),
    );
  });
  process.env.HEARTH_TEST_LIVEKIT = line;
  (globalThis as { hearthLivekit?: ChildProcess }).hearthLivekit = child;
}

/**
 * The browser tests drive Debian's Chromium (never a downloaded browser). On a machine without
 * it, install it from Debian's packages, so `npm ci && npm test` needs nothing done by hand.
 */
function ensureChromium(): void {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  process.stdout.write(
    `\n${path} is missing: installing Debian's chromium for the browser tests\n`,
  );
  try {
    execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
  } catch {
    throw new Error(
      `Chromium is needed at ${path} for the browser tests: apt-get install chromium`,
    );
  }
  if (!existsSync(path)) throw new Error(`Chromium is still missing at ${path}`);
}

/**
 * The video tests run a real LiveKit server: the pinned build `npm run livekit:install` makes
 * (instant once built; Go keeps its caches), unless LIVEKIT_BIN names one.
 */
function ensureLivekit(rootDir: string): void {
  if (process.env.LIVEKIT_BIN) return;
  try {
    execFileSync(process.execPath, ['dist/tools/livekit-install.js'], {
      cwd: rootDir,
      stdio: 'inherit',
    });
  } catch {
    throw new Error(
      'A LiveKit server is needed for the video tests: npm run livekit:install (Go 1.26), or LIVEKIT_BIN',
    );
  }
}
