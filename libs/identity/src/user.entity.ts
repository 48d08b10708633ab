import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A login identity. `displayName` is the alias rooms, rosters and other members see;
 * the e-mail is for the person and the staff of their organizations only.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased and trimmed, unique. */
  @Index('users_email_key', { unique: true })
  @Column('text')
  email!: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash!: string;

  /** Set once the person proved they receive mail at `email` (a link, or an invitation). */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true })
  emailVerifiedAt!: Date | null;

  /**
   * When the newest password-reset link was asked for; a link is bound to it, so a newer request
   * or a used link (which clears it) voids the older ones.
   */
  @Column('timestamptz', { name: 'password_reset_requested_at', nullable: true, select: false })
  passwordResetRequestedAt!: Date | null;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  /** The person's own IANA zone, for times in reminders; null: the group's zone. */
  @Column('text', { nullable: true })
  timezone!: string | null;

  /** Channels the person wants reminders on. */
  @Column('boolean', { name: 'reminder_email', default: true })
  reminderEmail!: boolean;

  @Column('boolean', { name: 'reminder_in_app', default: true })
  reminderInApp!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
