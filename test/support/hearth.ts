import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { type RunningWorker, startWorker } from '../../apps/worker/src/worker-app.js';
import { type AppConfig, loadConfig } from '../../libs/config/src/app-config.js';
import { HttpClient } from './http.js';
import { TEST_REDIS_URL } from './services.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type QueueBackendName = 'redis' | 'postgres';

export interface TestEnvironment {
  database: TestDatabase;
  config: AppConfig;
  /** Builds a config for another process of the same deployment (same database, same queues). */
  configWith(overrides: Record<string, string>): AppConfig;
  /** The environment variables of this deployment, for running the compiled apps as processes. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * One deployment for one test file: its own database, its own queue namespace on the machine's
 * Redis (or the PostgreSQL backend in that database), quiet logs unless LOG=true.
 */
export async function createTestEnvironment(
  label: string,
  options: { backend?: QueueBackendName; env?: Record<string, string> } = {},
): Promise<TestEnvironment> {
  const database = await createTestDatabase(label);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    PORT: '0',
    WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: process.env.LOG === 'true' ? 'info' : 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    ...(options.backend === 'postgres' ? {} : { REDIS_URL: TEST_REDIS_URL }),
    ...options.env,
  };
  const configWith = (overrides: Record<string, string>) => loadConfig({ ...env, ...overrides });
  return {
    database,
    config: configWith({}),
    configWith,
    env,
    close: () => database.drop(),
  };
}

export interface RunningApi {
  app: NestFastifyApplication;
  http: HttpClient;
  close(): Promise<void>;
}

/** The real api (createApiApp, as main.ts runs it) listening on a free port of 127.0.0.1. */
export async function startApi(config: AppConfig): Promise<RunningApi> {
  const app = await createApiApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    http: new HttpClient(`http://127.0.0.1:${address.port}/api/v1`),
    close: () => app.close(),
  };
}

export { startWorker, type RunningWorker };

let counter = 0;
/** A unique, valid e-mail address for a test user. */
export const uniqueEmail = (name = 'user') =>
  `${name}.${Date.now().toString(36)}${(counter++).toString(36)}@example.org`;

/**
 * Marks an account's address verified, as its owner's click on the mailed link would: fixtures
 * for suites about something else (the link itself is tested in the invitations suite).
 */
export async function markEmailVerified(env: TestEnvironment, userId: string): Promise<void> {
  const client = new pg.Client({ connectionString: env.database.url });
  await client.connect();
  try {
    await client.query('UPDATE users SET email_verified_at = now() WHERE id = $1', [userId]);
  } finally {
    await client.end();
  }
}

/** Registers a user through the api and answers their tokens. */
export async function registerUser(http: HttpClient, name = 'user') {
  const email = uniqueEmail(name);
  const password = `correct horse ${name} battery`;
  const response = await http.post('/auth/register', { email, password, displayName: name });
  if (response.status !== 201) throw new Error(`register failed: ${JSON.stringify(response.body)}`);
  return {
    email,
    password,
    ...(response.body as { user: { id: string }; accessToken: string; refreshToken: string }),
  };
}

/**
 * Registers beforeAll/afterAll hooks that give the calling describe block its own deployment and
 * a running api; read `context.api` and `context.env` inside tests and later hooks.
 */
export function useApi(label: string, options: Parameters<typeof createTestEnvironment>[1] = {}) {
  const context = {} as { env: TestEnvironment; api: RunningApi };
  beforeAll(async () => {
    context.env = await createTestEnvironment(label, options);
    context.api = await startApi(context.env.config);
  });
  afterAll(async () => {
    await context.api?.close();
    await context.env?.close();
  });
  return context;
}
