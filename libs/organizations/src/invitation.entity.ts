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

/**
 * An invitation to join an organization. The link's secret is derived from the id (HMAC), so
 * nothing secret is stored and a job carrying only the id can rebuild the link.
 * `version` grows each time the invitation is sent again; `sentVersion` is the last one mailed.
 * Open means neither accepted nor declined (nor expired): only accepting makes a membership.
 */
@Entity('invitations')
@Index('invitations_pending_email_key', ['organizationId', 'email'], {
  unique: true,
  where: 'accepted_at IS NULL AND declined_at IS NULL',
})
@Check(
  'invitations_role_check',
  `"role" IN ('owner', 'admin', 'therapist', 'peer_supporter', 'participant')`,
)
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Organization, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text')
  email!: string;

  @Column('text')
  role!: OrganizationRole;

  @ForeignKey(() => User)
  @Column('uuid', { name: 'invited_by_id' })
  invitedById!: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('timestamptz', { name: 'declined_at', nullable: true })
  declinedAt!: Date | null;

  @Column('integer', { default: 1 })
  version!: number;

  @Column('integer', { name: 'sent_version', default: 0 })
  sentVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
