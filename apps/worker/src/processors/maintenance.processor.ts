import { Processor } from '@nestjs/bullmq';
import { PurgeErasedRecordsJob } from '#identity';
import { QueueName } from '#queue';
import { ExtendSchedulesJob } from '#sessions';
import { DispatchingProcessor } from './dispatching-processor.js';

/** Scheduled housekeeping: one job at a time is plenty. */
@Processor(QueueName.Maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends DispatchingProcessor {
  constructor(purgeErasedRecords: PurgeErasedRecordsJob, extendSchedules: ExtendSchedulesJob) {
    super(QueueName.Maintenance, [purgeErasedRecords, extendSchedules]);
  }
}
