import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '#identity';
import { Organization } from '#organizations';

/** A program an organization runs groups on, e.g. 8-session group CBT for depression. */
@Entity('curricula')
@Index('curricula_organization_id_created_at_idx', ['organizationId', 'createdAt', 'id'])
export class Curriculum {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('curricula_organization_id_idx')
  @ForeignKey(() => Organization, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  description!: string;

  /** `cbt`, `mbct` or `custom`. */
  @Column('text', { default: 'custom' })
  approach!: string;

  /** The built-in template it was created from, if any. */
  @Column('text', { name: 'template_key', nullable: true })
  templateKey!: string | null;

  /** The therapist who wrote it: they (and owners/admins) edit it. Null for older curricula. */
  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
