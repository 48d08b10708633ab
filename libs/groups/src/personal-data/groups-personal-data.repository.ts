import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';

/** What #groups holds about a person, for their export and erasure. */
@Injectable()
export class GroupsPersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  enrollments(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT g.id AS "groupId", g.name AS "groupName", o.name AS "organizationName", e.status,
         e.created_at AS "enrolledAt", e.queued_at AS "queuedAt", e.promoted_at AS "promotedAt",
         e.withdrawn_at AS "withdrawnAt"
       FROM enrollments e JOIN groups g ON g.id = e.group_id
       JOIN organizations o ON o.id = g.organization_id
       WHERE e.user_id = $1 ORDER BY e.created_at, e.id`,
      [userId],
    );
  }

  consents(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT g.id AS "groupId", g.name AS "groupName", c.agreement_version AS "agreementVersion",
         c.consented_at AS "consentedAt"
       FROM group_consents c JOIN groups g ON g.id = c.group_id
       WHERE c.user_id = $1 ORDER BY c.consented_at, c.id`,
      [userId],
    );
  }

  facilitated(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT g.id AS "groupId", g.name AS "groupName",
         CASE WHEN g.lead_facilitator_id = $1 THEN 'lead' ELSE 'co-facilitator' END AS role
       FROM groups g
       WHERE g.lead_facilitator_id = $1
         OR EXISTS (SELECT 1 FROM group_co_facilitators c WHERE c.group_id = g.id AND c.user_id = $1)
       ORDER BY g.created_at, g.id`,
      [userId],
    );
  }

  /** Groups the person leads that still meet: a session not cancelled ends after `now`. */
  stillLed(userId: string, now: Date, tx: Tx): Promise<{ name: string }[]> {
    return tx.query(
      `SELECT g.name FROM groups g
       WHERE g.lead_facilitator_id = $1 AND EXISTS (
         SELECT 1 FROM sessions s WHERE s.group_id = g.id
           AND s.status IN ('scheduled', 'open', 'live') AND s.ends_at > $2)
       ORDER BY g.name`,
      [userId, now],
    );
  }

  /** The groups the person holds a seat or a waitlist place in. */
  async openGroupIds(userId: string, tx: Tx): Promise<string[]> {
    const rows = await tx.query<{ group_id: string }[]>(
      `SELECT group_id FROM enrollments WHERE user_id = $1 AND status <> 'withdrawn'
       ORDER BY group_id`,
      [userId],
    );
    return rows.map((row) => row.group_id);
  }

  /** Consents go, and co-facilitation ends (with it, access to the group's members' records). */
  async erase(userId: string, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM group_consents WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM group_co_facilitators WHERE user_id = $1', [userId]);
  }
}
