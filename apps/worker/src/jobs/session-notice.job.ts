import { Injectable } from '@nestjs/common';
import { ReminderJob, type SessionNoticePayload, type JobHandler } from '#queue';
import { ReminderSender } from '#reminders';

/** Tells a group that one of its sessions moved or was cancelled. */
@Injectable()
export class SessionNoticeJob implements JobHandler<SessionNoticePayload> {
  readonly jobName = ReminderJob.SessionNotice;

  constructor(private readonly sender: ReminderSender) {}

  async handle(payload: SessionNoticePayload): Promise<void> {
    await this.sender.sendNotice(payload);
  }
}
