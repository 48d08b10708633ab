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
import { Group } from '#groups';
import type { SessionStatus } from './session-state.js';

/**
 * One occurrence of a group. Stored as UTC instants plus the local date and wall time in the
 * group's zone at the time it was scheduled. `revision` grows with every change calendar
 * clients must pick up (it is the ICS SEQUENCE).
 */
@Entity('sessions')
@Index('sessions_group_id_starts_at_idx', ['groupId', 'startsAt'])
@Index('sessions_group_id_sequence_key', ['groupId', 'sequence'], { unique: true })
@Check('sessions_status_check', `"status" IN ('scheduled', 'open', 'live', 'ended', 'cancelled')`)
@Check('sessions_ends_after_start_check', `"ends_at" > "starts_at"`)
@Check('sessions_module_check', `("module_index" IS NULL) = ("module_title" IS NULL)`)
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'group_id' })
  groupId!: string;

  /** Position in the series, 1-based, in order of the weekly slots. */
  @Column('integer')
  sequence!: number;

  /**
   * Index of the curriculum module held in this session, 0-based; null in a group without a
   * curriculum (a support or drop-in meeting, known by its `sequence`).
   */
  @Column('integer', { name: 'module_index', nullable: true })
  moduleIndex!: number | null;

  @Column('text', { name: 'module_title', nullable: true })
  moduleTitle!: string | null;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Column('text')
  timezone!: string;

  @Column('text', { name: 'local_date' })
  localDate!: string;

  @Column('text', { name: 'local_start_time' })
  localStartTime!: string;

  @Column('text', { default: 'scheduled' })
  status!: SessionStatus;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason!: string | null;

  @Column('integer', { default: 0 })
  revision!: number;

  /**
   * Whether the people in the room may chat (LiveKit data messages); the facilitator switches it
   * for the session, live. Hearth keeps only this switch, never the chat.
   */
  @Column('boolean', { name: 'chat_enabled', default: true })
  chatEnabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
