import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const EXTEND_SCHEDULES_JOB = 'extend-rolling-schedules';

/** Nothing: the job finds the open-ended groups itself. */
export type ExtendSchedulesPayload = Record<string, never>;

/** Every day at 02:30 UTC: a week's horizon moves by a day at a time. */
const DAILY = { pattern: '30 2 * * *', tz: 'UTC' };

/** The daily extension of support and drop-in groups' weekly meetings (rolling horizon). */
@Injectable()
export class ExtendSchedulesQueue {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly queue: Queue) {}

  /** Idempotent: one scheduler per deployment, whatever the number of workers starting. */
  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(EXTEND_SCHEDULES_JOB, DAILY, {
      name: EXTEND_SCHEDULES_JOB,
      data: {} satisfies ExtendSchedulesPayload,
      opts: { removeOnComplete: true },
    });
  }

  /** A run now, besides the daily one (operators, tests); `at` makes its id. */
  async runNow(at: number): Promise<void> {
    await this.queue.add(EXTEND_SCHEDULES_JOB, {} satisfies ExtendSchedulesPayload, {
      jobId: `${EXTEND_SCHEDULES_JOB}-${at}`,
      removeOnComplete: true,
    });
  }
}
