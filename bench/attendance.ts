/**
 * `npm run bench:attendance`: LiveKit's webhooks, signed as LiveKit signs them, posted to the api
 * on 127.0.0.1 N connections for T seconds by a load generator in its own process (autocannon),
 * each a distinct event: the signature checked on the raw body, the event stored once, a job
 * enqueued. Beside it, in the same run, a bare `node:http` server does the same necessary work:
 * verifies with livekit-server-sdk's WebhookReceiver, INSERTs with ON CONFLICT DO NOTHING and
 * enqueues with BullMQ's Queue.add.
 * Then end to end: 2,000 participants join and leave a session (4,000 webhooks, 50 connections)
 * while the worker, in its own process, turns them into attendance; timed until every row is final.
 * Prints one JSON line.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { WebhookReceiver } from 'livekit-server-sdk';
import type pg from 'pg';
import { projectRoot } from '../libs/common/src/project-root.js';
import { PROCESS_ATTENDANCE_EVENT_JOB } from '../libs/attendance/src/process-attendance-event/attendance-event.queue.js';
import { QueueName } from '../libs/queue/src/queues.js';
import { signWebhook } from '../test/support/webhooks.js';
import type { LoadVariant } from './load.js';
import {
  closeServer,
  LOAD,
  loadAverage,
  measure,
  migratedDatabase,
  ratio,
  REDIS_URL,
  round,
  runLoad,
  sameWorkServer,
  startApi,
  summarize,
} from './support.js';

const PEOPLE = 2000;
const KEY = 'bench-key';
const SECRET = randomBytes(24).toString('hex');
/** Distinct events signed per server and second of load: more than either answers. */
const EVENTS_PER_SECOND = 3000;

/** A webhook of a new event (its own id), signed over its exact body. */
async function signed(event: Record<string, unknown>): Promise<LoadVariant> {
  const body = JSON.stringify({ id: `EV_${randomBytes(10).toString('hex')}`, ...event });
  return { body, headers: { authorization: await signWebhook(body, KEY, SECRET) } };
}

const participantEvent = (
  sessionId: string,
  kind: 'participant_joined' | 'participant_left',
  identity: string,
  i: number,
  at: number,
) => ({
  event: kind,
  room: { name: `session-${sessionId}`, sid: 'RM_bench' },
  participant: { identity, sid: `PA_${i}`, name: `P${i}`, state: 'ACTIVE' },
  createdAt: String(Math.floor(at / 1000)),
});

