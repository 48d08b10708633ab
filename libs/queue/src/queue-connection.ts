import type { QueueOptions } from 'bullmq';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { AppConfig } from '#config';

/** PostgreSQL schema holding BullMQ's tables when the queues live in the application database. */
export const QUEUE_PG_SCHEMA = 'bullmq';

export type QueueBackend = 'redis' | 'postgres';

export function queueBackend(config: AppConfig): QueueBackend {
  return config.REDIS_URL ? 'redis' : 'postgres';
}

/**
 * Chooses BullMQ's backend for this process: Redis when `REDIS_URL` is set, otherwise BullMQ's
 * PostgreSQL backend in the application database (its own schema, created on first use).
 * Must run before any Queue or Worker is constructed.
 */
export function queueConnection(config: AppConfig): QueueOptions['connection'] {
  if (config.REDIS_URL) {
    setDefaultBackendFactory(undefined);
    const url = new URL(config.REDIS_URL);
    return {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: Number(url.pathname.slice(1) || 0),
      tls: url.protocol === 'rediss:' ? {} : undefined,
      // BullMQ workers block on Redis; without this ioredis would fail their commands on a blip.
      maxRetriesPerRequest: null,
    };
  }
  setDefaultBackendFactory(createPostgresBackend);
  return {
    connectionString: config.DATABASE_URL,
    schema: QUEUE_PG_SCHEMA,
    migrate: true,
  } as unknown as QueueOptions['connection'];
}
