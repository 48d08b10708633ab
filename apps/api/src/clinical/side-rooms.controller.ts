import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  OpenSideRoomDto,
  SideRoomAdmission,
  SideRoomInvitationList,
  SideRoomList,
  SideRoomsService,
  SideRoomView,
} from '#clinical';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

/**
 * Private side rooms during a session: a facilitator opens one for a member, who is invited and
 * joins or declines; only those two ever get its token.
 */
@ApiTags('clinical')
@ApiBearerAuth()
@Controller()
export class SideRoomsController {
  constructor(private readonly sideRooms: SideRoomsService) {}

  @ApiAnswer(SideRoomAdmission, "Opened (or this facilitator's open one): the facilitator's token")
  @Post('sessions/:sessionId/side-rooms')
  @HttpCode(200)
  open(
    @Param('sessionId') sessionId: string,
    @Body() body: OpenSideRoomDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.sideRooms.open(sessionId, user.id, body.userId);
  }

  @ApiAnswer(SideRoomList, "The session's side rooms, the newest first; facilitators")
  @Get('sessions/:sessionId/side-rooms')
  forSession(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sideRooms.forSession(sessionId, user.id);
  }

  @ApiAnswer(SideRoomInvitationList, 'Your open invitations to a private conversation')
  @Get('me/side-rooms')
  mine(@CurrentUser() user: AuthenticatedUser) {
    return this.sideRooms.invitations(user.id);
  }

  @ApiAnswer(SideRoomAdmission, 'A token for the invited member or the facilitator who opened it')
  @Post('side-rooms/:sideRoomId/join')
  @HttpCode(200)
  join(@Param('sideRoomId') sideRoomId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sideRooms.join(sideRoomId, user.id);
  }

  @ApiAnswer(SideRoomView, '"Not now": the invited member declines, which closes it')
  @Post('side-rooms/:sideRoomId/decline')
  @HttpCode(200)
  decline(@Param('sideRoomId') sideRoomId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sideRooms.decline(sideRoomId, user.id);
  }

  @ApiAnswer(SideRoomView, 'Closed for both (a facilitator of the group); again changes nothing')
  @Post('side-rooms/:sideRoomId/close')
  @HttpCode(200)
  close(@Param('sideRoomId') sideRoomId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.sideRooms.close(sideRoomId, user.id);
  }
}
