/**
 * `npm run bench:attendance`: 2,000 participants join and leave a session: 4,000 webhooks signed
 * as LiveKit signs them, posted to the api on 127.0.0.1 (50 at a time), processed by the worker
 * running as its own process. Reports webhook answer latency and end-to-end events per second
 * until every attendance row is final, beside a bare Node HTTP server answering the same requests
 * in the same run. Prints one JSON line.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/api-app.js';
import { projectRoot } from '../libs/common/src/project-root.js';
import { loadConfig } from '../libs/config/src/app-config.js';
import { databaseOptions } from '../libs/database/src/database-options.js';
import { signWebhook } from '../test/support/webhooks.js';
import { benchDatabase, percentile, REDIS_URL, round } from './support.js';

const PEOPLE = 2000;
const CONCURRENCY = 50;
const KEY = 'bench-key';
const SECRET = randomBytes(24).toString('hex');

interface SignedRequest {
  body: string;
  authorization: string;
}

async function sign(event: Record<string, unknown>): Promise<SignedRequest> {
  const body = JSON.stringify(event);
  return { body, authorization: await signWebhook(body, KEY, SECRET) };
}

/** Posts every request, `CONCURRENCY` at a time; answers each one's latency in ms. */
async function blast(
  url: string,
  requests: SignedRequest[],
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const request = requests[next++];
        const t = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/webhook+json',
            authorization: request.authorization,
          },
          body: request.body,
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`answer ${response.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const database = await benchDatabase('attendance');
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LIVEKIT_URL: 'http://127.0.0.1:9',
    LIVEKIT_API_KEY: KEY,
    LIVEKIT_API_SECRET: SECRET,
    WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  };
  const migrator = new DataSource(databaseOptions(database.url));
  await migrator.initialize();
  await migrator.runMigrations();
  await migrator.destroy();

  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const sessionId = await seed(db);
  const people = (await db.query<{ user_id: string }>('SELECT user_id FROM enrollments')).rows.map(
    (r) => r.user_id,
  );
  const start = Date.parse('2026-01-06T18:00:00Z');
  const requests: SignedRequest[] = [];
  for (const [i, identity] of people.entries()) {
    for (const [event, minute] of [
      ['participant_joined', i % 10],
      ['participant_left', 50 + (i % 10)],
    ] as const) {
      requests.push(
        await sign({
          id: `EV_${randomBytes(10).toString('hex')}`,
          event,
          room: { name: `session-${sessionId}`, sid: 'RM_bench' },
          participant: { identity, sid: `PA_${i}`, name: `P${i}`, state: 'ACTIVE' },
          createdAt: String(Math.floor((start + minute * 60_000) / 1000)),
        }),
      );
    }
  }

  // Baseline: a bare Node HTTP server answering the same requests with a constant JSON.
  const bare = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareResult = await blast(
    `http://127.0.0.1:${(bare.address() as { port: number }).port}/`,
    requests,
  );
  bare.close();

  const api = await createApiApp(loadConfig({ ...env, MIGRATIONS_RUN: 'false' }));
  await api.listen({ port: 0, host: '127.0.0.1' });
  const apiUrl = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}/api/v1/webhooks/livekit`;
  let worker: ChildProcess | undefined;
  try {
    worker = spawn(process.execPath, [join(projectRoot(), 'dist/apps/worker/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // let it boot
    const started = performance.now();
    const apiResult = await blast(apiUrl, requests);
    for (;;) {
      const { rows } = await db.query<{ count: string }>(
        'SELECT count(*) FROM attendance WHERE session_id = $1 AND final',
        [sessionId],
      );
      if (Number(rows[0].count) >= PEOPLE) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const endToEndSeconds = (performance.now() - started) / 1000;
    const stats = (result: { latencies: number[]; seconds: number }) => ({
      requestsPerSecond: Math.round(requests.length / result.seconds),
      p50Ms: round(percentile(result.latencies, 50), 2),
      p99Ms: round(percentile(result.latencies, 99), 2),
    });
    const line = {
      bench: 'attendance',
      participants: PEOPLE,
      webhooks: requests.length,
      concurrency: CONCURRENCY,
      bareServer: stats(bareResult),
      api: stats(apiResult),
      apiToBareThroughput: round(bareResult.seconds / apiResult.seconds, 2),
      endToEnd: {
        seconds: round(endToEndSeconds, 2),
        eventsPerSecond: Math.round(requests.length / endToEndSeconds),
        finalRows: PEOPLE,
      },
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    worker?.kill('SIGTERM');
    await api.close();
    await db.end();
    await database.drop();
  }
}

async function seed(db: pg.Client): Promise<string> {
  const { rows: lead } = await db.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, display_name) VALUES ('lead@example.org', 'x', 'Lead') RETURNING id`,
  );
  const { rows: org } = await db.query<{ id: string }>(
    `INSERT INTO organizations (name) VALUES ('Bench') RETURNING id`,
  );
  const { rows: curriculum } = await db.query<{ id: string }>(
    `INSERT INTO curricula (organization_id, title) VALUES ($1, 'Bench') RETURNING id`,
    [org[0].id],
  );
  const { rows: version } = await db.query<{ id: string }>(
    `INSERT INTO curriculum_versions (curriculum_id, version, status, modules, published_at)
     VALUES ($1, 1, 'published', '[{"title":"One"}]', now()) RETURNING id`,
    [curriculum[0].id],
  );
  const { rows: group } = await db.query<{ id: string }>(
    `INSERT INTO groups (organization_id, name, lead_facilitator_id, curriculum_version_id, capacity,
       timezone, first_session_date, start_time, duration_minutes)
     VALUES ($1, 'Webinar-sized', $2, $3, $4, 'UTC', '2026-01-06', '18:00', 60) RETURNING id`,
    [org[0].id, lead[0].id, version[0].id, PEOPLE],
  );
  await db.query(
    `WITH people AS (
       INSERT INTO users (email, password_hash, display_name)
       SELECT 'p' || i || '@example.org', 'x', 'P' || i FROM generate_series(1, $2) i RETURNING id)
     INSERT INTO enrollments (group_id, user_id, status, queued_at) SELECT $1, id, 'active', now() FROM people`,
    [group[0].id, PEOPLE],
  );
  const { rows: session } = await db.query<{ id: string }>(
    `INSERT INTO sessions (group_id, sequence, module_index, module_title, starts_at, ends_at, timezone,
       local_date, local_start_time)
     VALUES ($1, 1, 0, 'One', '2026-01-06T18:00:00Z', '2026-01-06T19:00:00Z', 'UTC', '2026-01-06', '18:00')
     RETURNING id`,
    [group[0].id],
  );
  return session[0].id;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:attendance failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
