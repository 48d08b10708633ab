import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Global, type InjectionToken, Module, type ModuleMetadata } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Clock, ClockModule, ManualClock } from '#common';
import { ConfigModule, loadConfig } from '#config';
import { DatabaseModule } from '#database';
import { ALL_QUEUES, QueueModule } from '#queue';
import { TEST_REDIS_URL } from './services.js';
import { createTestDatabase } from './test-database.js';

/** A domain event a lib emitted (such as `SessionEvent.Cancelled`): `[event, payload]`. */
export type EmittedEvent = [event: string, payload: unknown];

/** A job added to a queue (by a lib's job queue, such as the password reset's). */
export type QueuedJob = { queue: string; name: string; data: unknown };

export interface LibModuleOptions {
  /** Where the test clock starts; the real time by default. */
  now?: Date;
  /**
   * `recorded` (the default): the queues keep the jobs they are given in `queued`, with no
   * Redis. `real`: BullMQ on the machine's Redis, under a prefix of this file's own; jobs are
   * enqueued for real and never processed.
   */
  queues?: 'recorded' | 'real';
  /** Configuration variables on top of the test defaults, as the app reads its environment. */
  env?: Record<string, string>;
  /** Providers replaced by token, such as the mailer or a queue whose contents a test reads. */
  overrides?: { provide: InjectionToken; useValue: unknown }[];
}

export interface LibTestModule {
  dataSource: DataSource;
  clock: ManualClock;
  /**
   * The domain events emitted, in order. Their listeners run too, in whichever of the booted
   * modules has them (#reminders queues the reminder jobs that follow a session change).
   */
  events: EmittedEvent[];
  /** Jobs added to a queue, in order (recorded queues only). */
  queued: QueuedJob[];
  get<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

function recordingQueue(queue: string, jobs: QueuedJob[]) {
  return {
    add: (name: string, data: unknown) => {
      jobs.push({ queue, name, data });
      return Promise.resolve({});
    },
    addBulk: (added: { name: string; data: unknown }[]) => {
      for (const { name, data } of added) jobs.push({ queue, name, data });
      return Promise.resolve([]);
    },
    remove: () => Promise.resolve(0),
  };
}

/** Every queue, recording instead of enqueuing. */
function recordingQueueModule(queued: QueuedJob[]) {
  const providers = ALL_QUEUES.map((queue) => ({
    provide: getQueueToken(queue),
    useValue: recordingQueue(queue, queued),
  }));

  @Global()
  @Module({ providers, exports: providers.map(({ provide }) => provide) })
  class RecordingQueueModule {}
  return RecordingQueueModule;
}

/**
 * The middle test tier: a lib's Nest module against a fresh database of its own built by the
 * migrations, the app's configuration and a ManualClock, for calling services without HTTP.
 */
export async function bootLibModule(
  label: string,
  imports: ModuleMetadata['imports'],
  options: LibModuleOptions = {},
): Promise<LibTestModule> {
  const database = await createTestDatabase(label);
  const realQueues = options.queues === 'real';
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: process.env.LOG === 'true' ? 'info' : 'silent',
    ...(realQueues
      ? { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}` }
      : {}),
    ...options.env,
  });
  const clock = new ManualClock(options.now);
  const events: EmittedEvent[] = [];
  const queued: QueuedJob[] = [];

  const builder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ClockModule,
      DatabaseModule.forRoot({ runMigrations: true }),
      EventEmitterModule.forRoot(),
      realQueues ? QueueModule.forRoot() : recordingQueueModule(queued),
      ...(imports ?? []),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger(process.env.LOG === 'true' ? console : { log() {}, error() {}, warn() {} });
  for (const { provide, useValue } of options.overrides ?? []) {
    builder.overrideProvider(provide).useValue(useValue);
  }
  const module = await builder.compile();
  module.get(EventEmitter2).onAny((event, payload: unknown) => {
    events.push([String(event), payload]);
  });
  await module.init();
  return {
    dataSource: module.get(DataSource),
    clock,
    events,
    queued,
    get: (type) => module.get(type, { strict: false }),
    close: async () => {
      await module.close();
      await database.drop();
    },
  };
}

type Role = 'owner' | 'admin' | 'therapist' | 'participant';

/**
 * A user with a verified address and no organization, written straight to the table (identity
 * is not under test); `alias` is the display name. Answers the user's id.
 */
export async function seedUser(dataSource: DataSource, alias: string): Promise<string> {
  const [{ id }] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO users (email, password_hash, display_name, email_verified_at)
     VALUES ($1, 'x', $2, now()) RETURNING id`,
    [`${alias}-${randomBytes(4).toString('hex')}@example.org`, alias],
  );
  return id;
}

/** An organization, and `member(role, alias)` to seed a user into it (answers the user's id). */
export async function seedOrganization(dataSource: DataSource, name = 'Clinic') {
  const [{ id: organizationId }] = await dataSource.query<{ id: string }[]>(
    'INSERT INTO organizations (name) VALUES ($1) RETURNING id',
    [name],
  );
  const member = async (role: Role, alias: string) => {
    const userId = await seedUser(dataSource, alias);
    await dataSource.query(
      'INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)',
      [organizationId, userId, role],
    );
    return userId;
  };
  return { organizationId, member };
}
