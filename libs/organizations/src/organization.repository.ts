import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transactions } from '#database';
import { GroupAgreement } from './group-agreement.entity.js';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';

export interface OrganizationChanges {
  name?: string;
  timezone?: string;
  reminderOffsetsMinutes?: number[];
  clinicalRetentionDays?: number;
  groupAgreement?: string;
}

@Injectable()
export class OrganizationRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  findById(id: string): Promise<Organization | null> {
    return this.dataSource.getRepository(Organization).findOneBy({ id });
  }

  /** Creates the organization with its creator as owner, in one transaction. */
  createWithOwner(name: string, ownerId: string): Promise<Organization> {
    return this.transactions.run(async (tx) => {
      const organization = await tx.save(tx.create(Organization, { name }));
      await tx.insert(Membership, {
        organizationId: organization.id,
        userId: ownerId,
        role: 'owner',
      });
      return organization;
    });
  }

  currentAgreement(organizationId: string): Promise<GroupAgreement | null> {
    return this.dataSource
      .getRepository(GroupAgreement)
      .findOne({ where: { organizationId }, order: { version: 'DESC' } });
  }

  /**
   * Applies the changes; a changed group agreement becomes a new version (earlier versions stay,
   * since consents point at them). The organization row is locked so versions never collide.
   */
  update(id: string, changes: OrganizationChanges): Promise<Organization> {
    return this.transactions.run(async (tx) => {
      const organization = await tx.findOneOrFail(Organization, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const { groupAgreement, ...fields } = changes;
      Object.assign(organization, fields);
      await tx.save(organization);
      if (groupAgreement !== undefined) {
        const current = await tx.findOne(GroupAgreement, {
          where: { organizationId: id },
          order: { version: 'DESC' },
        });
        if (current?.text !== groupAgreement) {
          await tx.insert(GroupAgreement, {
            organizationId: id,
            version: (current?.version ?? 0) + 1,
            text: groupAgreement,
          });
        }
      }
      return organization;
    });
  }
}
