import { randomBytes } from 'node:crypto';
import { Global, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Clock, ClockModule, ManualClock } from '../../libs/common/src/index.js';
import { ConfigModule, loadConfig } from '../../libs/config/src/index.js';
import { DatabaseModule } from '../../libs/database/src/index.js';
import { ALL_QUEUES } from '../../libs/queue/src/index.js';
import { createTestDatabase } from './test-database.js';

/** The jobs a lib asked a producer for, in order (the queue itself is not part of these tests). */
export type ProducedJob = { method: string; payload: unknown[] };

/**
 * A fake producer that records what it is asked: `fakeProducer(NotificationsProducer, jobs)`.
 * Every method of the real producer resolves at once and adds a line to `jobs`.
 */
export function fakeProducer(
  token: abstract new (...args: never[]) => object,
  jobs: ProducedJob[],
) {
  const methods = Object.getOwnPropertyNames(token.prototype).filter((m) => m !== 'constructor');
  const fake = Object.fromEntries(
    methods.map((method) => [
      method,
      (...payload: unknown[]) => {
        jobs.push({ method, payload });
        return Promise.resolve();
      },
    ]),
  );
  return { provide: token, useValue: fake } satisfies Provider;
}

/** A job added to one of the queues, as `recordingQueues` saw it. */
export type QueuedJob = { queue: string; name: string; data: unknown };

/** Every queue, recording the jobs added to it instead of running them. */
export function recordingQueues(jobs: QueuedJob[]): Provider[] {
  return ALL_QUEUES.map((queue) => ({
    provide: getQueueToken(queue),
    useValue: {
      add: (name: string, data: unknown) => {
        jobs.push({ queue, name, data });
        return Promise.resolve({});
      },
      addBulk: (added: { name: string; data: unknown }[]) => {
        for (const { name, data } of added) jobs.push({ queue, name, data });
        return Promise.resolve([]);
      },
      remove: () => Promise.resolve(0),
    },
  }));
}

export interface LibTestModule {
  module: TestingModule;
  clock: ManualClock;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The middle test tier: a lib's Nest module against a fresh PostgreSQL database built by the
 * migrations, with a ManualClock and without HTTP or queues (pass fake producers in `globals`,
 * and replace a lib's own provider, such as the mailer, with `overrides`).
 */
export async function libTestModule(
  label: string,
  imports: ModuleMetadata['imports'],
  globals: Provider[] = [],
  overrides: [token: unknown, value: unknown][] = [],
): Promise<LibTestModule> {
  const database = await createTestDatabase(`lib_${label}`);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'silent',
  });
  const tokens = globals.map((p) => ('provide' in p ? p.provide : p));

  @Global()
  @Module({ providers: globals, exports: tokens })
  class TestGlobalsModule {}

  const clock = new ManualClock(new Date('2027-03-01T12:00:00Z'));
  const builder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      ClockModule,
      DatabaseModule.forRoot({ runMigrations: true }),
      TestGlobalsModule,
      ...(imports ?? []),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock);
  for (const [token, value] of overrides) builder.overrideProvider(token).useValue(value);
  const module = await builder.compile();
  await module.init();
  return {
    module,
    clock,
    dataSource: module.get(DataSource),
    close: async () => {
      await module.close();
      await database.drop();
    },
  };
}
