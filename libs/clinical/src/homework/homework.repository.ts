import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';

/** A member's homework with what it is read with: the module's text and the series around it. */
export interface HomeworkRow {
  id: string;
  sessionId: string;
  moduleTitle: string | null;
  /** The module's homework, one task per entry; null when the version has no such module. */
  tasks: string[] | null;
  startsAt: Date;
  timezone: string;
  /** The start of the group's next session that is not cancelled; null after the last one. */
  nextStartsAt: Date | null;
  completedAt: Date | null;
}

/** A session's homework as its facilitators read it. */
export interface SessionHomeworkRow {
  tasks: string[] | null;
  nextStartsAt: Date | null;
}

/** One member's completion of a session's homework. */
export interface HomeworkCompletionRow {
  userId: string;
  displayName: string;
  legalName: string | null;
  completedAt: Date | null;
  reflection: string | null;
}

/** A homework row locked for its owner's completion, with the organization for the audit. */
export interface LockedHomework {
  id: string;
  userId: string;
  completedAt: Date | null;
  reflection: string | null;
  organizationId: string;
}

/** The module's homework of session `s` in its group's pinned version `cv`, as a jsonb array. */
const MODULE_HOMEWORK = `cv.modules -> s.module_index -> 'homework'`;

/** The next session of `s`'s group that is not cancelled: when homework given at `s` is due. */
const NEXT_START = `(SELECT min(n.starts_at) FROM sessions n
  WHERE n.group_id = s.group_id AND n.starts_at > s.starts_at AND n.status <> 'cancelled')`;

const HOMEWORK_COLUMNS = `h.id, h.session_id AS "sessionId", s.module_title AS "moduleTitle",
  ${MODULE_HOMEWORK} AS tasks, s.starts_at AS "startsAt", s.timezone,
  ${NEXT_START} AS "nextStartsAt", h.completed_at AS "completedAt"`;

/** When the enrollment `e` got its seat: the promotion off the waitlist, else the enrollment. */
const SEAT_SINCE = 'COALESCE(e.promoted_at, e.queued_at)';

/**
 * Homework: assigned per session and member, completed by the member. The text is never copied:
 * it is read from the group's curriculum version, which is frozen once published.
 */
@Injectable()
export class HomeworkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Assigns the person the homework of each session that has started (at or before `now`, after
   * `since`, not cancelled) in the groups where they hold a seat since before it started (their
   * seat dates from the promotion off the waitlist, else the enrollment, as for absences), when
   * its module has any. Idempotent: a session's homework is one row per person, dated at the
   * session's start.
   */
  async assignStarted(userId: string, now: Date, since: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO homework (session_id, user_id, assigned_at)
       SELECT s.id, e.user_id, s.starts_at
       FROM enrollments e
       JOIN groups g ON g.id = e.group_id
       JOIN curriculum_versions cv ON cv.id = g.curriculum_version_id
       JOIN sessions s ON s.group_id = e.group_id
       WHERE e.user_id = $1 AND e.status = 'active' AND ${SEAT_SINCE} <= s.starts_at
         AND s.status <> 'cancelled' AND s.starts_at <= $2 AND s.starts_at > $3
         AND jsonb_typeof(${MODULE_HOMEWORK}) = 'array'
         AND jsonb_array_length(${MODULE_HOMEWORK}) > 0
       ON CONFLICT (session_id, user_id) DO NOTHING`,
      [userId, now, since],
    );
  }

  /**
   * The person's homework of sessions started after `since`, in groups where they hold a seat
   * since before the session.
   */
  listForUser(userId: string, since: Date): Promise<HomeworkRow[]> {
    return this.dataSource.query<HomeworkRow[]>(
      `SELECT ${HOMEWORK_COLUMNS}
       FROM homework h
       JOIN sessions s ON s.id = h.session_id
       JOIN groups g ON g.id = s.group_id
       JOIN curriculum_versions cv ON cv.id = g.curriculum_version_id
       JOIN enrollments e ON e.group_id = g.id AND e.user_id = h.user_id AND e.status = 'active'
       WHERE h.user_id = $1 AND s.status <> 'cancelled' AND s.starts_at > $2
         AND ${SEAT_SINCE} <= s.starts_at
       ORDER BY s.starts_at DESC, h.id`,
      [userId, since],
    );
  }

  /** One homework of the person's; null when there is none by that id, or it is someone else's. */
  async findForUser(id: string, userId: string): Promise<HomeworkRow | null> {
    const [row] = await this.dataSource.query<HomeworkRow[]>(
      `SELECT ${HOMEWORK_COLUMNS}
       FROM homework h
       JOIN sessions s ON s.id = h.session_id
       JOIN groups g ON g.id = s.group_id
       JOIN curriculum_versions cv ON cv.id = g.curriculum_version_id
       WHERE h.id = $1 AND h.user_id = $2`,
      [id, userId],
    );
    return row ?? null;
  }

  /** The person's homework, locked until `tx` ends: completions of it never cross. */
  async lockForUser(id: string, userId: string, tx: Tx): Promise<LockedHomework | null> {
    const [row] = await tx.query<LockedHomework[]>(
      `SELECT h.id, h.user_id AS "userId", h.completed_at AS "completedAt", h.reflection,
         g.organization_id AS "organizationId"
       FROM homework h
       JOIN sessions s ON s.id = h.session_id
       JOIN groups g ON g.id = s.group_id
       WHERE h.id = $1 AND h.user_id = $2
       FOR UPDATE OF h`,
      [id, userId],
    );
    return row ?? null;
  }

  async saveCompletion(
    id: string,
    completion: { completedAt: Date; reflection: string | null },
    tx: Tx,
  ): Promise<void> {
    await tx.query(`UPDATE homework SET completed_at = $2, reflection = $3 WHERE id = $1`, [
      id,
      completion.completedAt,
      completion.reflection,
    ]);
  }

  /** The session's module homework and when it is due. */
  async forSession(sessionId: string): Promise<SessionHomeworkRow> {
    const [row] = await this.dataSource.query<SessionHomeworkRow[]>(
      `SELECT ${MODULE_HOMEWORK} AS tasks, ${NEXT_START} AS "nextStartsAt"
       FROM sessions s
       JOIN groups g ON g.id = s.group_id
       JOIN curriculum_versions cv ON cv.id = g.curriculum_version_id
       WHERE s.id = $1`,
      [sessionId],
    );
    return row ?? { tasks: null, nextStartsAt: null };
  }

  /**
   * Completion per member by alias: the group's active members, then anyone who completed it
   * and has left since (their work stays on the record).
   */
  completions(sessionId: string, groupId: string): Promise<HomeworkCompletionRow[]> {
    return this.dataSource.query<HomeworkCompletionRow[]>(
      `SELECT p.user_id AS "userId", COALESCE(u.display_name, '') AS "displayName",
         u.legal_name AS "legalName", h.completed_at AS "completedAt", h.reflection
       FROM (
         SELECT e.user_id, true AS active FROM enrollments e
         WHERE e.group_id = $2 AND e.status = 'active'
         UNION ALL
         SELECT d.user_id, false FROM homework d
         WHERE d.session_id = $1 AND d.completed_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM enrollments a
             WHERE a.group_id = $2 AND a.user_id = d.user_id AND a.status = 'active')
       ) p
       LEFT JOIN users u ON u.id = p.user_id
       LEFT JOIN homework h ON h.session_id = $1 AND h.user_id = p.user_id
       ORDER BY p.active DESC, u.display_name, p.user_id`,
      [sessionId, groupId],
    );
  }
}
