import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';
import type { MeasureKey, Severity } from '../instruments.js';
import {
  GroupMeasureSettings,
  MeasureRequest,
  MeasureResponse,
  RiskAlert,
} from './measure.entities.js';

/** A risk alert as the session page lists it: the member by alias. */
export interface RiskAlertRow extends RiskAlert {
  displayName: string;
  legalName: string | null;
}

/** One answer's score, for trends. */
export interface GroupScoreRow {
  userId: string;
  displayName: string;
  legalName: string | null;
  measureKey: MeasureKey;
  sessionId: string;
  sequence: number;
  at: Date;
  score: number;
  severity: Severity;
}

/** A check-in reminder to send: the person, their channels and the session. */
export interface DueCheckInReminder {
  sessionId: string;
  userId: string;
  revision: number;
  email: string;
  displayName: string;
  reminderEmail: boolean;
  reminderInApp: boolean;
}

/** Measures: group settings, requests, responses and risk alerts. */
@Injectable()
export class MeasureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  settings(groupId: string): Promise<GroupMeasureSettings | null> {
    return this.dataSource.getRepository(GroupMeasureSettings).findOneBy({ groupId });
  }

  async saveSettings(settings: GroupMeasureSettings): Promise<void> {
    await this.dataSource.getRepository(GroupMeasureSettings).upsert(settings, ['groupId']);
  }

  /**
   * Opens the requests that are due: for each active seat in a group that uses measures, each
   * coming session in the group's rhythm (every N from the first) whose window (`leadHours`
   * before its start) has begun, each measure once. Only `userId`'s when given. Idempotent;
   * answers how many opened.
   */
  async openDue(now: Date, leadHours: number, userId?: string): Promise<number> {
    const opened = await this.dataSource.query<unknown[]>(
      `INSERT INTO measure_requests (session_id, user_id, measure_key, opens_at, expires_at)
       SELECT s.id, e.user_id, m.key, s.starts_at - make_interval(hours => $2), s.starts_at
       FROM sessions s
       JOIN group_measure_settings gm ON gm.group_id = s.group_id
       JOIN enrollments e ON e.group_id = s.group_id AND e.status = 'active'
       CROSS JOIN LATERAL unnest(gm.measures) AS m(key)
       WHERE s.status IN ('scheduled', 'open')
         AND s.starts_at > $1 AND s.starts_at - make_interval(hours => $2) <= $1
         AND (s.sequence - 1) % gm.every_sessions = 0
         AND ($3::uuid IS NULL OR e.user_id = $3)
       ON CONFLICT (session_id, user_id, measure_key) DO NOTHING
       RETURNING 1`,
      [now, leadHours, userId ?? null],
    );
    return opened.length;
  }

  /**
   * Claims the reminders that are due: one per person and session with a request unanswered
   * halfway through its window. A claimed request is never reminded again.
   */
  claimReminders(now: Date): Promise<DueCheckInReminder[]> {
    return this.dataSource.query<DueCheckInReminder[]>(
      `WITH claimed AS (
         UPDATE measure_requests SET reminded_at = $1
         WHERE completed_at IS NULL AND reminded_at IS NULL
           AND expires_at > $1 AND opens_at + (expires_at - opens_at) / 2 <= $1
         RETURNING session_id, user_id
       )
       SELECT DISTINCT c.session_id AS "sessionId", c.user_id AS "userId", s.revision,
              u.email, u.display_name AS "displayName",
              u.reminder_email AS "reminderEmail", u.reminder_in_app AS "reminderInApp"
       FROM claimed c
       JOIN sessions s ON s.id = c.session_id
       JOIN users u ON u.id = c.user_id
       WHERE s.status IN ('scheduled', 'open')`,
      [now],
    );
  }

  /** The person's requests that expire after `since`, the soonest first. */
  listForUser(userId: string, since: Date): Promise<MeasureRequest[]> {
    return this.dataSource
      .getRepository(MeasureRequest)
      .createQueryBuilder('r')
      .where('r.user_id = :userId AND r.expires_at > :since', { userId, since })
      .orderBy('r.expires_at', 'ASC')
      .addOrderBy('r.measure_key', 'ASC')
      .getMany();
  }

  /** The person's request, locked until `tx` ends: it is answered once. */
  lockRequest(id: string, userId: string, tx: Tx): Promise<MeasureRequest | null> {
    return tx.findOne(MeasureRequest, {
      where: { id, userId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async complete(
    request: MeasureRequest,
    response: Omit<MeasureResponse, 'id'>,
    tx: Tx,
  ): Promise<MeasureResponse> {
    await tx.update(MeasureRequest, { id: request.id }, { completedAt: response.createdAt });
    return tx.save(tx.create(MeasureResponse, response));
  }

  addAlert(alert: Omit<RiskAlert, 'id'>, tx: Tx): Promise<RiskAlert> {
    return tx.save(tx.create(RiskAlert, alert));
  }

  /** Every answer in the group, by member, measure and session, in order. */
  scoresOfGroup(groupId: string): Promise<GroupScoreRow[]> {
    return this.dataSource.query<GroupScoreRow[]>(
      `SELECT r.user_id AS "userId", u.display_name AS "displayName",
              u.legal_name AS "legalName", r.measure_key AS "measureKey", r.session_id AS "sessionId", s.sequence,
              r.created_at AS "at", r.score, r.severity
       FROM measure_responses r
       JOIN sessions s ON s.id = r.session_id
       JOIN users u ON u.id = r.user_id
       WHERE s.group_id = $1
       ORDER BY u.display_name, r.user_id, r.measure_key, s.sequence`,
      [groupId],
    );
  }

  /** The session's group and organization, for audit rows and an organization's resources. */
  async sessionContext(
    sessionId: string,
  ): Promise<{ groupId: string; organizationId: string } | null> {
    const [row] = await this.dataSource.query<{ groupId: string; organizationId: string }[]>(
      `SELECT g.id AS "groupId", g.organization_id AS "organizationId"
       FROM sessions s JOIN groups g ON g.id = s.group_id WHERE s.id = $1`,
      [sessionId],
    );
    return row ?? null;
  }

  async alertsForSession(sessionId: string): Promise<RiskAlertRow[]> {
    const rows = await this.dataSource
      .getRepository(RiskAlert)
      .createQueryBuilder('a')
      .innerJoin('users', 'u', 'u.id = a.user_id')
      .addSelect('u.display_name', 'display_name')
      .addSelect('u.legal_name', 'legal_name')
      .where('a.session_id = :sessionId', { sessionId })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((alert, i) => ({
      ...alert,
      displayName: (rows.raw[i] as { display_name: string }).display_name,
      legalName: (rows.raw[i] as { legal_name: string | null }).legal_name,
    }));
  }

  findAlert(id: string): Promise<RiskAlert | null> {
    return this.dataSource.getRepository(RiskAlert).findOneBy({ id });
  }

  /** Resolves the alert once; answers false when it was resolved already. */
  async resolveAlert(
    id: string,
    resolution: Pick<RiskAlert, 'resolvedAt' | 'resolvedById' | 'resolution'>,
    tx: Tx,
  ): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(RiskAlert)
      .set(resolution)
      .where('id = :id AND resolved_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  /** Who hears of an alert: the group's lead and co-facilitators. */
  facilitatorsOf(sessionId: string): Promise<{ id: string; email: string }[]> {
    return this.dataSource.query<{ id: string; email: string }[]>(
      `SELECT u.id, u.email FROM sessions s
       JOIN groups g ON g.id = s.group_id
       JOIN users u ON u.id = g.lead_facilitator_id
         OR u.id IN (SELECT user_id FROM group_co_facilitators WHERE group_id = g.id)
       WHERE s.id = $1
       ORDER BY u.email`,
      [sessionId],
    );
  }

  /** Marks the alert's facilitators told; false when they were (a retried job). */
  async claimNotified(id: string, at: Date, tx: Tx): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(RiskAlert)
      .set({ notifiedAt: at })
      .where('id = :id AND notified_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }
}
