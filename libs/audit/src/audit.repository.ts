import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfEntities, type Tx } from '#database';
import { AuditEntry } from './audit-entry.entity.js';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** The audit log: rows are added, and read by organization, never changed. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds the rows; pass the `tx` of the change (or read) they record to keep them together. */
  async append(entries: NewAuditEntry[], tx?: Tx): Promise<void> {
    if (entries.length) await (tx ?? this.dataSource.manager).insert(AuditEntry, entries);
  }

  /** An organization's entries, oldest first, optionally about one person. */
  page(
    organizationId: string,
    filter: { subjectUserId?: string },
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.organization_id = :organizationId', { organizationId });
    if (filter.subjectUserId) {
      query.andWhere('a.subject_user_id = :subjectUserId', { subjectUserId: filter.subjectUserId });
    }
    return pageOfEntities(
      query,
      [
        { expression: 'a.at', type: 'timestamp' },
        { expression: 'a.id', type: 'uuid' },
      ],
      page,
    );
  }
}
