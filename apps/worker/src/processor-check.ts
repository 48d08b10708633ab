import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ALL_QUEUES } from '#queue';

/** Where @nestjs/bullmq's @Processor() keeps its options (not exported by the package). */
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

export class MissingProcessorError extends Error {
  constructor(readonly queues: string[]) {
    super(`No processor for queue(s): ${queues.join(', ')}; the worker will not start`);
    this.name = 'MissingProcessorError';
  }
}

/** The queues that have a registered @Processor in this application. */
export function processedQueues(app: INestApplicationContext): Set<string> {
  const names = app
    .get(DiscoveryService)
    .getProviders()
    .map((wrapper) =>
      wrapper.metatype
        ? (Reflect.getMetadata(PROCESSOR_METADATA, wrapper.metatype) as
            { name?: string } | undefined)
        : undefined,
    )
    .map((options) => options?.name)
    .filter((name): name is string => Boolean(name));
  return new Set(names);
}

/** Throws unless every queue Hearth uses has a processor: a job nobody runs is a silent loss. */
export function assertEveryQueueHasProcessor(app: INestApplicationContext): void {
  const processed = processedQueues(app);
  const missing = ALL_QUEUES.filter((queue) => !processed.has(queue));
  if (missing.length > 0) throw new MissingProcessorError(missing);
}
