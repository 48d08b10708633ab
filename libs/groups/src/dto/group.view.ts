import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '#common';
import type { GroupViewerRole } from '../group-access.service.js';
import { GROUP_KINDS, type GroupKind } from '../group.entity.js';

const kind = { enum: GROUP_KINDS, enumName: 'GroupKind' } as const;

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

  @ApiProperty(kind)
  kind!: GroupKind;

  @ApiProperty({ example: 'en', description: 'The language the group meets in (BCP 47)' })
  language!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null exactly when the group has no curriculum',
  })
  curriculumVersionId!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a support or drop-in group was ended: no sessions after it',
  })
  endedAt!: string | null;

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

  @ApiProperty({
    description:
      'Whether the caller reads clinical data here (notes, measures, risk alerts, homework review, incidents): false for members and peer supporters',
  })
  clinician!: boolean;
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

  @ApiProperty(kind)
  kind!: GroupKind;

  @ApiProperty({ example: 'en' })
  language!: string;

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

/** Well-known tags for specialized needs: suggestions, any other valid tag is accepted too. */
export class GroupTagSuggestions {
  @ApiProperty({ type: [String], example: ['postpartum', 'seasonal', 'grief'] })
  items!: string[];
}
