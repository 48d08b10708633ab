import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock, ConflictError } from '#common';
import type { Tx } from '#database';
import {
  type AfterErasure,
  HoldsPersonalData,
  type PersonalDataHolder,
  type PersonalDataSubject,
} from '#identity';
import { EnrollmentRepository } from '../enrollment.repository.js';
import { type EnrollmentsChanged, GroupEvent } from '../group.events.js';
import { GroupRepository } from '../group.repository.js';
import { WaitlistPromotionEmailQueue } from '../send-waitlist-promotion-email/waitlist-promotion-email.queue.js';
import { GroupsPersonalDataRepository } from './groups-personal-data.repository.js';

/**
 * Places in groups, consents, and the groups a person facilitates. Erasing withdraws every
 * place (rosters and attendance counts keep a "Former member"), promotes the waitlist as a
 * withdrawal does, and ends co-facilitation; it is refused while the person leads a group that
 * still meets, which would be left without its lead.
 */
@HoldsPersonalData()
@Injectable()
export class GroupsPersonalData implements PersonalDataHolder {
  readonly section = 'groups';

  constructor(
    private readonly records: GroupsPersonalDataRepository,
    private readonly groups: GroupRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly promotionEmails: WaitlistPromotionEmailQueue,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async collect({ userId }: PersonalDataSubject): Promise<object> {
    return {
      enrollments: await this.records.enrollments(userId),
      consents: await this.records.consents(userId),
      facilitates: await this.records.facilitated(userId),
    };
  }

  async refuseErasure({ userId }: PersonalDataSubject, tx: Tx): Promise<void> {
    const led = await this.records.stillLed(userId, this.clock.now(), tx);
    if (led.length) {
      throw new ConflictError(
        'leads_groups',
        `You lead ${led.map((g) => g.name).join(', ')}, which still meet: ask an owner or admin ` +
          'to cancel the sessions to come before you erase your account',
      );
    }
  }

  async erase({ userId }: PersonalDataSubject, at: Date, tx: Tx): Promise<AfterErasure> {
    const groupIds = await this.records.openGroupIds(userId, tx);
    const promoted: string[] = [];
    // Group by group, in id order, under each group's lock, as every seat change is made.
    for (const groupId of groupIds) {
      await this.groups.lock(groupId, tx);
      const current = await this.enrollments.findForUpdate(groupId, userId, tx);
      if (!current || current.status === 'withdrawn') continue;
      await this.enrollments.save({ ...current, status: 'withdrawn', withdrawnAt: at }, tx);
      const next =
        current.status === 'active' ? await this.enrollments.firstWaitlisted(groupId, tx) : null;
      if (next) {
        await this.enrollments.save({ ...next, status: 'active', promotedAt: at }, tx);
        promoted.push(next.id);
      }
    }
    await this.records.erase(userId, tx);
    return async () => {
      for (const enrollmentId of promoted) await this.promotionEmails.add({ enrollmentId });
      for (const groupId of groupIds) {
        await this.events.emitAsync(GroupEvent.EnrollmentsChanged, {
          groupId,
        } satisfies EnrollmentsChanged);
      }
    };
  }
}
