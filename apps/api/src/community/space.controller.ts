import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CommunityPreferencesDto,
  CommunityPreferencesView,
  CommunityStreamService,
  GroupSpaceView,
  ReadMarkerDto,
  ReadMarkerView,
  SpaceService,
  WatchedWordsDto,
  WatchedWordsView,
} from '#community';
import { FACILITATOR_ROLES, MANAGER_ROLES, type Membership } from '#organizations';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import {
  CurrentMembership,
  OrganizationRoles,
} from '../organizations/organization-access.guard.js';

/** The viewer's summary of a space, read markers, the live stream, digest and watched words. */
@ApiTags('community')
@ApiBearerAuth()
@Controller()
export class SpaceController {
  constructor(
    private readonly space: SpaceService,
    private readonly stream: CommunityStreamService,
  ) {}

  @ApiAnswer(GroupSpaceView, 'Unread count, mute, role and digest choice for the viewer')
  @Get('groups/:groupId/space')
  summary(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.space.summary(groupId, user.id);
  }

  @ApiAnswer(ReadMarkerView, 'Read up to there (the marker never moves back)')
  @Put('groups/:groupId/read-marker')
  markRead(
    @Param('groupId') groupId: string,
    @Body() body: ReadMarkerDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.space.markRead(groupId, user.id, body);
  }

  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'Server-sent events: `post` (a new visible post or reply, as PostView), `moderation` ' +
      '(`{ postId, action, post: PostView | null }`), and for facilitators `held` (PostView); ' +
      'a comment line every 15 seconds. Ends when the viewer loses access or stops reading; ' +
      'at most 5 open at a time per person (429 too_many_streams)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @Get('groups/:groupId/stream')
  async live(
    @Param('groupId') groupId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Refusals (404, 429) are answered as JSON before `start`; after it, the reply is ours.
    await this.stream.open(groupId, user.id, () => {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      return {
        write: (chunk) => void raw.write(chunk),
        get unreadBytes() {
          return raw.writableLength;
        },
        get closed() {
          return raw.destroyed || raw.writableEnded || !!raw.socket?.destroyed;
        },
        end: () => raw.end(),
        onClose: (listener) => {
          raw.once('close', listener);
          raw.once('error', listener);
        },
      };
    });
  }

  @ApiAnswer(CommunityPreferencesView, 'Your digest choice for every group: daily or none')
  @Get('me/community-preferences')
  preferences(@CurrentUser() user: AuthenticatedUser) {
    return this.space.preferences(user.id);
  }

  @ApiAnswer(CommunityPreferencesView, 'Saved')
  @Put('me/community-preferences')
  setPreferences(@Body() body: CommunityPreferencesDto, @CurrentUser() user: AuthenticatedUser) {
    return this.space.setPreferences(user.id, body.digest);
  }

  @ApiAnswer(WatchedWordsView, "The organization's watched words; owners, admins, therapists")
  @Get('organizations/:orgId/watched-words')
  @OrganizationRoles(...FACILITATOR_ROLES)
  watchedWords(@CurrentMembership() membership: Membership) {
    return this.space.watchedWords(membership.organizationId);
  }

  @ApiAnswer(WatchedWordsView, 'Replaced; posts with one are held for review; owners and admins')
  @Put('organizations/:orgId/watched-words')
  @OrganizationRoles(...MANAGER_ROLES)
  setWatchedWords(
    @CurrentMembership() membership: Membership,
    @Body() body: WatchedWordsDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.space.setWatchedWords(membership.organizationId, user.id, body.words);
  }
}
