import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { EntityColumns, pageOfRaw, PreparedStatement, type Tx } from '#database';
import { MemberView, ParticipantView } from './dto/organization.view.js';
import { Membership } from './membership.entity.js';

@Injectable()
export class MembershipRepository {
  private readonly columns: EntityColumns<Membership>;
  private readonly one: PreparedStatement<Record<string, unknown>>;
  private readonly ofUser: PreparedStatement<Record<string, unknown>>;

  constructor(@InjectRepository(Membership) private readonly memberships: Repository<Membership>) {
    const { dataSource } = memberships.manager;
    this.columns = new EntityColumns(dataSource, Membership, 'm');
    this.one = new PreparedStatement(
      dataSource,
      () => `SELECT ${this.columns.select} FROM memberships m
        WHERE m.organization_id = $1 AND m.user_id = $2`,
    );
    this.ofUser = new PreparedStatement(
      dataSource,
      () => `SELECT ${this.columns.select} FROM memberships m WHERE m.user_id = $1
        ORDER BY m.created_at, m.id`,
    );
  }

  // Fixed statements: both run on the request path (organization routes, `GET /me`).
  async find(organizationId: string, userId: string): Promise<Membership | null> {
    const row = await this.one.first([organizationId, userId]);
    return row ? this.columns.read(row) : null;
  }

  async listForUser(userId: string): Promise<Membership[]> {
    return (await this.ofUser.rows([userId])).map((row) => this.columns.read(row)!);
  }

  /** Adds the membership; answers null when the user already belongs to the organization. */
  async insert(
    membership: Pick<Membership, 'organizationId' | 'userId' | 'role'>,
    tx?: Tx,
  ): Promise<Membership | null> {
    const repository = tx ? tx.getRepository(Membership) : this.memberships;
    const result = await repository
      .createQueryBuilder()
      .insert()
      .values(membership)
      .orIgnore()
      .returning('id')
      .execute();
    const [row] = result.raw as { id: string }[];
    return row ? repository.findOneByOrFail({ id: row.id }) : null;
  }

  /** The organization's members in the order they joined. */
  listMembers(organizationId: string, page: PageRequest): Promise<Page<MemberView>> {
    const query = this.memberships
      .createQueryBuilder('m')
      .innerJoin('users', 'u', 'u.id = m.user_id')
      .select([
        'm.user_id AS "userId"',
        'u.email AS "email"',
        'u.display_name AS "displayName"',
        'm.role AS "role"',
        'm.created_at AS "joinedAt"',
      ])
      .where('m.organization_id = :organizationId', { organizationId });
    return pageOfRaw<MemberView>(
      query,
      [
        { expression: 'm.created_at', type: 'timestamp' },
        { expression: 'm.id', type: 'uuid' },
      ],
      page,
    );
  }

  /** The organization's participants by alias only, for the facilitators who enroll them. */
  listParticipants(organizationId: string, page: PageRequest): Promise<Page<ParticipantView>> {
    const query = this.memberships
      .createQueryBuilder('m')
      .innerJoin('users', 'u', 'u.id = m.user_id')
      .select(['m.user_id AS "userId"', 'u.display_name AS "displayName"'])
      .where('m.organization_id = :organizationId', { organizationId })
      .andWhere("m.role = 'participant'");
    return pageOfRaw<ParticipantView>(
      query,
      [
        { expression: 'm.created_at', type: 'timestamp' },
        { expression: 'm.id', type: 'uuid' },
      ],
      page,
    );
  }
}
