/**
 * `npm run bench:me`: `GET /api/v1/me` for 2,000 signed-in people (each in two organizations),
 * N connections for T seconds from a load generator in its own process (autocannon), cycling
 * through their bearer tokens: JWT verified (and its login not signed out), the user and their
 * memberships read. Beside the api, in the same run, a bare `node:http` server does the same
 * necessary work (the same JWT check, the same three indexed reads with `pg`).
 * Prints one JSON line.
 */
import 'reflect-metadata';
import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import type pg from 'pg';
import { isUuid } from '../libs/common/src/validation.js';
import type { LoadVariant } from './load.js';
import {
  closeServer,
  LOAD,
  loadAverage,
  measure,
  migratedDatabase,
  ratio,
  prepared,
  sameWorkServer,
  startApi,
} from './support.js';

const PEOPLE = 2000;
const JWT_SECRET = randomBytes(32).toString('hex');

// An HS256 check needs only the secret key. Given the secret as a string, jsonwebtoken first
// tries to parse it as a public key on every call (about 1 ms here), which no check needs.
const jwt = new JwtService({
  secret: createSecretKey(Buffer.from(JWT_SECRET)),
  signOptions: { algorithm: 'HS256', issuer: 'hearth' },
  verifyOptions: { algorithms: ['HS256'], issuer: 'hearth' },
});

async function seed(db: pg.Pool): Promise<string[]> {
  const users = (
    await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name, email_verified_at)
       SELECT 'p' || i || '@example.org', 'x', 'Person ' || i, now() FROM generate_series(1, $1) i
       RETURNING id`,
      [PEOPLE],
    )
  ).rows.map((r) => r.id);
  for (const [name, role] of [
    ['Bench one', 'participant'],
    ['Bench two', 'therapist'],
  ]) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO organizations (name) VALUES ($1) RETURNING id`,
      [name],
    );
    await db.query(
      `INSERT INTO memberships (organization_id, user_id, role) SELECT $1, u, $2 FROM unnest($3::uuid[]) u`,
      [rows[0].id, role, users],
    );
  }
  return users;
}

/** `GET /me` as the api must answer it. */
function me(db: pg.Pool) {
  const query = prepared(db);
  return async (request: IncomingMessage): Promise<[number, unknown]> => {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (request.url !== '/me' || scheme !== 'Bearer' || !token) return [401, {}];
    const claims = await jwt
      .verifyAsync<{ sub: string; sid: string; typ: string }>(token)
      .catch(() => null);
    if (!claims || claims.typ !== 'access' || !isUuid(claims.sub) || !isUuid(claims.sid)) {
      return [401, {}];
    }
    const revoked = await query('SELECT 1 FROM revoked_sessions WHERE family_id = $1', [
      claims.sid,
    ]);
    if (revoked.rowCount) return [401, {}];
    const [users, memberships] = await Promise.all([
      query<{
        id: string;
        email: string;
        display_name: string;
        email_verified_at: Date | null;
        timezone: string | null;
        reminder_email: boolean;
        reminder_in_app: boolean;
      }>(
        `SELECT id, email, display_name, email_verified_at, timezone, reminder_email, reminder_in_app
         FROM users WHERE id = $1`,
        [claims.sub],
      ),
      query<{ organization_id: string; role: string }>(
        'SELECT organization_id, role FROM memberships WHERE user_id = $1 ORDER BY created_at',
        [claims.sub],
      ),
    ]);
    const user = users.rows[0];
    if (!user) return [404, {}];
    return [
      200,
      {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        emailVerified: user.email_verified_at !== null,
        timezone: user.timezone,
        reminderChannels: { email: user.reminder_email, inApp: user.reminder_in_app },
        memberships: memberships.rows.map((m) => ({
          organizationId: m.organization_id,
          role: m.role,
        })),
      },
    ];
  };
}

async function main(): Promise<void> {
  const database = await migratedDatabase('me');
  const db = database.pool();
  const servers: { close(): Promise<void> }[] = [];
  try {
    const users = await seed(db);
    // Statistics for the planner, as a running database has them (not left to autovacuum's timing).
    await db.query('ANALYZE');
    const bearers: LoadVariant[] = await Promise.all(
      users.map(async (sub) => ({
        headers: {
          authorization: `Bearer ${await jwt.signAsync({ sub, sid: randomUUID(), typ: 'access' }, { expiresIn: 3600 })}`,
        },
      })),
    );
    const sameWork = await sameWorkServer(me(db));
    servers.push({ close: () => closeServer(sameWork.server) });
    const { api, url: apiUrl } = await startApi({
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
      JWT_SECRET,
    });
    servers.push({ close: () => api.close() });

    const loadAverageAtStart = loadAverage();
    const sameWorkResult = await measure('same-work-me', {
      url: `${sameWork.url}/me`,
      variants: bearers,
    });
    const apiResult = await measure('api-me', { url: `${apiUrl}/me`, variants: bearers });
    process.stdout.write(
      `${JSON.stringify({
        bench: 'me',
        connections: LOAD.connections,
        seconds: LOAD.seconds,
        people: PEOPLE,
        api: apiResult,
        sameWork: sameWorkResult,
        apiToSameWork: ratio(apiResult, sameWorkResult),
        loadAverage: [loadAverageAtStart, loadAverage()],
      })}\n`,
    );
  } finally {
    for (const server of servers.reverse()) await server.close();
    await db.end();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:me failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
