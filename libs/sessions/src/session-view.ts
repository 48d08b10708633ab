import { ApiProperty } from '@nestjs/swagger';
import { ListOf, PageOf } from '#common';
import { SESSION_STATUSES, type SessionStatus } from './session-state.js';
import type { Session } from './session.entity.js';

/** A session as lists and its own page answer it. */
export class SessionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({ type: 'integer', description: 'Its place in the series, from 1' })
  sequence!: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "The curriculum module's index, from 0; null in a group without a curriculum",
  })
  moduleIndex!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The curriculum module held; null in a group without a curriculum',
  })
  moduleTitle!: string | null;

  @ApiProperty()
  startsAt!: Date;

  @ApiProperty()
  endsAt!: Date;

  @ApiProperty({ example: 'Europe/London' })
  timezone!: string;

  @ApiProperty({ format: 'date', example: '2026-11-05' })
  localDate!: string;

  @ApiProperty({ example: '19:00' })
  localStartTime!: string;

  @ApiProperty({ enum: SESSION_STATUSES, enumName: 'SessionStatus' })
  status!: SessionStatus;

  @ApiProperty({ type: String, nullable: true })
  cancelReason!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When joining the room opens' })
  joinOpensAt!: string;
}

export class SessionPage extends PageOf(SessionView) {}

/** A session in the caller's own schedule, across their groups. */
export class UpcomingSessionView extends SessionView {
  @ApiProperty()
  groupName!: string;
}

export class UpcomingSessionPage extends PageOf(UpcomingSessionView) {}

/** The sessions a change moved. */
export class SessionList extends ListOf(SessionView) {}

/** A secret calendar address; keep it private, like a password. */
export class CalendarFeedLink {
  @ApiProperty({ format: 'uri', example: 'https://hearth.example/api/v1/calendar/abc.ics' })
  url!: string;
}

/**
 * What a session is called in e-mails, notifications and calendars: its module's title, or
 * "Meeting N" in a group without a curriculum.
 */
export const sessionTitle = (session: Pick<Session, 'moduleTitle' | 'sequence'>): string =>
  session.moduleTitle ?? `Meeting ${session.sequence}`;

/** When joining a session's room opens: `joinEarlyMinutes` (VIDEO_JOIN_EARLY_MINUTES) before it starts. */
export const joinOpensAt = (session: Pick<Session, 'startsAt'>, joinEarlyMinutes: number): Date =>
  new Date(session.startsAt.getTime() - joinEarlyMinutes * 60_000);

/** The session's view, with when joining its room opens. */
export const toSessionView = (session: Session, joinEarlyMinutes: number): SessionView => ({
  id: session.id,
  groupId: session.groupId,
  sequence: session.sequence,
  moduleIndex: session.moduleIndex,
  moduleTitle: session.moduleTitle,
  startsAt: session.startsAt,
  endsAt: session.endsAt,
  timezone: session.timezone,
  localDate: session.localDate,
  localStartTime: session.localStartTime,
  status: session.status,
  cancelReason: session.cancelReason,
  joinOpensAt: joinOpensAt(session, joinEarlyMinutes).toISOString(),
});
