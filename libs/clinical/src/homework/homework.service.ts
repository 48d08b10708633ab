import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ClinicalAudit } from '#audit';
import { Clock, NotFoundError } from '#common';
import { Transactions } from '#database';
import { SessionAccess } from '#sessions';
import { homeworkDueAt } from './homework-due.js';
import { type HomeworkRow, HomeworkRepository } from './homework.repository.js';
import type { HomeworkList, HomeworkView, SessionHomeworkView } from './homework.view.js';

/** A member's list covers the sessions that started this long ago: this week's and last week's. */
const RECENT_DAYS = 14;

const homeworkNotFound = () => new NotFoundError('homework_not_found', 'No such homework');

const textOf = (tasks: string[] | null) => (Array.isArray(tasks) ? tasks.join('\n') : '');

const homeworkView = (row: HomeworkRow): HomeworkView => ({
  id: row.id,
  sessionId: row.sessionId,
  moduleTitle: row.moduleTitle,
  text: textOf(row.tasks),
  dueAt: homeworkDueAt(row.startsAt, row.timezone, row.nextStartsAt),
  completedAt: row.completedAt,
});

/**
 * Homework from the curriculum: a session's module homework is assigned to each member holding a
 * seat once the session starts, due at the next one. Members mark it done, with a reflection only
 * the group's facilitators read; facilitators see completion per member. Facilitators' reads and
 * members' completions are audited.
 */
@Injectable()
export class HomeworkService {
  constructor(
    private readonly access: SessionAccess,
    private readonly homework: HomeworkRepository,
    private readonly transactions: Transactions,
    private readonly audit: ClinicalAudit,
    private readonly clock: Clock,
  ) {}

  /** The caller's homework from the sessions of the last two weeks, the latest first. */
  async mine(userId: string): Promise<HomeworkList> {
    const now = this.clock.now();
    const since = DateTime.fromJSDate(now).minus({ days: RECENT_DAYS }).toJSDate();
    await this.homework.assignStarted(userId, now, since);
    const rows = await this.homework.listForUser(userId, since);
    return { items: rows.map(homeworkView) };
  }

  /**
   * Marks the caller's homework done. Idempotent: it stays done at the first time; a reflection
   * sent again replaces the earlier one, and none keeps it. Someone else's homework is a 404.
   */
  async complete(homeworkId: string, userId: string, reflection?: string): Promise<HomeworkView> {
    await this.transactions.run(async (tx) => {
      const current = await this.homework.lockForUser(homeworkId, userId, tx);
      if (!current) throw homeworkNotFound();
      const next = {
        completedAt: current.completedAt ?? this.clock.now(),
        reflection: reflection?.trim() || current.reflection,
      };
      if (next.completedAt === current.completedAt && next.reflection === current.reflection) {
        return;
      }
      await this.homework.saveCompletion(current.id, next, tx);
      await this.audit.record(
        {
          organizationId: current.organizationId,
          actorId: userId,
          action: 'update',
          resourceType: 'homework',
          resourceId: current.id,
          subjectUserIds: [userId],
        },
        tx,
      );
    });
    const row = await this.homework.findForUser(homeworkId, userId);
    if (!row) throw homeworkNotFound();
    return homeworkView(row);
  }

  /** Completion per member with reflections: the group's facilitators only (members get 403). */
  async forSession(sessionId: string, actorId: string): Promise<SessionHomeworkView> {
    const { session, group } = await this.access.requireClinician(sessionId, actorId);
    const [{ tasks, nextStartsAt }, members] = await Promise.all([
      this.homework.forSession(session.id),
      this.homework.completions(session.id, group.id),
    ]);
    await this.audit.record({
      organizationId: group.organizationId,
      actorId,
      action: 'read',
      resourceType: 'session_homework',
      resourceId: session.id,
      subjectUserIds: members.map((m) => m.userId),
    });
    const text = textOf(tasks);
    return {
      sessionId: session.id,
      moduleTitle: session.moduleTitle,
      text,
      assigned:
        text !== '' && session.status !== 'cancelled' && session.startsAt <= this.clock.now(),
      dueAt: homeworkDueAt(session.startsAt, session.timezone, nextStartsAt),
      completed: members.filter((m) => m.completedAt !== null).length,
      members,
    };
  }
}
