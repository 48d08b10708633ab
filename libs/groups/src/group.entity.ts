import {
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
 * A cohort following a pinned curriculum version, one session per module, weekly at the same
 * local wall time in `timezone`.
 */
@Entity('groups')
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

  @ForeignKey(() => CurriculumVersion)
  @Column('uuid', { name: 'curriculum_version_id' })
  curriculumVersionId!: string;

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
