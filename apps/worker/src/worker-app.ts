import { BullRegistrar } from '@nestjs/bullmq';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { assertEveryQueueHasProcessor } from './processor-check.js';
import { WorkerHealthServer } from './worker-health.server.js';
import { PROCESSORS, WorkerModule } from './worker.module.js';

export interface RunningWorker {
  app: INestApplicationContext;
  healthPort: number;
}

/**
 * Boots the worker as production runs it (`main.ts` and the e2e tests): checks that every queue
 * has a processor before any of them starts taking jobs, then starts them and the health endpoint.
 */
export async function startWorker(
  config: AppConfig,
  processors: Type[] = PROCESSORS,
): Promise<RunningWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, processors), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  try {
    assertEveryQueueHasProcessor(app);
  } catch (error) {
    await app.close();
    throw error;
  }
  app.get(BullRegistrar).register();
  const healthPort = await app.get(WorkerHealthServer).listen();
  return { app, healthPort };
}
