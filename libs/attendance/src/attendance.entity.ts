import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '#identity';
import { Session } from '#sessions';

export type AttendanceStatus = 'present' | 'partial' | 'absent' | 'excused';

export interface PresenceInterval {
  joinedAt: string;
  leftAt: string | null;
}

/**
 * One person's attendance of one session, computed from the video server's events, with a
 * facilitator's override kept beside it (never instead of it).
 */
@Entity('attendance')
@Check('attendance_status_check', `"status" IN ('present', 'partial', 'absent')`)
@Check(
  'attendance_override_status_check',
  `"override_status" IS NULL OR "override_status" IN ('present', 'excused')`,
)
export class Attendance {
  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'session_id' })
  sessionId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  role!: 'participant' | 'facilitator';

  @Column('text')
  status!: Exclude<AttendanceStatus, 'excused'>;

  @Column('numeric', { name: 'minutes_present', precision: 8, scale: 2, default: 0 })
  minutesPresent!: string;

  @Column('timestamptz', { name: 'first_joined_at', nullable: true })
  firstJoinedAt!: Date | null;

  @Column('timestamptz', { name: 'last_left_at', nullable: true })
  lastLeftAt!: Date | null;

  /** Merged presence: reconnects and overlapping connections count once. */
  @Column('jsonb', { default: () => `'[]'` })
  intervals!: PresenceInterval[];

  /** Per LiveKit participant sid, as the events gave them. */
  @Column('jsonb', { name: 'sid_intervals', default: () => `'{}'` })
  sidIntervals!: Record<string, PresenceInterval & { aborted?: boolean }>;

  /** Whether every interval is closed: the row will not change unless an event comes late. */
  @Column('boolean', { default: false })
  final!: boolean;

  @Column('text', { name: 'override_status', nullable: true })
  overrideStatus!: 'present' | 'excused' | null;

  @Column('text', { name: 'override_reason', nullable: true })
  overrideReason!: string | null;

  @ForeignKey(() => User)
  @Column('uuid', { name: 'override_by_id', nullable: true })
  overrideById!: string | null;

  @Column('timestamptz', { name: 'override_at', nullable: true })
  overrideAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
