import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '#common';
import { PERSISTENT_RETRY, QueueName } from '#queue';

export const SEND_WEBINAR_REMINDER_JOB = 'send-webinar-reminder';

export interface SendWebinarReminderPayload {
  registrationId: string;
  offsetMinutes: number;
}

/** Plans a registration's webinar reminders; call after the registration committed. */
@Injectable()
export class WebinarReminderQueue {
  constructor(
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  /** One delayed reminder per offset for a new webinar registration; past ones are skipped. */
  async plan(registrationId: string, startsAt: Date, offsets: number[]): Promise<void> {
    const now = this.clock.millis();
    const jobs = offsets
      .map((offsetMinutes) => ({
        offsetMinutes,
        dueAt: startsAt.getTime() - offsetMinutes * 60_000,
      }))
      .filter(({ dueAt }) => dueAt > now)
      .map(({ offsetMinutes, dueAt }) => ({
        name: SEND_WEBINAR_REMINDER_JOB,
        data: { registrationId, offsetMinutes } satisfies SendWebinarReminderPayload,
        opts: {
          ...PERSISTENT_RETRY,
          removeOnComplete: true,
          jobId: `webinar-reminder-${registrationId}-${offsetMinutes}`,
          delay: dueAt - now,
        },
      }));
    if (jobs.length) await this.queue.addBulk(jobs);
  }
}
