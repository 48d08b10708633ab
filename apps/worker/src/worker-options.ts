import type { Type } from '@nestjs/common';
import type { AppConfig } from '#config';

/** Where @nestjs/bullmq's @Processor() keeps its worker options (not exported by the package). */
const WORKER_METADATA = 'bullmq:worker_metadata';

/**
 * A processor with the worker settings that come from the typed config. `@Processor()` options
 * are fixed when a file loads, before any config is read, so each worker module gets its own
 * subclass carrying the declared options merged with the configured ones (two workers in one
 * process, as in the tests, never share them).
 */
export function configuredProcessor(processor: Type, config: AppConfig): Type {
  const configured = class extends processor {};
  Object.defineProperty(configured, 'name', { value: processor.name });
  const declared = (Reflect.getMetadata(WORKER_METADATA, processor) ?? {}) as object;
  Reflect.defineMetadata(
    WORKER_METADATA,
    {
      ...declared,
      // A crashed worker's jobs are taken over after about this long.
      lockDuration: config.QUEUE_LOCK_DURATION_MS,
      stalledInterval: config.QUEUE_LOCK_DURATION_MS,
    },
    configured,
  );
  return configured;
}
