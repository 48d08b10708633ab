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
import { CurriculumVersion } from '#curricula';
import { User } from '#identity';
import { Organization } from '#organizations';

/**
 * What a group is: a `curriculum` group follows a pinned curriculum version, one session per
 * module; a `support` group meets weekly without a curriculum, people joining any week; a
 * `drop_in` group is open weekly meetings a person may walk into while a seat is free.
 */
export const GROUP_KINDS = ['curriculum', 'support', 'drop_in'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/**
 * A group meeting weekly at the same local wall time in `timezone`: a cohort following a pinned
 * curriculum version (one session per module), or an open-ended group without one.
 */
@Entity('groups')
@Check('groups_kind_check', `"kind" IN ('curriculum', 'support', 'drop_in')`)
@Check(
  'groups_curriculum_version_kind_check',
  `("curriculum_version_id" IS NOT NULL) = ("kind" = 'curriculum')`,
)
@Check('groups_ended_kind_check', `"ended_at" IS NULL OR "kind" <> 'curriculum'`)
export class Group {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('groups_organization_id_idx')
  @ForeignKey(() => Organization, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text')
  name!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('text', { array: true, default: () => `'{}'` })
  tags!: string[];

  @ForeignKey(() => User)
  @Column('uuid', { name: 'lead_facilitator_id' })
  leadFacilitatorId!: string;

  @Column('text', { default: 'curriculum' })
  kind!: GroupKind;

  /** The language the group meets in, a short BCP 47 code (`en`, `bn`, `id`, ...). */
  @Column('text', { default: 'en' })
  language!: string;

  /** Null exactly when the group has no curriculum (`kind` is not `curriculum`). */
  @ForeignKey(() => CurriculumVersion)
  @Column('uuid', { name: 'curriculum_version_id', nullable: true })
  curriculumVersionId!: string | null;

  /** When an open-ended group was ended: no sessions are scheduled after it. */
  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;

  @Column('integer')
  capacity!: number;

  @Column('integer', { name: 'min_size', default: 1 })
  minSize!: number;

  @Column('boolean', { name: 'lobby_enabled', default: true })
  lobbyEnabled!: boolean;

  /** Whether participants may share their screen (facilitators always may). */
  @Column('boolean', { name: 'participant_screen_share', default: false })
  participantScreenShare!: boolean;

  /** IANA zone the local wall times are in. */
  @Column('text')
  timezone!: string;

  /** Local date of the first session, `YYYY-MM-DD`. */
  @Column('text', { name: 'first_session_date' })
  firstSessionDate!: string;

  /** Local start time of the series, `HH:mm`. */
  @Column('text', { name: 'start_time' })
  startTime!: string;

  @Column('integer', { name: 'duration_minutes' })
  durationMinutes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
