import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '#common';
import { AppConfig } from '#config';
import type { JobHandler } from '#queue';
import { MeasureRepository } from '../measures/measure.repository.js';
import { CheckInReminders } from './check-in-reminders.js';
import {
  MEASURE_CHECK_INS_JOB,
  MeasureCheckInsQueue,
  type MeasureCheckInsPayload,
} from './measure-check-ins.queue.js';

/**
 * In the worker, every few minutes: opens the measure requests whose window began (for every
 * member of every group that uses measures) and reminds, once, whoever has not answered halfway
 * through the window. Safe to run twice: opening is idempotent and each reminder is claimed.
 */
@Injectable()
export class MeasureCheckInsJob
  implements JobHandler<MeasureCheckInsPayload>, OnApplicationBootstrap
{
  readonly jobName = MEASURE_CHECK_INS_JOB;
  private readonly logger = new Logger(MeasureCheckInsJob.name);

  constructor(
    private readonly measures: MeasureRepository,
    private readonly reminders: CheckInReminders,
    private readonly queue: MeasureCheckInsQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule();
  }

  async handle(): Promise<void> {
    const now = this.clock.now();
    const opened = await this.measures.openDue(now, this.config.MEASURE_REQUEST_LEAD_HOURS);
    let reminded = 0;
    for (const due of await this.measures.claimReminders(now)) {
      reminded += await this.reminders.send(due);
    }
    if (opened || reminded) {
      this.logger.log(`Measure requests: ${opened} opened, ${reminded} reminders sent`);
    }
  }
}
