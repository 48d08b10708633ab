import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '#identity';
import { Organization } from './organization.entity.js';
import type { OrganizationRole } from './organization-role.js';

@Entity('memberships')
@Index('memberships_organization_id_user_id_key', ['organizationId', 'userId'], { unique: true })
@Index('memberships_organization_id_created_at_idx', ['organizationId', 'createdAt', 'id'])
@Check(
  'memberships_role_check',
  `"role" IN ('owner', 'admin', 'therapist', 'peer_supporter', 'participant')`,
)
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Organization, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Index('memberships_user_id_idx')
  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  role!: OrganizationRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
