import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '#identity';
import { Organization } from '#organizations';

/** A public event of an organization: a host, guest speakers and an audience without accounts. */
@Entity('webinars')
export class Webinar {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('webinars_organization_id_idx')
  @ForeignKey(() => Organization, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('integer', { name: 'duration_minutes' })
  durationMinutes!: number;

  @Column('text')
  timezone!: string;

  @Column('integer')
  capacity!: number;

  /** With it, questions wait for a host's approval before others see them. */
  @Column('boolean', { name: 'qa_moderation', default: true })
  qaModeration!: boolean;

  @ForeignKey(() => User)
  @Column('uuid', { name: 'created_by_id' })
  createdById!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A staff member named to run this webinar (moderate, promote, see registrations). */
@Entity('webinar_hosts')
export class WebinarHost {
  @ForeignKey(() => Webinar, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'webinar_id' })
  webinarId!: string;

  @Index('webinar_hosts_user_id_idx')
  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A guest speaker, invited by e-mail with a personal link (a signed key, nothing stored). */
@Entity('webinar_speakers')
@Index('webinar_speakers_webinar_id_email_key', ['webinarId', 'email'], { unique: true })
export class WebinarSpeaker {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Webinar, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'webinar_id' })
  webinarId!: string;

  @Column('text')
  email!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Someone in the audience: a display name (an alias is fine) and an e-mail, seen by hosts only.
 * Their access key is signed from the id, so nothing secret is stored.
 */
@Entity('webinar_registrations')
@Index('webinar_registrations_webinar_id_email_key', ['webinarId', 'email'], { unique: true })
@Index('webinar_registrations_webinar_id_created_at_idx', ['webinarId', 'createdAt', 'id'])
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Webinar, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'webinar_id' })
  webinarId!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text')
  email!: string;

  /** Promoted by a host: may publish until demoted. */
  @Column('boolean', { default: false })
  promoted!: boolean;

  /** When the link was last mailed; registering again re-sends it at most once per interval. */
  @Column('timestamptz', { name: 'confirmation_sent_at', nullable: true })
  confirmationSentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export type QuestionStatus = 'held' | 'visible' | 'answered' | 'dismissed';

@Entity('webinar_questions')
@Index('webinar_questions_webinar_id_idx', ['webinarId', 'status'])
// (webinar_id, votes, created_at DESC, id DESC), made by the ListIndexes migration.
@Index('webinar_questions_webinar_id_votes_idx', { synchronize: false })
@Check('webinar_questions_status_check', `"status" IN ('held', 'visible', 'answered', 'dismissed')`)
export class Question {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Webinar, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'webinar_id' })
  webinarId!: string;

  @ForeignKey(() => Registration, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'registration_id' })
  registrationId!: string;

  @Column('text')
  text!: string;

  /** Anonymous to everyone, hosts included. */
  @Column('boolean', { default: false })
  anonymous!: boolean;

  @Column('text')
  status!: QuestionStatus;

  @Column('integer', { default: 0 })
  votes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One upvote per registration and question. */
@Entity('webinar_question_votes')
export class QuestionVote {
  @ForeignKey(() => Question, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'question_id' })
  questionId!: string;

  @ForeignKey(() => Registration, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'registration_id' })
  registrationId!: string;
}

/** What one registration watched, from the same LiveKit webhooks as sessions. */
@Entity('webinar_attendance')
export class WebinarAttendance {
  @ForeignKey(() => Registration, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'registration_id' })
  registrationId!: string;

  @Index('webinar_attendance_webinar_id_idx')
  @ForeignKey(() => Webinar, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'webinar_id' })
  webinarId!: string;

  @Column('numeric', { name: 'minutes_watched', precision: 8, scale: 2, default: 0 })
  minutesWatched!: string;

  @Column('timestamptz', { name: 'first_joined_at', nullable: true })
  firstJoinedAt!: Date | null;

  @Column('timestamptz', { name: 'last_left_at', nullable: true })
  lastLeftAt!: Date | null;

  @Column('boolean', { default: false })
  final!: boolean;
}

/** A webinar reminder sent to a registration: claimed before sending, so never twice. */
@Entity('webinar_reminder_deliveries')
export class WebinarReminderDelivery {
  @ForeignKey(() => Registration, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'registration_id' })
  registrationId!: string;

  @PrimaryColumn('integer', { name: 'offset_minutes' })
  offsetMinutes!: number;

  @Column('text', { default: 'sending' })
  status!: 'sending' | 'sent';
}
