import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw } from '#database';
import { User } from '#identity';
import { Notification } from '#reminders';
import { AbsenceFollowUp } from './absence-follow-up.entity.js';
import { AttendanceEvent } from './attendance-event.entity.js';
import { Attendance } from './attendance.entity.js';
import { CONNECTION_EVENTS } from './presence.js';

/** One registration of a webinar with the minutes its attendee watched. */
export interface WebinarAttendeeRow {
  registrationId: string;
  displayName: string;
  registeredAt: Date;
  minutesWatched: number;
}

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

  async markProcessed(id: string): Promise<void> {
    await this.dataSource
      .getRepository(AttendanceEvent)
      .update({ id, processedAt: IsNull() }, { processedAt: new Date() });
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
    override: Pick<Attendance, 'overrideStatus' | 'overrideReason' | 'overrideById'>,
  ): Promise<void> {
    await this.dataSource
      .getRepository(Attendance)
      .createQueryBuilder()
      .insert()
      .values({ sessionId, userId, role, status: 'absent', ...override, overrideAt: new Date() })
      .orUpdate(
        ['override_status', 'override_reason', 'override_by_id', 'override_at'],
        ['session_id', 'user_id'],
      )
      .execute();
  }

  /** Tells the lead facilitator about a member's absences, once per member and session. */
  async followUpOnce(
    sessionId: string,
    memberId: string,
    notification: Pick<Notification, 'userId' | 'title' | 'body'>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AbsenceFollowUp)
        .values({ sessionId, memberId })
        .orIgnore()
        .returning('session_id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return false;
      await manager.insert(Notification, { ...notification, kind: 'absence_follow_up', sessionId });
      return true;
    });
  }

  async unprocessedCount(): Promise<number> {
    return this.dataSource.getRepository(AttendanceEvent).countBy({ processedAt: IsNull() });
  }

  /** Registrations and who came, counted in the database (a webinar may have 100,000). */
  async webinarTotals(
    webinarId: string,
  ): Promise<{ registered: number; attended: number; averageMinutesWatched: number }> {
    const [row] = await this.dataSource.query<
      { registered: string; attended: string; average: string | null }[]
    >(
      `SELECT count(*) AS registered,
              count(*) FILTER (WHERE a.minutes_watched > 0) AS attended,
              avg(a.minutes_watched) FILTER (WHERE a.minutes_watched > 0) AS average
         FROM webinar_registrations r
         LEFT JOIN webinar_attendance a ON a.registration_id = r.id
        WHERE r.webinar_id = $1`,
      [webinarId],
    );
    return {
      registered: Number(row.registered),
      attended: Number(row.attended),
      averageMinutesWatched: Math.round(Number(row.average ?? 0) * 10) / 10,
    };
  }

  /** A page of a webinar's registrations with minutes watched, in the order people registered. */
  pageWebinarAttendees(webinarId: string, page: PageRequest): Promise<Page<WebinarAttendeeRow>> {
    const query = this.dataSource
      .createQueryBuilder()
      .from('webinar_registrations', 'r')
      .leftJoin('webinar_attendance', 'a', 'a.registration_id = r.id')
      .select([
        'r.id AS "registrationId"',
        'r.display_name AS "displayName"',
        'r.created_at AS "registeredAt"',
        'COALESCE(a.minutes_watched, 0)::float8 AS "minutesWatched"',
      ])
      .where('r.webinar_id = :webinarId', { webinarId });
    return pageOfRaw<WebinarAttendeeRow>(
      query,
      [
        { expression: 'r.created_at', type: 'timestamp' },
        { expression: 'r.id', type: 'uuid' },
      ],
      page,
    );
  }
}
