import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '#common';
import { Transactions } from '#database';
import { QueueName } from '#queue';
import { PlanLockRepository } from './plan-lock.repository.js';
import { ReminderAudienceRepository } from './reminder-audience.repository.js';
import { reminderJobId, sendReminderJob } from './send-reminder.job.js';

/** A reminder whose time passed more than this long ago is not sent late. */
const TOO_LATE_MS = 60_000;
const CHUNK = 1000;

export interface PlanResult {
  planned: number;
  removed: number;
}

/**
 * Turns a group's coming sessions into delayed `send-reminder` jobs: one per session, recipient
 * (active members and facilitators) and offset of the organization, with a deterministic id so a
 * re-plan replaces instead of duplicating. Runs in the worker, under a per-group advisory lock,
 * so two re-plans of one group never interleave. The sender re-checks everything when a job
 * fires: a job this planner failed to remove sends nothing wrong.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    private readonly transactions: Transactions,
    private readonly locks: PlanLockRepository,
    private readonly clock: Clock,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    private readonly audience: ReminderAudienceRepository,
  ) {}

  async planOrganization(organizationId: string): Promise<PlanResult> {
    const total: PlanResult = { planned: 0, removed: 0 };
    for (const groupId of await this.audience.groupIdsOf(organizationId)) {
      const result = await this.planGroup(groupId);
      total.planned += result.planned;
      total.removed += result.removed;
    }
    return total;
  }

  /**
   * (Re-)plans one group. `fresh` (a group just created) skips removing earlier jobs, since
   * there are none.
   */
  async planGroup(groupId: string, { fresh = false } = {}): Promise<PlanResult> {
    return this.transactions.run(async (tx) => {
      await this.locks.lockGroup(groupId, tx);
      const plan = await this.audience.forPlan(groupId, { fresh }, tx);
      if (!plan) return { planned: 0, removed: 0 };
      const { offsets, sessions, recipients, former } = plan;
      const now = this.clock.millis();
      const coming = sessions.filter(
        (s) => (s.status === 'scheduled' || s.status === 'open') && s.startsAt.getTime() > now,
      );

      let removed = 0;
      if (!fresh) {
        const ids = coming.flatMap((s) =>
          former.flatMap((userId) => offsets.map((offset) => reminderJobId(s.id, userId, offset))),
        );
        for (let i = 0; i < ids.length; i += CHUNK) {
          const results = await Promise.all(
            ids.slice(i, i + CHUNK).map((id) => this.queue.remove(id)),
          );
          removed += results.filter((r) => r === 1).length;
        }
      }

      const jobs = coming.flatMap((session) =>
        recipients.flatMap((userId) =>
          offsets
            .map((offsetMinutes) => ({
              dueAt: session.startsAt.getTime() - offsetMinutes * 60_000,
              data: { sessionId: session.id, userId, offsetMinutes },
            }))
            .filter(({ dueAt }) => dueAt > now - TOO_LATE_MS)
            .map(({ dueAt, data }) => sendReminderJob(data, dueAt, now)),
        ),
      );
      for (let i = 0; i < jobs.length; i += CHUNK)
        await this.queue.addBulk(jobs.slice(i, i + CHUNK));
      return { planned: jobs.length, removed };
    });
  }
}
