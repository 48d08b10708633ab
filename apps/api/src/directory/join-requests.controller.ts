import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateJoinRequestDto,
  DeclineJoinRequestDto,
  GroupJoinRequestList,
  JoinRequestDecisions,
  JoinRequestDecisionView,
  JoinRequestsService,
  MyJoinRequestList,
  MyJoinRequestView,
} from '#directory';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import { preferredLocale } from '../common/preferred-locale.js';

/** Requests to join a group: the person asks and withdraws; facilitators approve or decline. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class JoinRequestsController {
  constructor(
    private readonly requests: JoinRequestsService,
    private readonly decisions: JoinRequestDecisions,
  ) {}

  @ApiAnswer(MyJoinRequestView, 'Asked (a drop-in with a seat free: let in at once)')
  @Post('groups/:groupId/join-requests')
  create(
    @Param('groupId') groupId: string,
    @Body() body: CreateJoinRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.requests.create(groupId, user.id, body, preferredLocale(acceptLanguage));
  }

  @ApiAnswer(MyJoinRequestList, 'Your requests, the newest first')
  @Get('me/join-requests')
  mine(@CurrentUser() user: AuthenticatedUser) {
    return this.requests.mine(user.id);
  }

  @ApiAnswer(MyJoinRequestView, 'Withdrawn')
  @Delete('join-requests/:requestId')
  withdraw(@Param('requestId') requestId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.requests.withdraw(requestId, user.id);
  }

  @ApiAnswer(GroupJoinRequestList, 'Pending requests first; facilitators')
  @Get('groups/:groupId/join-requests')
  forGroup(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.decisions.list(groupId, user.id);
  }

  @ApiAnswer(JoinRequestDecisionView, 'Approved (a seat) or waitlisted (the group is full)')
  @Post('join-requests/:requestId/approve')
  @HttpCode(200)
  approve(@Param('requestId') requestId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.decisions.approve(requestId, user.id);
  }

  @ApiAnswer(JoinRequestDecisionView, 'Declined with the message')
  @Post('join-requests/:requestId/decline')
  @HttpCode(200)
  decline(
    @Param('requestId') requestId: string,
    @Body() body: DeclineJoinRequestDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.decisions.decline(requestId, user.id, body.message);
  }
}
