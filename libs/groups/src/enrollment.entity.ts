import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '#identity';
import { Group } from './group.entity.js';

export const ENROLLMENT_STATUSES = ['active', 'waitlisted', 'withdrawn'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/**
 * A participant in a group. Seats are given under a lock on the group row, so concurrent
 * enrollments can never exceed its capacity; beyond it people wait in `queuedAt` order.
 */
@Entity('enrollments')
@Index('enrollments_group_id_user_id_key', ['groupId', 'userId'], { unique: true })
@Index('enrollments_group_id_status_queued_at_idx', ['groupId', 'status', 'queuedAt'])
@Check('enrollments_status_check', `"status" IN ('active', 'waitlisted', 'withdrawn')`)
export class Enrollment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'group_id' })
  groupId!: string;

  @Index('enrollments_user_id_idx')
  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  status!: EnrollmentStatus;

  /** When the person asked for a seat; the waitlist is served in this order. */
  @Column('timestamptz', { name: 'queued_at' })
  queuedAt!: Date;

  /** Set when a waitlisted person got a seat; the promotion e-mail is sent once for it. */
  @Column('timestamptz', { name: 'promoted_at', nullable: true })
  promotedAt!: Date | null;

  @Column('timestamptz', { name: 'promotion_mailed_at', nullable: true })
  promotionMailedAt!: Date | null;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
