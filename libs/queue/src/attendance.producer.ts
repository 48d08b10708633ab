import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PERSISTENT_RETRY } from './job-options.js';
import { AttendanceJob, type ReconcilePayload, QueueName } from './queues.js';

@Injectable()
export class AttendanceProducer {
  constructor(@InjectQueue(QueueName.Attendance) private readonly queue: Queue) {}

  /** One job per stored event (its id is the event's), processed in the worker. */
  async processEvent(eventId: string): Promise<void> {
    await this.queue.add(
      AttendanceJob.ProcessEvent,
      { eventId },
      { ...PERSISTENT_RETRY, jobId: `event-${eventId}`, removeOnComplete: true },
    );
  }

  async reconcile(payload: ReconcilePayload, delayMs = 0): Promise<void> {
    await this.queue.add(AttendanceJob.Reconcile, payload, {
      ...PERSISTENT_RETRY,
      delay: delayMs,
      jobId: `reconcile-${payload.mode}-${payload.sessionId}-${Date.now() + delayMs}`,
      removeOnComplete: true,
    });
  }
}
