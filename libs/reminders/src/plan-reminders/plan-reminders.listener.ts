import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { type EnrollmentsChanged, GroupEvent } from '#groups';
import { OrganizationEvent, type ReminderOffsetsChanged } from '#organizations';
import {
  type GroupOpened,
  type SessionCancelled,
  SessionEvent,
  type SessionsMoved,
} from '#sessions';
import { PlanRemindersQueue } from './plan-reminders.queue.js';

/** Errors reach the emitter, so reminders that could not be re-planned fail the change's request. */
const RETHROW = { suppressErrors: false };

/** Reminders follow every change to who is in a group, when it meets, and the reminder offsets. */
@Injectable()
export class PlanRemindersListener {
  constructor(private readonly plans: PlanRemindersQueue) {}

  @OnEvent(SessionEvent.GroupOpened, RETHROW)
  async groupOpened({ groupId }: GroupOpened): Promise<void> {
    // A new group has no earlier reminders to replace.
    await this.plans.add({ groupId, fresh: true });
  }

  @OnEvent(SessionEvent.Moved, RETHROW)
  async sessionsMoved({ groupId }: SessionsMoved): Promise<void> {
    await this.plans.add({ groupId });
  }

  @OnEvent(SessionEvent.Cancelled, RETHROW)
  async sessionCancelled({ groupId }: SessionCancelled): Promise<void> {
    await this.plans.add({ groupId });
  }

  @OnEvent(GroupEvent.EnrollmentsChanged, RETHROW)
  async enrollmentsChanged({ groupId }: EnrollmentsChanged): Promise<void> {
    await this.plans.add({ groupId });
  }

  @OnEvent(OrganizationEvent.ReminderOffsetsChanged, RETHROW)
  async offsetsChanged({ organizationId }: ReminderOffsetsChanged): Promise<void> {
    await this.plans.add({ organizationId });
  }
}
