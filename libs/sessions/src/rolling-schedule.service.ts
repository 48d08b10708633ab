import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock, InvalidInputError } from '#common';
import { Transactions } from '#database';
import { GroupAccess, GroupRepository, groupNotFound, type GroupView, GroupService } from '#groups';
import { meetingsToSchedule } from './rolling-schedule.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';
import { type GroupOpened, SessionEvent, sessionTimes } from './session.events.js';
import { SessionRepository } from './session.repository.js';

/**
 * Support and drop-in groups meet every week with no end in sight: their meetings are kept
 * scheduled a rolling horizon ahead (`ROLLING_HORIZON_WEEKS`), extended by the worker's daily
 * maintenance job, until a facilitator ends the group.
 */
@Injectable()
export class RollingScheduleService {
  constructor(
    private readonly transactions: Transactions,
    private readonly groups: GroupRepository,
    private readonly groupViews: GroupService,
    private readonly access: GroupAccess,
    private readonly sessions: SessionRepository,
    private readonly lifecycle: SessionLifecycleService,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  /** Every open-ended group's horizon, one group at a time; answers how many meetings were added. */
  async extendAll(): Promise<number> {
    let added = 0;
    for (const groupId of await this.groups.openEndedIds()) added += await this.extend(groupId);
    return added;
  }

  /**
   * Schedules the group's meetings up to the horizon (none for a curriculum or ended group).
   * Safe to run twice or at once: the group row is locked and meetings follow the last one.
   */
  async extend(groupId: string): Promise<number> {
    const now = this.clock.now();
    const added = await this.transactions.run(async (tx) => {
      const group = await this.groups.lock(groupId, tx);
      if (!group) return [];
      const series = await this.sessions.lockSeries(group.id, tx);
      const last = series.reduce((max, s) => Math.max(max, s.sequence), 0);
      const meetings = meetingsToSchedule(group, last, now);
      await this.sessions.insertMany(meetings, tx);
      return meetings.map((m) => m.sequence);
    });
    if (!added.length) return 0;
    // Rooms and reminders follow the new meetings once they have committed.
    const sessions = (await this.sessions.listForGroup(groupId)).filter((s) =>
      added.includes(s.sequence),
    );
    await this.events.emitAsync(SessionEvent.GroupOpened, {
      groupId,
      sessions: sessions.map(sessionTimes),
    } satisfies GroupOpened);
    return added.length;
  }

  /**
   * Ends a support or drop-in group (its facilitators): no more meetings are scheduled and the
   * coming ones are cancelled. Nobody is told per meeting (their rooms and reminders re-read
   * the status and do nothing); members keep their place in the group's past. Ending an ended
   * group changes nothing and answers it as it is.
   */
  async end(groupId: string, actorId: string): Promise<GroupView> {
    const found = await this.access.requireFacilitator(groupId, actorId);
    if (found.kind === 'curriculum') {
      throw new InvalidInputError(
        'curriculum_group_not_endable',
        'A curriculum group ends with its last module; cancel its sessions instead',
      );
    }
    const now = this.clock.now();
    const group = await this.transactions.run(async (tx) => {
      const locked = await this.groups.lock(found.id, tx);
      if (!locked) throw groupNotFound();
      // Idempotent: ending it again (a retry, a second tab) answers the group as it ended.
      if (locked.endedAt) return locked;
      await this.groups.markEnded(locked.id, now, tx);
      const coming = (await this.sessions.lockSeries(locked.id, tx)).filter(
        (s) => s.status === 'scheduled' && s.startsAt > now,
      );
      for (const session of coming) {
        await this.lifecycle.transitionOrFail(session, 'cancelled', tx);
        Object.assign(session, {
          status: 'cancelled',
          cancelReason: 'The group has ended',
          revision: session.revision + 1,
        });
      }
      await this.sessions.save(coming, tx);
      return { ...locked, endedAt: now };
    });
    return this.groupViews.view(group, await this.groups.coFacilitatorIds(group.id));
  }
}
