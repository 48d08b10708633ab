import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PERSISTENT_RETRY, QueueName } from '#queue';

export const PROCESS_ATTENDANCE_EVENT_JOB = 'process-event';

export interface ProcessEventPayload {
  eventId: string;
}

/** Queues a stored LiveKit event for the worker; call after the event was stored. */
@Injectable()
export class AttendanceEventQueue {
  constructor(@InjectQueue(QueueName.Attendance) private readonly queue: Queue) {}

  /** One job per stored event (its id is the event's), processed in the worker. */
  async add({ eventId }: ProcessEventPayload): Promise<void> {
    await this.queue.add(PROCESS_ATTENDANCE_EVENT_JOB, { eventId } satisfies ProcessEventPayload, {
      ...PERSISTENT_RETRY,
      jobId: `event-${eventId}`,
      removeOnComplete: true,
    });
  }
}
