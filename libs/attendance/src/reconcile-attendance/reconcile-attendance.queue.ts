import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '#common';
import { PERSISTENT_RETRY, QueueName } from '#queue';

export const RECONCILE_ATTENDANCE_JOB = 'reconcile';

export interface ReconcilePayload {
  sessionId: string;
  /** `live`: while the room runs (it re-schedules itself); `final`: once, at its end. */
  mode: 'live' | 'final';
}

/** Queues a comparison of a session's room with LiveKit's participant list, after `delayMs`. */
@Injectable()
export class ReconcileAttendanceQueue {
  constructor(
    @InjectQueue(QueueName.Attendance) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  async add(payload: ReconcilePayload, delayMs = 0): Promise<void> {
    await this.queue.add(RECONCILE_ATTENDANCE_JOB, payload, {
      ...PERSISTENT_RETRY,
      delay: delayMs,
      jobId: `reconcile-${payload.mode}-${payload.sessionId}-${this.clock.millis() + delayMs}`,
      removeOnComplete: true,
    });
  }
}
