import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';
import { type PurgedRecord, RETENTION_ENDED } from '#identity';

/** A record of the export, with the organization it belongs to (for the audit row). */
export type OrganizationRecord = { organizationId: string } & object;

/**
 * What #clinical holds about a person (measures, alerts, the notes written about them), for
 * their export, erasure and the retention purge. Only the tables, never the services: these
 * reads are the person's own, through `GET /me/export`.
 */
@Injectable()
export class ClinicalPersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every request the person had, with their answers, score and band where they answered. */
  measures(userId: string): Promise<OrganizationRecord[]> {
    return this.dataSource.query(
      `SELECT g.organization_id AS "organizationId", r.id AS "requestId",
         r.measure_key AS "measureKey", r.session_id AS "sessionId", g.name AS "groupName",
         r.opens_at AS "opensAt", r.expires_at AS "expiresAt", r.completed_at AS "completedAt",
         m.answers, m.score, m.severity, m.created_at AS "answeredAt"
       FROM measure_requests r JOIN sessions s ON s.id = r.session_id
       JOIN groups g ON g.id = s.group_id
       LEFT JOIN measure_responses m ON m.request_id = r.id
       WHERE r.user_id = $1 ORDER BY r.opens_at, r.measure_key, r.id`,
      [userId],
    );
  }

  /** Risk alerts about the person and how they were resolved (by whom is left out). */
  riskAlerts(userId: string): Promise<OrganizationRecord[]> {
    return this.dataSource.query(
      `SELECT g.organization_id AS "organizationId", a.kind, a.session_id AS "sessionId",
         a.created_at AS "createdAt", a.resolved_at AS "resolvedAt", a.resolution
       FROM risk_alerts a JOIN sessions s ON s.id = a.session_id
       JOIN groups g ON g.id = s.group_id
       WHERE a.user_id = $1 ORDER BY a.created_at, a.id`,
      [userId],
    );
  }

  /**
   * The individual notes about the person, with their dated addenda. Group notes are not
   * included: they are about the whole group, other members too.
   */
  memberNotes(userId: string): Promise<OrganizationRecord[]> {
    return this.dataSource.query(
      `SELECT g.organization_id AS "organizationId", n.session_id AS "sessionId",
         g.name AS "groupName", s.starts_at AS "sessionStartsAt", n.content,
         n.updated_at AS "updatedAt", sig.signed_at AS "signedAt",
         COALESCE((SELECT json_agg(json_build_object('content', d.content, 'createdAt', d.created_at)
             ORDER BY d.created_at, d.id)
           FROM note_addenda d WHERE d.session_id = n.session_id AND d.subject_user_id = $1),
           '[]'::json) AS addenda
       FROM session_notes n JOIN sessions s ON s.id = n.session_id
       JOIN groups g ON g.id = s.group_id
       LEFT JOIN session_note_signatures sig ON sig.session_id = n.session_id
       WHERE n.subject_user_id = $1 ORDER BY s.starts_at, n.id`,
      [userId],
    );
  }

  /** Homework assigned to the person, with their completion and reflection. */
  homework(userId: string): Promise<OrganizationRecord[]> {
    return this.dataSource.query(
      `SELECT g.organization_id AS "organizationId", h.session_id AS "sessionId",
         g.name AS "groupName", s.module_title AS "moduleTitle", h.assigned_at AS "assignedAt",
         h.completed_at AS "completedAt", h.reflection
       FROM homework h JOIN sessions s ON s.id = h.session_id
       JOIN groups g ON g.id = s.group_id
       WHERE h.user_id = $1 ORDER BY h.assigned_at, h.id`,
      [userId],
    );
  }

  /**
   * Incidents recorded about the person (who recorded them is left out, as for alerts); a
   * correction names the incident it corrects.
   */
  incidents(userId: string): Promise<OrganizationRecord[]> {
    return this.dataSource.query(
      `SELECT g.organization_id AS "organizationId", i.id, i.session_id AS "sessionId",
         g.name AS "groupName", i.kind, i.description, i.actions_taken AS "actionsTaken",
         i.corrects_id AS "correctsId", i.created_at AS "createdAt"
       FROM incidents i JOIN sessions s ON s.id = i.session_id
       JOIN groups g ON g.id = s.group_id
       WHERE i.subject_user_id = $1 ORDER BY i.created_at, i.id`,
      [userId],
    );
  }

  /** Private side rooms the person was invited to during sessions, and what became of them. */
  sideRooms(userId: string): Promise<OrganizationRecord[]> {
    return this.dataSource.query(
      `SELECT g.organization_id AS "organizationId", r.session_id AS "sessionId",
         g.name AS "groupName", r.created_at AS "invitedAt", r.joined_at AS "joinedAt",
         r.declined_at AS "declinedAt", r.closed_at AS "closedAt"
       FROM side_rooms r JOIN sessions s ON s.id = r.session_id
       JOIN groups g ON g.id = s.group_id
       WHERE r.user_id = $1 ORDER BY r.created_at, r.id`,
      [userId],
    );
  }

  /** At erasure: requests never answered go (nothing clinical in them); answers stay. */
  async erase(userId: string, tx: Tx): Promise<void> {
    await tx.query(
      `DELETE FROM measure_requests r WHERE r.user_id = $1
         AND NOT EXISTS (SELECT 1 FROM measure_responses m WHERE m.request_id = r.id)`,
      [userId],
    );
  }

  /**
   * Deletes what was kept about erased people whose organization's retention has ended: their
   * requests with the answers and alerts (cascading), the notes about them and their addenda,
   * the incidents about them, their side rooms, their homework.
   */
  async purgeExpired(now: Date, tx: Tx): Promise<PurgedRecord[]> {
    const purged: PurgedRecord[] = [];
    for (const [resourceType, statement] of [
      [
        'measure_responses',
        `DELETE FROM measure_requests x USING sessions s, groups g, organizations o, users u
         WHERE s.id = x.session_id AND g.id = s.group_id AND o.id = g.organization_id
           AND u.id = x.user_id AND ${RETENTION_ENDED}
         RETURNING g.organization_id AS "organizationId", x.user_id AS "userId"`,
      ],
      [
        'member_note',
        `DELETE FROM session_notes x USING sessions s, groups g, organizations o, users u
         WHERE s.id = x.session_id AND g.id = s.group_id AND o.id = g.organization_id
           AND u.id = x.subject_user_id AND ${RETENTION_ENDED}
         RETURNING g.organization_id AS "organizationId", x.subject_user_id AS "userId"`,
      ],
      [
        'member_note_addendum',
        `DELETE FROM note_addenda x USING sessions s, groups g, organizations o, users u
         WHERE s.id = x.session_id AND g.id = s.group_id AND o.id = g.organization_id
           AND u.id = x.subject_user_id AND ${RETENTION_ENDED}
         RETURNING g.organization_id AS "organizationId", x.subject_user_id AS "userId"`,
      ],
      [
        'incident',
        `DELETE FROM incidents x USING sessions s, groups g, organizations o, users u
         WHERE s.id = x.session_id AND g.id = s.group_id AND o.id = g.organization_id
           AND u.id = x.subject_user_id AND ${RETENTION_ENDED}
         RETURNING g.organization_id AS "organizationId", x.subject_user_id AS "userId"`,
      ],
      [
        'side_room',
        `DELETE FROM side_rooms x USING sessions s, groups g, organizations o, users u
         WHERE s.id = x.session_id AND g.id = s.group_id AND o.id = g.organization_id
           AND u.id = x.user_id AND ${RETENTION_ENDED}
         RETURNING g.organization_id AS "organizationId", x.user_id AS "userId"`,
      ],
      [
        'homework',
        `DELETE FROM homework x USING sessions s, groups g, organizations o, users u
         WHERE s.id = x.session_id AND g.id = s.group_id AND o.id = g.organization_id
           AND u.id = x.user_id AND ${RETENTION_ENDED}
         RETURNING g.organization_id AS "organizationId", x.user_id AS "userId"`,
      ],
    ]) {
      const [rows] = await tx.query<[Omit<PurgedRecord, 'resourceType'>[], number]>(statement, [
        now,
      ]);
      purged.push(...rows.map((row) => ({ ...row, resourceType })));
    }
    return purged;
  }
}
