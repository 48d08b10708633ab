import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PageQueryDto, pageRequest } from '#common';
import {
  JoinService,
  ModerationService,
  MuteDto,
  JoinAdmitted,
  type JoinAnswer,
  JoinWaiting,
  LobbyDecision,
  LobbyPage,
  MuteResult,
  RemovalResult,
  RoomChatDto,
  RoomChatService,
  RoomChatView,
  SessionEnded,
} from '#video';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

@ApiTags('video')
@ApiBearerAuth()
@Controller('sessions/:sessionId')
export class VideoController {
  constructor(
    private readonly joins: JoinService,
    private readonly moderation: ModerationService,
    private readonly chat: RoomChatService,
  ) {}

  /** 200 with a token when admitted; 202 while waiting in the lobby (call again to check). */
  @ApiOkResponse({ type: JoinAdmitted, description: 'Admitted: connect with the token' })
  @ApiAcceptedResponse({ type: JoinWaiting, description: 'Waiting in the lobby' })
  @Post('join')
  async join(
    @Param('sessionId') sessionId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JoinAnswer> {
    const answer = await this.joins.join(sessionId, user.id);
    void reply.status(answer.status === 'waiting' ? 202 : 200);
    return answer;
  }

  @ApiAnswer(LobbyPage, 'Who waits to be let in, the longest waiting first')
  @Get('lobby')
  lobby(
    @Param('sessionId') sessionId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.waiting(sessionId, user.id, pageRequest(query));
  }

  @ApiAnswer(LobbyDecision, "Admitted: the person's next join call gets a token")
  @Post('lobby/:entryId/admit')
  @HttpCode(200)
  admit(
    @Param('sessionId') sessionId: string,
    @Param('entryId') entryId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.admit(sessionId, entryId, user.id);
  }

  @ApiAnswer(LobbyDecision, 'Denied (and out of the room, if they were admitted)')
  @Post('lobby/:entryId/deny')
  @HttpCode(200)
  deny(
    @Param('sessionId') sessionId: string,
    @Param('entryId') entryId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.deny(sessionId, entryId, user.id);
  }

  @ApiAnswer(MuteResult)
  @Post('participants/:userId/mute')
  @HttpCode(200)
  mute(
    @Param('sessionId') sessionId: string,
    @Param('userId') userId: string,
    @Body() body: MuteDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.mute(sessionId, userId, user.id, body.trackSid);
  }

  @ApiAnswer(RemovalResult, 'Out of the room, and cannot rejoin this session')
  @Post('participants/:userId/remove')
  @HttpCode(200)
  remove(
    @Param('sessionId') sessionId: string,
    @Param('userId') userId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.moderation.remove(sessionId, userId, user.id);
  }

  @ApiAnswer(RoomChatView, "The room's chat on or off for everyone, at once (facilitators only)")
  @Put('chat')
  setChat(
    @Param('sessionId') sessionId: string,
    @Body() body: RoomChatDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.chat.setChat(sessionId, user.id, body.enabled);
  }

  @ApiAnswer(SessionEnded, 'The room closed for everyone')
  @Post('end')
  @HttpCode(200)
  end(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.moderation.end(sessionId, user.id);
  }
}
