import { setTimeout as sleep } from 'node:timers/promises';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext, Type } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** Polls until `probe` answers something truthy, and answers it; fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

/** Waits for a job to complete (or be removed once complete); fails if it failed. */
export async function waitForJob(queue: Queue, jobId: string, timeoutMs = 10_000): Promise<void> {
  await eventually(async () => {
    const state = await queue.getJobState(jobId);
    if (state === 'failed') throw new Error(`job ${jobId} failed`);
    return state === 'completed' || state === 'unknown';
  }, timeoutMs);
}

/**
 * Runs one of the app's scheduled jobs at once, for the time `at`, and waits until it completed:
 * `scheduler` is the lib's queue service (the one with `runNow`) and the job's id `<jobName>-<at>`.
 */
export function scheduledJobRunner(
  app: INestApplicationContext,
  scheduler: Type<{ runNow(at: number): Promise<void> }>,
  queueName: string,
  jobName: string,
): (at: number) => Promise<void> {
  const jobs = app.get(scheduler, { strict: false });
  const queue = app.get<Queue>(getQueueToken(queueName), { strict: false });
  return async (at) => {
    await jobs.runNow(at);
    await waitForJob(queue, `${jobName}-${at}`);
  };
}
