import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw, type Tx } from '#database';
import type { GroupMemberView, RosterEntry } from './dto/enrollment.view.js';
import { GroupConsent } from './group-consent.entity.js';
import { Enrollment, type EnrollmentStatus } from './enrollment.entity.js';

/** A person's consent to their organization's current group agreement (its highest version). */
export interface GroupConsentState {
  /** null when the organization has no agreement: nothing to consent to. */
  agreementVersion: number | null;
  consented: boolean;
}

/**
 * The columns of `GroupConsentState`, for a statement that reads more beside them (a join);
 * `groupId`, `organizationId` and `userId` are SQL expressions or parameters written in code,
 * never input. Read them back with `consentOf`.
 */
export function consentColumns(groupId: string, organizationId: string, userId: string): string {
  const current = `(SELECT max(version) FROM group_agreements WHERE organization_id = ${organizationId})`;
  return `${current} AS consent_agreement_version,
    EXISTS (SELECT 1 FROM group_consents WHERE group_id = ${groupId} AND user_id = ${userId}
      AND agreement_version = ${current}) AS consent_given`;
}

export function consentOf(row: Record<string, unknown>): GroupConsentState {
  return {
    agreementVersion: row.consent_agreement_version as number | null,
    consented: row.consent_given as boolean,
  };
}

@Injectable()
export class EnrollmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Enrollment | null> {
    return this.dataSource.getRepository(Enrollment).findOneBy({ id });
  }

  find(groupId: string, userId: string): Promise<Enrollment | null> {
    return this.dataSource.getRepository(Enrollment).findOneBy({ groupId, userId });
  }

  findForUpdate(groupId: string, userId: string, tx: Tx) {
    return tx.findOne(Enrollment, {
      where: { groupId, userId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  countActive(groupId: string, tx?: Tx): Promise<number> {
    return (tx ?? this.dataSource.manager).countBy(Enrollment, { groupId, status: 'active' });
  }

  save(enrollment: Partial<Enrollment>, tx?: Tx): Promise<Enrollment> {
    const manager = tx ?? this.dataSource.manager;
    return manager.save(manager.create(Enrollment, enrollment));
  }

  /**
   * The database's own clock, read inside the transaction: the waitlist is ordered by it, so the
   * order holds across api replicas whatever their clocks say.
   */
  async queueTime(tx: Tx): Promise<Date> {
    const [{ now }] = await tx.query<{ now: Date }[]>('SELECT clock_timestamp() AS now');
    return now;
  }

  /** The waitlisted person who asked first. */
  firstWaitlisted(groupId: string, tx?: Tx): Promise<Enrollment | null> {
    return (tx ?? this.dataSource.manager).findOne(Enrollment, {
      where: { groupId, status: 'waitlisted' },
      order: { queuedAt: 'ASC', createdAt: 'ASC' },
    });
  }

  /** Active and waitlisted people with what facilitators need: active first, waitlist in order. */
  roster(groupId: string, page: PageRequest): Promise<Page<RosterEntry>> {
    const query = this.dataSource
      .getRepository(Enrollment)
      .createQueryBuilder('e')
      .innerJoin('users', 'u', 'u.id = e.user_id')
      .select([
        'e.id AS "id"',
        'e.user_id AS "userId"',
        'u.display_name AS "displayName"',
        'u.email AS "email"',
        'e.status AS "status"',
        'e.queued_at AS "queuedAt"',
        `(SELECT max(c.agreement_version) FROM group_consents c
           WHERE c.group_id = e.group_id AND c.user_id = e.user_id) AS "consentedVersion"`,
      ])
      .where('e.group_id = :groupId', { groupId })
      .andWhere('e.status IN (:...statuses)', { statuses: ['active', 'waitlisted'] });
    return pageOfRaw<RosterEntry>(
      query,
      [
        { expression: `(CASE e.status WHEN 'active' THEN 0 ELSE 1 END)`, type: 'integer' },
        { expression: 'e.queued_at', type: 'timestamp' },
        { expression: 'e.id', type: 'uuid' },
      ],
      page,
    );
  }

  /**
   * The display aliases of the active members: all that members see of each other. By alias; the
   * key is its first 16 characters (then the id) so that cursors stay short whatever the alias.
   */
  activeAliases(groupId: string, page: PageRequest): Promise<Page<GroupMemberView>> {
    const query = this.dataSource
      .getRepository(Enrollment)
      .createQueryBuilder('e')
      .innerJoin('users', 'u', 'u.id = e.user_id')
      .select(['e.user_id AS "userId"', 'u.display_name AS "displayName"'])
      .where('e.group_id = :groupId AND e.status = :status', { groupId, status: 'active' });
    return pageOfRaw(
      query,
      [
        { expression: 'left(u.display_name, 16)', type: 'text' },
        { expression: 'e.id', type: 'uuid' },
      ],
      page,
    );
  }

  /** Users of the group's enrollments in these statuses. */
  async userIds(groupId: string, statuses: EnrollmentStatus[]): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(Enrollment)
      .findBy({ groupId, status: In(statuses) });
    return rows.map((row) => row.userId);
  }

  /** Groups in which the user holds a seat (or waits for one). */
  async groupIdsOf(userId: string, statuses: EnrollmentStatus[]): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(Enrollment)
      .findBy({ userId, status: In(statuses) });
    return rows.map((row) => row.groupId);
  }

  /** The user's seats and waitlist places, the oldest first. */
  openEnrollmentsOf(userId: string): Promise<Enrollment[]> {
    return this.dataSource.getRepository(Enrollment).find({
      where: { userId, status: In(['active', 'waitlisted']) },
      order: { createdAt: 'ASC' },
    });
  }

  /** The newest agreement version the user consented to in this group, with when. */
  latestConsent(groupId: string, userId: string): Promise<GroupConsent | null> {
    return this.dataSource
      .getRepository(GroupConsent)
      .findOne({ where: { groupId, userId }, order: { agreementVersion: 'DESC' } });
  }

  async markPromotionMailed(id: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(Enrollment)
      .createQueryBuilder()
      .update()
      .set({ promotionMailedAt: at })
      .where('id = :id AND promotion_mailed_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  async recordConsent(groupId: string, userId: string, agreementVersion: number) {
    await this.dataSource
      .getRepository(GroupConsent)
      .createQueryBuilder()
      .insert()
      .values({ groupId, userId, agreementVersion })
      .orIgnore()
      .execute();
    return this.dataSource
      .getRepository(GroupConsent)
      .findOneByOrFail({ groupId, userId, agreementVersion });
  }
}
