import type { ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import pg from 'pg';
import { Clock, ClockModule, ManualClock } from '#common';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { QueueModule } from '#queue';
import { createTestEnvironment, type TestEnvironment } from './hearth.js';

export interface LibModule {
  module: TestingModule;
  env: TestEnvironment;
  clock: ManualClock;
  /** A plain connection to the file's database, for fixtures and for reading what was written. */
  db: pg.Client;
  close(): Promise<void>;
}

/**
 * The middle test tier with real queues: a lib's Nest module against a fresh database built by
 * the migrations, the machine's Redis for its producers (jobs are enqueued for real, never
 * processed) and a ManualClock; services are called directly, without HTTP.
 */
export async function libModule(
  label: string,
  imports: ModuleMetadata['imports'],
  env: Record<string, string> = {},
): Promise<LibModule> {
  const environment = await createTestEnvironment(label, { env });
  const clock = new ManualClock();
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(environment.config),
      ClockModule,
      DatabaseModule.forRoot({ runMigrations: true }),
      QueueModule.forRoot(),
      ...(imports ?? []),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger(process.env.LOG === 'true' ? console : { log() {}, error() {}, warn() {} })
    .compile();
  await module.init();
  const db = new pg.Client({ connectionString: environment.database.url });
  await db.connect();
  return {
    module,
    env: environment,
    clock,
    db,
    close: async () => {
      await db.end();
      await module.close();
      await environment.close();
    },
  };
}

/** A user (e-mail verified) and, with `organizationId`, their membership in that role. */
export async function insertUser(
  db: pg.Client,
  name: string,
  membership?: { organizationId: string; role: 'owner' | 'admin' | 'therapist' | 'participant' },
): Promise<{ id: string; email: string }> {
  const email = `${name}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, display_name, email_verified_at)
     VALUES ($1, 'x', $2, now()) RETURNING id`,
    [email, name],
  );
  if (membership) {
    await db.query('INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)', [
      membership.organizationId,
      rows[0].id,
      membership.role,
    ]);
  }
  return { id: rows[0].id, email };
}

export async function insertOrganization(db: pg.Client, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO organizations (name) VALUES ($1) RETURNING id',
    [name],
  );
  return rows[0].id;
}
