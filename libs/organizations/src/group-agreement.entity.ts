import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Organization } from './organization.entity.js';

/** One version of an organization's group agreement; consent refers to a version, so none is edited. */
@Entity('group_agreements')
@Index('group_agreements_organization_id_version_key', ['organizationId', 'version'], {
  unique: true,
})
export class GroupAgreement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Organization, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('integer')
  version!: number;

  @Column('text')
  text!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
