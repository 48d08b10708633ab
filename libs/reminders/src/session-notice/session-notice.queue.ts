import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PERSISTENT_RETRY, QueueName } from '#queue';

export const SESSION_NOTICE_JOB = 'session-notice';

export interface SessionNoticePayload {
  sessionId: string;
  kind: 'session_cancelled' | 'session_moved';
  /** The session revision the notice is about; each change is told once. */
  revision: number;
}

/** Asks the worker to tell a group about a changed session; call after the change committed. */
@Injectable()
export class SessionNoticeQueue {
  constructor(@InjectQueue(QueueName.Reminders) private readonly queue: Queue) {}

  async add(payload: SessionNoticePayload): Promise<void> {
    await this.queue.add(SESSION_NOTICE_JOB, payload, {
      ...PERSISTENT_RETRY,
      removeOnComplete: true,
      jobId: `notice-${payload.kind}-${payload.sessionId}-${payload.revision}`,
    });
  }
}
