import { ApiProperty } from '@nestjs/swagger';
import type { GroupViewerRole } from '#groups/group-access.service.js';

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
