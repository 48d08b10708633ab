import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GroupAgreementState, EnrollmentService } from '#groups';
import { CurrentModuleView, MyGroupList, MemberGroupsService } from '#sessions';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

/** What a group's members read: their groups, this week's module, the group agreement. */
@ApiTags('groups')
@ApiBearerAuth()
@Controller()
export class MemberGroupsController {
  constructor(
    private readonly memberGroups: MemberGroupsService,
    private readonly enrollments: EnrollmentService,
  ) {}

  @ApiAnswer(MyGroupList, "The caller's seats and waitlist places, the oldest first")
  @Get('me/groups')
  myGroups(@CurrentUser() user: AuthenticatedUser) {
    return this.memberGroups.myGroups(user.id);
  }

  /** Goals, materials and homework of this week's module; never the facilitators' notes. */
  @ApiAnswer(CurrentModuleView, "This week's session and what members may see of its module")
  @Get('groups/:groupId/current-module')
  currentModule(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.memberGroups.currentModule(groupId, user.id);
  }

  @ApiAnswer(GroupAgreementState, "The organization's group agreement and the caller's consent")
  @Get('groups/:groupId/agreement')
  agreement(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.enrollments.agreementState(groupId, user.id);
  }
}
