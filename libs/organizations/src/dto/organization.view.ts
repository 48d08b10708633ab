import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '#common';
import { AuthResult } from '#identity';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../organization-role.js';

const role = { enum: ORGANIZATION_ROLES, enumName: 'OrganizationRole' } as const;

export class GroupAgreementView {
  @ApiProperty({ type: 'integer', description: 'Raised on every change; consent names it' })
  version!: number;

  @ApiProperty()
  text!: string;
}

export class OrganizationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'Europe/London' })
  timezone!: string;

  @ApiProperty({ type: 'integer', isArray: true, example: [1440, 60] })
  reminderOffsetsMinutes!: number[];

  @ApiProperty({
    type: 'integer',
    example: 2557,
    description:
      'Days the clinical records of a person who erased their account are kept, from the erasure',
  })
  clinicalRetentionDays!: number;

  @ApiProperty({ type: GroupAgreementView, nullable: true })
  groupAgreement!: GroupAgreementView | null;
}

export class ReminderChannels {
  @ApiProperty()
  email!: boolean;

  @ApiProperty()
  inApp!: boolean;
}

export class MembershipRef {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty(role)
  role!: OrganizationRole;
}

/** The signed-in person's own account. */
export class Profile {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "Seen only by the person's facilitators and organization admins",
  })
  legalName!: string | null;

  @ApiProperty()
  emailVerified!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'Asia/Dhaka' })
  timezone!: string | null;

  @ApiProperty({ type: ReminderChannels })
  reminderChannels!: ReminderChannels;

  @ApiProperty({ type: [MembershipRef] })
  memberships!: MembershipRef[];
}

/** A member as the organization's owners and admins see them. */
export class MemberView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty(role)
  role!: OrganizationRole;

  @ApiProperty()
  joinedAt!: Date;
}

export class MemberPage extends PageOf(MemberView) {}

/** A participant as the facilitators who enroll them see them: by alias, never by address. */
export class ParticipantView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;
}

export class ParticipantPage extends PageOf(ParticipantView) {}

/** An invitation as its sender sees it: the same whether or not an account uses the address. */
export class InvitationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty(role)
  role!: OrganizationRole;

  @ApiProperty()
  expiresAt!: Date;
}

export class InvitationPage extends PageOf(InvitationView) {}

/** An open invitation as its invitee sees it. */
export class OpenInvitationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty()
  organizationName!: string;

  @ApiProperty(role)
  role!: OrganizationRole;

  @ApiProperty()
  expiresAt!: Date;
}

export class OpenInvitationPage extends PageOf(OpenInvitationView) {}

/** The membership an accepted invitation made. */
export class InvitationAccepted {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty(role)
  role!: OrganizationRole;
}

export class InvitationDeclined {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  declined!: boolean;
}

/** Accepting from the e-mailed link signs the person in. */
export class InvitationSession extends AuthResult {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;
}
