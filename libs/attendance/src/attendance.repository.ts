import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw, type Tx } from '#database';
import { User } from '#identity';
import { roomNameForSession } from '#video';
import { AbsenceFollowUp } from './absence-follow-up.entity.js';
import { AttendanceEvent } from './attendance-event.entity.js';
import { Attendance } from './attendance.entity.js';
import { CONNECTION_EVENTS } from './presence.js';

export type AttendanceFacts = Omit<
  Attendance,
  'overrideStatus' | 'overrideReason' | 'overrideById' | 'overrideAt' | 'updatedAt'
>;

@Injectable()
export class AttendanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the event unless its id is known; answers whether it was new. */
  async insertEvent(event: Omit<AttendanceEvent, 'receivedAt' | 'processedAt'>): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(AttendanceEvent)
      .createQueryBuilder()
      .insert()
      .values(event)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  findEvent(id: string): Promise<AttendanceEvent | null> {
    return this.dataSource.getRepository(AttendanceEvent).findOneBy({ id });
  }

  async markProcessed(id: string, at: Date): Promise<void> {
    await this.dataSource
      .getRepository(AttendanceEvent)
      .update({ id, processedAt: IsNull() }, { processedAt: at });
  }

  /**
   * One identity's connection events in a room, and the room's `room_finished`. Not its track
   * events: they carry the participant's sid too, and would pass for the end of a connection.
   */
  presenceEvents(roomName: string, identity: string): Promise<AttendanceEvent[]> {
    return this.dataSource
      .getRepository(AttendanceEvent)
      .createQueryBuilder('e')
      .where('e.room_name = :roomName', { roomName })
      .andWhere(
        "((e.identity = :identity AND e.event IN (:...connection)) OR e.event = 'room_finished')",
        { identity, connection: CONNECTION_EVENTS },
      )
      .getMany();
  }

  /**
   * One identity's presence in a session: its connection events in the session room and the
   * room's `room_finished`, plus its connections to the session's side rooms (time with a
   * facilitator of the session, away from the group). A side room's own `room_finished` is
   * left out: it must not close the session room's connections.
   */
  sessionPresenceEvents(sessionId: string, identity: string): Promise<AttendanceEvent[]> {
    return this.dataSource
      .getRepository(AttendanceEvent)
      .createQueryBuilder('e')
      .where(
        `(e.room_name = :roomName AND ((e.identity = :identity AND e.event IN (:...connection))
            OR e.event = 'room_finished'))
         OR (e.session_id = :sessionId AND e.room_name LIKE 'side-%'
            AND e.identity = :identity AND e.event IN (:...connection))`,
        {
          roomName: roomNameForSession(sessionId),
          sessionId,
          identity,
          connection: CONNECTION_EVENTS,
        },
      )
      .getMany();
  }

  /**
   * The session of a side room (its LiveKit room is `side-<id>`), so its events count toward
   * that session's attendance and go with it. Read from the table itself, so #attendance does not
   * depend on #clinical.
   */
  async sessionOfSideRoom(sideRoomId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ sessionId: string }[]>(
      `SELECT session_id AS "sessionId" FROM side_rooms WHERE id = $1`,
      [sideRoomId],
    );
    return row?.sessionId ?? null;
  }

  /** Everyone who appeared in a room. */
  async identitiesIn(roomName: string): Promise<string[]> {
    const rows: { identity: string }[] = await this.dataSource.query(
      `SELECT DISTINCT identity FROM attendance_events WHERE room_name = $1 AND identity IS NOT NULL`,
      [roomName],
    );
    return rows.map((row) => row.identity);
  }

  /** Keeps an override as it is: only the computed part is replaced. */
  async saveFacts(facts: AttendanceFacts): Promise<void> {
    await this.dataSource
      .getRepository(Attendance)
      .createQueryBuilder()
      .insert()
      .values(facts)
      .orUpdate(
        [
          'role',
          'status',
          'minutes_present',
          'first_joined_at',
          'last_left_at',
          'intervals',
          'sid_intervals',
          'final',
          'updated_at',
        ],
        ['session_id', 'user_id'],
      )
      .execute();
  }

  forSessions(sessionIds: string[]): Promise<Attendance[]> {
    if (!sessionIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(Attendance).findBy({ sessionId: In(sessionIds) });
  }

  /**
   * One page of the people a session's report lists: the group's active members and facilitators,
   * and anyone else who has attendance in it. By display name; the key is its first 16
   * characters (then the id) so that cursors stay short whatever the name.
   */
  pageSessionPeople(
    sessionId: string,
    groupId: string,
    page: PageRequest,
  ): Promise<Page<{ userId: string; displayName: string }>> {
    const query = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.id AS "userId"', 'u.display_name AS "displayName"'])
      .where(
        `u.id IN (
          SELECT user_id FROM enrollments WHERE group_id = :groupId AND status = 'active'
          UNION SELECT lead_facilitator_id FROM groups WHERE id = :groupId
          UNION SELECT user_id FROM group_co_facilitators WHERE group_id = :groupId
          UNION SELECT user_id FROM attendance WHERE session_id = :sessionId)`,
        { groupId, sessionId },
      );
    return pageOfRaw(
      query,
      [
        { expression: 'left(u.display_name, 16)', type: 'text' },
        { expression: 'u.id', type: 'uuid' },
      ],
      page,
    );
  }

  forSessionAndUsers(sessionId: string, userIds: string[]): Promise<Attendance[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(Attendance).findBy({ sessionId, userId: In(userIds) });
  }

  async setOverride(
    sessionId: string,
    userId: string,
    role: Attendance['role'],
    override: Pick<Attendance, 'overrideStatus' | 'overrideReason' | 'overrideById' | 'overrideAt'>,
    tx?: Tx,
  ): Promise<void> {
    await (tx ?? this.dataSource.manager)
      .getRepository(Attendance)
      .createQueryBuilder()
      .insert()
      .values({ sessionId, userId, role, status: 'absent', ...override })
      .orUpdate(
        ['override_status', 'override_reason', 'override_by_id', 'override_at'],
        ['session_id', 'user_id'],
      )
      .execute();
  }

  /**
   * Records that the lead facilitator is told about a member's absences as of this session;
   * false when they were told already (once per member and session).
   */
  async claimFollowUp(sessionId: string, memberId: string, tx: Tx): Promise<boolean> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(AbsenceFollowUp)
      .values({ sessionId, memberId })
      .orIgnore()
      .returning('session_id')
      .execute();
    return (inserted.raw as unknown[]).length === 1;
  }

  async unprocessedCount(): Promise<number> {
    return this.dataSource.getRepository(AttendanceEvent).countBy({ processedAt: IsNull() });
  }
}
