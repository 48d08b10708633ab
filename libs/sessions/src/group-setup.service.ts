import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '#common';
import { Transactions } from '#database';
import { type CreateGroupDto, GroupService, type GroupView } from '#groups';
import { type GroupOpened, SessionEvent, sessionTimes } from './session.events.js';
import { SessionRepository } from './session.repository.js';
import { meetingsToSchedule } from './rolling-schedule.js';
import { weeklySlots } from './weekly-schedule.js';

/**
 * Opens a group: the group and its weekly sessions (one per module of a curriculum group; the
 * rolling horizon of a support or drop-in group), in one transaction. It lives here,
 * not in #groups, because it writes sessions, and groups sit below sessions (no cycle); the group
 * itself is checked and inserted by GroupService.
 */
@Injectable()
export class GroupSetupService {
  constructor(
    private readonly transactions: Transactions,
    private readonly groups: GroupService,
    private readonly sessions: SessionRepository,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
  ) {}

  async create(organizationId: string, actorId: string, input: CreateGroupDto): Promise<GroupView> {
    const prepared = await this.groups.prepare(organizationId, actorId, input);
    const { version } = prepared;
    const group = await this.transactions.run(async (tx) => {
      const created = await this.groups.insert(prepared, tx);
      await this.sessions.insertMany(
        version
          ? weeklySlots(input, version.modules.length).map((slot, index) => ({
              groupId: created.id,
              sequence: index + 1,
              moduleIndex: index,
              moduleTitle: version.modules[index].title,
              timezone: input.timezone,
              ...slot,
            }))
          : meetingsToSchedule(created, 0, this.clock.now()),
        tx,
      );
      return created;
    });
    // Rooms and reminders follow only once the group and its sessions have committed.
    const sessions = await this.sessions.listForGroup(group.id);
    await this.events.emitAsync(SessionEvent.GroupOpened, {
      groupId: group.id,
      sessions: sessions.map(sessionTimes),
    } satisfies GroupOpened);
    return this.groups.view(group, prepared.coFacilitatorIds);
  }
}
