import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, pageRequest } from '#common';
import {
  CheckDraftDto,
  CreatePostDto,
  DraftCheckView,
  PostCreatedView,
  PostPage,
  PostsService,
  ReportPostDto,
  ReportReceivedView,
} from '#community';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import { preferredLocale } from '../common/preferred-locale.js';

/** The group's space between sessions: posts and replies for its members and facilitators. */
@ApiTags('community')
@ApiBearerAuth()
@Controller()
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @ApiAnswer(PostPage, 'Top-level posts, pinned first, then the newest first')
  @Get('groups/:groupId/posts')
  list(
    @Param('groupId') groupId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.posts.list(groupId, user.id, pageRequest(query));
  }

  @ApiAnswer(PostCreatedView, 'Posted, or held for a facilitator with the reasons')
  @Post('groups/:groupId/posts')
  create(
    @Param('groupId') groupId: string,
    @Body() body: CreatePostDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.posts.create(groupId, user.id, body, preferredLocale(acceptLanguage));
  }

  @ApiAnswer(
    DraftCheckView,
    'What posting it would do; a crisis-sounding draft answers resources and tells the facilitators',
  )
  @Post('groups/:groupId/posts/check')
  check(
    @Param('groupId') groupId: string,
    @Body() body: CheckDraftDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.posts.check(groupId, user.id, body.body, preferredLocale(acceptLanguage));
  }

  @ApiAnswer(PostPage, "A post's replies, the oldest first")
  @Get('posts/:postId/replies')
  replies(
    @Param('postId') postId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.posts.replies(postId, user.id, pageRequest(query));
  }

  @ApiAnswer(PostCreatedView, 'Replied, or held for a facilitator with the reasons')
  @Post('posts/:postId/replies')
  reply(
    @Param('postId') postId: string,
    @Body() body: CreatePostDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.posts.reply(postId, user.id, body, preferredLocale(acceptLanguage));
  }

  @ApiAnswer(ReportReceivedView, 'Reported to the facilitators; the author never learns who')
  @Post('posts/:postId/report')
  report(
    @Param('postId') postId: string,
    @Body() body: ReportPostDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.posts.report(postId, user.id, body.reason);
  }
}
