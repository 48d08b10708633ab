import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, pageRequest } from '#common';
import {
  ConsentDto,
  EnrollDto,
  ConsentView,
  EnrollmentView,
  GroupMemberPage,
  RosterPage,
  WithdrawalView,
  EnrollmentService,
  CreateGroupDto,
  GroupDetailView,
  GroupService,
  GroupSummaryPage,
  GroupTagSuggestions,
  GroupView,
  SUGGESTED_GROUP_TAGS,
} from '#groups';
import type { Membership } from '#organizations';
import { GROUP_LEADER_ROLES } from '#organizations';
import {
  ChangeSeriesDto,
  GroupSetupService,
  RollingScheduleService,
  SessionScheduleService,
  SessionList,
  SessionPage,
} from '#sessions';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
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
    private readonly groups: GroupService,
    private readonly schedule: SessionScheduleService,
    private readonly enrollments: EnrollmentService,
    private readonly rolling: RollingScheduleService,
  ) {}

  /**
   * A curriculum group opens with one weekly session per module; a support or drop-in group with
   * its weekly meetings scheduled 12 weeks ahead (and kept so). Peer supporters create and lead
   * only support and drop-in groups.
   */
  @ApiAnswer(GroupView, 'Opened, with its weekly sessions')
  @Post('organizations/:orgId/groups')
  @OrganizationRoles(...GROUP_LEADER_ROLES)
  create(@CurrentMembership() membership: Membership, @Body() body: CreateGroupDto) {
    return this.setup.create(membership.organizationId, membership.userId, body);
  }

  /** Managers see all the organization's groups; therapists and peer supporters the ones they lead or co-facilitate. */
  @ApiAnswer(GroupSummaryPage, 'Oldest first, with seats taken and the next session')
  @Get('organizations/:orgId/groups')
  @OrganizationRoles(...GROUP_LEADER_ROLES)
  list(@CurrentMembership() membership: Membership, @Query() query: PageQueryDto) {
    return this.groups.list(membership, pageRequest(query));
  }

  /** Tags for specialized needs to suggest when creating a group; any other valid tag is fine. */
  @ApiAnswer(GroupTagSuggestions)
  @Get('group-tags')
  tagSuggestions(): GroupTagSuggestions {
    return { items: [...SUGGESTED_GROUP_TAGS] };
  }

  /** Ends a support or drop-in group: its coming meetings are cancelled, no more are scheduled. */
  @ApiAnswer(GroupView, 'Ended (again: the group as it ended, nothing changes)')
  @Post('groups/:groupId/end')
  @HttpCode(200)
  end(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.rolling.end(groupId, user.id);
  }

  @ApiAnswer(GroupDetailView)
  @Get('groups/:groupId')
  get(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.groups.get(groupId, user.id);
  }

  @ApiAnswer(SessionPage, "The group's sessions by start")
  @Get('groups/:groupId/sessions')
  sessions(
    @Param('groupId') groupId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.schedule.list(groupId, user.id, pageRequest(query));
  }

  /** New local start time (and duration) from one session to the end of the series. */
  @ApiAnswer(SessionList, 'The sessions that moved')
  @Patch('groups/:groupId/schedule')
  changeSeries(
    @Param('groupId') groupId: string,
    @Body() body: ChangeSeriesDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.schedule.changeSeries(groupId, user.id, body);
  }

  @ApiAnswer(EnrollmentView, '`active`, or `waitlisted` when the group is full')
  @Post('groups/:groupId/enrollments')
  enroll(
    @Param('groupId') groupId: string,
    @Body() body: EnrollDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.enrollments.enroll(groupId, user.id, body.userId);
  }

  /** The roster, for facilitators: active members, then the waitlist in its order. */
  @ApiAnswer(RosterPage, 'Active members, then the waitlist in order')
  @Get('groups/:groupId/enrollments')
  roster(
    @Param('groupId') groupId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.enrollments.roster(groupId, user.id, pageRequest(query));
  }

  /** The active members by display alias: what members see of each other. */
  @ApiAnswer(GroupMemberPage, 'Active members by display alias')
  @Get('groups/:groupId/members')
  members(
    @Param('groupId') groupId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.enrollments.members(groupId, user.id, pageRequest(query));
  }

  @ApiAnswer(WithdrawalView, 'Withdrawn; the first waitlisted person took the seat')
  @Delete('enrollments/:enrollmentId')
  withdraw(@Param('enrollmentId') enrollmentId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.enrollments.withdraw(enrollmentId, user.id);
  }

  @ApiAnswer(ConsentView, 'Consent to the current group agreement recorded')
  @Post('groups/:groupId/consent')
  consent(
    @Param('groupId') groupId: string,
    @Body() body: ConsentDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.enrollments.consent(groupId, user.id, body.agreementVersion);
  }
}
