import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { organizationWithCurriculum } from './support/groups.js';
import {
  createTestEnvironment,
  registerUser,
  type RunningApi,
  startApi,
  type TestEnvironment,
} from './support/hearth.js';
import { runCompiledWorker } from './support/processes.js';
import { participantEvent, postWebhook } from './support/webhooks.js';

const KEY = 'crash-key';
const SECRET = 'a-crash-test-secret-of-at-least-32-chars';
const PEOPLE = 60;

describe('A worker killed in the middle of a burst of webhooks (e2e)', () => {
  let env: TestEnvironment;
  let api: RunningApi;
  let db: pg.Client;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('attendance_crash', {
      env: {
        LIVEKIT_URL: 'http://127.0.0.1:9',
        LIVEKIT_API_KEY: KEY,
        LIVEKIT_API_SECRET: SECRET,
        QUEUE_LOCK_DURATION_MS: '3000',
      },
    });
    api = await startApi(env.config);
    db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
  });

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await db?.end();
    await api?.close();
    await env?.close();
  });

  const runWorker = () => {
    const child = runCompiledWorker(env.env);
    workers.push(child);
    return child;
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query(sql, params)).rows[0].count);

  it('accounts for every event exactly once after SIGKILL and a restart', async () => {
    const owner = await registerUser(api.http, 'lead');
    const { orgId, versionId } = await organizationWithCurriculum(api.http, owner, 'Crash clinic');
    const group = await api.http.post(
      `/organizations/${orgId}/groups`,
      {
        name: 'Burst',
        curriculumVersionId: versionId,
        timezone: 'UTC',
        firstSessionDate: '2026-01-06',
        startTime: '18:00',
        durationMinutes: 60,
        capacity: 100,
        lobbyEnabled: false,
      },
      owner.accessToken,
    );
    const session = (await api.http.get(`/groups/${group.body.id}/sessions`, owner.accessToken))
      .body.items[0];
    const at = (m: number) => new Date(Date.parse(session.startsAt) + m * 60_000);
    // Members are inserted directly: what is tested is the event pipeline, not enrollment.
    const { rows: people } = await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name, email_verified_at)
       SELECT 'burst' || i || '@example.org', 'x', 'Burst ' || i, now() FROM generate_series(1, $1) i RETURNING id`,
      [PEOPLE],
    );
    await db.query(
      `INSERT INTO enrollments (group_id, user_id, status, queued_at) SELECT $1, u, 'active', now() FROM unnest($2::uuid[]) u`,
      [group.body.id, people.map((p) => p.id)],
    );

    // Signed by the test: the real server cannot produce a burst of 120 events on demand.
    const events = people.flatMap((person, i) => [
      participantEvent('participant_joined', session.id, person.id, `PA_${i}`, at(0)),
      participantEvent('participant_left', session.id, person.id, `PA_${i}`, at(10 + (i % 40))),
    ]);
    const first = runWorker();
    // The whole burst goes in while the worker is busy with it.
    const posted = Promise.all(
      events.map((event) =>
        postWebhook(`${api.http.baseUrl}/webhooks/livekit`, event, { key: KEY, secret: SECRET }),
      ),
    );
    const deadline = Date.now() + 30_000;
    while (
      (await count('SELECT count(*) FROM attendance_events WHERE processed_at IS NOT NULL')) < 20
    ) {
      if (Date.now() > deadline) throw new Error('the worker processed nothing');
      await sleep(20);
    }
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect((await posted).every((r) => r.status === 200)).toBe(true);
    expect(
      await count('SELECT count(*) FROM attendance_events WHERE processed_at IS NULL'),
    ).toBeGreaterThan(0);

    runWorker();
    const done = Date.now() + 60_000;
    while ((await count('SELECT count(*) FROM attendance_events WHERE processed_at IS NULL')) > 0) {
      if (Date.now() > done) throw new Error('events left unprocessed after the restart');
      await sleep(100);
    }
    expect(
      await count('SELECT count(*) FROM attendance_events WHERE session_id = $1', [session.id]),
    ).toBe(events.length);
    const { rows } = await db.query<{ user_id: string; minutes_present: string; final: boolean }>(
      'SELECT user_id, minutes_present, final FROM attendance WHERE session_id = $1',
      [session.id],
    );
    expect(rows).toHaveLength(PEOPLE);
    for (const [i, person] of people.entries()) {
      const row = rows.find((r) => r.user_id === person.id)!;
      expect({ person: i, minutes: Number(row.minutes_present), final: row.final }).toEqual({
        person: i,
        minutes: 10 + (i % 40),
        final: true,
      });
    }
  }, 120_000);
});
