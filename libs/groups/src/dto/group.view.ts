import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '#common';
import type { GroupViewerRole } from '../group-access.service.js';

export class GroupView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ format: 'uuid' })
  leadFacilitatorId!: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  coFacilitatorIds!: string[];

  @ApiProperty({ format: 'uuid' })
  curriculumVersionId!: string;

  @ApiProperty({ type: 'integer' })
  capacity!: number;

  @ApiProperty({ type: 'integer' })
  minSize!: number;

  @ApiProperty()
  lobbyEnabled!: boolean;

  @ApiProperty()
  participantScreenShare!: boolean;

  @ApiProperty({ example: 'Europe/London' })
  timezone!: string;

  @ApiProperty({ format: 'date', example: '2026-11-05' })
  firstSessionDate!: string;

  @ApiProperty({ example: '19:00', description: 'Local wall time in `timezone`' })
  startTime!: string;

  @ApiProperty({ type: 'integer' })
  durationMinutes!: number;
}

/** A group as one of its people sees it, with how they relate to it. */
export class GroupDetailView extends GroupView {
  @ApiProperty({ enum: ['facilitator', 'member'] })
  viewerRole!: GroupViewerRole;
}

/** A line of an organization's list of groups: what a facilitator needs to pick one. */
export class GroupSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ example: 'Europe/London' })
  timezone!: string;

  @ApiProperty({ example: '19:00', description: 'Local wall time in `timezone`' })
  startTime!: string;

  @ApiProperty({ type: 'integer' })
  durationMinutes!: number;

  @ApiProperty({ type: 'integer' })
  capacity!: number;

  @ApiProperty({ type: 'integer', description: 'Active seats taken' })
  enrolled!: number;

  @ApiProperty({ type: 'integer', description: 'People on the waitlist' })
  waitlisted!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The next session not cancelled nor over; null once the series is over',
  })
  nextSessionAt!: string | null;
}

export class GroupSummaryPage extends PageOf(GroupSummary) {}
