/**
 * `npm run bench:join`: the join storm. 2,000 registered webinar attendees and 2,000 enrolled
 * group members ask for LiveKit tokens, N connections for T seconds from a load generator in its
 * own process (autocannon), cycling through their access keys and bearer tokens:
 * - webinar join: access key checked (HMAC), webinar and registration read, a token signed;
 * - session join: bearer JWT verified (and not signed out), the session, group, membership,
 *   enrollment, removal, group agreement and consent read, a token signed.
 * Beside the api, in the same run, a bare `node:http` server does the same necessary work (the
 * same indexed reads with `pg`, the same HMAC and JWT checks, the same LiveKit signature). Then
 * both again at a fixed rate (BENCH_RATE, 500 req/s), for latency when not saturated.
 * Prints one JSON line.
 */
import 'reflect-metadata';
import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import { AccessToken, TrackSource, type VideoGrant } from 'livekit-server-sdk';
import type pg from 'pg';
import { SignedTokens } from '../libs/common/src/signed-token.js';
import { isUuid } from '../libs/common/src/validation.js';
import type { LoadVariant } from './load.js';
import {
  closeServer,
  LOAD,
  loadAverage,
  type LoadSummary,
  measure,
  migratedDatabase,
  prepared,
  ratio,
  sameWorkServer,
  startApi,
} from './support.js';

const PEOPLE = 2000;
const LIVEKIT_URL = 'http://127.0.0.1:9';
const LIVEKIT_KEY = 'bench-key';
const LIVEKIT_SECRET = randomBytes(24).toString('hex');
const JWT_SECRET = randomBytes(32).toString('hex');
const JOIN_EARLY_MS = 15 * 60_000; // VIDEO_JOIN_EARLY_MINUTES' default
const TOKEN_TTL = '10m'; // VIDEO_TOKEN_TTL_MINUTES' default

// An HS256 check needs only the secret key. Given the secret as a string, jsonwebtoken first
// tries to parse it as a public key on every call (about 1 ms here), which no check needs.
const jwt = new JwtService({
  secret: createSecretKey(Buffer.from(JWT_SECRET)),
  signOptions: { algorithm: 'HS256', issuer: 'hearth' },
  verifyOptions: { algorithms: ['HS256'], issuer: 'hearth' },
});

interface Seeded {
  webinarId: string;
  registrationIds: string[];
  sessionId: string;
  memberIds: string[];
}

