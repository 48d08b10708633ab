import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '#identity';
import { GroupAgreement } from './group-agreement.entity.js';
import { Invitation } from './invitation.entity.js';
import { InvitationRepository } from './invitation.repository.js';
import { InvitationsService } from './invitations.service.js';
import { MembersService } from './members.service.js';
import { Membership } from './membership.entity.js';
import { MembershipRepository } from './membership.repository.js';
import { MyInvitationsService } from './my-invitations.service.js';
import { Organization } from './organization.entity.js';
import { OrganizationAccess } from './organization-access.service.js';
import { OrganizationRepository } from './organization.repository.js';
import { OrganizationsService } from './organizations.service.js';
import { InvitationEmailQueue } from './send-invitation-email/invitation-email.queue.js';
import { ProfileService } from './profile.service.js';
import { OrganizationsPersonalData } from './personal-data/organizations-personal-data.js';
import { OrganizationsPersonalDataRepository } from './personal-data/organizations-personal-data.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Organization, Membership, Invitation, GroupAgreement]),
    IdentityModule,
  ],
  providers: [
    OrganizationRepository,
    MembershipRepository,
    InvitationRepository,
    OrganizationsService,
    MembersService,
    InvitationsService,
    MyInvitationsService,
    ProfileService,
    OrganizationAccess,
    InvitationEmailQueue,
    OrganizationsPersonalDataRepository,
    OrganizationsPersonalData,
  ],
  exports: [
    OrganizationAccess,
    OrganizationRepository,
    MembershipRepository,
    OrganizationsService,
    MembersService,
    InvitationsService,
    MyInvitationsService,
    ProfileService,
    IdentityModule,
  ],
})
export class OrganizationsModule {}
