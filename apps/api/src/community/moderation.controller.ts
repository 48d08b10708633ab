import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, pageRequest } from '#common';
import {
  ActiveMutesView,
  CrisisFlagResolvedView,
  ModerationLogPage,
  ModerationQueueView,
  ModerationReasonDto,
  ModerationService,
  MuteMemberDto,
  MuteView,
  PostView,
} from '#community';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

/** Moderation of a group's space: the group's facilitators only (members get 403). */
@ApiTags('community')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @ApiAnswer(ModerationQueueView, 'Held, reported and crisis-flagged; reports as count and reasons')
  @Get('groups/:groupId/moderation')
  queue(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.moderation.queue(groupId, user.id);
  }

  @ApiAnswer(ModerationLogPage, 'Every moderation action, the newest first')
  @Get('groups/:groupId/moderation/log')
  log(
    @Param('groupId') groupId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.log(groupId, user.id, pageRequest(query));
  }

  @ApiAnswer(CrisisFlagResolvedView, 'Looked after: off the queue')
  @Post('groups/:groupId/moderation/crisis-flags/:flagId/resolve')
  @HttpCode(200)
  resolveFlag(
    @Param('groupId') groupId: string,
    @Param('flagId') flagId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.resolveFlag(groupId, flagId, user.id);
  }

  @ApiAnswer(PostView, 'Approved: members see it')
  @Post('posts/:postId/approve')
  @HttpCode(200)
  approve(
    @Param('postId') postId: string,
    @Body() body: ModerationReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.act(postId, user.id, 'approve', body.reason);
  }

  @ApiAnswer(PostView, 'Hidden from members')
  @Post('posts/:postId/hide')
  @HttpCode(200)
  hide(
    @Param('postId') postId: string,
    @Body() body: ModerationReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.act(postId, user.id, 'hide', body.reason);
  }

  @ApiAnswer(PostView, 'Visible again')
  @Post('posts/:postId/restore')
  @HttpCode(200)
  restore(
    @Param('postId') postId: string,
    @Body() body: ModerationReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.act(postId, user.id, 'restore', body.reason);
  }

  @ApiAnswer(PostView, 'Pinned to the top of the space')
  @Post('posts/:postId/pin')
  @HttpCode(200)
  pin(
    @Param('postId') postId: string,
    @Body() body: ModerationReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.act(postId, user.id, 'pin', body.reason);
  }

  @ApiAnswer(PostView, 'No longer pinned')
  @Post('posts/:postId/unpin')
  @HttpCode(200)
  unpin(
    @Param('postId') postId: string,
    @Body() body: ModerationReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.act(postId, user.id, 'unpin', body.reason);
  }

  @ApiAnswer(PostView, 'Kept as it is: its open reports are closed (409 when none are open)')
  @Post('posts/:postId/dismiss-reports')
  @HttpCode(200)
  dismissReports(
    @Param('postId') postId: string,
    @Body() body: ModerationReasonDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.dismissReports(postId, user.id, body.reason);
  }

  @ApiAnswer(ActiveMutesView, 'Members muted now, by alias, with the end and the reason')
  @Get('groups/:groupId/mutes')
  mutes(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.moderation.mutes(groupId, user.id);
  }

  @ApiAnswer(MuteView, 'Muted: cannot post or reply until then (403 muted)')
  @Post('groups/:groupId/mutes')
  mute(
    @Param('groupId') groupId: string,
    @Body() body: MuteMemberDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.mute(groupId, user.id, body.userId, new Date(body.until), body.reason);
  }

  @ApiAnswer(MuteView, 'Unmuted')
  @Delete('groups/:groupId/mutes/:userId')
  unmute(
    @Param('groupId') groupId: string,
    @Param('userId') userId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.unmute(groupId, user.id, userId);
  }
}
