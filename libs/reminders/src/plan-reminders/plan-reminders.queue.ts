import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PERSISTENT_RETRY, QueueName } from '#queue';

export const PLAN_REMINDERS_JOB = 'plan-reminders';

/** Re-plan the reminders of one group, or of every group of an organization. */
export type PlanRemindersPayload =
  { groupId: string; fresh?: boolean } | { organizationId: string };

/**
 * Asks the worker to (re-)plan reminders. Call after the change committed: the worker reads the
 * database as it is then.
 */
@Injectable()
export class PlanRemindersQueue {
  constructor(@InjectQueue(QueueName.Reminders) private readonly queue: Queue) {}

  async add(payload: PlanRemindersPayload): Promise<void> {
    await this.queue.add(PLAN_REMINDERS_JOB, payload, {
      ...PERSISTENT_RETRY,
      removeOnComplete: true,
    });
  }
}
