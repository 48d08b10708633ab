import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '#common';
import { SESSION_STATUSES, type SessionStatus } from '#sessions';
import type { AttendanceStatus, PresenceInterval } from './attendance.entity.js';

const ATTENDANCE_STATUSES = ['present', 'partial', 'absent', 'excused'] as const;
const attendanceStatus = { enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus' } as const;

/** A stretch of time in the room; reconnects and overlapping connections count once. */
export class PresenceIntervalView implements PresenceInterval {
  @ApiProperty({ format: 'date-time' })
  joinedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while in' })
  leftAt!: string | null;
}

/** A facilitator's decision, kept beside the computed status. */
export class AttendanceOverrideView {
  @ApiProperty({ enum: ['present', 'excused'] })
  status!: 'present' | 'excused';

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who decided' })
  by!: string | null;

  @ApiProperty({ type: Date, nullable: true })
  at!: Date | null;
}

/** One person's attendance of a session. */
export class AttendanceItem {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, nullable: true })
  displayName!: string | null;

  @ApiProperty({ enum: ['participant', 'facilitator'] })
  role!: 'participant' | 'facilitator';

  @ApiProperty({ ...attendanceStatus, description: 'The override if any, else the computed one' })
  status!: AttendanceStatus;

  @ApiProperty({ enum: ['present', 'partial', 'absent'] })
  computedStatus!: Exclude<AttendanceStatus, 'excused'>;

  @ApiProperty()
  minutesPresent!: number;

  @ApiProperty({ type: Date, nullable: true })
  firstJoinedAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  lastLeftAt!: Date | null;

  @ApiProperty({ type: [PresenceIntervalView] })
  intervals!: PresenceIntervalView[];

  @ApiProperty({ type: AttendanceOverrideView, nullable: true })
  override!: AttendanceOverrideView | null;
}

export class AttendancePage extends PageOf(AttendanceItem) {}

/** A column of the group's attendance matrix. */
export class MatrixSession {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer' })
  sequence!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null in a group without a curriculum',
  })
  moduleTitle!: string | null;

  @ApiProperty()
  startsAt!: Date;

  @ApiProperty({ format: 'date' })
  localDate!: string;

  @ApiProperty({ enum: SESSION_STATUSES, enumName: 'SessionStatus' })
  status!: SessionStatus;
}

/** A row of the group's attendance matrix. */
export class MatrixMember {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, nullable: true })
  displayName!: string | null;

  @ApiProperty({
    type: 'object',
    description: 'By session id; null for sessions not held yet',
    additionalProperties: { type: 'string', enum: [...ATTENDANCE_STATUSES], nullable: true },
  })
  attendance!: Record<string, AttendanceStatus | null>;

  @ApiProperty({ type: 'integer', description: 'Sessions attended (present or partial)' })
  attended!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Attended / held sessions not excused, 0 to 1; null before any',
  })
  rate!: number | null;
}

/** Members x sessions, with each member's attendance rate over the sessions held so far. */
export class GroupAttendanceMatrix {
  @ApiProperty({ type: [MatrixSession] })
  sessions!: MatrixSession[];

  @ApiProperty({ type: [MatrixMember] })
  members!: MatrixMember[];
}

export class WebinarAttendeeView {
  @ApiProperty({ format: 'uuid' })
  registrationId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  registeredAt!: Date;

  @ApiProperty()
  attended!: boolean;

  @ApiProperty()
  minutesWatched!: number;
}

/** Counts for the whole webinar, and a page of its registrations with minutes watched. */
export class WebinarAttendanceReport extends PageOf(WebinarAttendeeView) {
  @ApiProperty({ type: 'integer' })
  registered!: number;

  @ApiProperty({ type: 'integer' })
  attended!: number;

  @ApiProperty({ description: 'Of those who came' })
  averageMinutesWatched!: number;
}

/** A LiveKit webhook, taken. */
export class WebhookReceipt {
  @ApiProperty()
  received!: boolean;

  @ApiProperty({ description: 'Stored before (LiveKit retried it): ignored' })
  duplicate!: boolean;
}