/** The webhook route as the api must do it: verify, store once, enqueue. */
function webhook(db: pg.Pool, queue: Queue) {
  const receiver = new WebhookReceiver(KEY, SECRET);
  return async (request: IncomingMessage, body: Buffer): Promise<[number, unknown]> => {
    const event = await receiver
      .receive(body.toString('utf8'), request.headers.authorization)
      .catch(() => null);
    if (!event?.id || !event.event) return [401, {}];
    const roomName = event.room?.name ?? '';
    const inserted = await db.query(
      `INSERT INTO attendance_events (id, event, room_name, session_id, identity, participant_sid, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [
        event.id,
        event.event,
        roomName,
        /^session-([0-9a-f-]{36})$/.exec(roomName)?.[1] ?? null,
        event.participant?.identity || null,
        event.participant?.sid || null,
        new Date(Number(event.createdAt) * 1000),
      ],
    );
    if (inserted.rowCount) {
      await queue.add(
        PROCESS_ATTENDANCE_EVENT_JOB,
        { eventId: event.id },
        {
          attempts: 8,
          backoff: { type: 'exponential', delay: 2_000 },
          jobId: `event-${event.id}`,
          removeOnComplete: true,
        },
      );
    }
    return [200, { received: true, duplicate: !inserted.rowCount }];
  };
}

async function main(): Promise<void> {
  const database = await migratedDatabase('attendance');
  const db = database.pool();
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
  const redis = new URL(REDIS_URL);
  const queue = new Queue(QueueName.Attendance, {
    connection: {
      host: redis.hostname,
      port: Number(redis.port || 6379),
      maxRetriesPerRequest: null,
    },
    prefix,
  });
  const servers: { close(): Promise<void> }[] = [];
  let worker: ChildProcess | undefined;
  try {
    const { sessionId, loadSessionId } = await seed(db);
    // Statistics for the planner, as a running database has them (not left to autovacuum's timing).
    await db.query('ANALYZE');
    const people = (
      await db.query<{ user_id: string }>('SELECT user_id FROM enrollments')
    ).rows.map((r) => r.user_id);

    // Throughput: distinct events in a second session's room, so the end-to-end run is apart.
    const perServer = Math.ceil(EVENTS_PER_SECOND * (LOAD.seconds + LOAD.warmupSeconds));
    const now = Date.now();
    const throughputEvents = () =>
      Promise.all(
        Array.from({ length: perServer }, (_, i) =>
          signed(
            participantEvent(
              loadSessionId,
              i % 2 ? 'participant_left' : 'participant_joined',
              people[i % PEOPLE],
              i,
              now - 60_000,
            ),
          ),
        ),
      );
    const post = (url: string, variants: LoadVariant[]) => ({
      url,
      method: 'POST' as const,
      headers: { 'content-type': 'application/webhook+json' },
      variants,
    });

    const sameWork = await sameWorkServer(webhook(db, queue));
    servers.push({ close: () => closeServer(sameWork.server) });
    const { api, url: apiUrl } = await startApi(env);
    servers.push({ close: () => api.close() });
    const webhookUrl = `${apiUrl}/webhooks/livekit`;

    const loadAverageAtStart = loadAverage();
    const sameWorkResult = await measure(
      'same-work-webhook',
      post(sameWork.url, await throughputEvents()),
    );
    const apiResult = await measure('api-webhook', post(webhookUrl, await throughputEvents()));
    const { rows: stored } = await db.query<{ count: string }>(
      'SELECT count(*) FROM attendance_events',
    );
    // Only the end-to-end run's jobs may reach the worker.
    await queue.obliterate({ force: true });

    const start = Date.parse('2026-01-06T18:00:00Z');
    const endToEndEvents = await Promise.all(
      people.flatMap((identity, i) => [
        signed(
          participantEvent(sessionId, 'participant_joined', identity, i, start + (i % 10) * 60_000),
        ),
        signed(
          participantEvent(
            sessionId,
            'participant_left',
            identity,
            i,
            start + (50 + (i % 10)) * 60_000,
          ),
        ),
      ]),
    );
    worker = spawn(process.execPath, [join(projectRoot(), 'dist/apps/worker/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // let it boot
    const started = performance.now();
    const posted = summarize(
      await runLoad({
        ...post(webhookUrl, endToEndEvents),
        connections: 50,
        duration: 600,
        amount: endToEndEvents.length,
      }),
    );
    for (;;) {
      const { rows } = await db.query<{ count: string }>(
        'SELECT count(*) FROM attendance WHERE session_id = $1 AND final',
        [sessionId],
      );
      if (Number(rows[0].count) >= PEOPLE) break;
      if (performance.now() - started > 300_000) throw new Error('attendance never became final');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const endToEndSeconds = (performance.now() - started) / 1000;

    process.stdout.write(
      `${JSON.stringify({
        bench: 'attendance',
        connections: LOAD.connections,
        seconds: LOAD.seconds,
        api: apiResult,
        sameWork: sameWorkResult,
        apiToSameWork: ratio(apiResult, sameWorkResult),
        storedEvents: Number(stored[0].count),
        endToEnd: {
          participants: PEOPLE,
          webhooks: endToEndEvents.length,
          connections: 50,
          webhookAnswers: { p50Ms: posted.p50Ms, p99Ms: posted.p99Ms, failed: posted.failed },
          seconds: round(endToEndSeconds, 2),
          eventsPerSecond: Math.round(endToEndEvents.length / endToEndSeconds),
          finalRows: PEOPLE,
        },
        loadAverage: [loadAverageAtStart, loadAverage()],
      })}\n`,
    );
  } finally {
    worker?.kill('SIGTERM');
    for (const server of servers.reverse()) await server.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await db.end();
    await database.drop();
  }
}

async function seed(db: pg.Pool): Promise<{ sessionId: string; loadSessionId: string }> {
  const one = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ id: string }>(sql, params)).rows[0].id;
  const lead = await one(
    `INSERT INTO users (email, password_hash, display_name) VALUES ('lead@example.org', 'x', 'Lead') RETURNING id`,
  );
  const org = await one(`INSERT INTO organizations (name) VALUES ('Bench') RETURNING id`);
  const curriculum = await one(
    `INSERT INTO curricula (organization_id, title) VALUES ($1, 'Bench') RETURNING id`,
    [org],
  );
  const version = await one(
    `INSERT INTO curriculum_versions (curriculum_id, version, status, modules, published_at)
     VALUES ($1, 1, 'published', '[{"title":"One"},{"title":"Two"}]', now()) RETURNING id`,
    [curriculum],
  );
  const group = await one(
    `INSERT INTO groups (organization_id, name, lead_facilitator_id, curriculum_version_id, capacity,
       timezone, first_session_date, start_time, duration_minutes)
     VALUES ($1, 'Webinar-sized', $2, $3, $4, 'UTC', '2026-01-06', '18:00', 60) RETURNING id`,
    [org, lead, version, PEOPLE],
  );
  await db.query(
    `WITH people AS (
       INSERT INTO users (email, password_hash, display_name)
       SELECT 'p' || i || '@example.org', 'x', 'P' || i FROM generate_series(1, $2) i RETURNING id)
     INSERT INTO enrollments (group_id, user_id, status, queued_at) SELECT $1, id, 'active', now() FROM people`,
    [group, PEOPLE],
  );
  const session = (sequence: number, startsAt: string, endsAt: string) =>
    one(
      `INSERT INTO sessions (group_id, sequence, module_index, module_title, starts_at, ends_at, timezone,
         local_date, local_start_time)
       VALUES ($1, $2, $2 - 1, 'One', $3, $4, 'UTC', $3::timestamptz::date::text, '18:00')
       RETURNING id`,
      [group, sequence, startsAt, endsAt],
    );
  return {
    sessionId: await session(1, '2026-01-06T18:00:00Z', '2026-01-06T19:00:00Z'),
    loadSessionId: await session(2, '2026-01-13T18:00:00Z', '2026-01-13T19:00:00Z'),
  };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:attendance failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
