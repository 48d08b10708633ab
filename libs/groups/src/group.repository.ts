import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { FACILITATOR_ROLES, type OrganizationRole } from '#organizations';
import { EntityColumns, pageOfRaw, PreparedStatement, type Tx } from '#database';
import type { EnrollmentStatus } from './enrollment.entity.js';
import { GroupCoFacilitator } from './group-co-facilitator.entity.js';
import { Group, type GroupKind } from './group.entity.js';

/** A line of an organization's list of groups, read without loading sessions. */
export interface GroupSummaryRow {
  id: string;
  name: string;
  description: string;
  tags: string[];
  kind: GroupKind;
  language: string;
  timezone: string;
  startTime: string;
  durationMinutes: number;
  capacity: number;
  enrolled: number;
  waitlisted: number;
  nextSessionAt: Date | null;
}

/** Where someone stands with a group: their organization role, co-facilitation and enrollment. */
export interface GroupStanding {
  organizationRole: OrganizationRole | null;
  coFacilitates: boolean;
  enrollmentStatus: EnrollmentStatus | null;
}

/**
 * The columns of a person's standing with a group, for a statement that reads more beside it
 * (a session's access, a join): `groupId`, `organizationId` and `userId` are SQL expressions or
 * parameters written in code, never input. Read them back with `standingOf`.
 */
export function standingColumns(groupId: string, organizationId: string, userId: string): string {
  return `(SELECT role FROM memberships WHERE organization_id = ${organizationId} AND user_id = ${userId}) AS standing_role,
    EXISTS (SELECT 1 FROM group_co_facilitators WHERE group_id = ${groupId} AND user_id = ${userId}) AS standing_co_facilitates,
    (SELECT status FROM enrollments WHERE group_id = ${groupId} AND user_id = ${userId}) AS standing_enrollment`;
}

export function standingOf(row: Record<string, unknown>): GroupStanding {
  return {
    organizationRole: row.standing_role as OrganizationRole | null,
    coFacilitates: row.standing_co_facilitates as boolean,
    enrollmentStatus: row.standing_enrollment as EnrollmentStatus | null,
  };
}

/** The group (`g`) and the organization memberships (`m`) of its lead and co-facilitators. */
const FACILITATOR_MEMBERSHIPS = `FROM groups g JOIN memberships m
  ON m.organization_id = g.organization_id
 AND (m.user_id = g.lead_facilitator_id
      OR m.user_id IN (SELECT user_id FROM group_co_facilitators WHERE group_id = g.id))`;

