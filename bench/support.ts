import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from 'autocannon';
import pg from 'pg';
import type { LoadOptions } from './load.js';

import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/api-app.js';
import { API_PREFIX } from '../apps/api/src/common/api-prefix.js';
import { loadConfig } from '../libs/config/src/app-config.js';
import { databaseOptions } from '../libs/database/src/database-options.js';
import { createTestDatabase } from '../test/support/test-database.js';

export { createTestDatabase as benchDatabase };

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** N connections for T seconds (after a warm-up), and the fixed rate of the join storm. */
export const LOAD = {
  connections: envNumber('BENCH_CONNECTIONS', 50),
  seconds: envNumber('BENCH_SECONDS', 10),
  warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 2),
  rate: envNumber('BENCH_RATE', 500),
};

/** The machine's 1-minute load average: others' work on the same cores shows here. */
export const loadAverage = () => round(loadavg()[0], 1);

/** Runs the load generator in its own process and answers autocannon's result. */
export function runLoad(options: LoadOptions): Promise<Result> {
  const child = fork(fileURLToPath(new URL('./load.js', import.meta.url)), [], {
    // Not the parent's flags: a --cpu-prof of the bench must not profile the client too.
    execArgv: [],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.send(options);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(output.trim().split('\n').pop()!) as Result);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

export interface LoadSummary {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers other than 2xx, connection errors and timeouts: a correct run has none. */
  failed: number;
  queriesPerRequest?: number;
}

export function summarize(result: Result): LoadSummary {
  const ok = result['2xx'];
  return {
    requestsPerSecond: Math.round(ok / result.duration),
    p50Ms: round(result.latency.p50, 1),
    p99Ms: round(result.latency.p99, 1),
    requests: ok,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * A warm-up (so lazy start-up work and the JIT are paid before measuring), then N connections
 * for T seconds; counts the SQL statements sent meanwhile and profiles when asked.
 */
export async function measure(
  label: string,
  options: Omit<LoadOptions, 'connections' | 'duration'> & { connections?: number },
): Promise<LoadSummary> {
  const connections = options.connections ?? LOAD.connections;
  const warmup = await runLoad({ ...options, connections, duration: LOAD.warmupSeconds });
  // Requests still in flight when the warm-up stops would be counted in the measured phase.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // The measured phase goes on where the warm-up stopped (each connection builds one request
  // ahead), so events meant to be new are not replayed as duplicates.
  const used = warmup.requests.sent + connections;
  const variants = options.variants && [
    ...options.variants.slice(used % options.variants.length),
    ...options.variants.slice(0, used % options.variants.length),
  ];
  const before = queryCount.total;
  const result = await profiled(label, () =>
    runLoad({ ...options, variants, connections, duration: LOAD.seconds }),
  );
  const summary = summarize(result);
  if (summary.failed > 0) {
    process.stderr.write(
      `${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts\n`,
    );
  }
  const total = summary.requests + summary.failed;
  return {
    ...summary,
    queriesPerRequest: total ? round((queryCount.total - before) / total, 1) : 0,
  };
}

/** Throughput of the api over the same-work server's, rounded to two digits. */
export const ratio = (api: LoadSummary, sameWork: LoadSummary) =>
  round(api.requestsPerSecond / sameWork.requestsPerSecond, 2);

/**
 * Every SQL statement sent through `pg` in this process (the api's TypeORM pool and the
 * same-work server's pool alike). With BENCH_QUERIES=1 the statements are also tallied by text
 * and printed to stderr at the end of each measured phase.
 */
export const queryCount = { total: 0, byText: new Map<string, number>() };
const tally = process.env.BENCH_QUERIES === '1';
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queryCount.total++;
  if (tally) {
    const first = args[0] as string | { text?: string };
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    queryCount.byText.set(text, (queryCount.byText.get(text) ?? 0) + 1);
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/**
 * With BENCH_CPU_PROFILE=<dir>, the measured phase (not the warm-up, seeding or the other
 * server) is recorded by V8's CPU profiler, as `node --cpu-prof` does, into <dir>/<label>.cpuprofile.
 */
async function profiled<T>(label: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (tally) queryCount.byText.clear();
  if (!dir) {
    const result = await run();
    if (tally) printQueries(label);
    return result;
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
    if (tally) printQueries(label);
  }
}

function printQueries(label: string): void {
  const lines = [...queryCount.byText.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([text, count]) => `  ${count}\t${text.replace(/\s+/g, ' ').slice(0, 300)}`);
  process.stderr.write(`${label}: statements\n${lines.join('\n')}\n`);
}

/**
 * The same-work servers' reads, sent as the api sends its hot reads: as named prepared
 * statements, parsed and planned once per pooled connection.
 */
export function prepared(db: pg.Pool) {
  return <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    let name = statementNames.get(text);
    if (!name) statementNames.set(text, (name = `same_work_${statementNames.size}`));
    return db.query<R>({ name, text, values });
  };
}

/** One name per text across the process: a pooled connection may serve every same-work server. */
const statementNames = new Map<string, string>();

/** A bare `node:http` server on 127.0.0.1; `handle` answers a status and a JSON body. */
export async function sameWorkServer(
  handle: (request: IncomingMessage, body: Buffer) => Promise<[number, unknown]>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, Buffer.concat(chunks)).then(
        ([status, answer]) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(answer));
        },
        (error: unknown) => {
          process.stderr.write(`same-work server: ${String(error)}\n`);
          response.writeHead(500, { 'content-type': 'application/json' }).end('{}');
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A migrated scratch database, and a pool as large as the api's for the same-work server. */
export async function migratedDatabase(label: string) {
  const database = await createTestDatabase(label);
  const options = databaseOptions(database.url);
  const migrator = new DataSource(options);
  await migrator.initialize();
  await migrator.runMigrations();
  await migrator.destroy();
  const { max } = options.extra as { max: number };
  return { ...database, pool: () => new pg.Pool({ connectionString: database.url, max }) };
}

/** The api built as production builds it, in this process, listening on 127.0.0.1. */
export async function startApi(env: Record<string, string>) {
  const api = await createApiApp(
    loadConfig({ REDIS_URL, MIGRATIONS_RUN: 'false', LOG_LEVEL: 'silent', ...env }),
  );
  await api.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.getHttpServer().address() as { port: number };
  return { api, url: `http://127.0.0.1:${port}/${API_PREFIX}` };
}
