import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { Clock } from '#common';
import { AppConfig } from '#config';
import { PERSISTENT_RETRY, QueueName } from '#queue';

export const OPEN_ROOM_JOB = 'open-room';
export const CLOSE_ROOM_JOB = 'close-room';

export interface RoomJobPayload {
  sessionId: string;
}

export interface PlannedSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

export const openRoomJobId = (sessionId: string) => `open-room-${sessionId}`;
export const closeRoomJobId = (sessionId: string) => `close-room-${sessionId}`;

/** Retries with backoff: the LiveKit SDK does not retry against a self-hosted server. */
const ROOM_JOB_OPTIONS: JobsOptions = {
  ...PERSISTENT_RETRY,
  // Completed ids are freed at once, so a re-plan can use the same id again.
  removeOnComplete: true,
};

/**
 * Plans the delayed jobs that open a session's room before its join window and close it after
 * the end. Ids are deterministic (`open-room-<sessionId>`), so planning again replaces.
 * Call after the change that made it necessary has committed.
 */
@Injectable()
export class SessionRoomQueue {
  constructor(
    @InjectQueue(QueueName.Rooms) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async plan(session: PlannedSession): Promise<void> {
    await this.unplan(session.id);
    const now = this.clock.millis();
    const openAt = session.startsAt.getTime() - this.config.ROOM_OPEN_LEAD_MINUTES * 60_000;
    const closeAt = session.endsAt.getTime() + this.config.ROOM_CLOSE_GRACE_MINUTES * 60_000;
    const payload: RoomJobPayload = { sessionId: session.id };
    await this.queue.addBulk([
      {
        name: OPEN_ROOM_JOB,
        data: payload,
        opts: {
          ...ROOM_JOB_OPTIONS,
          jobId: openRoomJobId(session.id),
          delay: Math.max(0, openAt - now),
        },
      },
      {
        name: CLOSE_ROOM_JOB,
        data: payload,
        opts: {
          ...ROOM_JOB_OPTIONS,
          jobId: closeRoomJobId(session.id),
          delay: Math.max(0, closeAt - now),
        },
      },
    ]);
  }

  async unplan(sessionId: string): Promise<void> {
    await Promise.all([
      this.queue.remove(openRoomJobId(sessionId)),
      this.queue.remove(closeRoomJobId(sessionId)),
    ]);
  }
}
