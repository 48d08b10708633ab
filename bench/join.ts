/**
 * `npm run bench:join`: 2,000 registered webinar attendees request join tokens at once from the
 * api on 127.0.0.1 (access key checked, registration read, LiveKit token signed), beside a bare
 * Node HTTP server answering the same 2,000 requests with a constant JSON in the same run.
 * Prints one JSON line.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/api-app.js';
import { SignedTokens } from '../libs/common/src/signed-token.js';
import { loadConfig } from '../libs/config/src/app-config.js';
import { databaseOptions } from '../libs/database/src/database-options.js';
import { benchDatabase, percentile, REDIS_URL, round } from './support.js';

const ATTENDEES = 2000;

async function fireAll(url: (i: number) => string, keys: string[]) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    keys.map(async (key, i) => {
      const t = performance.now();
      const response = await fetch(url(i), { method: 'POST', headers: { 'x-access-key': key } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`answer ${response.status}`);
      latencies.push(performance.now() - t);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    requestsPerSecond: Math.round(keys.length / seconds),
    seconds: round(seconds, 2),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
  };
}

async function main(): Promise<void> {
  const database = await benchDatabase('join');
  const jwtSecret = randomBytes(32).toString('hex');
  const migrator = new DataSource(databaseOptions(database.url));
  await migrator.initialize();
  await migrator.runMigrations();
  await migrator.destroy();

  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const { rows: host } = await db.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, display_name) VALUES ('host@example.org', 'x', 'Host') RETURNING id`,
  );
  const { rows: org } = await db.query<{ id: string }>(
    `INSERT INTO organizations (name) VALUES ('Bench') RETURNING id`,
  );
  const { rows: webinar } = await db.query<{ id: string }>(
    `INSERT INTO webinars (organization_id, title, starts_at, duration_minutes, timezone, capacity, created_by_id)
     VALUES ($1, 'Bench webinar', now() + interval '5 minutes', 60, 'UTC', $2, $3) RETURNING id`,
    [org[0].id, ATTENDEES, host[0].id],
  );
  const { rows: registrations } = await db.query<{ id: string }>(
    `INSERT INTO webinar_registrations (webinar_id, display_name, email)
     SELECT $1, 'Attendee ' || i, 'a' || i || '@example.org' FROM generate_series(1, $2) i RETURNING id`,
    [webinar[0].id, ATTENDEES],
  );
  await db.end();
  const signer = new SignedTokens(jwtSecret, 'webinar-attendee');
  const keys = registrations.map((r) => signer.sign(r.id));

  const bare = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        '{"serverUrl":"ws://127.0.0.1:7880","token":"x","roomName":"webinar-x","identity":"reg-x","role":"attendee"}',
      );
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const barePort = (bare.address() as { port: number }).port;
  const bareResult = await fireAll(() => `http://127.0.0.1:${barePort}/`, keys);
  bare.close();

  const api = await createApiApp(
    loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
      JWT_SECRET: jwtSecret,
      LIVEKIT_URL: 'http://127.0.0.1:9',
      LIVEKIT_API_KEY: 'bench-key',
      LIVEKIT_API_SECRET: randomBytes(24).toString('hex'),
      MIGRATIONS_RUN: 'false',
      LOG_LEVEL: 'silent',
    }),
  );
  await api.listen({ port: 0, host: '127.0.0.1' });
  const port = (api.getHttpServer().address() as { port: number }).port;
  try {
    // One warm-up request, so the first measured one does not pay for lazy start-up work.
    await fetch(`http://127.0.0.1:${port}/api/v1/webinars/${webinar[0].id}/join`, {
      method: 'POST',
      headers: { 'x-access-key': keys[0] },
    });
    const apiResult = await fireAll(
      () => `http://127.0.0.1:${port}/api/v1/webinars/${webinar[0].id}/join`,
      keys,
    );
    process.stdout.write(
      `${JSON.stringify({
        bench: 'join',
        attendees: ATTENDEES,
        bareServer: bareResult,
        api: apiResult,
        apiToBareThroughput: round(apiResult.requestsPerSecond / bareResult.requestsPerSecond, 2),
      })}\n`,
    );
  } finally {
    await api.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:join failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
