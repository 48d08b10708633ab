import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GROUP_KINDS, type GroupKind } from '#groups';
import { SCREENINGS, type Screening } from '../group-listing.entity.js';
import { JOIN_REQUEST_STATUSES, type JoinRequestStatus } from '../join-request.entity.js';

/** A group's listing as its facilitators set it. */
export class GroupListingView {
  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty()
  openToRequests!: boolean;

  @ApiProperty({ enum: SCREENINGS, nullable: true, type: String })
  screening!: Screening | null;

  @ApiProperty({ type: Date, nullable: true, description: 'Null until first set' })
  updatedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  updatedBy!: string | null;
}

/** When a group meets, for a visitor to read in their own time zone. */
export class ListingScheduleView {
  @ApiProperty({ example: 'Asia/Dhaka', description: 'The IANA zone the group meets in' })
  timezone!: string;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday in that zone, 1 = Monday' })
  weekday!: number;

  @ApiProperty({ example: '19:00', description: 'Local start time in that zone' })
  startTime!: string;

  @ApiProperty()
  durationMinutes!: number;

  @ApiProperty({ type: [Date], description: 'The next few session starts (UTC instants)' })
  nextSessions!: Date[];

  @ApiProperty({
    description: 'Support and drop-in groups meet weekly with no end date; people join any week',
  })
  openEnded!: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'A curriculum group: how many meetings are still to come; null when open-ended',
  })
  sessionsLeft!: number | null;
}

/** The screening a request may carry: the questions, in the visitor's language. */
export class ScreeningQuestionsView {
  @ApiProperty({ enum: SCREENINGS })
  instrument!: Screening;

  @ApiProperty({ example: 'PHQ-2' })
  title!: string;

  @ApiProperty()
  stem!: string;

  @ApiProperty({ type: [String] })
  items!: string[];

  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: { value: { type: 'integer' }, label: { type: 'string' } },
      required: ['value', 'label'],
    },
  })
  options!: { value: number; label: string }[];
}

/** A group in the public directory: what it is and when it meets, never who is in it. */
export class DirectoryGroupView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ enum: GROUP_KINDS })
  kind!: GroupKind;

  @ApiProperty({ example: 'bn' })
  language!: string;

  @ApiProperty({ type: ListingScheduleView })
  schedule!: ListingScheduleView;

  @ApiProperty({ description: 'Capacity minus the seats taken' })
  seatsLeft!: number;

  @ApiProperty({ description: 'No seat free: a request may join the waitlist' })
  full!: boolean;

  @ApiProperty({ enum: SCREENINGS, nullable: true, type: String })
  screening!: Screening | null;
}

export class DirectoryGroupDetailView extends DirectoryGroupView {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty()
  organizationName!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The organization's group agreement a request consents to",
  })
  agreement!: string | null;

  @ApiProperty({ type: ScreeningQuestionsView, nullable: true })
  screeningQuestions!: ScreeningQuestionsView | null;
}

export class DirectoryView {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty()
  organizationName!: string;

  @ApiProperty({ type: [DirectoryGroupView] })
  items!: DirectoryGroupView[];
}

/** A person's own request, as they see it. */
export class MyJoinRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty()
  groupName!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ enum: JOIN_REQUEST_STATUSES })
  status!: JoinRequestStatus;

  @ApiProperty()
  note!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The kind message sent with a decline',
  })
  message!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  decidedAt!: Date | null;
}

export class MyJoinRequestList {
  @ApiProperty({ type: [MyJoinRequestView] })
  items!: MyJoinRequestView[];
}

/** The screening as a facilitator sees it: the score only for clinicians. */
export class ScreeningSeenView {
  @ApiProperty({ enum: SCREENINGS })
  instrument!: Screening;

  @ApiProperty({ enum: [true] })
  answered!: true;

  @ApiPropertyOptional({
    type: Number,
    description: 'Clinician facilitators only; each read is audited',
  })
  score?: number;

  @ApiPropertyOptional({ type: [Number], description: 'Clinician facilitators only' })
  answers?: number[];
}

/** A request as the group's facilitators see it: the person by alias. */
export class GroupJoinRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: JOIN_REQUEST_STATUSES })
  status!: JoinRequestStatus;

  @ApiProperty()
  note!: string;

  @ApiProperty({ type: ScreeningSeenView, nullable: true })
  screening!: ScreeningSeenView | null;

  @ApiProperty({ type: String, nullable: true })
  message!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  decidedAt!: Date | null;
}

export class GroupJoinRequestList {
  @ApiProperty({ type: [GroupJoinRequestView] })
  items!: GroupJoinRequestView[];

  @ApiProperty({ description: 'Whether the group has no seat free (approving then waitlists)' })
  full!: boolean;
}

/** What the person is told once a request is decided. */
export class JoinRequestDecisionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: JOIN_REQUEST_STATUSES })
  status!: JoinRequestStatus;

  @ApiProperty({ type: String, nullable: true })
  message!: string | null;
}
