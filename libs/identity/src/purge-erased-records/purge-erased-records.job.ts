import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '#common';
import type { JobHandler } from '#queue';
import { PersonalDataHolders } from '../personal-data/personal-data-holders.js';
import {
  ErasedRecordsPurgeQueue,
  PURGE_ERASED_RECORDS_JOB,
  type PurgeErasedRecordsPayload,
} from './erased-records-purge.queue.js';

/**
 * In the worker, daily: every holder deletes what it kept about erased people whose
 * organization's clinical retention period has ended. Safe to run twice: what is gone is gone.
 */
@Injectable()
export class PurgeErasedRecordsJob
  implements JobHandler<PurgeErasedRecordsPayload>, OnApplicationBootstrap
{
  readonly jobName = PURGE_ERASED_RECORDS_JOB;
  private readonly logger = new Logger(PurgeErasedRecordsJob.name);

  constructor(
    private readonly holders: PersonalDataHolders,
    private readonly queue: ErasedRecordsPurgeQueue,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule();
  }

  async handle(): Promise<void> {
    const now = this.clock.now();
    const failed: unknown[] = [];
    // One holder failing does not keep the others from purging; the job is retried after.
    for (const holder of this.holders.all()) {
      await holder.purgeExpired?.(now).catch((error: unknown) => {
        this.logger.error({ err: error }, `Purging ${holder.section} failed`);
        failed.push(error);
      });
    }
    if (failed.length) throw new AggregateError(failed, 'Some erased records were not purged');
  }
}
