import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, pageRequest } from '#common';
import {
  AddMemberDto,
  CreateInvitationDto,
  CreateOrganizationDto,
  UpdateOrganizationDto,
  InvitationPage,
  InvitationView,
  MemberPage,
  ParticipantPage,
  OrganizationView,
  InvitationsService,
  MembersService,
  GROUP_LEADER_ROLES,
  MANAGER_ROLES,
  ORGANIZATION_ROLES,
  OrganizationsService,
} from '#organizations';
import type { Membership } from '#organizations';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import { CurrentMembership, OrganizationRoles } from './organization-access.guard.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @ApiAnswer(OrganizationView, 'Created; the caller is its owner')
  @Post()
  create(@Body() body: CreateOrganizationDto, @CurrentUser() user: AuthenticatedUser) {
    return this.organizations.create(body.name, user.id);
  }

  @ApiAnswer(OrganizationView)
  @Get(':orgId')
  @OrganizationRoles(...ORGANIZATION_ROLES)
  get(@CurrentMembership() membership: Membership) {
    return this.organizations.get(membership.organizationId);
  }

  @ApiAnswer(OrganizationView)
  @Patch(':orgId')
  @OrganizationRoles(...MANAGER_ROLES)
  update(@CurrentMembership() membership: Membership, @Body() body: UpdateOrganizationDto) {
    return this.organizations.update(membership.organizationId, body);
  }

  @ApiAnswer(MemberPage, 'Members in the order they joined')
  @Get(':orgId/members')
  @OrganizationRoles(...MANAGER_ROLES)
  listMembers(@CurrentMembership() membership: Membership, @Query() query: PageQueryDto) {
    return this.members.list(membership.organizationId, pageRequest(query));
  }

  /**
   * For facilitators (peer supporters too) enrolling people in their groups: participants by
   * alias, no addresses.
   */
  @ApiAnswer(ParticipantPage, 'Participants in the order they joined')
  @Get(':orgId/participants')
  @OrganizationRoles(...GROUP_LEADER_ROLES)
  listParticipants(@CurrentMembership() membership: Membership, @Query() query: PageQueryDto) {
    return this.members.listParticipants(membership.organizationId, pageRequest(query));
  }

  /** Kept for integrators: an invitation like the route below; nobody joins without accepting. */
  @ApiAnswer(InvitationView, 'Invited (nobody becomes a member without accepting)')
  @Post(':orgId/members')
  @OrganizationRoles(...MANAGER_ROLES)
  addMember(@CurrentMembership() membership: Membership, @Body() body: AddMemberDto) {
    return this.invite(membership, body);
  }

  @ApiAnswer(InvitationView, 'The same whether or not an account uses the address')
  @Post(':orgId/invitations')
  @OrganizationRoles(...MANAGER_ROLES)
  invite(@CurrentMembership() membership: Membership, @Body() body: CreateInvitationDto) {
    return this.invitations.invite(
      membership.organizationId,
      { userId: membership.userId, role: membership.role },
      body.email,
      body.role,
    );
  }

  @ApiAnswer(InvitationPage, 'Open invitations, soonest to expire first')
  @Get(':orgId/invitations')
  @OrganizationRoles(...MANAGER_ROLES)
  listInvitations(@CurrentMembership() membership: Membership, @Query() query: PageQueryDto) {
    return this.invitations.listOpen(membership.organizationId, pageRequest(query));
  }
}
