import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Organization } from '#organizations';
import type { CrisisResource } from './default-crisis-resources.js';

/** An organization's own crisis resources for one locale, shown before Hearth's. */
@Entity('crisis_resources')
export class OrganizationCrisisResources {
  @ForeignKey(() => Organization, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'organization_id',
    primaryKeyConstraintName: 'crisis_resources_pkey',
  })
  organizationId!: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'crisis_resources_pkey' })
  locale!: string;

  @Column('jsonb')
  items!: CrisisResource[];

  @Column('uuid', { name: 'updated_by_id' })
  updatedById!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
