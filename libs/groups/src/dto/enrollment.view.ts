import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '#common';
import { GroupAgreementView } from '#organizations';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../enrollment.entity.js';

const status = { enum: ENROLLMENT_STATUSES, enumName: 'EnrollmentStatus' } as const;

export class EnrollmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ ...status, description: '`waitlisted` when the group is full' })
  status!: EnrollmentStatus;
}

/** A withdrawal, and who got the freed seat. */
export class WithdrawalView extends EnrollmentView {
  @ApiProperty({
    type: EnrollmentView,
    nullable: true,
    description: 'The first waitlisted person, now active',
  })
  promoted!: EnrollmentView | null;
}

/** A line of the roster, as facilitators see it. */
export class RosterEntry {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null for a peer supporter, who knows the members by alias only',
  })
  email!: string | null;

  @ApiProperty(status)
  status!: EnrollmentStatus;

  @ApiProperty({ description: 'The waitlist goes in this order' })
  queuedAt!: Date;

  @ApiProperty({ type: 'integer', nullable: true })
  consentedVersion!: number | null;
}

export class RosterPage extends PageOf(RosterEntry) {}

/** What members see of each other: the display alias only. */
export class GroupMemberView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;
}

export class GroupMemberPage extends PageOf(GroupMemberView) {}

export class ConsentView {
  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({ type: 'integer' })
  agreementVersion!: number;

  @ApiProperty()
  consentedAt!: Date;
}

/** The organization's group agreement as a member reads it, and where they stand with it. */
export class GroupAgreementState {
  @ApiProperty({
    type: GroupAgreementView,
    nullable: true,
    description: 'Null while the organization has none',
  })
  agreement!: GroupAgreementView | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The newest version the caller consented to in this group',
  })
  consentedVersion!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  consentedAt!: Date | null;

  @ApiProperty({
    description: "Joining this group's sessions waits for consent to the current version",
  })
  consentRequired!: boolean;
}
