import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The audit entries about a person, for their export. */
@Injectable()
export class AuditPersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Who read or wrote their records: the person themselves, or the organization's staff. */
  aboutPerson(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT a.at, a.organization_id AS "organizationId", a.action,
         a.resource_type AS "resourceType", a.resource_id AS "resourceId",
         CASE WHEN a.actor_id = $1 THEN 'you' ELSE 'staff' END AS actor
       FROM audit_log a WHERE a.subject_user_id = $1 ORDER BY a.at, a.id`,
      [userId],
    );
  }
}
