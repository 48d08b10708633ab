import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const PURGE_ERASED_RECORDS_JOB = 'purge-erased-records';

/** Nothing: the job finds what is due itself. */
export type PurgeErasedRecordsPayload = Record<string, never>;

/** Every day at 03:30 UTC, when few groups meet. */
const DAILY = { pattern: '30 3 * * *', tz: 'UTC' };

/** The daily purge of records kept past an erasure (docs/privacy.md). */
@Injectable()
export class ErasedRecordsPurgeQueue {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly queue: Queue) {}

  /** Idempotent: one scheduler per deployment, whatever the number of workers starting. */
  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(PURGE_ERASED_RECORDS_JOB, DAILY, {
      name: PURGE_ERASED_RECORDS_JOB,
      data: {} satisfies PurgeErasedRecordsPayload,
      opts: { removeOnComplete: true },
    });
  }

  /** A run now, besides the daily one (operators, tests); `at` makes its id. */
  async runNow(at: number): Promise<void> {
    await this.queue.add(PURGE_ERASED_RECORDS_JOB, {} satisfies PurgeErasedRecordsPayload, {
      jobId: `${PURGE_ERASED_RECORDS_JOB}-${at}`,
      removeOnComplete: true,
    });
  }
}
