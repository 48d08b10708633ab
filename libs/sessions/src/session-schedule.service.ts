import { AppConfig } from '#config';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock, InvalidInputError, mapPage, type Page, type PageRequest } from '#common';
import { Transactions, type Tx } from '#database';
import { EnrollmentRepository, GroupAccess, GroupRepository } from '#groups';
import type { CancelSessionDto, ChangeSeriesDto } from './dto/session.dto.js';
import { SessionAccess } from './session-access.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';
import {
  type SessionCancelled,
  SessionEvent,
  type SessionsMoved,
  sessionTimes,
} from './session.events.js';
import {
  type SessionList,
  type SessionView,
  toSessionView,
  type UpcomingSessionView,
} from './session-view.js';
import type { Session } from './session.entity.js';
import { SessionRepository } from './session.repository.js';
import { localParts, weeklySlot } from './weekly-schedule.js';

/**
 * Changes to a group's schedule. Each runs in one transaction with the series locked, and bumps
 * the `revision` of every session it changes so calendar clients pick the change up.
 */
@Injectable()
export class SessionScheduleService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
    private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
    private readonly sessionAccess: SessionAccess,
    private readonly lifecycle: SessionLifecycleService,
    private readonly enrollments: EnrollmentRepository,
    private readonly events: EventEmitter2,
    private readonly config: AppConfig,
  ) {}

  async list(groupId: string, actorId: string, page: PageRequest): Promise<Page<SessionView>> {
    const { group } = await this.access.requireViewer(groupId, actorId);
    return mapPage(await this.sessions.pageForGroup(group.id, page), (s) => this.view(s));
  }

  /** The caller's coming sessions: of the groups they hold a seat in or facilitate. */
  async upcomingFor(userId: string, page: PageRequest): Promise<Page<UpcomingSessionView>> {
    const groupIds = [
      ...new Set([
        ...(await this.enrollments.groupIdsOf(userId, ['active'])),
        ...(await this.groups.facilitatedGroupIds(userId)),
      ]),
    ];
    const sessions = await this.sessions.pageUpcomingForGroups(groupIds, this.clock.now(), page);
    const groups = new Map<string, string>();
    for (const id of new Set(sessions.items.map((s) => s.groupId))) {
      groups.set(id, (await this.groups.findById(id))?.name ?? '');
    }
    return mapPage(sessions, (s): UpcomingSessionView => ({
      ...this.view(s),
      groupName: groups.get(s.groupId) ?? '',
    }));
  }

  async get(sessionId: string, actorId: string): Promise<SessionView> {
    const { session } = await this.sessionAccess.requireViewer(sessionId, actorId);
    return this.view(session);
  }

  /** Moves one session; the rest of the series stays where it is. */
  async reschedule(sessionId: string, actorId: string, startsAtIso: string): Promise<SessionView> {
    const { session: target } = await this.sessionAccess.requireFacilitator(sessionId, actorId);
    const startsAt = new Date(startsAtIso);
    if (startsAt.getTime() <= this.clock.millis()) {
      throw new InvalidInputError(
        'starts_in_past',
        'A session cannot move into the past',
        'startsAt',
      );
    }
    const [moved] = await this.inSeries(target.groupId, async (series) => {
      const session = series.find((s) => s.id === target.id)!;
      if (session.status !== 'scheduled') {
        throw new InvalidInputError(
          'session_not_scheduled',
          `A ${session.status} session cannot be moved`,
          'startsAt',
        );
      }
      const duration = session.endsAt.getTime() - session.startsAt.getTime();
      Object.assign(session, {
        startsAt,
        endsAt: new Date(startsAt.getTime() + duration),
        ...localParts(startsAt, session.timezone),
        revision: session.revision + 1,
      });
      return [session];
    });
    // Rooms and reminders follow the session once the move has committed.
    await this.moved(moved.groupId, [moved]);
    return this.view(moved);
  }

  /**
   * Cancels one session. With `shiftCurriculum` its module is not lost: it and every later
   * module move one session on, and a session is added a week after the last one.
   */
  async cancel(sessionId: string, actorId: string, input: CancelSessionDto): Promise<SessionView> {
    const { session: target, group } = await this.sessionAccess.requireFacilitator(
      sessionId,
      actorId,
    );
    if (input.shiftCurriculum && group.kind !== 'curriculum') {
      throw new InvalidInputError(
        'no_curriculum',
        'This group has no curriculum to shift',
        'shiftCurriculum',
      );
    }
    const changed = await this.inSeries(target.groupId, async (series, tx) => {
      const session = series.find((s) => s.id === target.id)!;
      // Through the state machine, on the locked row; the save below then writes the rest.
      await this.lifecycle.transitionOrFail(session, 'cancelled', tx);
      session.status = 'cancelled';
      session.cancelReason = input.reason ?? null;
      session.revision += 1;
      if (!input.shiftCurriculum) return [session];

      const later = series.filter((s) => s.sequence > session.sequence && s.status === 'scheduled');
      const modules = [session, ...later].map(({ moduleIndex, moduleTitle }) => ({
        moduleIndex,
        moduleTitle,
      }));
      later.forEach((next, i) => Object.assign(next, modules[i], { revision: next.revision + 1 }));
      const last = series.at(-1)!;
      await this.sessions.insertMany(
        [
          {
            groupId: group.id,
            sequence: last.sequence + 1,
            ...modules.at(-1)!,
            timezone: last.timezone,
            ...weeklySlot(
              {
                timezone: last.timezone,
                firstSessionDate: last.localDate,
                startTime: last.localStartTime,
                durationMinutes: (last.endsAt.getTime() - last.startsAt.getTime()) / 60_000,
              },
              1,
            ),
          },
        ],
        tx,
      );
      return [session, ...later];
    });
    const appended = input.shiftCurriculum
      ? (await this.sessions.listForGroup(target.groupId)).at(-1)!
      : null;
    await this.events.emitAsync(SessionEvent.Cancelled, {
      groupId: target.groupId,
      sessionId: target.id,
      revision: changed[0].revision,
      appended: appended && sessionTimes(appended),
    } satisfies SessionCancelled);
    return this.view(changed[0]);
  }

  /** Sets a new local start time (and duration) from one session to the end of the series. */
  async changeSeries(
    groupId: string,
    actorId: string,
    input: ChangeSeriesDto,
  ): Promise<SessionList> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    const durationMinutes = input.durationMinutes ?? group.durationMinutes;
    const changed = await this.inSeries(group.id, async (series, tx) => {
      const from = series.find((s) => s.id === input.fromSessionId);
      if (!from) {
        throw new InvalidInputError(
          'session_not_in_group',
          'No such session in this group',
          'fromSessionId',
        );
      }
      const moved = series.filter((s) => s.sequence >= from.sequence && s.status === 'scheduled');
      for (const session of moved) {
        const slot = weeklySlot(
          {
            timezone: session.timezone,
            firstSessionDate: session.localDate,
            startTime: input.startTime,
            durationMinutes,
          },
          0,
        );
        Object.assign(session, slot, { revision: session.revision + 1 });
      }
      await this.groups.updateSeries(group.id, { startTime: input.startTime, durationMinutes }, tx);
      return moved;
    });
    await this.moved(group.id, changed);
    return { items: changed.map((s) => this.view(s)) };
  }

  /** After a committed move: rooms and reminders follow, and the people in the group are told. */
  private async moved(groupId: string, sessions: Session[]): Promise<void> {
    await this.events.emitAsync(SessionEvent.Moved, {
      groupId,
      sessions: sessions.map(sessionTimes),
    } satisfies SessionsMoved);
  }

  private async inSeries(
    groupId: string,
    change: (series: Session[], tx: Tx) => Promise<Session[]>,
  ): Promise<Session[]> {
    return this.transactions.run(async (tx) => {
      await this.groups.lock(groupId, tx);
      const series = await this.sessions.lockSeries(groupId, tx);
      const changed = await change(series, tx);
      return this.sessions.save(changed, tx);
    });
  }

  private view(session: Session): SessionView {
    return toSessionView(session, this.config.VIDEO_JOIN_EARLY_MINUTES);
  }
}
