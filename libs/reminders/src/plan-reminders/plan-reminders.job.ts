import { Injectable, Logger } from '@nestjs/common';
import type { JobHandler } from '#queue';
import { ReminderPlanner } from '../reminder-planner.service.js';
import { PLAN_REMINDERS_JOB, type PlanRemindersPayload } from './plan-reminders.queue.js';

/** In the worker: re-plans the reminders of a group (or of an organization's groups) after a change. */
@Injectable()
export class PlanRemindersJob implements JobHandler<PlanRemindersPayload> {
  readonly jobName = PLAN_REMINDERS_JOB;
  private readonly logger = new Logger(PlanRemindersJob.name);

  constructor(private readonly planner: ReminderPlanner) {}

  async handle(payload: PlanRemindersPayload): Promise<void> {
    const result =
      'organizationId' in payload
        ? await this.planner.planOrganization(payload.organizationId)
        : await this.planner.planGroup(payload.groupId, { fresh: payload.fresh });
    this.logger.log(`Reminders planned: ${result.planned} (${result.removed} replaced)`);
  }
}
