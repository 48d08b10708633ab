import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Group } from '#groups';
import { User } from '#identity';
import type { Screening } from './group-listing.entity.js';

export const JOIN_REQUEST_STATUSES = [
  'pending',
  'approved',
  'waitlisted',
  'declined',
  'withdrawn',
] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

/** The longest note a person may write to the facilitators with a request. */
export const JOIN_NOTE_MAX_LENGTH = 500;
/** The longest message a facilitator may send with a decline. */
export const DECLINE_MESSAGE_MAX_LENGTH = 1000;

/**
 * A person's request to join a group from the public directory. Consent to the organization's
 * group agreement is given with it (`consentedAt`, `agreementVersion`), so an approval adds
 * nobody who did not agree. The note and the screening are for the group's facilitators only;
 * the score for clinicians only. One pending request per person and group.
 */
@Entity('join_requests')
@Index('join_requests_group_id_user_id_pending_key', ['groupId', 'userId'], {
  unique: true,
  where: `"status" = 'pending'`,
})
@Index('join_requests_group_id_created_at_idx', ['groupId', 'createdAt'])
@Index('join_requests_user_id_idx', ['userId'])
@Check(
  'join_requests_status_check',
  `"status" IN ('pending', 'approved', 'waitlisted', 'declined', 'withdrawn')`,
)
@Check(
  'join_requests_screening_check',
  `("screening_instrument" IS NULL AND "screening_answers" IS NULL AND "screening_score" IS NULL) OR ("screening_instrument" IN ('phq2', 'gad2') AND cardinality("screening_answers") = 2 AND "screening_score" IS NOT NULL)`,
)
@Check('join_requests_note_length_check', `char_length("note") <= ${JOIN_NOTE_MAX_LENGTH}`)
export class JoinRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'group_id' })
  groupId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  status!: JoinRequestStatus;

  @Column('text', { default: '' })
  note!: string;

  /** The language the person asked in (en, bn, id): what they are answered in. */
  @Column('text', { default: 'en' })
  language!: string;

  /** The group agreement version agreed to with the request; null when there was none yet. */
  @Column('integer', { name: 'agreement_version', nullable: true })
  agreementVersion!: number | null;

  @Column('timestamptz', { name: 'consented_at' })
  consentedAt!: Date;

  @Column('text', { name: 'screening_instrument', nullable: true })
  screeningInstrument!: Screening | null;

  @Column('integer', { name: 'screening_answers', array: true, nullable: true })
  screeningAnswers!: number[] | null;

  @Column('integer', { name: 'screening_score', nullable: true })
  screeningScore!: number | null;

  /** The kind message sent with a decline. */
  @Column('text', { nullable: true })
  message!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;
}
