import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const MEASURE_CHECK_INS_JOB = 'measure-check-ins';

/** Nothing: the job finds what is due itself. */
export type MeasureCheckInsPayload = Record<string, never>;

/** Often enough that a request opens, and is reminded, within minutes of its time. */
const EVERY_MS = 10 * 60_000;

/** The reminder pipeline's round for measures: open what is due, remind once. */
@Injectable()
export class MeasureCheckInsQueue {
  constructor(@InjectQueue(QueueName.Reminders) private readonly queue: Queue) {}

  /** Idempotent: one scheduler per deployment, whatever the number of workers starting. */
  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      MEASURE_CHECK_INS_JOB,
      { every: EVERY_MS },
      {
        name: MEASURE_CHECK_INS_JOB,
        data: {} satisfies MeasureCheckInsPayload,
        opts: { removeOnComplete: true },
      },
    );
  }

  /** A round now, besides the scheduled ones (tests, operators); `at` makes its id. */
  async runNow(at: number): Promise<void> {
    await this.queue.add(MEASURE_CHECK_INS_JOB, {} satisfies MeasureCheckInsPayload, {
      jobId: `${MEASURE_CHECK_INS_JOB}-${at}`,
      removeOnComplete: true,
    });
  }
}
