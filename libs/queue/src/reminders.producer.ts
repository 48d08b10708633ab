import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PERSISTENT_RETRY } from './job-options.js';
import {
  type PlanRemindersPayload,
  QueueName,
  ReminderJob,
  type SessionNoticePayload,
} from './queues.js';

const ONCE = { ...PERSISTENT_RETRY, removeOnComplete: true };

/**
 * Asks the worker to (re-)plan reminders, and to tell people about changed sessions. Call after
 * the change committed: the worker reads the database as it is then.
 */
@Injectable()
export class RemindersProducer {
  constructor(@InjectQueue(QueueName.Reminders) private readonly queue: Queue) {}

  async replan(payload: PlanRemindersPayload): Promise<void> {
    await this.queue.add(ReminderJob.Plan, payload, ONCE);
  }

  async notifySessionChange(payload: SessionNoticePayload): Promise<void> {
    await this.queue.add(ReminderJob.SessionNotice, payload, {
      ...ONCE,
      jobId: `notice-${payload.kind}-${payload.sessionId}-${payload.revision}`,
    });
  }
}
