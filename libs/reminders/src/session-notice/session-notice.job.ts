import { Injectable } from '@nestjs/common';
import type { JobHandler } from '#queue';
import { ReminderSender } from '../reminder-sender.service.js';
import { SESSION_NOTICE_JOB, type SessionNoticePayload } from './session-notice.queue.js';

/** In the worker: tells a group that one of its sessions moved or was cancelled. */
@Injectable()
export class SessionNoticeJob implements JobHandler<SessionNoticePayload> {
  readonly jobName = SESSION_NOTICE_JOB;

  constructor(private readonly sender: ReminderSender) {}

  async handle(payload: SessionNoticePayload): Promise<void> {
    await this.sender.sendNotice(payload);
  }
}
