import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { claimOnce, type Tx } from '#database';
import { FACILITATOR_ROLES } from '#organizations';
import type { MeasureLanguage } from '../instrument-translations.js';
import type { MeasureKey, Severity } from '../instruments.js';
import {
  GroupMeasureSettings,
  MeasureRequest,
  MeasureResponse,
  RiskAlert,
  RiskAlertNotice,
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
  language: MeasureLanguage;
}

/**
 * A request as it stands now: its window follows the session (which may have moved), and only
 * a session not cancelled, for a person still holding a seat, counts.
 */
const LIVE_REQUESTS = `FROM measure_requests r
  JOIN sessions s ON s.id = r.session_id AND s.status <> 'cancelled'
  JOIN enrollments e ON e.group_id = s.group_id AND e.user_id = r.user_id AND e.status = 'active'`;
/** The columns of a live request; `leadHours` is the query's parameter holding the lead. */
const liveRequestColumns = (leadHours: string) => `SELECT r.id, r.session_id AS "sessionId",
  r.user_id AS "userId", r.measure_key AS "measureKey", r.completed_at AS "completedAt",
  s.starts_at - make_interval(hours => ${leadHours}) AS "opensAt", s.starts_at AS "expiresAt"`;

export type LiveMeasureRequest = Pick<
  MeasureRequest,
  'id' | 'sessionId' | 'userId' | 'measureKey' | 'completedAt' | 'opensAt' | 'expiresAt'
