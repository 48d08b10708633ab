import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '#common';
import { PERSISTENT_RETRY } from './job-options.js';
import {
  type PlanRemindersPayload,
  QueueName,
  ReminderJob,
  type SendWebinarReminderPayload,
  type SessionNoticePayload,
} from './queues.js';

const ONCE = { ...PERSISTENT_RETRY, removeOnComplete: true };

/**
 * Asks the worker to (re-)plan reminders, and to tell people about changed sessions. Call after
 * the change committed: the worker reads the database as it is then.
 */
@Injectable()
export class RemindersProducer {
  constructor(
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  async replan(payload: PlanRemindersPayload): Promise<void> {
    await this.queue.add(ReminderJob.Plan, payload, ONCE);
  }

  /** One delayed reminder per offset for a new webinar registration; past ones are skipped. */
  async planWebinarReminders(
    registrationId: string,
    startsAt: Date,
    offsets: number[],
  ): Promise<void> {
    const now = this.clock.millis();
    const jobs = offsets
      .map((offsetMinutes) => ({
        offsetMinutes,
        dueAt: startsAt.getTime() - offsetMinutes * 60_000,
      }))
      .filter(({ dueAt }) => dueAt > now)
      .map(({ offsetMinutes, dueAt }) => ({
        name: ReminderJob.SendWebinar,
        data: { registrationId, offsetMinutes } satisfies SendWebinarReminderPayload,
        opts: {
          ...ONCE,
          jobId: `webinar-reminder-${registrationId}-${offsetMinutes}`,
          delay: dueAt - now,
        },
      }));
    if (jobs.length) await this.queue.addBulk(jobs);
  }

  async notifySessionChange(payload: SessionNoticePayload): Promise<void> {
    await this.queue.add(ReminderJob.SessionNotice, payload, {
      ...ONCE,
      jobId: `notice-${payload.kind}-${payload.sessionId}-${payload.revision}`,
    });
  }
}
