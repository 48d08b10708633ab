import { randomBytes } from 'node:crypto';
import { Global, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, ClockModule, ManualClock } from '#common';
import { ConfigModule, loadConfig } from '#config';
import { DatabaseModule } from '#database';
import {
  AttendanceProducer,
  NotificationsProducer,
  RemindersProducer,
  RoomsProducer,
} from '#queue';
import { getQueueToken } from '@nestjs/bullmq';
import { ALL_QUEUES } from '#queue';
import { type QueuedJob, recordingQueues } from './lib-test-module.js';
import { createTestDatabase } from './test-database.js';

/** Every call a service made to a producer, in order: `[producer, method, payload]`. */
export type EnqueuedCall = [producer: string, method: string, ...args: unknown[]];

function recordingProducer(name: string, calls: EnqueuedCall[]) {
  return new Proxy(
    {},
    {
      get: (_, method) =>
        typeof method === 'string' && method !== 'then'
          ? (...args: unknown[]) => {
              calls.push([name, method, ...args]);
              return Promise.resolve();
            }
          : undefined,
    },
  );
}

export interface LibTestModule {
  module: TestingModule;
  dataSource: DataSource;
  clock: ManualClock;
  /** What the services enqueued (the queues are fakes: no Redis, no worker). */
  enqueued: EnqueuedCall[];
  /** Jobs added straight to a queue by a job's own producer (also recorded, never run). */
  queued: QueuedJob[];
  get<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/**
 * The middle test tier: a lib's Nest module against a real, migrated database of its own, with
 * a ManualClock and recording queue producers, for calling services directly without HTTP.
 */
export async function bootLibModule(
  label: string,
  imports: ModuleMetadata['imports'],
  options: { now?: Date; providers?: Provider[] } = {},
): Promise<LibTestModule> {
  const database = await createTestDatabase(label);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: process.env.LOG === 'true' ? 'info' : 'silent',
  });
  const clock = new ManualClock(options.now);
  const enqueued: EnqueuedCall[] = [];
  const queued: QueuedJob[] = [];
  const producers = [RoomsProducer, RemindersProducer, NotificationsProducer, AttendanceProducer];

  @Global()
  @Module({
    providers: [
      ...producers.map((type) => ({
        provide: type,
        useValue: recordingProducer(type.name, enqueued),
      })),
      ...recordingQueues(queued),
    ],
    exports: [...producers, ...ALL_QUEUES.map((queue) => getQueueToken(queue))],
  })
  class RecordingQueueModule {}

  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ClockModule,
      DatabaseModule.forRoot({ runMigrations: true }),
      RecordingQueueModule,
      ...(imports ?? []),
    ],
    providers: options.providers ?? [],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await module.init();
  return {
    module,
    dataSource: module.get<DataSource>(getDataSourceToken()),
    clock,
    enqueued,
    queued,
    get: (type) => module.get(type, { strict: false }),
    close: async () => {
      await module.close();
      await database.drop();
    },
  };
}

/** Rows every domain test needs, written straight to the tables (identity is not under test). */
export async function seedOrganization(dataSource: DataSource, name = 'Clinic') {
  const [{ id }] = await dataSource.query<{ id: string }[]>(
    'INSERT INTO organizations (name) VALUES ($1) RETURNING id',
    [name],
  );
  const member = async (role: 'owner' | 'admin' | 'therapist' | 'participant', alias: string) => {
    const [user] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, password_hash, display_name) VALUES ($1, 'x', $2) RETURNING id`,
      [`${alias}-${randomBytes(4).toString('hex')}@example.test`, alias],
    );
    await dataSource.query(
      'INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)',
      [id, user.id, role],
    );
    return user.id;
  };
  return { organizationId: id, member };
}
