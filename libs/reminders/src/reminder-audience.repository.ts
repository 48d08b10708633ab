import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EntityColumns, type Tx } from '#database';
import { Group } from '#groups';
import { User } from '#identity';
import { Session } from '#sessions';

/**
 * The people of group `g`, one row each place they hold: its lead and co-facilitators (status
 * null) and everyone ever enrolled (their enrollment's status). Messages go to the facilitators
 * and the active seats (`RECEIVES`).
 */
const PEOPLE = `SELECT g.lead_facilitator_id AS user_id, NULL::text AS status
  UNION ALL SELECT c.user_id, NULL FROM group_co_facilitators c WHERE c.group_id = g.id
  UNION ALL SELECT e.user_id, e.status FROM enrollments e WHERE e.group_id = g.id`;
const RECEIVES = `(p.status IS NULL OR p.status = 'active')`;

/**
 * What the reminder jobs re-read before they send anything: the session, its group, and the
 * people who still belong to it, each in one statement. The reminders lib reads these across
 * the sessions, groups, organizations and identity tables here, in one place, instead of
 * through four other libs' repositories.
 */
@Injectable()
export class ReminderAudienceRepository {
  private readonly sessionColumns: EntityColumns<Session>;
  private readonly groupColumns: EntityColumns<Group>;
  private readonly userColumns: EntityColumns<User>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sessionColumns = new EntityColumns(dataSource, Session, 's');
    this.groupColumns = new EntityColumns(dataSource, Group, 'g');
    this.userColumns = new EntityColumns(dataSource, User, 'u');
  }

  /**
   * The session, its group, the organization's reminder offsets, and the person if they still
   * belong to the group (null otherwise); null when there is no such session.
   */
  async forReminder(sessionId: string, userId: string) {
    const [row] = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT ${this.sessionColumns.select}, ${this.groupColumns.select}, ${this.userColumns.select},
         o.reminder_offsets_minutes AS offsets
       FROM sessions s
       JOIN groups g ON g.id = s.group_id
       JOIN organizations o ON o.id = g.organization_id
       LEFT JOIN users u ON u.id = $2
         AND EXISTS (SELECT 1 FROM (${PEOPLE}) p WHERE p.user_id = u.id AND ${RECEIVES})
       WHERE s.id = $1`,
      [sessionId, userId],
    );
    if (!row) return null;
    return {
      session: this.sessionColumns.read(row)!,
      group: this.groupColumns.read(row)!,
      offsets: row.offsets as number[],
      recipient: this.userColumns.read(row),
    };
  }

  /** The session, its group and everyone who belongs to it; null when there is no such session. */
  async forNotice(sessionId: string) {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT ${this.sessionColumns.select}, ${this.groupColumns.select}, ${this.userColumns.select}
       FROM sessions s
       JOIN groups g ON g.id = s.group_id
       LEFT JOIN LATERAL (SELECT DISTINCT p.user_id FROM (${PEOPLE}) p WHERE ${RECEIVES}) people
         ON true
       LEFT JOIN users u ON u.id = people.user_id
       WHERE s.id = $1
       ORDER BY u.id`,
      [sessionId],
    );
    if (!rows.length) return null;
    return {
      session: this.sessionColumns.read(rows[0])!,
      group: this.groupColumns.read(rows[0])!,
      recipients: rows.map((row) => this.userColumns.read(row)).filter((user) => user !== null),
    };
  }

  async groupIdsOf(organizationId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM groups WHERE organization_id = $1 ORDER BY id',
      [organizationId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * What planning a group's reminders needs: the organization's offsets, the group's sessions,
   * who receives reminders (facilitators and active seats) and, unless `fresh`, everyone who
   * ever held a place (their earlier jobs are removed); null when there is no such group.
   */
  async forPlan(groupId: string, { fresh }: { fresh: boolean }, tx: Tx) {
    const [group] = await tx.query<{ offsets: number[] }[]>(
      `SELECT o.reminder_offsets_minutes AS offsets
       FROM groups g JOIN organizations o ON o.id = g.organization_id WHERE g.id = $1`,
      [groupId],
    );
    if (!group) return null;
    const sessions = (
      await tx.query<Record<string, unknown>[]>(
        `SELECT ${this.sessionColumns.select} FROM sessions s WHERE s.group_id = $1
         ORDER BY s.starts_at, s.sequence`,
        [groupId],
      )
    ).map((row) => this.sessionColumns.read(row)!);
    const people = await tx.query<{ user_id: string; status: string | null }[]>(
      `SELECT p.user_id, p.status FROM groups g, LATERAL (${PEOPLE}) p WHERE g.id = $1`,
      [groupId],
    );
    const receives = (p: { status: string | null }) => p.status === null || p.status === 'active';
    return {
      offsets: group.offsets,
      sessions,
      recipients: [...new Set(people.filter(receives).map((p) => p.user_id))],
      former: fresh ? [] : [...new Set(people.map((p) => p.user_id))],
    };
  }
}
