import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { JobHandler } from '#queue';
import { RollingScheduleService } from '../rolling-schedule.service.js';
import {
  EXTEND_SCHEDULES_JOB,
  ExtendSchedulesQueue,
  type ExtendSchedulesPayload,
} from './extend-schedules.queue.js';

/**
 * In the worker, daily: schedules the next weekly meetings of every support and drop-in group
 * up to the rolling horizon. Safe to run twice: meetings follow the last one scheduled.
 */
@Injectable()
export class ExtendSchedulesJob
  implements JobHandler<ExtendSchedulesPayload>, OnApplicationBootstrap
{
  readonly jobName = EXTEND_SCHEDULES_JOB;
  private readonly logger = new Logger(ExtendSchedulesJob.name);

  constructor(
    private readonly schedules: RollingScheduleService,
    private readonly queue: ExtendSchedulesQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule();
  }

  async handle(): Promise<void> {
    const added = await this.schedules.extendAll();
    if (added) this.logger.log(`Rolling schedules: ${added} meetings scheduled`);
  }
}
