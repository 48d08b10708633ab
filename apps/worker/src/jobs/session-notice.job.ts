import { Injectable } from '@nestjs/common';
import { ReminderJob, type SessionNoticePayload } from '#queue';
import { ReminderSender } from '#reminders';
import type { JobHandler } from './job-handler.js';

/** Tells a group that one of its sessions moved or was cancelled. */
@Injectable()
export class SessionNoticeJob implements JobHandler<SessionNoticePayload> {
  readonly jobName = ReminderJob.SessionNotice;

  constructor(private readonly sender: ReminderSender) {}

  async handle(payload: SessionNoticePayload): Promise<void> {
    await this.sender.sendNotice(payload);
  }
}
