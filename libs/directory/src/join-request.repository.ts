import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';
import { JoinRequest, type JoinRequestStatus } from './join-request.entity.js';

export type NewJoinRequest = Omit<
  JoinRequest,
  'id' | 'status' | 'createdAt' | 'decidedAt' | 'decidedBy' | 'message'
>;

/** A person's request with the name of its group, as they see it. */
export interface MyJoinRequestRow extends JoinRequest {
  groupName: string;
  organizationId: string;
}

/** A request with the person's alias, as the group's facilitators see it. */
export interface GroupJoinRequestRow extends JoinRequest {
  displayName: string;
}

/** How many decided requests a group's list shows beside the pending ones. */
const DECIDED_SHOWN = 50;

@Injectable()
export class JoinRequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<JoinRequest | null> {
    return this.dataSource.getRepository(JoinRequest).findOneBy({ id });
  }

  findPending(groupId: string, userId: string): Promise<JoinRequest | null> {
    return this.dataSource
      .getRepository(JoinRequest)
      .findOneBy({ groupId, userId, status: 'pending' });
  }

  /** When the group last declined the person's request, if it ever did. */
  async lastDeclinedAt(groupId: string, userId: string): Promise<Date | null> {
    const latest = await this.dataSource.getRepository(JoinRequest).findOne({
      where: { groupId, userId, status: 'declined' },
      order: { decidedAt: 'DESC' },
      select: { id: true, decidedAt: true },
    });
    return latest?.decidedAt ?? null;
  }

  /** Adds a pending request; null when the person already has one for the group. */
  async insertPending(request: NewJoinRequest): Promise<JoinRequest | null> {
    const result = await this.dataSource
      .getRepository(JoinRequest)
      .createQueryBuilder()
      .insert()
      .values({ ...request, status: 'pending' })
      .orIgnore()
      .returning('id')
      .execute();
    const [row] = result.raw as { id: string }[];
    return row ? this.dataSource.getRepository(JoinRequest).findOneByOrFail({ id: row.id }) : null;
  }

  /**
   * Moves the request from `from` to `to` if it is still `from` (so of two clicks, one wins);
   * answers the request as it is now, or null when another change came first.
   */
  async move(
    id: string,
    from: JoinRequestStatus,
    to: JoinRequestStatus,
    changes: Partial<Pick<JoinRequest, 'decidedAt' | 'decidedBy' | 'message'>>,
    tx?: Tx,
  ): Promise<JoinRequest | null> {
    const manager = tx ?? this.dataSource.manager;
    const result = await manager
      .getRepository(JoinRequest)
      .createQueryBuilder()
      .update()
      .set({ ...changes, status: to })
      .where('id = :id AND status = :from', { id, from })
      .execute();
    return result.affected === 1 ? manager.getRepository(JoinRequest).findOneBy({ id }) : null;
  }

  /** The person's requests, the newest first. */
  async listForUser(userId: string): Promise<MyJoinRequestRow[]> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT r.*, g.name AS "groupName", g.organization_id AS "organizationId"
       FROM join_requests r JOIN groups g ON g.id = r.group_id
       WHERE r.user_id = $1 ORDER BY r.created_at DESC, r.id DESC`,
      [userId],
    );
    return rows.map((row) => ({
      ...readRow(row),
      groupName: row.groupName as string,
      organizationId: row.organizationId as string,
    }));
  }

  /** The group's pending requests (oldest first), then the latest decided ones. */
  async listForGroup(groupId: string): Promise<GroupJoinRequestRow[]> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `(SELECT r.*, u.display_name AS "displayName", 0 AS rank FROM join_requests r
         JOIN users u ON u.id = r.user_id
         WHERE r.group_id = $1 AND r.status = 'pending')
       UNION ALL
       (SELECT r.*, u.display_name AS "displayName", 1 AS rank FROM join_requests r
         JOIN users u ON u.id = r.user_id
         WHERE r.group_id = $1 AND r.status <> 'pending'
         ORDER BY r.decided_at DESC NULLS LAST, r.id LIMIT ${DECIDED_SHOWN})
       ORDER BY rank, created_at, id`,
      [groupId],
    );
    return rows.map((row) => ({ ...readRow(row), displayName: row.displayName as string }));
  }

  /** Everything about the person's requests, for their export: their own words and answers. */
  forExport(userId: string) {
    return this.dataSource.query<Record<string, unknown>[]>(
      `SELECT r.id, r.group_id AS "groupId", g.name AS "groupName", r.status, r.note,
         r.language, r.agreement_version AS "agreementVersion", r.consented_at AS "consentedAt",
         r.screening_instrument AS "screeningInstrument", r.screening_answers AS "screeningAnswers",
         r.screening_score AS "screeningScore", r.message, r.created_at AS "createdAt",
         r.decided_at AS "decidedAt"
       FROM join_requests r JOIN groups g ON g.id = r.group_id
       WHERE r.user_id = $1 ORDER BY r.created_at, r.id`,
      [userId],
    );
  }

  async deleteForUser(userId: string, tx: Tx): Promise<void> {
    await tx.getRepository(JoinRequest).delete({ userId });
  }
}

/** A raw `join_requests` row (snake case) as the entity. */
function readRow(row: Record<string, unknown>): JoinRequest {
  return {
    id: row.id as string,
    groupId: row.group_id as string,
    userId: row.user_id as string,
    status: row.status as JoinRequestStatus,
    note: row.note as string,
    language: row.language as string,
    agreementVersion: row.agreement_version as number | null,
    consentedAt: row.consented_at as Date,
    screeningInstrument: row.screening_instrument as JoinRequest['screeningInstrument'],
    screeningAnswers: row.screening_answers as number[] | null,
    screeningScore: row.screening_score as number | null,
    message: row.message as string | null,
    createdAt: row.created_at as Date,
    decidedAt: row.decided_at as Date | null,
    decidedBy: row.decided_by as string | null,
  };
}
