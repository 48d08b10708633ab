import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';
import { type PurgedRecord, RETENTION_ENDED } from '#identity';

/** What #attendance holds about a person, for their export, erasure and the retention purge. */
@Injectable()
export class AttendancePersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  attendance(userId: string): Promise<({ organizationId: string } & object)[]> {
    return this.dataSource.query(
      `SELECT g.organization_id AS "organizationId", a.session_id AS "sessionId",
         g.name AS "groupName", s.starts_at AS "sessionStartsAt", a.role, a.status,
         a.minutes_present::float8 AS "minutesPresent", a.first_joined_at AS "firstJoinedAt",
         a.last_left_at AS "lastLeftAt", a.intervals, a.override_status AS "overrideStatus",
         a.override_reason AS "overrideReason", a.override_at AS "overrideAt"
       FROM attendance a JOIN sessions s ON s.id = a.session_id
       JOIN groups g ON g.id = s.group_id
       WHERE a.user_id = $1 ORDER BY s.starts_at, a.session_id`,
      [userId],
    );
  }

  /** Sessions after which the lead was told the person had missed several in a row. */
  absenceFollowUps(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT f.session_id AS "sessionId", f.created_at AS "createdAt"
       FROM absence_follow_ups f WHERE f.member_id = $1 ORDER BY f.created_at, f.session_id`,
      [userId],
    );
  }

  /** At erasure: the follow-up markers go; attendance stays for the retention period. */
  async erase(userId: string, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM absence_follow_ups WHERE member_id = $1', [userId]);
  }

  /** Deletes attendance (and the room events it was made from) whose retention has ended. */
  async purgeExpired(now: Date, tx: Tx): Promise<PurgedRecord[]> {
    await tx.query(
      `DELETE FROM attendance_events e
       USING sessions s, groups g, organizations o, users u
       WHERE s.id = e.session_id AND g.id = s.group_id AND o.id = g.organization_id
         AND e.identity = u.id::text AND ${RETENTION_ENDED}`,
      [now],
    );
    const [rows] = await tx.query<[PurgedRecord[], number]>(
      `DELETE FROM attendance a USING sessions s, groups g, organizations o, users u
       WHERE s.id = a.session_id AND g.id = s.group_id AND o.id = g.organization_id
         AND u.id = a.user_id AND ${RETENTION_ENDED}
       RETURNING g.organization_id AS "organizationId", a.user_id AS "userId",
         'attendance' AS "resourceType"`,
      [now],
    );
    return rows;
  }
}
