/**
 * `npm run bench:reminders`: plans reminders for 2,000 sessions x 12 recipients x 2 offsets
 * (48,000 delayed jobs) on Redis through the real pipeline (plan jobs run by the worker), beside
 * a bare BullMQ addBulk of as many jobs in the same run;
 * measures the re-plan of one group after a reschedule, and the lateness of reminders that fire
 * (sent through a local SMTP server). Prints one JSON line.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { startWorker } from '../apps/worker/src/worker-app.js';
import { loadConfig } from '../libs/config/src/app-config.js';
import { PlanRemindersQueue } from '../libs/reminders/src/plan-reminders/plan-reminders.queue.js';
import { ReminderPlanner } from '../libs/reminders/src/reminder-planner.service.js';
import { benchDatabase, percentile, REDIS_URL, round } from './support.js';

const GROUPS = 250;
const SESSIONS_PER_GROUP = 8;
const RECIPIENTS = 12; // the lead facilitator and 11 participants
const OFFSETS = [1440, 60];
const LATE_SESSIONS = 20;
const CHUNK = 1000;

async function seed(url: string): Promise<{ groupIds: string[]; lateGroupId: string }> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const users = (
      await db.query<{ id: string }>(
        `INSERT INTO users (email, password_hash, display_name, email_verified_at)
         SELECT 'bench' || i || '@example.org', 'x', 'Person ' || i, now() FROM generate_series(1, $1) i
         RETURNING id`,
        [RECIPIENTS],
      )
    ).rows.map((r) => r.id);
    const organization = async (offsets: number[]) => {
      const org = (
        await db.query<{ id: string }>(
          `INSERT INTO organizations (name, reminder_offsets_minutes) VALUES ('Bench', $1) RETURNING id`,
          [offsets],
        )
      ).rows[0].id;
      await db.query(
        `INSERT INTO memberships (organization_id, user_id, role)
         SELECT $1, u, CASE WHEN u = $2 THEN 'therapist' ELSE 'participant' END FROM unnest($3::uuid[]) u`,
        [org, users[0], users],
      );
      const curriculum = (
        await db.query<{ id: string }>(
          `INSERT INTO curricula (organization_id, title) VALUES ($1, 'Bench') RETURNING id`,
          [org],
        )
      ).rows[0].id;
      const modules = Array.from({ length: SESSIONS_PER_GROUP }, (_, i) => ({
        title: `Module ${i + 1}`,
      }));
      const version = (
        await db.query<{ id: string }>(
          `INSERT INTO curriculum_versions (curriculum_id, version, status, modules, published_at)
           VALUES ($1, 1, 'published', $2, now()) RETURNING id`,
          [curriculum, JSON.stringify(modules)],
        )
      ).rows[0].id;
      return { org, version };
    };
    const groups = async (org: string, version: string, count: number) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO groups (organization_id, name, lead_facilitator_id, curriculum_version_id,
             capacity, timezone, first_session_date, start_time, duration_minutes)
           SELECT $1, 'Group ' || g, $2, $3, 20, 'Europe/London', '2027-01-05', '19:00', 90
           FROM generate_series(1, $4) g RETURNING id`,
          [org, users[0], version, count],
        )
      ).rows.map((r) => r.id);
    const enroll = (groupIds: string[]) =>
      db.query(
        `INSERT INTO enrollments (group_id, user_id, status, queued_at)
         SELECT g, u, 'active', now() FROM unnest($1::uuid[]) g, unnest($2::uuid[]) u`,
        [groupIds, users.slice(1)],
      );

    const main = await organization(OFFSETS);
    const groupIds = await groups(main.org, main.version, GROUPS);
    await enroll(groupIds);
    await db.query(
      `INSERT INTO sessions (group_id, sequence, module_index, module_title, starts_at, ends_at,
         timezone, local_date, local_start_time)
       SELECT g, k, k - 1, 'Module ' || k,
         now() + interval '2 days' + (k * 7 || ' days')::interval + (row_number() OVER () || ' minutes')::interval,
         now() + interval '2 days' + (k * 7 || ' days')::interval + (row_number() OVER () || ' minutes')::interval + interval '90 minutes',
         'Europe/London', '2027-01-05', '19:00'
       FROM unnest($1::uuid[]) g, generate_series(1, $2) k`,
      [groupIds, SESSIONS_PER_GROUP],
    );

    // A second organization reminds one minute ahead: its sessions start a minute from now.
    const late = await organization([1]);
    const [lateGroupId] = await groups(late.org, late.version, 1);
    await enroll([lateGroupId]);
    await db.query(
      `INSERT INTO sessions (group_id, sequence, module_index, module_title, starts_at, ends_at,
         timezone, local_date, local_start_time)
       SELECT $1, k, 0, 'Module 1',
         now() + interval '70 seconds' + (k * 400 || ' milliseconds')::interval,
         now() + interval '70 seconds' + (k * 400 || ' milliseconds')::interval + interval '90 minutes',
         'Europe/London', '2027-01-05', '19:00'
       FROM generate_series(1, $2) k`,
      [lateGroupId, LATE_SESSIONS],
    );
    return { groupIds, lateGroupId };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const database = await benchDatabase('reminders');
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, done) => stream.on('end', () => done()).resume(),
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`,
    WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: 'silent',
  });
  // The api applies migrations in production; here there is no api, so apply them first.
  const { DataSource } = await import('typeorm');
  const { databaseOptions } = await import('../libs/database/src/database-options.js');
  const migrator = new DataSource(databaseOptions(database.url));
  await migrator.initialize();
  await migrator.runMigrations();
  await migrator.destroy();

  const { groupIds, lateGroupId } = await seed(database.url);
  const worker = await startWorker(config);
  const planner = worker.app.get(ReminderPlanner);
  const connection = { host: '127.0.0.1', port: Number(new URL(REDIS_URL).port || 6379) };
  const bare = new Queue('bench-bare', { connection, prefix });
  const reminders = worker.app.get<Queue>(getQueueToken('reminders'));
  try {
    // Bare BullMQ: the same number of delayed jobs, same shape, no database work.
    const total = GROUPS * SESSIONS_PER_GROUP * RECIPIENTS * OFFSETS.length;
    const bareJobs = Array.from({ length: total }, (_, i) => ({
      name: 'send-reminder',
      data: {
        sessionId: randomBytes(16).toString('hex'),
        userId: randomBytes(16).toString('hex'),
        offsetMinutes: 60,
      },
      opts: { jobId: `bare-${i}`, delay: 86_400_000 + i, removeOnComplete: true },
    }));
    let started = performance.now();
    for (let i = 0; i < bareJobs.length; i += CHUNK)
      await bare.addBulk(bareJobs.slice(i, i + CHUNK));
    const bareSeconds = (performance.now() - started) / 1000;

    // Hearth's pipeline as production runs it: one plan job per new group, taken by the worker
    // (concurrency 8), each reading its group and adding its reminder jobs in bulk.
    const plans = worker.app.get(PlanRemindersQueue);
    started = performance.now();
    for (const groupId of groupIds) await plans.add({ groupId, fresh: true });
    let planned = 0;
    while (planned < total) {
      planned = (await reminders.getJobCounts('delayed')).delayed ?? 0;
      if (planned < total) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const planSeconds = (performance.now() - started) / 1000;

    // Re-plan of one group after a reschedule: remove its jobs and add them anew.
    const replans: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await planner.planGroup(groupIds[i]);
      replans.push(performance.now() - t);
    }

    // Lateness: reminders due 5 to 13 seconds from now, sent by the worker through SMTP.
    await planner.planGroup(lateGroupId, { fresh: true });
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const expected = LATE_SESSIONS * RECIPIENTS;
    const deadline = Date.now() + 60_000;
    let rows: { late_ms: number }[] = [];
    while (Date.now() < deadline) {
      rows = (
        await db.query<{ late_ms: number }>(
          `SELECT EXTRACT(EPOCH FROM (d.sent_at - (s.starts_at - interval '1 minute'))) * 1000 AS late_ms
           FROM deliveries d JOIN sessions s ON s.id = d.session_id
           WHERE d.kind = 'reminder' AND d.channel = 'email' AND d.status = 'sent' AND s.group_id = $1`,
          [lateGroupId],
        )
      ).rows;
      if (rows.length >= expected) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await db.end();
    const lateness = rows.map((r) => Number(r.late_ms));

    const line = {
      bench: 'reminders',
      backend: 'redis',
      jobs: planned,
      bareAddBulk: {
        jobs: total,
        seconds: round(bareSeconds, 2),
        jobsPerSecond: Math.round(total / bareSeconds),
      },
      planner: {
        jobs: planned,
        seconds: round(planSeconds, 2),
        jobsPerSecond: Math.round(planned / planSeconds),
      },
      plannerToBareRatio: round(planned / planSeconds / (total / bareSeconds), 2),
      replanOneGroupMs: {
        jobs: SESSIONS_PER_GROUP * RECIPIENTS * OFFSETS.length,
        p50: round(percentile(replans, 50)),
        p99: round(percentile(replans, 99)),
      },
      lateness: {
        reminders: lateness.length,
        expected,
        p50Ms: round(percentile(lateness, 50)),
        p99Ms: round(percentile(lateness, 99)),
      },
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await bare.obliterate({ force: true });
    await bare.close();
    await reminders.obliterate({ force: true }).catch(() => undefined);
    await worker.app.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:reminders failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
