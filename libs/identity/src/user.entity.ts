import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A login identity. `displayName` is the alias rooms, rosters and other members see;
 * the e-mail is for the person and the staff of their organizations only. An erased account
 * keeps its row (others' records point at it) with no e-mail, no password and a neutral alias.
 */
@Entity('users')
@Check(
  'users_erased_check',
  `("erased_at" IS NULL) = ("email" IS NOT NULL AND "password_hash" IS NOT NULL)`,
)
@Check('users_erased_legal_name_check', `"erased_at" IS NULL OR "legal_name" IS NULL`)
@Index('users_erased_at_idx', ['erasedAt'], { where: '"erased_at" IS NOT NULL' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /**
   * Stored lower-cased and trimmed, unique. Null only once the account is erased; the reads
   * that serve signed-in people (`findById`, by e-mail) never answer an erased account.
   */
  @Index('users_email_key', { unique: true })
  @Column('text', { nullable: true })
  email!: string;

  /** Null once the account is erased: nothing signs in to it again. */
  @Column('text', { name: 'password_hash', select: false, nullable: true })
  passwordHash!: string | null;

  /** Set once the person proved they receive mail at `email` (a link, or an invitation). */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true })
  emailVerifiedAt!: Date | null;

  /**
   * When the pending password-reset link was asked for; a link is bound to it, so using it (which
   * clears it) voids it. Requests while one is pending keep it, so the owner's link stays valid.
   */
  @Column('timestamptz', { name: 'password_reset_requested_at', nullable: true, select: false })
  passwordResetRequestedAt!: Date | null;

  /** When the pending reset link was last mailed; it is mailed again at most every 5 minutes. */
  @Column('timestamptz', { name: 'password_reset_mailed_at', nullable: true, select: false })
  passwordResetMailedAt!: Date | null;

  /**
   * Bound into the calendar-feed address; raised by every new password and by a reclaim, so the
   * feed addresses handed out before stop working.
   */
  @Column('integer', { name: 'feed_version', default: 0 })
  feedVersion!: number;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  /**
   * The person's legal name, if they gave one: only the group's facilitators and the
   * organization's owners and admins see it (notes, measures, exports), never other members.
   * Not selected unless asked for, so no member-facing read carries it by accident.
   */
  @Column('text', { name: 'legal_name', nullable: true, select: false })
  legalName!: string | null;

  /** The person's own IANA zone, for times in reminders; null: the group's zone. */
  @Column('text', { nullable: true })
  timezone!: string | null;

  /** Channels the person wants reminders on. */
  @Column('boolean', { name: 'reminder_email', default: true })
  reminderEmail!: boolean;

  @Column('boolean', { name: 'reminder_in_app', default: true })
  reminderInApp!: boolean;

  /** When the person erased the account (docs/privacy.md); null while it is in use. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