>;

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
   * Who is due a reminder: an unanswered request of a person still holding a seat, for a session
   * still to come, halfway through its window (`leadHours` before the start). One row per person
   * and session; `claimReminder` makes each one the sender's once.
   */
  dueReminders(now: Date, leadHours: number): Promise<DueCheckInReminder[]> {
    return this.dataSource.query<DueCheckInReminder[]>(
      `SELECT DISTINCT r.session_id AS "sessionId", r.user_id AS "userId", s.revision,
              u.email, u.display_name AS "displayName",
              u.reminder_email AS "reminderEmail", u.reminder_in_app AS "reminderInApp"
       ${LIVE_REQUESTS}
       JOIN users u ON u.id = r.user_id
       WHERE r.completed_at IS NULL AND r.reminded_at IS NULL
         AND s.status IN ('scheduled', 'open') AND s.starts_at > $1
         AND s.starts_at - make_interval(mins => $2 * 30) <= $1`,
      [now, leadHours],
    );
  }

  /** Makes the person's reminder for the session this caller's to send; false if taken. */
  async claimReminder(due: DueCheckInReminder, at: Date): Promise<boolean> {
    const claimed = await this.dataSource.query<unknown[]>(
      `UPDATE measure_requests SET reminded_at = $3
       WHERE session_id = $1 AND user_id = $2 AND reminded_at IS NULL AND completed_at IS NULL
       RETURNING 1`,
      [due.sessionId, due.userId, at],
    );
    return claimed.length > 0;
  }

  /** Gives a claimed reminder back after sending failed, so the next round tries again. */
  async releaseReminder(due: DueCheckInReminder, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE measure_requests SET reminded_at = NULL
       WHERE session_id = $1 AND user_id = $2 AND reminded_at = $3`,
      [due.sessionId, due.userId, at],
    );
  }

  /**
   * The person's requests as they stand now: times from the session (a moved session moves
   * them), none for a cancelled session or a seat given up, none before the window opened
   * unless answered; those whose session starts after `since`, the soonest first.
   */
  listForUser(
    userId: string,
    since: Date,
    now: Date,
    leadHours: number,
  ): Promise<LiveMeasureRequest[]> {
    return this.dataSource.query<LiveMeasureRequest[]>(
      `${liveRequestColumns('$4')} ${LIVE_REQUESTS}
       WHERE r.user_id = $1 AND s.starts_at > $2
         AND (r.completed_at IS NOT NULL OR s.starts_at - make_interval(hours => $4) <= $3)
       ORDER BY s.starts_at, r.measure_key`,
      [userId, since, now, leadHours],
    );
  }

  /** The person's live request, locked until `tx` ends: it is answered once. */
  async lockRequest(
    id: string,
    userId: string,
    leadHours: number,
    tx: Tx,
  ): Promise<LiveMeasureRequest | null> {
    const [row] = await tx.query<LiveMeasureRequest[]>(
      `${liveRequestColumns('$3')} ${LIVE_REQUESTS}
       WHERE r.id = $1 AND r.user_id = $2
       FOR UPDATE OF r`,
      [id, userId, leadHours],
    );
    return row ?? null;
  }

  /** The stored answer to a request, for a repeated POST. */
  responseTo(requestId: string): Promise<MeasureResponse | null> {
    return this.dataSource.getRepository(MeasureResponse).findOneBy({ requestId });
  }

  async complete(
    request: Pick<MeasureRequest, 'id'>,
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
              r.created_at AS "at", r.score, r.severity, r.language
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

  /**
   * The session's alerts, and the group's alerts from earlier sessions still open: an alert
   * stays in front of the facilitators until one of them resolves it.
   */
  async alertsForSession(sessionId: string, groupId: string): Promise<RiskAlertRow[]> {
    const rows = await this.dataSource
      .getRepository(RiskAlert)
      .createQueryBuilder('a')
      .innerJoin('users', 'u', 'u.id = a.user_id')
      .addSelect('u.display_name', 'display_name')
      .addSelect('u.legal_name', 'legal_name')
      .where('a.session_id = :sessionId', { sessionId })
      .orWhere(
        'a.resolved_at IS NULL AND a.session_id IN (SELECT id FROM sessions WHERE group_id = :groupId)',
        { groupId },
      )
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

  /** Alerts older than a few minutes whose facilitators are not all told yet. */
  async unnotifiedAlerts(now: Date): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM risk_alerts
       WHERE notified_at IS NULL AND resolved_at IS NULL AND created_at < $1
       ORDER BY created_at LIMIT 100`,
      [new Date(now.getTime() - 5 * 60_000)],
    );
    return rows.map((r) => r.id);
  }

  /** Claims telling `userId` of the alert on `channel`; false once it was sent (see claimOnce). */
  claimNotice(alertId: string, userId: string, channel: RiskAlertNotice['channel']) {
    return claimOnce(this.dataSource.getRepository(RiskAlertNotice), { alertId, userId, channel });
  }

  async markNoticeSent(
    alertId: string,
    userId: string,
    channel: RiskAlertNotice['channel'],
    tx?: Tx,
  ): Promise<void> {
    await (tx ?? this.dataSource.manager)
      .getRepository(RiskAlertNotice)
      .update({ alertId, userId, channel }, { status: 'sent' });
  }

  /** Marks the alert's facilitators all told: no round queues it again. */
  async markNotified(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(RiskAlert).update({ id }, { notifiedAt: at });
  }

  /**
   * Who hears of an alert: the group's lead and co-facilitators who are clinical staff of the
   * organization (a peer supporter facilitating the group never does).
   */
  facilitatorsOf(sessionId: string): Promise<{ id: string; email: string }[]> {
    return this.dataSource.query<{ id: string; email: string }[]>(
      `SELECT u.id, u.email FROM sessions s
       JOIN groups g ON g.id = s.group_id
       JOIN users u ON u.id = g.lead_facilitator_id
         OR u.id IN (SELECT user_id FROM group_co_facilitators WHERE group_id = g.id)
       JOIN memberships m ON m.organization_id = g.organization_id AND m.user_id = u.id
       WHERE s.id = $1 AND u.erased_at IS NULL AND m.role = ANY($2)
       ORDER BY u.email`,
      [sessionId, FACILITATOR_ROLES],
    );
  }
}
