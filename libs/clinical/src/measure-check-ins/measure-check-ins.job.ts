import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '#common';
import { AppConfig } from '#config';
import type { JobHandler } from '#queue';
import { MeasureRepository } from '../measures/measure.repository.js';
import { RiskAlertEmailQueue } from '../send-risk-alert-email/risk-alert-email.queue.js';
import { CheckInReminders } from './check-in-reminders.js';
import {
  MEASURE_CHECK_INS_JOB,
  MeasureCheckInsQueue,
  type MeasureCheckInsPayload,
} from './measure-check-ins.queue.js';

/**
 * In the worker, every few minutes: opens the measure requests whose window began (for every
 * member of every group that uses measures), reminds, once, whoever has not answered halfway
 * through the window, and queues again the alerts whose facilitators were not all told. Safe to
 * run twice: opening is idempotent and each reminder is claimed.
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
    private readonly alertEmails: RiskAlertEmailQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule();
  }

  async handle(): Promise<void> {
    const now = this.clock.now();
    const lead = this.config.MEASURE_REQUEST_LEAD_HOURS;
    const opened = await this.measures.openDue(now, lead);
    // An alert whose facilitators were not all told (its job lost or failed for good): again.
    for (const alertId of await this.measures.unnotifiedAlerts(now)) {
      await this.alertEmails.add({ alertId });
    }
    let reminded = 0;
    const failures: unknown[] = [];
    // Claimed one person at a time: a failed send gives only that claim back, for the next round.
    for (const due of await this.measures.dueReminders(now, lead)) {
      if (!(await this.measures.claimReminder(due, now))) continue;
      try {
        reminded += await this.reminders.send(due);
      } catch (error) {
        await this.measures.releaseReminder(due, now);
        failures.push(error);
      }
    }
    if (opened || reminded) {
      this.logger.log(`Measure requests: ${opened} opened, ${reminded} reminders sent`);
    }
    if (failures.length) {
      throw new AggregateError(failures, `${failures.length} check-in reminders failed`);
    }
  }
}