export type NewGroup = Omit<Group, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class GroupRepository {
  private readonly columns: EntityColumns<Group>;
  private readonly forPerson: PreparedStatement<Record<string, unknown>>;
  private readonly standingOnly: PreparedStatement<Record<string, unknown>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.columns = new EntityColumns(dataSource, Group, 'g');
    this.forPerson = new PreparedStatement(
      dataSource,
      () => `SELECT ${this.columns.select}, ${standingColumns('g.id', 'g.organization_id', '$2')}
        FROM groups g WHERE g.id = $1`,
    );
    this.standingOnly = new PreparedStatement(
      dataSource,
      () => `SELECT ${standingColumns('$1', '$2', '$3')}`,
    );
  }

  findById(id: string): Promise<Group | null> {
    return this.dataSource.getRepository(Group).findOneBy({ id });
  }

  /** Locks the group row for the rest of the transaction: seats and schedules change under it. */
  lock(id: string, tx: Tx): Promise<Group | null> {
    return tx.findOne(Group, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The group with its co-facilitators; pass `tx` to make it part of a larger change. */
  async insert(group: NewGroup, coFacilitatorIds: string[], tx?: Tx): Promise<Group> {
    const manager = tx ?? this.dataSource.manager;
    const created = await manager.save(manager.create(Group, group));
    if (coFacilitatorIds.length) {
      await manager.insert(
        GroupCoFacilitator,
        coFacilitatorIds.map((userId) => ({ groupId: created.id, userId })),
      );
    }
    return created;
  }

  async coFacilitatorIds(groupId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(GroupCoFacilitator).findBy({ groupId });
    return rows.map((row) => row.userId);
  }

  /** The group and where the person stands with it, in one fixed statement. */
  async findForPerson(
    id: string,
    userId: string,
  ): Promise<{ group: Group; standing: GroupStanding } | null> {
    const row = await this.forPerson.first([id, userId]);
    return row ? { group: this.columns.read(row)!, standing: standingOf(row) } : null;
  }

  /** The person's standing with the group, in one statement. */
  async standing(
    group: Pick<Group, 'id' | 'organizationId'>,
    userId: string,
  ): Promise<GroupStanding> {
    return standingOf((await this.standingOnly.first([group.id, group.organizationId, userId]))!);
  }

  async updateSeries(
    id: string,
    changes: Pick<Group, 'startTime' | 'durationMinutes'>,
    tx?: Tx,
  ): Promise<void> {
    await (tx ?? this.dataSource.manager).update(Group, { id }, changes);
  }

  /** Support and drop-in groups not ended: those whose meetings keep being scheduled. */
  async openEndedIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM groups WHERE kind <> 'curriculum' AND ended_at IS NULL ORDER BY created_at, id`,
    );
    return rows.map((row) => row.id);
  }

  /** Ends an open-ended group, inside the caller's transaction (the row is locked). */
  async markEnded(id: string, at: Date, tx: Tx): Promise<void> {
    await tx.update(Group, { id }, { endedAt: at });
  }

  /** The group's facilitators: the lead, then the co-facilitators. */
  async facilitatorIds(group: Group): Promise<string[]> {
    return [group.leadFacilitatorId, ...(await this.coFacilitatorIds(group.id))];
  }

  /** Whether the group's lead or a co-facilitator is clinical staff (not a peer supporter). */
  async hasClinicianFacilitator(group: Pick<Group, 'id' | 'organizationId'>): Promise<boolean> {
    const [row] = await this.dataSource.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 ${FACILITATOR_MEMBERSHIPS}
         WHERE g.id = $1 AND g.organization_id = $2 AND m.role = ANY($3)) AS found`,
      [group.id, group.organizationId, FACILITATOR_ROLES],
    );
    return row.found;
  }

  /**
   * Who takes the group's clinical follow-ups (absences): its lead when clinical staff of the
   * organization, otherwise its clinical co-facilitators; never a peer supporter. Empty for a
   * group run by peer supporters alone.
   */
  async clinicalFollowUpIds(group: Pick<Group, 'id' | 'leadFacilitatorId'>): Promise<string[]> {
    const rows = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT m.user_id ${FACILITATOR_MEMBERSHIPS}
       WHERE g.id = $1 AND m.role = ANY($2) ORDER BY m.user_id`,
      [group.id, FACILITATOR_ROLES],
    );
    const ids = rows.map((row) => row.user_id);
    return ids.includes(group.leadFacilitatorId) ? [group.leadFacilitatorId] : ids;
  }

  /** Ids of the groups a user leads or co-facilitates. */
  async facilitatedGroupIds(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM groups WHERE lead_facilitator_id = $1
       UNION SELECT group_id FROM group_co_facilitators WHERE user_id = $1`,
      [userId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The organization's groups, oldest first, with seats taken and the next session; only those
   * `facilitatorId` leads or co-facilitates when given.
   */
  pageOfOrganization(
    organizationId: string,
    facilitatorId: string | undefined,
    now: Date,
    page: PageRequest,
  ): Promise<Page<GroupSummaryRow>> {
    const seats = (status: 'active' | 'waitlisted') =>
      `(SELECT count(*)::int FROM enrollments e WHERE e.group_id = g.id AND e.status = '${status}')`;
    const query = this.dataSource
      .getRepository(Group)
      .createQueryBuilder('g')
      .select([
        'g.id AS "id"',
        'g.name AS "name"',
        'g.description AS "description"',
        'g.tags AS "tags"',
        'g.kind AS "kind"',
        'g.language AS "language"',
        'g.timezone AS "timezone"',
        'g.start_time AS "startTime"',
        'g.duration_minutes AS "durationMinutes"',
        'g.capacity AS "capacity"',
        `${seats('active')} AS "enrolled"`,
        `${seats('waitlisted')} AS "waitlisted"`,
        `(SELECT min(s.starts_at) FROM sessions s WHERE s.group_id = g.id AND s.ends_at > :now
          AND s.status <> 'cancelled') AS "nextSessionAt"`,
      ])
      .where('g.organization_id = :organizationId', { organizationId })
      .setParameter('now', now);
    if (facilitatorId) {
      query.andWhere(
        `(g.lead_facilitator_id = :facilitatorId OR EXISTS (SELECT 1 FROM group_co_facilitators f
          WHERE f.group_id = g.id AND f.user_id = :facilitatorId))`,
        { facilitatorId },
      );
    }
    return pageOfRaw<GroupSummaryRow>(
      query,
      [
        { expression: 'g.created_at', type: 'timestamp' },
        { expression: 'g.id', type: 'uuid' },
      ],
      page,
    );
  }
}
