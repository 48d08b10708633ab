import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'sign',
  'resolve',
  'export',
  'delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One read or write of clinical data: who, when, what, about whom. Append-only: the database
 * refuses UPDATE, DELETE and TRUNCATE on the table (migration AuditLog). People are bare ids, so
 * a row outlives the account it names.
 */
@Entity('audit_log')
@Index('audit_log_organization_id_at_idx', ['organizationId', 'at', 'id'])
@Index('audit_log_organization_id_subject_user_id_at_idx', [
  'organizationId',
  'subjectUserId',
  'at',
  'id',
])
@Check('audit_log_action_check', `"action" IN (${AUDIT_ACTIONS.map((a) => `'${a}'`).join(', ')})`)
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_log_pkey' })
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  action!: AuditAction;

  /** What kind of record: `attendance`, `roster`, `measure_response`, `note`, `export`… */
  @Column('text', { name: 'resource_type' })
  resourceType!: string;

  @Column('text', { name: 'resource_id', nullable: true })
  resourceId!: string | null;

  /** The person the record is about, when it is about one person. */
  @Column('uuid', { name: 'subject_user_id', nullable: true })
  subjectUserId!: string | null;
}