async function seed(db: pg.Pool): Promise<Seeded> {
  const one = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ id: string }>(sql, params)).rows[0].id;
  const host = await one(
    `INSERT INTO users (email, password_hash, display_name) VALUES ('host@example.org', 'x', 'Host') RETURNING id`,
  );
  const org = await one(`INSERT INTO organizations (name) VALUES ('Bench') RETURNING id`);
  await db.query(
    `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'therapist')`,
    [org, host],
  );
  await db.query(
    `INSERT INTO group_agreements (organization_id, version, text) VALUES ($1, 1, 'Be kind')`,
    [org],
  );
  const webinarId = await one(
    `INSERT INTO webinars (organization_id, title, starts_at, duration_minutes, timezone, capacity, created_by_id)
     VALUES ($1, 'Bench webinar', now() + interval '5 minutes', 60, 'UTC', $2, $3) RETURNING id`,
    [org, PEOPLE, host],
  );
  const registrationIds = (
    await db.query<{ id: string }>(
      `INSERT INTO webinar_registrations (webinar_id, display_name, email)
       SELECT $1, 'Attendee ' || i, 'a' || i || '@example.org' FROM generate_series(1, $2) i RETURNING id`,
      [webinarId, PEOPLE],
    )
  ).rows.map((r) => r.id);

  const curriculum = await one(
    `INSERT INTO curricula (organization_id, title) VALUES ($1, 'Bench') RETURNING id`,
    [org],
  );
  const version = await one(
    `INSERT INTO curriculum_versions (curriculum_id, version, status, modules, published_at)
     VALUES ($1, 1, 'published', '[{"title":"One"}]', now()) RETURNING id`,
    [curriculum],
  );
  // The lobby is off: with it on, a member's join is a lobby write, not a token.
  const group = await one(
    `INSERT INTO groups (organization_id, name, lead_facilitator_id, curriculum_version_id, capacity,
       timezone, first_session_date, start_time, duration_minutes, lobby_enabled)
     VALUES ($1, 'Bench group', $2, $3, $4, 'UTC', '2026-01-06', '18:00', 60, false) RETURNING id`,
    [org, host, version, PEOPLE],
  );
  const memberIds = (
    await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name)
       SELECT 'm' || i || '@example.org', 'x', 'Member ' || i FROM generate_series(1, $1) i RETURNING id`,
      [PEOPLE],
    )
  ).rows.map((r) => r.id);
  await db.query(
    `INSERT INTO memberships (organization_id, user_id, role) SELECT $1, u, 'participant' FROM unnest($2::uuid[]) u`,
    [org, memberIds],
  );
  await db.query(
    `INSERT INTO enrollments (group_id, user_id, status, queued_at) SELECT $1, u, 'active', now() FROM unnest($2::uuid[]) u`,
    [group, memberIds],
  );
  await db.query(
    `INSERT INTO group_consents (group_id, user_id, agreement_version) SELECT $1, u, 1 FROM unnest($2::uuid[]) u`,
    [group, memberIds],
  );
  const sessionId = await one(
    `INSERT INTO sessions (group_id, sequence, module_index, module_title, starts_at, ends_at, timezone,
       local_date, local_start_time)
     VALUES ($1, 1, 0, 'One', now() + interval '5 minutes', now() + interval '65 minutes', 'UTC',
       '2026-01-06', '18:00')
     RETURNING id`,
    [group],
  );
  return { webinarId, registrationIds, sessionId, memberIds };
}

/** The LiveKit token the api signs, with every grant explicit. */
function liveKitToken(identity: string, name: string, grant: Partial<VideoGrant>): Promise<string> {
  const token = new AccessToken(LIVEKIT_KEY, LIVEKIT_SECRET, { identity, name, ttl: TOKEN_TTL });
  token.addGrant({
    roomJoin: true,
    roomCreate: false,
    roomList: false,
    roomRecord: false,
    canSubscribe: true,
    canUpdateOwnMetadata: false,
    recorder: false,
    ...grant,
  });
  return token.toJwt();
}

const notFound = [404, { code: 'not_found' }] as [number, unknown];

/** Webinar join as the api must do it: HMAC key, webinar and registration read together, a token. */
function webinarJoin(db: pg.Pool, attendeeKeys: SignedTokens) {
  const query = prepared(db);
  return async (request: IncomingMessage): Promise<[number, unknown]> => {
    const webinarId = /^\/webinars\/([^/]+)\/join$/.exec(request.url ?? '')?.[1];
    const key = request.headers['x-access-key'];
    if (!webinarId || !isUuid(webinarId) || typeof key !== 'string') return notFound;
    const registrationId = attendeeKeys.idOf(key);
    if (!registrationId || !attendeeKeys.verify(key, registrationId)) return [401, {}];
    const found = (
      await query<{
        id: string;
        starts_at: Date;
        duration_minutes: number;
        registration_id: string | null;
        display_name: string | null;
        promoted: boolean | null;
      }>(
        `SELECT w.id, w.starts_at, w.duration_minutes, r.id AS registration_id, r.display_name,
           r.promoted
         FROM webinars w LEFT JOIN webinar_registrations r ON r.id = $2 AND r.webinar_id = w.id
         WHERE w.id = $1`,
        [webinarId, registrationId],
      )
    ).rows[0];
    if (!found) return notFound;
    if (!found.registration_id) return [401, {}];
    const webinar = found;
    const registration = {
      id: found.registration_id,
      display_name: found.display_name!,
      promoted: found.promoted!,
    };
    const now = Date.now();
    const startsAt = webinar.starts_at.getTime();
    if (now < startsAt - JOIN_EARLY_MS || now >= startsAt + webinar.duration_minutes * 60_000) {
      return [409, {}];
    }
    const roomName = `webinar-${webinar.id}`;
    const identity = `reg-${registration.id}`;
    const publishes = registration.promoted;
    const token = await liveKitToken(identity, registration.display_name, {
      room: roomName,
      roomAdmin: false,
      canPublish: publishes,
      canPublishData: false,
      canPublishSources: publishes
        ? [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE]
        : [],
      hidden: !publishes,
    });
    return [200, { serverUrl: LIVEKIT_URL, token, roomName, identity, role: 'attendee' }];
  };
}

/** The signed-in caller of a bearer token, refused when its login was signed out. */
async function bearer(
  query: ReturnType<typeof prepared>,
  request: IncomingMessage,
): Promise<string | null> {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return null;
  const claims = await jwt
    .verifyAsync<{ sub: string; sid: string; typ: string }>(token)
    .catch(() => null);
  if (!claims || claims.typ !== 'access' || !isUuid(claims.sub) || !isUuid(claims.sid)) {
    return null;
  }
  const revoked = await query('SELECT 1 FROM revoked_sessions WHERE family_id = $1', [claims.sid]);
  return revoked.rowCount ? null : claims.sub;
}

/**
 * Session join as the api must decide it: the session and its group, then in one statement the
 * caller's membership, co-facilitation, enrollment, removal and consent to the current agreement.
 */
function sessionJoin(db: pg.Pool) {
  const query = prepared(db);
  return async (request: IncomingMessage): Promise<[number, unknown]> => {
    const userId = await bearer(query, request);
    if (!userId) return [401, {}];
    const sessionId = /^\/sessions\/([^/]+)\/join$/.exec(request.url ?? '')?.[1];
    if (!sessionId || !isUuid(sessionId)) return notFound;
    const session = (
      await query<{
        id: string;
        status: string;
        starts_at: Date;
        ends_at: Date;
        group_id: string;
        organization_id: string;
        lead_facilitator_id: string;
        lobby_enabled: boolean;
        participant_screen_share: boolean;
      }>(
        `SELECT s.id, s.status, s.starts_at, s.ends_at, g.id AS group_id, g.organization_id,
           g.lead_facilitator_id, g.lobby_enabled, g.participant_screen_share
         FROM sessions s JOIN groups g ON g.id = s.group_id WHERE s.id = $1`,
        [sessionId],
      )
    ).rows[0];
    if (!session) return notFound;
    const person = (
      await query<{
        role: string | null;
        display_name: string;
        co_facilitates: boolean;
        enrollment: string | null;
        removed: boolean;
        agreement: number | null;
        consented: boolean;
      }>(
        `SELECT m.role, u.display_name,
           EXISTS (SELECT 1 FROM group_co_facilitators WHERE group_id = $2 AND user_id = u.id) AS co_facilitates,
           (SELECT status FROM enrollments WHERE group_id = $2 AND user_id = u.id) AS enrollment,
           EXISTS (SELECT 1 FROM session_removals WHERE session_id = $3 AND user_id = u.id) AS removed,
           a.version AS agreement,
           EXISTS (SELECT 1 FROM group_consents WHERE group_id = $2 AND user_id = u.id
             AND agreement_version = a.version) AS consented
         FROM users u
         LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = $4
         LEFT JOIN LATERAL (SELECT version FROM group_agreements WHERE organization_id = $4
           ORDER BY version DESC LIMIT 1) a ON true
         WHERE u.id = $1`,
        [userId, session.group_id, session.id, session.organization_id],
      )
    ).rows[0];
    if (!person?.role) return notFound;
    const facilitator =
      session.lead_facilitator_id === userId ||
      person.co_facilitates ||
      person.role === 'owner' ||
      person.role === 'admin';
    if (!facilitator && person.enrollment !== 'active') return [403, {}];
    if (person.removed) return [403, {}];
    if (!facilitator && person.agreement !== null && !person.consented) return [403, {}];
    const now = Date.now();
    if (
      !['scheduled', 'open', 'live'].includes(session.status) ||
      now < session.starts_at.getTime() - JOIN_EARLY_MS ||
      now >= session.ends_at.getTime()
    ) {
      return [409, {}];
    }
    if (!facilitator && session.lobby_enabled) return [500, { error: 'lobby not benched' }];
    const roomName = `session-${session.id}`;
    const token = await liveKitToken(userId, person.display_name, {
      room: roomName,
      roomAdmin: facilitator,
      canPublish: true,
      canPublishData: true,
      canPublishSources:
        facilitator || session.participant_screen_share
          ? [
              TrackSource.CAMERA,
              TrackSource.MICROPHONE,
              TrackSource.SCREEN_SHARE,
              TrackSource.SCREEN_SHARE_AUDIO,
            ]
          : [TrackSource.CAMERA, TrackSource.MICROPHONE],
      hidden: false,
    });
    return [200, { status: 'admitted', serverUrl: LIVEKIT_URL, token, roomName, identity: userId }];
  };
}

async function main(): Promise<void> {
  const database = await migratedDatabase('join');
  const db = database.pool();
  const attendeeKeys = new SignedTokens(JWT_SECRET, 'webinar-attendee');
  const servers: { close(): Promise<void> }[] = [];
  try {
    const seeded = await seed(db);
    // Statistics for the planner, as a running database has them (not left to autovacuum's timing).
    await db.query('ANALYZE');
    const webinarPath = `/webinars/${seeded.webinarId}/join`;
    const sessionPath = `/sessions/${seeded.sessionId}/join`;
    const webinarKeys: LoadVariant[] = seeded.registrationIds.map((id) => ({
      headers: { 'x-access-key': attendeeKeys.sign(id) },
    }));
    const bearers: LoadVariant[] = await Promise.all(
      seeded.memberIds.map(async (sub) => ({
        headers: {
          authorization: `Bearer ${await jwt.signAsync({ sub, sid: randomUUID(), typ: 'access' }, { expiresIn: 3600 })}`,
        },
      })),
    );

    const webinarServer = await sameWorkServer(webinarJoin(db, attendeeKeys));
    servers.push({ close: () => closeServer(webinarServer.server) });
    const sessionServer = await sameWorkServer(sessionJoin(db));
    servers.push({ close: () => closeServer(sessionServer.server) });
    const { api, url: apiUrl } = await startApi({
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
      JWT_SECRET,
      LIVEKIT_URL,
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
    });
    servers.push({ close: () => api.close() });

    const webinar = (base: string, overallRate?: number) =>
      ({
        url: `${base}${webinarPath}`,
        method: 'POST',
        variants: webinarKeys,
        overallRate,
      }) as const;
    const session = (base: string, overallRate?: number) =>
      ({ url: `${base}${sessionPath}`, method: 'POST', variants: bearers, overallRate }) as const;

    const loadAverageAtStart = loadAverage();
    const sameWorkWebinar = await measure('same-work-webinar', webinar(webinarServer.url));
    const apiWebinar = await measure('api-webinar', webinar(apiUrl));
    const sameWorkSession = await measure('same-work-session', session(sessionServer.url));
    const apiSession = await measure('api-session', session(apiUrl));
    const sameWorkWebinarRate = await measure(
      'same-work-webinar-rate',
      webinar(webinarServer.url, LOAD.rate),
    );
    const apiWebinarRate = await measure('api-webinar-rate', webinar(apiUrl, LOAD.rate));
    const sameWorkSessionRate = await measure(
      'same-work-session-rate',
      session(sessionServer.url, LOAD.rate),
    );
    const apiSessionRate = await measure('api-session-rate', session(apiUrl, LOAD.rate));

    const pair = (apiResult: LoadSummary, sameWork: LoadSummary) => ({
      api: apiResult,
      sameWork,
      apiToSameWork: ratio(apiResult, sameWork),
    });
    const atRate = (apiResult: LoadSummary, sameWork: LoadSummary) => ({
      requestsPerSecond: LOAD.rate,
      api: apiResult,
      sameWork,
    });
    process.stdout.write(
      `${JSON.stringify({
        bench: 'join',
        connections: LOAD.connections,
        seconds: LOAD.seconds,
        people: PEOPLE,
        webinarJoin: pair(apiWebinar, sameWorkWebinar),
        sessionJoin: pair(apiSession, sameWorkSession),
        fixedRate: {
          webinarJoin: atRate(apiWebinarRate, sameWorkWebinarRate),
          sessionJoin: atRate(apiSessionRate, sameWorkSessionRate),
        },
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
    `bench:join failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
