import { Injectable } from '@nestjs/common';
import { type JobHandler, PERSISTENT_RETRY } from '#queue';
import { ReminderSender } from './reminder-sender.service.js';

export const SEND_REMINDER_JOB = 'send-reminder';

/** One reminder: of a session, to one person, `offsetMinutes` before it starts. Ids only. */
export interface SendReminderPayload {
  sessionId: string;
  userId: string;
  offsetMinutes: number;
}

/** Deterministic, so a re-plan replaces a reminder instead of adding a second one. */
export const reminderJobId = (sessionId: string, userId: string, offsetMinutes: number) =>
  `reminder-${sessionId}-${userId}-${offsetMinutes}`;

/** The reminders-queue job for a reminder due at `dueAt`, delayed from `now` (epoch ms). */
export function sendReminderJob(data: SendReminderPayload, dueAt: number, now: number) {
  return {
    name: SEND_REMINDER_JOB,
    data,
    opts: {
      ...PERSISTENT_RETRY,
      jobId: reminderJobId(data.sessionId, data.userId, data.offsetMinutes),
      delay: Math.max(0, dueAt - now),
      removeOnComplete: true,
    },
  };
}

/** In the worker: sends the reminder, or nothing, after re-reading the database. */
@Injectable()
export class SendReminderJob implements JobHandler<SendReminderPayload> {
  readonly jobName = SEND_REMINDER_JOB;

  constructor(private readonly sender: ReminderSender) {}

  async handle(payload: SendReminderPayload): Promise<void> {
    await this.sender.sendReminder(payload);
  }
}
