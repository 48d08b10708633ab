import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, pageRequest } from '#common/page.js';
import { ConsentDto, EnrollDto } from '#groups/dto/enrollment.dto.js';
import { EnrollmentService } from '#groups/enrollment.service.js';
import type { Membership } from '#organizations/membership.entity.js';
import { FACILITATOR_ROLES } from '#organizations/organization-role.js';
import { ChangeSeriesDto, CreateGroupDto } from '#sessions/dto/group.dto.js';
import { GroupSetupService } from '#sessions/group-setup.service.js';
import { SessionScheduleService } from '#sessions/session-schedule.service.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiPage, schema } from '../common/api-page.js';
import { SESSION_ITEM } from '../sessions/session-item.schema.js';
import {
  CurrentMembership,
  OrganizationRoles,
} from '../organizations/organization-access.guard.js';

@ApiTags('groups')
@ApiBearerAuth()
@Controller()
export class GroupsController {
  constructor(
    private readonly setup: GroupSetupService,
    private readonly schedule: SessionScheduleService,
    private readonly enrollments: EnrollmentService,
  ) {}

  @Post('organizations/:orgId/groups')
  @OrganizationRoles(...FACILITATOR_ROLES)
  create(@CurrentMembership() membership: Membership, @Body() body: CreateGroupDto) {
    return this.setup.create(membership.organizationId, membership.userId, body);
  }

  @Get('groups/:groupId')
  get(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.setup.get(groupId, user.id);
  }

  @Get('groups/:groupId/sessions')
  @ApiPage("The group's sessions by start", SESSION_ITEM)
  sessions(
    @Param('groupId') groupId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.schedule.list(groupId, user.id, pageRequest(query));
  }

  /** New local start time (and duration) from one session to the end of the series. */
  @Patch('groups/:groupId/schedule')
  changeSeries(
    @Param('groupId') groupId: string,
    @Body() body: ChangeSeriesDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.schedule.changeSeries(groupId, user.id, body);
  }

  @Post('groups/:groupId/enrollments')
  enroll(
    @Param('groupId') groupId: string,
    @Body() body: EnrollDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.enrollments.enroll(groupId, user.id, body.userId);
  }

  /** The roster, for facilitators: active members, then the waitlist in its order. */
  @Get('groups/:groupId/enrollments')
  @ApiPage('Active members, then the waitlist in order', {
    id: schema.uuid,
    userId: schema.uuid,
    displayName: schema.str,
    email: schema.str,
    status: { type: 'string', enum: ['active', 'waitlisted'] },
    queuedAt: schema.instant,
    consentedVersion: { ...schema.int, nullable: true },
  })
  roster(
    @Param('groupId') groupId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.enrollments.roster(groupId, user.id, pageRequest(query));
  }

  /** The active members by display alias: what members see of each other. */
  @Get('groups/:groupId/members')
  @ApiPage('Active members by display alias', { userId: schema.uuid, displayName: schema.str })
  members(
    @Param('groupId') groupId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.enrollments.members(groupId, user.id, pageRequest(query));
  }

  @Delete('enrollments/:enrollmentId')
  withdraw(@Param('enrollmentId') enrollmentId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.enrollments.withdraw(enrollmentId, user.id);
  }

  @Post('groups/:groupId/consent')
  consent(
    @Param('groupId') groupId: string,
    @Body() body: ConsentDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.enrollments.consent(groupId, user.id, body.agreementVersion);
  }
}
